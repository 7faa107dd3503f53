"""``bilateral kb import FILE``: refresh the office-holder knowledge base from a Wikidata export.

Thin wrapper over :func:`bilateral.kb.import_wikidata`; writes the user KB (``$BILATERAL_KB`` or
``~/.local/share/bilateral/leaders.csv``, or ``--output``), which every later run loads next to the
bundled KB. ``bilateral kb show NAME`` prints what the KB says about a name; ``bilateral kb query`` prints
the SPARQL query to run at query.wikidata.org.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from ..errors import BilateralError
from ..kb import WIKIDATA_QUERY, import_wikidata, load_kb, user_kb_path, write_terms_csv


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("kb", help="the office-holder knowledge base (import from Wikidata, look up)")
    sub = parser.add_subparsers(dest="kb_command", metavar="ACTION")
    imp = sub.add_parser("import", help="import a Wikidata SPARQL export (JSON or CSV) into the user KB")
    imp.add_argument("file", help="the export of the query in the README (JSON or CSV)")
    imp.add_argument("--output", "-o", help=f"where to write the KB CSV (default: {user_kb_path()})")
    imp.add_argument("--merge", action="store_true", help="keep the rows already in the output file")
    imp.set_defaults(func=run_import)
    show = sub.add_parser("show", help="what the KB says about a name, on a date")
    show.add_argument("name")
    show.add_argument("--date", help="ISO date (default: today)")
    show.add_argument("--actors", action="append", default=[], help="extra actor files (CSV or YAML)")
    show.set_defaults(func=run_show)
    query = sub.add_parser("query", help="print the Wikidata SPARQL query whose export `kb import` reads")
    query.set_defaults(func=run_query)
    parser.set_defaults(func=lambda args: (parser.print_help(), 2)[1])


def run_query(args: argparse.Namespace) -> int:
    print(WIKIDATA_QUERY, end="")
    return 0


def run_import(args: argparse.Namespace) -> int:
    src = Path(args.file)
    if not src.is_file():
        raise BilateralError("E045", f"export file not found: {src}")
    terms = import_wikidata(src.read_text(encoding="utf-8"), source=f"wikidata:{src.name}")
    if not terms:
        raise BilateralError("E046", f"{src}: no rows with personLabel and iso3; run the query in the README "
                             "and download the results as JSON or CSV")
    out = Path(args.output) if args.output else user_kb_path()
    existing = ""
    if args.merge and out.is_file():
        existing = "\n".join(ln for ln in out.read_text(encoding="utf-8").splitlines()[1:]
                             if ln and not ln.startswith("#"))
    header = (f"bilateral actor KB imported from Wikidata export {src.name} on {dt.date.today().isoformat()}\n"
              "columns as in the bundled leaders.csv; sectors derived from the office labels")
    text = write_terms_csv(terms, header=header)
    if existing:
        text += existing + "\n"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    people = len({t.name for t in terms})
    print(f"imported {len(terms)} terms of {people} people into {out}")
    load_kb.cache_clear()
    return 0


def run_show(args: argparse.Namespace) -> int:
    kb = load_kb(tuple(args.actors))
    on = dt.date.fromisoformat(args.date) if args.date else dt.date.today()
    hit = kb.lookup(args.name, on=on)
    if hit is None:
        print(f"{args.name}: not in the KB ({len(kb)} terms)")
        return 1
    print(f"{hit.name}: {hit.country} {hit.sector or '-'} ({hit.office or 'no office'}) on {on} [{hit.rule}]")
    return 0
