"""Dedup and dyad timelines on the example corpus (examples/corpus): what the articles were written to say.

    .venv/bin/python benchmarks/corpus_dedup.py [--db STORE]     # without --db, extracts the corpus first

Prints pairwise dedup precision/recall against the planted duplicates (truth.json ``stories``: two
documents are duplicates when they report one story), and each written dyad timeline against the
dyad report (level, status and date prefix; target year for proposals).
"""

from __future__ import annotations

import argparse
import itertools
import json
from pathlib import Path
from typing import Any

from bilateral.corpus.dedup import deduplicate, duplicate_pairs
from bilateral.corpus.dyad import dyad_report
from bilateral.record import Document

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "examples" / "corpus"


def gold_pairs(truth: dict[str, Any]) -> set[tuple[str, str]]:
    pairs: set[tuple[str, str]] = set()
    for docs in truth["stories"].values():
        pairs.update(tuple(sorted(p)) for p in itertools.combinations(sorted(set(docs)), 2))  # type: ignore[misc]
    return pairs


def dedup_scores(docs: list[Document], truth: dict[str, Any]) -> dict[str, float]:
    pred = duplicate_pairs(deduplicate(docs))
    gold = gold_pairs(truth)
    tp = len(pred & gold)
    p = tp / len(pred) if pred else 0.0
    r = tp / len(gold) if gold else 0.0
    return {"pairs_gold": len(gold), "pairs_pred": len(pred), "true": tp, "precision": round(p, 3),
            "recall": round(r, 3)}


def _mergeable(x: Document | None, y: Document | None) -> bool:
    """Both documents hold an event of one type, status, (unordered) dyad and month: dedup could have merged them."""
    def keys(d: Document) -> set[tuple[str, str, frozenset[str | None], str]]:
        acts = {a.id: a.country for a in d.actors}
        return {(e.type, e.status, frozenset((acts.get(e.source or ""), acts.get(e.target or ""))),
                 (e.date or d.published or "")[:7]) for e in d.events}
    return bool(x and y and keys(x) & keys(y))


def timeline_hits(docs: list[Document], truth: dict[str, Any]) -> dict[str, list[tuple[dict[str, str], bool]]]:
    out = {}
    for dyad, steps in truth["timeline"].items():
        a, b = dyad.split("-")
        rep = dyad_report(docs, a, b)
        got = [(s.level, s.status, s.date or "", s.target_date or "") for s in rep.history]
        out[dyad] = [(st, any(g[0] == st["level"] and g[1] == st["status"] and g[2].startswith(st.get("date", ""))
                              and g[3].startswith(st.get("target_date", "")) for g in got)) for st in steps]
    return out


def extract(path: Path) -> list[Document]:
    import bilateral

    eng = bilateral.load()
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    return list(eng.extract_many(rows))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db")
    args = ap.parse_args()
    truth = json.loads((CORPUS / "truth.json").read_text(encoding="utf-8"))
    if args.db:
        from bilateral.query import load_documents

        docs = load_documents(args.db)
    else:
        docs = extract(CORPUS / "articles.jsonl")
    print("dedup (document pairs):", dedup_scores(docs, truth))
    gold, pred = gold_pairs(truth), duplicate_pairs(deduplicate(docs))
    print("  missed pairs:", sorted(gold - pred))
    by_id = {d.id: d for d in docs}
    blame = {p: ("dedup" if _mergeable(by_id.get(p[0]), by_id.get(p[1])) else "extraction") for p in gold - pred}
    print("  missed because of:", {k: sum(1 for v in blame.values() if v == k) for k in ("dedup", "extraction")},
          "dedup:", sorted(p for p, v in blame.items() if v == "dedup"))
    print("  false pairs: ", sorted(pred - gold))
    for dyad, hits in timeline_hits(docs, truth).items():
        rep = dyad_report(docs, *dyad.split("-"))
        print(f"{dyad}: {sum(h for _, h in hits)}/{len(hits)} written steps found; current {rep.current!r} "
              f"(written {truth['current'][dyad]!r})")
        for st, hit in hits:
            print("   ", "ok  " if hit else "MISS", st)
        for s in rep.history:
            print("      got:", s.level, s.status, s.date or "", s.target_date or "", len(s.sources))


if __name__ == "__main__":
    main()
