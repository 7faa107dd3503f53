"""Actor resolution on POLECAT's actor tests (NGEC fixtures), measured through the product.

Each fixture's text is extracted as a document with ``engine.extract(text, published=doc_date)``;
the prediction is the actor whose mentions cover most of the text (none: country and sector null).
Country is right when it equals the gold country (gold "" means no country); sector is right when it
equals ``code_1`` or ``code_2`` (gold "" means no sector). Cases: methods search_nat, agent_to_code
and short_text_to_agent with a gold country (search_nat's ``cc``) and, for sector, a gold ``code_1``.

    .venv/bin/python benchmarks/actors_ngec.py [--data ../shared/data/ngec_actor_fixtures] [--show-errors]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "data" / "ngec_actor_fixtures"
METHODS = ("search_nat", "agent_to_code", "short_text_to_agent")
INTERNATIONAL = {"NGO", "IGO", "UNO", "EUR", "IMG", "ISM", "MNC"}


def load_cases(folder: Path) -> list[dict[str, Any]]:
    """Fixture cases with a gold country (and maybe a sector)."""
    cases = []
    for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        gold = row.get("gold") or {}
        if row.get("method") not in METHODS:
            continue
        country = gold.get("country", gold.get("cc"))
        if country is None:
            continue
        if not country and gold.get("code_1") in INTERNATIONAL:
            # NGEC writes "Red Crescent" as country "" and code NGO; PLOVER (and bilateral) put NGO, IGO...
            # in the country field, so the gold is read that way.
            gold = {**gold, "code_1": ""}
            country = row["gold"]["code_1"]
        cases.append({"id": row["id"], "text": row["text"], "date": row.get("doc_date"), "method": row["method"],
                      "country": country or None, "sector": (gold.get("code_1") or None) if "code_1" in gold else "-",
                      "sector2": gold.get("code_2") or None, "collected": bool(row.get("collected_by_pytest"))})
    return cases


def predict(engine: Any, cases: list[dict[str, Any]]) -> list[tuple[str | None, str | None, str]]:
    """(country, sector, rule) of the actor covering most of each case's text."""
    out = []
    docs = engine.extract_many({"text": c["text"], "published": c["date"]} for c in cases)
    for doc in docs:
        best, cover = None, 0
        for a in doc.actors:
            chars = set()
            for m in a.mentions:
                chars.update(range(*m.span))
            if len(chars) > cover:
                best, cover = a, len(chars)
        out.append((best.country, best.sector, best.rule) if best else (None, None, "none"))
    return out


def score(cases: list[dict[str, Any]], preds: list[tuple[str | None, str | None, str]]) -> dict[str, dict[str, Any]]:
    table: dict[str, dict[str, Any]] = defaultdict(lambda: {"n": 0, "country": 0, "n_sector": 0, "sector": 0})
    for case, (country, sector, _) in zip(cases, preds, strict=True):
        for key in (case["method"], "all", "all (collected by pytest)" if case["collected"] else None):
            if key is None:
                continue
            row = table[key]
            row["n"] += 1
            row["country"] += int(country == case["country"])
            if case["sector"] != "-":
                row["n_sector"] += 1
                row["sector"] += int(sector == case["sector"] or (sector is not None and sector == case["sector2"]))
    return {k: dict(v) for k, v in table.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT)
    parser.add_argument("--show-errors", action="store_true")
    parser.add_argument("--json", type=Path, help="also write the table as JSON here")
    args = parser.parse_args(argv)
    if not (args.data / "gold.jsonl").is_file():
        print(f"no fixtures at {args.data}", file=sys.stderr)
        return 2
    import bilateral

    engine = bilateral.load()
    cases = load_cases(args.data)
    preds = predict(engine, cases)
    table = score(cases, preds)
    print(f"{'cases':<28} {'n':>4} {'country':>8} {'n_sect':>7} {'sector':>8}")
    for key in (*METHODS, "all", "all (collected by pytest)"):
        if key not in table:
            continue
        r = table[key]
        c = r["country"] / r["n"] if r["n"] else 0.0
        s = r["sector"] / r["n_sector"] if r["n_sector"] else 0.0
        print(f"{key:<28} {r['n']:>4} {c:>8.3f} {r['n_sector']:>7} {s:>8.3f}")
    if args.show_errors:
        for case, (country, sector, rule) in zip(cases, preds, strict=True):
            bad_c = country != case["country"]
            bad_s = case["sector"] != "-" and sector != case["sector"] and (sector is None or sector != case["sector2"])
            if bad_c or bad_s:
                print(f"  {'C' if bad_c else ' '}{'S' if bad_s else ' '} {case['text']!r:<60} gold={case['country']}/"
                      f"{case['sector']} got={country}/{sector} [{rule}]")
    if args.json:
        args.json.write_text(json.dumps(table, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
