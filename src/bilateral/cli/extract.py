"""``bilateral extract PATH...``: documents to records, printed and stored in SQLite."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .. import engine as engine_mod
from ..errors import BilateralError
from ..ingest import InputProblem, read_inputs
from ..run.local import ExtractStats, extract_to
from ..run.progress import count_documents
from .common import add_engine_options, err_console, settings_from


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("extract", help="extract document records from text, HTML, JSONL or CSV",
                       description="Read .txt, .html, .jsonl(.gz), .csv files, folders (recursive) or - (stdin); "
                       "write one document record per article and store it in SQLite.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, or - for stdin")
    p.add_argument("-o", "--output", metavar="FILE", help="write records here (default: standard output)")
    p.add_argument("--format", choices=("jsonl", "json", "table"), default="jsonl", help="output format")
    p.add_argument("--db", default=None, help="SQLite store (default ./bilateral.db)")
    p.add_argument("--no-store", action="store_true", help="do not write to the store")
    p.add_argument("--force", action="store_true", help="re-extract documents already stored unchanged")
    g = p.add_argument_group("scale")
    g.add_argument("-j", "--jobs", type=int, default=1, metavar="N",
                   help="local worker processes (each loads the model once); output is the same for any N")
    g.add_argument("--dask", metavar="ADDRESS", default=None,
                   help="run on a Dask cluster: tcp://HOST:8786, or local:N for a local cluster of N processes")
    g.add_argument("--parts", metavar="DIR", default=None,
                   help="also write the records as DIR/part-NNNNN.jsonl, one file per chunk "
                   "(default with --dask: DB.parts next to the store)")
    g.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary (for scripts)")
    add_engine_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    settings = settings_from(args, db=args.db)
    console = err_console()
    if args.jobs < 1:
        raise BilateralError("E310", f"--jobs must be at least 1, not {args.jobs}")
    if args.dask and args.jobs > 1:
        raise BilateralError("E312", "give --jobs or --dask, not both (with --dask, the cluster's workers run)")
    eng = engine_mod.load(settings=settings)
    parts = Path(args.parts) if args.parts else None
    if parts is None and args.dask and not args.no_store:
        parts = Path(settings.db).with_suffix(".parts")
    show = not args.quiet and sys.stderr.isatty()
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout  # noqa: SIM115
    try:
        stats = extract_to(eng, read_inputs(args.paths), out=out, fmt=args.format,
                           db=None if args.no_store else Path(settings.db), force=args.force,
                           on_problem=lambda p: console.print(f"[yellow]warning[/] {_esc(str(p))}"),
                           progress=console if show else None, total=count_documents(args.paths) if show else None,
                           jobs=args.jobs, dask=args.dask, parts=parts)
    finally:
        if args.output:
            out.close()
    if not args.quiet:
        _report(console, stats, args, settings.db)
    return 1 if stats.failed else 0


def _esc(s: str) -> str:
    from rich.markup import escape

    return escape(s)


def _report(console: object, stats: ExtractStats, args: argparse.Namespace, db: str) -> None:
    from rich.console import Console

    assert isinstance(console, Console)
    where = "not stored" if args.no_store else f"store {db}: {stats.inserted} new, {stats.updated} updated, " \
        f"{stats.unchanged} unchanged"
    console.print(f"{stats.documents} document(s), {stats.events} event(s), {stats.quotes} quote(s); {where}; "
                  f"{stats.failed} input problem(s), {stats.warned} document(s) with warnings")


__all__ = ["InputProblem", "register", "run"]
