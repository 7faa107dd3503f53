"""``bilateral events``: coded events from the store, deduplicated across articles, filtered."""

from __future__ import annotations

import argparse

from ..query import EVENT_COLUMNS, event_rows, load_documents
from .output import add_db_options, add_filter_options, db_path, filter_from, print_rows

#: the columns a terminal table shows (JSONL and CSV carry all of EVENT_COLUMNS).
TABLE_COLUMNS = ("date", "type", "quad", "status", "source_country", "source_name", "target_country",
                 "target_name", "place", "articles", "sources", "evidence")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("events", help="list events from the store (one per event, all its sources)",
                       description="List the stored events, one row per event however many articles report it "
                       "(--no-dedup: one per report), filtered by country, sector, type, quad, status, dates, "
                       "place or words of the evidence.")
    add_db_options(p)
    add_filter_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    spec = filter_from(args)
    rows = event_rows(load_documents(db_path(args)), spec)
    cols = TABLE_COLUMNS if args.format == "table" else EVENT_COLUMNS
    print_rows(rows, cols, fmt=args.format, title=f"{len(rows)} event(s)")
    return 0
