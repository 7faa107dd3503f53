"""Times on TempEval-3 TBAQ-cleaned (../shared/data/tbaq_timex): bilateral's times stage next to
the approach of POLECAT's coder (spaCy DATE and TIME entities normalized by dateparser against
the document date), both over the same parsed Docs in the same run.

    .venv/bin/python benchmarks/times_tbaq.py [--limit N] [--subset TimeBank|AQUAINT|all] [--out DIR]

Prints one row per system: relaxed span P/R/F1 (detection), value accuracy on relaxed matches,
value F1 and DATE-only value accuracy, scored by the data set's own ``score.py`` when present.
The scoring logic is also here (:func:`score`, the same rules) so tests can use it on a subset.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "tbaq_timex"

Pred = dict[str, Any]


def load_gold(path: Path = DATA / "gold.jsonl", *, subset: str = "all", limit: int | None = None) -> list[dict[str, Any]]:
    """The gold documents, in file order."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if subset == "all" or row["subset"] == subset:
            rows.append(row)
    return rows[:limit] if limit else rows


def doc_date(row: dict[str, Any]) -> dt.date:
    return dt.date.fromisoformat(row["doc_date"][:10])


def predict_ours(docs: Sequence[Any], rows: Sequence[dict[str, Any]], settings: Any) -> list[Pred]:
    """bilateral's times stage, given each document's date as the publication date."""
    from bilateral.annotate.context import Context
    from bilateral.annotate.times import find_times
    from bilateral.ingest.article import Article

    out = []
    for doc, row in zip(docs, rows, strict=True):
        ctx = Context(doc=doc, article=Article(text=row["text"]), settings=settings, published=doc_date(row))
        times = find_times(ctx)
        out.append({"id": row["id"], "timexes": [
            {"start": t.span[0], "end": t.span[1], "value": t.value or "", "type": t.type.upper()} for t in times]})
    return out


def _dateparser_value(text: str, base: dt.datetime, parser: Any) -> str:
    """dateparser's date at the period it reports (day, week, month, year), as a TIMEX3 value."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        data = parser.get_date_data(text)
    if data is None or data.date_obj is None:
        return ""
    d, period = data.date_obj, data.period
    if period == "year":
        return f"{d.year:04d}"
    if period == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if period == "week":
        year, week, _ = d.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if period == "time":
        return d.strftime("%Y-%m-%dT%H:%M")
    return d.strftime("%Y-%m-%d")


def predict_baseline(docs: Sequence[Any], rows: Sequence[dict[str, Any]]) -> list[Pred]:
    """spaCy DATE/TIME entities, each normalized by dateparser relative to the document date."""
    from dateparser.date import DateDataParser

    out = []
    for doc, row in zip(docs, rows, strict=True):
        base = dt.datetime.combine(doc_date(row), dt.time(12, 0))
        parser = DateDataParser(languages=["en"], settings={"RELATIVE_BASE": base})
        out.append({"id": row["id"], "timexes": [
            {"start": e.start_char, "end": e.end_char, "value": _dateparser_value(e.text, base, parser),
             "type": e.label_} for e in doc.ents if e.label_ in ("DATE", "TIME")]})
    return out


def score(rows: Iterable[dict[str, Any]], preds: Iterable[Pred]) -> dict[str, float]:
    """Relaxed-overlap detection P/R/F1 and value accuracy, as ``score.py`` computes them."""
    by_id = {p["id"]: p["timexes"] for p in preds}
    n_g = n_p = relaxed = val_ok = date_n = date_ok = 0
    for row in rows:
        gold, pred = row["gold"]["timexes"], by_id.get(row["id"], [])
        n_g += len(gold)
        n_p += len(pred)
        pairs = sorted(((min(g["end"], p["end"]) - max(g["start"], p["start"]), i, j)
                        for i, g in enumerate(gold) for j, p in enumerate(pred)
                        if min(g["end"], p["end"]) > max(g["start"], p["start"])), reverse=True)
        used_g: set[int] = set()
        used_p: set[int] = set()
        for _, i, j in pairs:
            if i in used_g or j in used_p:
                continue
            used_g.add(i)
            used_p.add(j)
            relaxed += 1
            ok = (pred[j].get("value") or "") == (gold[i].get("value") or "")
            val_ok += ok
            if gold[i].get("type") == "DATE":
                date_n += 1
                date_ok += ok
    p = relaxed / n_p if n_p else 0.0
    r = relaxed / n_g if n_g else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    acc = val_ok / relaxed if relaxed else 0.0
    return {"P": p, "R": r, "F1": f, "value_acc": acc, "value_F1": f * acc,
            "date_value_acc": date_ok / date_n if date_n else 0.0, "gold": n_g, "pred": n_p}


def run(nlp: Any, settings: Any, rows: Sequence[dict[str, Any]]) -> dict[str, tuple[dict[str, float], list[Pred], float]]:
    """Parse once, then run both systems; per system: (scores, predictions, seconds)."""
    docs = list(nlp.pipe((r["text"] for r in rows), batch_size=16))
    results = {}
    for name, fn in (("bilateral", lambda: predict_ours(docs, rows, settings)),
                     ("spacy+dateparser", lambda: predict_baseline(docs, rows))):
        t0 = time.perf_counter()
        preds = fn()
        results[name] = (score(rows, preds), preds, time.perf_counter() - t0)
    return results


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="first N documents only")
    ap.add_argument("--subset", default="all", help="TimeBank, AQUAINT, te3_toolkit_sample or all")
    ap.add_argument("--out", default=None, help="folder for the prediction files (default: a temporary one)")
    args = ap.parse_args(argv)
    if not (DATA / "gold.jsonl").is_file():
        print(f"skipped: {DATA} is not present")
        return 0
    import bilateral

    engine = bilateral.load()
    rows = load_gold(subset=args.subset, limit=args.limit)
    results = run(engine.nlp, engine.settings, rows)
    out = Path(args.out or tempfile.mkdtemp(prefix="times_tbaq_"))
    out.mkdir(parents=True, exist_ok=True)
    print(f"TBAQ timex: {len(rows)} documents, {results['bilateral'][0]['gold']} gold timexes (subset={args.subset})")
    print(f"{'system':<18} {'P':>6} {'R':>6} {'F1':>6} {'valAcc':>7} {'valF1':>6} {'dateAcc':>7} {'pred':>5} {'sec':>6}")
    for name, (s, preds, secs) in results.items():
        path = out / f"{name}.jsonl"
        path.write_text("".join(json.dumps(p) + "\n" for p in preds), encoding="utf-8")
        print(f"{name:<18} {s['P']:6.3f} {s['R']:6.3f} {s['F1']:6.3f} {s['value_acc']:7.3f} {s['value_F1']:6.3f} "
              f"{s['date_value_acc']:7.3f} {s['pred']:5d} {secs:6.1f}")
    if (DATA / "score.py").is_file() and args.limit is None:
        print("\nofficial score.py, bilateral:")
        subprocess.run([sys.executable, str(DATA / "score.py"), str(out / "bilateral.jsonl"),
                        "--subset", args.subset], check=False)
    print(f"predictions in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
