"""``bilateral actors``: actors from the store, merged across documents, most mentioned first."""

from __future__ import annotations

import argparse

from ..query import ACTOR_COLUMNS, actor_rows, load_documents
from .output import add_db_options, add_filter_options, db_path, filter_from, print_rows


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("actors", help="list actors from the store",
                       description="List the stored actors merged across documents by name, country and sector, "
                       "with how many documents and mentions name them.")
    add_db_options(p)
    add_filter_options(p, events=False)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    rows = actor_rows(load_documents(db_path(args)), filter_from(args))
    print_rows(rows, ACTOR_COLUMNS, fmt=args.format, title=f"{len(rows)} actor(s)")
    return 0
