"""``bilateral quotes``: quotes from the store with their speakers, e.g. ``--speaker "Hun Sen"``."""

from __future__ import annotations

import argparse

from ..query import QUOTE_COLUMNS, load_documents, quote_rows
from .output import add_db_options, add_filter_options, db_path, filter_from, print_rows

TABLE_COLUMNS = ("published", "speaker", "speaker_country", "kind", "text", "medium")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("quotes", help="list quotes from the store, by speaker",
                       description="List stored quotes (direct and reported speech) with their speakers; "
                       "--speaker matches the speaker's name, title or the words that name them.")
    p.add_argument("--speaker", metavar="NAME", help="words of the speaker's name or title")
    add_db_options(p)
    add_filter_options(p, events=False)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    rows = quote_rows(load_documents(db_path(args)), filter_from(args))
    cols = TABLE_COLUMNS if args.format == "table" else QUOTE_COLUMNS
    print_rows(rows, cols, fmt=args.format, title=f"{len(rows)} quote(s)")
    return 0
