"""Actor country and sector on the source/target spans of the PLOVER gold standard records.

Each sentence is extracted (published = its placeholder date 2000-01-01, so office-holders resolve as of
then); each gold SRC/TAR span is looked up with ``MentionIndex.actor_at`` and compared with the gold code
(non-ISO leftovers JAP, ITL, VTN mapped to JPN, ITA, VNM) and sector (its first three letters; ``***``
not scored). A span with no actor counts as wrong.

    .venv/bin/python benchmarks/actors_plover_gsr.py [--data ../shared/data/plover_gsr] [--show-errors]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "data" / "plover_gsr"
FIX = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}


def cases(folder: Path) -> list[dict[str, Any]]:
    out = []
    for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        gold = row["gold"]
        entries = [*(gold.get("source") or []), *(gold.get("target") or [])]
        spans = []
        for sp in gold.get("spans") or []:
            if sp["role"] in ("SRC", "TAR", "SRC/TAR"):
                ent = next((e for e in entries if e.get("text") == sp["text"]), None)
                if ent is not None and ent.get("code"):
                    spans.append({"start": sp["start"], "end": sp["end"], "text": sp["text"],
                                  "country": FIX.get(ent["code"], ent["code"]), "sector": (ent.get("sector") or "")[:3]})
        if spans:
            out.append({"id": row["id"], "text": row["text"], "date": row.get("doc_date"), "spans": spans})
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT)
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args(argv)
    if not (args.data / "gold.jsonl").is_file():
        print(f"no gold at {args.data}", file=sys.stderr)
        return 2
    import bilateral
    from bilateral.annotate.context import MentionIndex

    engine = bilateral.load()
    items = cases(args.data)
    docs = engine.extract_many({"text": c["text"], "published": c["date"]} for c in items)
    n = n_c = n_s = ok_c = ok_s = found = 0
    for case, doc in zip(items, docs, strict=True):
        index = MentionIndex(doc.actors)
        for sp in case["spans"]:
            a = index.actor_at(sp["start"], sp["end"])
            n += 1
            found += a is not None
            country, sector = (a.country, a.sector) if a else (None, None)
            n_c += 1
            ok_c += country == sp["country"]
            good_s = True
            if sp["sector"] and sp["sector"] != "***":
                n_s += 1
                good_s = sector == sp["sector"]
                ok_s += good_s
            if args.show_errors and (country != sp["country"] or not good_s):
                ctx = case["text"][max(0, sp["start"] - 30):sp["end"] + 30].replace("\n", " ")
                print(f"  {sp['text']!r:<40} gold={sp['country']}/{sp['sector']} got={country}/{sector} "
                      f"[{a.rule if a else 'none'}]  ...{ctx}...")
    print(f"spans {n}  with an actor {found / n:.3f}  country {ok_c / n_c:.3f}  sector {ok_s / max(n_s, 1):.3f} "
          f"(n_sector {n_s})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
