"""Event figures on every gold set: the seed, the held-out set, PLOVER GSR and PETRARCH-2 validation.

usage: python benchmarks/events_gold.py [--sets seed,heldout,heldout2,plover,petr2] [--limit N] [--misses]

Runs the engine over each gold file, writes the records to a temporary file and scores them with
the reference scorer (``../shared/eval/score.py``). Also counts asserted events on the no-event
records (gold ``events`` empty), the precision measure that matters for PETRARCH-2. Sets under
``../shared`` are skipped when absent; the data is read in place, never copied.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SETS = {
    "seed": SHARED / "seed" / "gold.jsonl",
    "heldout": ROOT / "tests" / "data" / "events_heldout.jsonl",
    "plover": SHARED / "data" / "plover_gsr" / "gold.unified.jsonl",
    "petr2": SHARED / "data" / "petr2_gsr_validation" / "gold.unified.jsonl",
    "heldout2": ROOT / "tests" / "data" / "events_heldout2.jsonl",
}
#: the GSR gold codes UN bodies and the European Community as IGO where plover.md says UNO and EUR;
#: the diagnostic recall ``event_recall_igo`` counts ours as IGO (our codes are not changed)
AS_IGO = {"UNO": "IGO", "EUR": "IGO"}
SCORER = SHARED / "eval" / "score.py"


def run_set(engine: Any, path: Path, *, limit: int | None = None) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Gold rows and the engine's records for them."""
    gold = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if limit:
        gold = gold[:limit]
    items = [{"text": g["text"], "id": g["id"], "published": g.get("published"), "title": g.get("title")}
             for g in gold]
    records = [doc.to_dict() for doc in engine.extract_many(items)]
    return gold, records


def score(gold: list[dict[str, Any]], records: list[dict[str, Any]], *, misses: bool = False) -> dict[str, Any]:
    """The reference scorer's summary, plus asserted events on no-event records."""
    with tempfile.TemporaryDirectory() as tmp:
        g, p = Path(tmp) / "gold.jsonl", Path(tmp) / "pred.jsonl"
        g.write_text("".join(json.dumps(x) + "\n" for x in gold), encoding="utf-8")
        p.write_text("".join(json.dumps(x) + "\n" for x in records), encoding="utf-8")
        if misses:
            out = subprocess.run([sys.executable, str(SCORER), str(g), str(p)], capture_output=True, text=True)
            print(out.stdout)
        out = subprocess.run([sys.executable, str(SCORER), str(g), str(p), "--json"], capture_output=True,
                             text=True, check=True)
    summary: dict[str, Any] = json.loads(out.stdout)
    summary["event_recall_igo"] = recall_as_igo(gold, records)
    by_id = {r["id"]: r for r in records}
    empty = [x for x in gold if not x["events"]]
    summary["no_event_records"] = len(empty)
    summary["asserted_on_no_event"] = sum(
        1 for x in empty for e in by_id.get(x["id"], {}).get("events", [])
        if e.get("status") in ("asserted", "future"))
    return summary


def recall_as_igo(gold: list[dict[str, Any]], records: list[dict[str, Any]]) -> float:
    """Event recall with our UNO/EUR actors counted as IGO (a diagnostic for the GSR sets)."""
    from bilateral.evaluate import event_matches, predicted_triples

    by_id = {r["id"]: r for r in records}
    hit = total = 0
    for g in gold:
        rec = by_id.get(g["id"], {})
        triples = {(AS_IGO.get(s, s), AS_IGO.get(t, t), typ) for s, t, typ in predicted_triples(rec)}
        for ev in g["events"]:
            total += 1
            ev = {**ev, "source": AS_IGO.get(ev["source"], ev["source"]), "target": AS_IGO.get(ev["target"], ev["target"])}
            hit += any(event_matches(ev, p) for p in triples)
    return round(hit / total, 3) if total else 0.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--misses", action="store_true", help="print the scorer's misses too")
    args = ap.parse_args(argv)
    if not SCORER.is_file():
        print(f"skipped: {SCORER} is not present")
        return 0
    import bilateral

    engine = bilateral.load()
    cols = ["event_recall", "event_recall_igo", "event_precision", "dyad_recall", "type_acc_given_dyad", "forbidden",
            "asserted_on_no_event", "no_event_records"]
    print(f"{'set':10} {'docs':>5} " + " ".join(f"{c:>22}" for c in cols))
    for name in args.sets.split(","):
        path = SETS[name]
        if not path.is_file():
            print(f"{name:10} skipped ({path} is not present)")
            continue
        gold, records = run_set(engine, path, limit=args.limit)
        s = score(gold, records, misses=args.misses)
        print(f"{name:10} {len(gold):>5} " + " ".join(f"{s[c]:>22}" for c in cols), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
