"""The example corpus (examples/corpus) through the whole engine: planted duplicates found by dedup,
and the dyad timelines written into the articles read back by the dyad report.

Floors are pinned a little under the figures measured when they were set
(``benchmarks/corpus_dedup.py``: pair precision 1.0, recall 0.833 with the stages of 2026-11-25) and
only move up.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import pytest

import bilateral
from bilateral.corpus.dedup import deduplicate, duplicate_pairs
from bilateral.corpus.dyad import dyad_report
from bilateral.record import Document

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"
PRECISION_FLOOR = 0.9
RECALL_FLOOR = 0.8


@pytest.fixture(scope="module")
def truth() -> dict[str, Any]:
    return json.loads((CORPUS / "truth.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def corpus_docs(engine: bilateral.Engine) -> list[Document]:
    rows = [json.loads(x) for x in (CORPUS / "articles.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    return list(engine.extract_many(rows))


def test_the_corpus_is_what_it_claims(truth: dict[str, Any]) -> None:
    rows = [json.loads(x) for x in (CORPUS / "articles.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    ids = [r["id"] for r in rows]
    assert len(rows) >= 30 and len(set(ids)) == len(ids)
    assert all(r["published"] and r["source"] and r["text"] for r in rows)
    story_docs = {d for docs in truth["stories"].values() for d in docs}
    assert story_docs == set(ids)
    assert sum(1 for docs in truth["stories"].values() if len(docs) > 1) >= 10  # planted duplicates
    assert len({r["text"] for r in rows}) == len(rows)  # duplicates are rewritten, not copied


@pytest.mark.slow
def test_dedup_finds_the_planted_duplicates(corpus_docs: list[Document], truth: dict[str, Any]) -> None:
    gold = {tuple(sorted(p)) for docs in truth["stories"].values() for p in itertools.combinations(docs, 2)}
    pred = duplicate_pairs(deduplicate(corpus_docs))
    assert pred, "no duplicates found at all"
    precision = len(pred & gold) / len(pred)
    recall = len(pred & gold) / len(gold)
    assert precision >= PRECISION_FLOOR, sorted(pred - gold)
    assert recall >= RECALL_FLOOR, sorted(gold - pred)


@pytest.mark.slow
@pytest.mark.parametrize("dyad", ["KHM-KOR", "USA-VNM", "IRN-SAU"])
def test_dyad_timeline_matches_what_was_written(corpus_docs: list[Document], truth: dict[str, Any], dyad: str) -> None:
    rep = dyad_report(corpus_docs, *dyad.split("-"))
    got = [(s.level, s.status, s.date or "", s.target_date or "") for s in rep.history]
    for step in truth["timeline"][dyad]:
        assert any(g[0] == step["level"] and g[1] == step["status"] and g[2].startswith(step.get("date", ""))
                   and g[3].startswith(step.get("target_date", "")) for g in got), (step, got)
    assert rep.current == truth["current"][dyad]
    written = {(s["level"], s["status"]) for s in truth["timeline"][dyad]}
    assert {(g[0], g[1]) for g in got} <= written, "a relation step nobody wrote"
