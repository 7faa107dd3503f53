"""``bilateral dyad A B``: the relation's history, open proposals, requests and promises, and monthly
event counts by quad class, for two countries."""

from __future__ import annotations

import argparse
import json
import sys

from rich.console import Console
from rich.table import Table

from ..corpus.dyad import DyadReport, deadline, dyad_report
from ..query import Filter, load_documents
from .output import console, db_path


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("dyad", help="the history and event counts of one pair of countries",
                       description="For two countries (ISO3): the relation's levels with dates, open proposals, "
                       "requests and promises with deadlines, and monthly event counts by quad class.")
    p.add_argument("countries", nargs=2, metavar="ISO3")
    p.add_argument("--db", metavar="PATH", help="SQLite store (default ./bilateral.db)")
    p.add_argument("--config", metavar="TOML", help="settings file ([bilateral] table)")
    p.add_argument("--format", choices=("table", "json"), default="table", help="output format")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    spec = Filter.make(countries=args.countries)
    if len(set(spec.countries)) != 2:
        print("error: give two different countries", file=sys.stderr)
        return 2
    report = dyad_report(load_documents(db_path(args)), *spec.countries)
    if args.format == "json":
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        show(report, console())
    return 0


def show(report: DyadReport, console: Console) -> None:
    a, b = report.countries
    console.print(f"[bold]{a}-{b}[/]: {report.documents} document(s); current standing: "
                  f"{report.current or 'unknown'}")
    hist = Table(title="relation history")
    for c in ("date", "level", "status", "target", "articles", "evidence"):
        hist.add_column(c, overflow="fold")
    for st in report.history:
        hist.add_row(st.date or "", st.level, st.status, st.target_date or "", str(len(st.sources)),
                     st.sources[0].evidence[:160])
    console.print(hist)
    if report.open_proposals:
        console.print("open proposals: " + "; ".join(
            f"{p.level} (target {p.target_date or '?'})" for p in report.open_proposals))
    asks = Table(title="requests and promises")
    for c in ("date", "kind", "type", "from", "to", "deadline", "articles", "evidence"):
        asks.add_column(c, overflow="fold")
    for kind, evs in (("request", report.requests), ("promise", report.promises)):
        for e in evs:
            asks.add_row(e.date, kind, e.type, e.source_country or "", e.target_country or "", deadline(e) or "",
                         str(e.articles), e.reports[0].evidence[:160] if e.reports else "")
    console.print(asks)
    months = Table(title="events per month (deduplicated, asserted)")
    for c in ("month", "verbal coop (1)", "material coop (2)", "verbal conflict (3)", "material conflict (4)",
              "events", "mean intensity"):
        months.add_column(c)
    for m in report.months:
        months.add_row(m.month, *(str(q) for q in m.quads), str(m.events),
                       "" if m.mean_intensity is None else f"{m.mean_intensity:+.2f}")
    console.print(months)
