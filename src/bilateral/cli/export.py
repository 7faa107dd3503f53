"""``bilateral export``: the store as files: a table per record section, deduplicated events, and
POLECAT-like and GDELT-like event tables, as CSV, JSONL or Parquet (columns in docs/exports.md)."""

from __future__ import annotations

import argparse

from rich.console import Console

from ..corpus.dedup import deduplicate
from ..query import load_documents
from ..store.export import COLUMNS, FORMATS, export
from .output import db_path


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("export", help="write the store as CSV, JSONL or Parquet tables",
                       description="Write a table per record section (documents, actors, events, quotes, times, "
                       "places, relations, warnings), the deduplicated corpus events, and POLECAT-like and "
                       "GDELT-like event tables.")
    p.add_argument("--db", metavar="PATH", help="SQLite store (default ./bilateral.db)")
    p.add_argument("--config", metavar="TOML", help="settings file ([bilateral] table)")
    p.add_argument("-o", "--out", required=True, metavar="DIR", help="folder to write the files into")
    p.add_argument("--format", choices=FORMATS, default="csv", help="file format (default csv)")
    p.add_argument("--table", action="append", dest="tables", choices=tuple(COLUMNS),
                   help="only this table; repeatable (default: all)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    docs = load_documents(db_path(args))
    paths = export(docs, args.out, fmt=args.format, events=deduplicate(docs), tables=args.tables)
    Console(stderr=True, highlight=False).print(f"{len(docs)} document(s) -> {len(paths)} file(s) in {args.out}")
    return 0
