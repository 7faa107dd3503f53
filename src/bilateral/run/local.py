"""Run extraction over a stream of inputs: skip what the store already has, write records out,
store them, and count what happened. A problem with one document never stops the batch.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import IO

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from ..engine import Engine, record_hash
from ..errors import BilateralError
from ..ingest import Article, InputProblem
from ..record import Document
from ..store import Store
from .summary import print_summary

log = logging.getLogger(__name__)


@dataclass
class ExtractStats:
    documents: int = 0
    events: int = 0
    quotes: int = 0
    failed: int = 0
    warned: int = 0
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0


def extract_to(engine: Engine, items: Iterable[Article | InputProblem], *, out: IO[str] | None, fmt: str = "jsonl",
               db: Path | None = None, force: bool = False,
               on_problem: Callable[[InputProblem], None] | None = None,
               progress: Console | None = None) -> ExtractStats:
    """Extract every article of ``items``; write to ``out`` in ``fmt``; upsert into ``db``."""
    stats = ExtractStats()
    store = Store(db) if db is not None else None
    docs_for_table: list[Document] = []
    first_json = True
    if out is not None and fmt == "json":
        out.write("[")
    prog = _progress(progress)
    task = prog.add_task("extracting", total=None) if prog else None
    try:
        if prog:
            prog.start()
        for doc, key, problem in _records(engine, items, store=store, force=force):
            if problem is not None:
                stats.failed += 1
                if on_problem:
                    on_problem(problem)
                continue
            assert doc is not None and key is not None
            stats.documents += 1
            stats.events += len(doc.events)
            stats.quotes += len(doc.quotes)
            stats.warned += bool(doc.warnings)
            if store is not None:
                result = store.upsert(doc, key)
                setattr(stats, result, getattr(stats, result) + 1)
            if out is not None:
                if fmt == "jsonl":
                    out.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
                elif fmt == "json":
                    out.write(("" if first_json else ",") + "\n" + json.dumps(doc.to_dict(), ensure_ascii=False))
                    first_json = False
                else:
                    docs_for_table.append(doc)
            if prog and task is not None:
                prog.update(task, advance=1, description=f"extracting ({stats.events} events)")
    finally:
        if prog:
            prog.stop()
        if store is not None:
            store.close()
    if out is not None and fmt == "json":
        out.write("\n]\n")
    if out is not None and fmt == "table":
        print_summary(docs_for_table, Console(file=out, width=120))
    return stats


def _progress(console: Console | None) -> Progress | None:
    if console is None:
        return None
    return Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=console, transient=True)


Row = tuple[Document | None, str | None, InputProblem | None]


def _records(engine: Engine, items: Iterable[Article | InputProblem], *, store: Store | None,
             force: bool) -> Iterator[Row]:
    """Records in input order, in chunks: stored unchanged ones are read back, the rest extracted."""
    it = iter(items)
    size = max(1, engine.settings.batch_size)
    while True:
        chunk = list(islice(it, size))
        if not chunk:
            return
        todo: list[tuple[int, Article, str]] = []
        rows: list[Row | None] = [None] * len(chunk)
        for i, item in enumerate(chunk):
            if isinstance(item, InputProblem):
                rows[i] = (None, None, item)
                continue
            key = record_hash(item, engine)
            if store is not None and not force and store.stored_hash(item.doc_id) == key:
                stored = store.get(item.doc_id)
                if stored is not None:
                    rows[i] = (stored, key, None)
                    continue
            todo.append((i, item, key))
        for (i, _article, key), doc_or_problem in zip(todo, _extract_safely(engine, [t[1] for t in todo]),
                                                      strict=True):
            if isinstance(doc_or_problem, InputProblem):
                rows[i] = (None, None, doc_or_problem)
            else:
                rows[i] = (doc_or_problem, key, None)
        for row in rows:
            assert row is not None
            yield row


def _extract_safely(engine: Engine, articles: list[Article]) -> list[Document | InputProblem]:
    """Extract a batch; if the batch fails, extract one by one so one bad document fails alone."""
    if not articles:
        return []
    try:
        return list(engine.extract_articles(articles))
    except BilateralError:
        raise
    except Exception:  # noqa: BLE001
        log.warning("batch failed; retrying documents one by one", exc_info=True)
    out: list[Document | InputProblem] = []
    for a in articles:
        try:
            out.extend(engine.extract_articles([a]))
        except BilateralError:
            raise
        except Exception as exc:  # noqa: BLE001
            out.append(InputProblem(a.origin, "E301", f"extraction failed: {type(exc).__name__}: {exc}"))
    return out
