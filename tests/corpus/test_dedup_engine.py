"""Dedup end to end: differently worded reports, extracted by the engine, become one event."""

from __future__ import annotations

import bilateral
from bilateral.corpus.dedup import deduplicate

REPORTS = [
    ("wire-1", "Wire", "2025-02-05",
     "Japan's foreign minister met his Indian counterpart in Tokyo on Tuesday to discuss maritime security."),
    ("paper-1", "Daily Paper", "2025-02-05",
     "Indian and Japanese foreign ministers held talks in Tokyo on February 4, officials said."),
    ("blog-1", "Policy Blog", "2025-02-06",
     "The foreign ministers of India and Japan met in Tokyo on Tuesday, according to a statement."),
]
LATER = ("paper-2", "Daily Paper", "2025-03-06",
         "Indian and Japanese foreign ministers held talks in New Delhi on March 4, officials said.")


def _docs(engine: bilateral.Engine, rows: list[tuple[str, str, str, str]]) -> list[bilateral.Document]:
    return [engine.extract(text, id=i, source=src, published=pub) for i, src, pub, text in rows]


def _consults(events: list) -> list:  # type: ignore[type-arg]
    return [e for e in events if e.type == "CONSULT" and {e.source_country, e.target_country} == {"IND", "JPN"}]


def test_three_wordings_one_event_three_sources(engine: bilateral.Engine) -> None:
    docs = _docs(engine, REPORTS)
    for d in docs:
        assert any(e.type == "CONSULT" and e.status == "asserted" for e in d.events), d.text
    merged = _consults(deduplicate(docs))
    assert len(merged) == 1, merged
    ev = merged[0]
    assert ev.articles == 3 and ev.sources == 3
    assert ev.date == "2025-02-04"
    assert {r.doc_id for r in ev.reports} == {"wire-1", "paper-1", "blog-1"}


def test_same_type_and_dyad_a_month_apart_stay_two(engine: bilateral.Engine) -> None:
    merged = _consults(deduplicate(_docs(engine, [*REPORTS, LATER])))
    assert len(merged) == 2
    assert sorted(e.date for e in merged) == ["2025-02-04", "2025-03-04"]
