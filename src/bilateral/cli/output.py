"""Shared by the query commands: the ``--db``/``--format``/filter options and printing rows as a rich
table, JSON Lines or CSV. No query logic here: rows come from :mod:`bilateral.query`."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from rich.console import Console
from rich.table import Table

from ..query import Filter
from .common import settings_from


def add_db_options(p: argparse.ArgumentParser, *, formats: Sequence[str] = ("table", "jsonl", "csv")) -> None:
    p.add_argument("--db", metavar="PATH", help="SQLite store (default ./bilateral.db)")
    p.add_argument("--config", metavar="TOML", help="settings file ([bilateral] table)")
    p.add_argument("--format", choices=tuple(formats), default=formats[0], help="output format")
    p.add_argument("--limit", type=int, help="print at most this many rows")


def add_filter_options(p: argparse.ArgumentParser, *, events: bool = True) -> None:
    g = p.add_argument_group("filters")
    g.add_argument("--country", action="append", dest="countries", metavar="ISO3",
                   help="rows involving this country; twice for a dyad (either direction)")
    g.add_argument("--sector", help="actor sector code (GOV, MIL ...)")
    g.add_argument("--from", dest="date_from", metavar="DATE", help="on or after (YYYY, YYYY-MM or YYYY-MM-DD)")
    g.add_argument("--to", dest="date_to", metavar="DATE", help="on or before (YYYY, YYYY-MM or YYYY-MM-DD)")
    g.add_argument("--text", help="words that must appear in the evidence or text")
    if events:
        g.add_argument("--type", help="PLOVER event type (REQUEST, CONSULT ...)")
        g.add_argument("--quad", type=int, choices=(1, 2, 3, 4), help="quad class")
        g.add_argument("--status", choices=("asserted", "future", "hypothetical", "negated"),
                       help="event status (default: asserted and future)")
        g.add_argument("--place", help="words of the place name")
        g.add_argument("--no-dedup", dest="dedup", action="store_false",
                       help="one row per article's report instead of one per event")


def db_path(args: argparse.Namespace) -> str:
    return args.db or settings_from(args).db


def filter_from(args: argparse.Namespace, **extra: Any) -> Filter:
    keys = ("countries", "sector", "type", "quad", "status", "date_from", "date_to", "place", "text", "dedup",
            "limit", "speaker")
    return Filter.make(**{k: getattr(args, k) for k in keys if getattr(args, k, None) is not None}, **extra)


def print_rows(rows: Sequence[dict[str, Any]], columns: Sequence[str], *, fmt: str, title: str = "",
               out: TextIO | None = None) -> None:
    """Rows as a table (rich), JSON Lines or CSV."""
    out = out or sys.stdout
    if fmt == "jsonl":
        for r in rows:
            out.write(json.dumps({c: r.get(c) for c in columns}, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        w = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)
    else:
        table = Table(title=title or None, show_lines=False)
        for c in columns:
            table.add_column(c, overflow="fold")
        for r in rows:
            table.add_row(*(_cell(r.get(c)) for c in columns))
        console(out).print(table)


def console(out: TextIO | None = None) -> Console:
    """A console for tables: the terminal's width, or 200 columns when printing to a file or pipe."""
    out = out or sys.stdout
    tty = hasattr(out, "isatty") and out.isatty()
    return Console(file=out, highlight=False, width=None if tty else 200)


def _cell(value: Any, limit: int = 140) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= limit else text[:limit - 1] + "…"
