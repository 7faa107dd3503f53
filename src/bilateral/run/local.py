"""Run extraction over a stream of inputs: skip what the store already has, write records out,
store them, and count what happened. A problem with one document never stops the batch.

Reads: a stream of Article / InputProblem (never all in memory: it is cut into chunks, and only a
window of chunks is in flight). Writes: records to ``out`` in input order, the SQLite store (each
document whole or not at all, committed once per chunk, so a run killed at any point leaves it
consistent and a new run does only what is missing: at most its last chunk again), and with
``parts`` one ``part-NNNNN.jsonl`` per chunk. The records and their order are the same with one
process, ``jobs`` processes or a Dask cluster (``run/parallel.py``, ``run/dask.py``).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import IO

from rich.console import Console

from ..engine import Engine, record_hash
from ..ingest import Article, InputProblem
from ..record import Document
from ..store import Store
from ..store.records import record_dict, record_json
from .parallel import Runner, make_runner
from .progress import progress_bar
from .summary import print_summary


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
               progress: Console | None = None, total: int | None = None, jobs: int = 1,
               dask: str | None = None, parts: Path | None = None, chunk_size: int | None = None,
               runner: Runner | None = None) -> ExtractStats:
    """Extract every article of ``items``; write to ``out`` in ``fmt``; upsert into ``db``.

    ``jobs`` > 1 runs local worker processes, ``dask`` (an address or ``local:N``) a Dask cluster;
    ``parts`` writes each chunk's records to ``parts/part-NNNNN.jsonl`` before storing them.
    """
    stats = ExtractStats()
    store = Store(db) if db is not None else None
    docs_for_table: list[Document] = []
    first_json = True
    if out is not None and fmt == "json":
        out.write("[")
    own_runner = runner is None
    prog = progress_bar(progress) if progress is not None else None
    task = prog.add_task("extracting", total=total) if prog else None
    if chunk_size is None:
        chunk_size = engine.settings.batch_size
    try:
        if runner is None:
            runner = make_runner(engine, jobs=jobs, dask=dask)
        if prog:
            prog.start()
        for doc, key, problem in _records(engine, items, store=store, force=force, runner=runner,
                                          parts=parts, chunk_size=chunk_size,
                                          after_chunk=store.commit if store is not None else None):
            if prog and task is not None:
                prog.update(task, advance=1, description=f"extracting ({stats.events} events)")
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
            record = record_dict(doc) if out is not None and fmt != "table" else None
            if store is not None:
                result = store.upsert(doc, key, record=record, commit=False)  # committed per chunk
                setattr(stats, result, getattr(stats, result) + 1)
            if out is not None:
                if fmt == "jsonl":
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
                elif fmt == "json":
                    out.write(("" if first_json else ",") + "\n" + json.dumps(record, ensure_ascii=False))
                    first_json = False
                else:
                    docs_for_table.append(doc)
    finally:
        if prog:
            prog.stop()
        if own_runner and runner is not None:
            runner.close()
        if store is not None:
            store.close()
    if out is not None and fmt == "json":
        out.write("\n]\n")
    if out is not None and fmt == "table":
        print_summary(docs_for_table, Console(file=out, width=120))
    return stats


Row = tuple[Document | None, str | None, InputProblem | None]
#: a chunk on its way: its index, its rows (None where still to extract), and (row, key) of those.
_Tag = tuple[int, list[Row | None], list[tuple[int, str]]]


def _records(engine: Engine, items: Iterable[Article | InputProblem], *, store: Store | None, force: bool,
             runner: Runner, parts: Path | None, chunk_size: int,
             after_chunk: Callable[[], None] | None = None) -> Iterator[Row]:
    """Records in input order, in chunks: stored unchanged ones are read back, the rest extracted.
    ``after_chunk`` runs once the consumer has taken a chunk's last record, before the next chunk."""

    def chunks() -> Iterator[tuple[_Tag, list[Article]]]:
        it = iter(items)
        index = 0
        while True:
            chunk = list(islice(it, max(1, chunk_size)))
            if not chunk:
                return
            rows: list[Row | None] = [None] * len(chunk)
            todo: list[tuple[int, str]] = []
            articles: list[Article] = []
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
                todo.append((i, key))
                articles.append(item)
            yield (index, rows, todo), articles
            index += 1

    for (index, rows, todo), results in runner.map_chunks(chunks()):
        for (i, key), doc_or_problem in zip(todo, results, strict=True):
            if isinstance(doc_or_problem, InputProblem):
                rows[i] = (None, None, doc_or_problem)
            else:
                rows[i] = (doc_or_problem, key, None)
        done = [r for r in rows if r is not None]
        assert len(done) == len(rows)
        if parts is not None:
            write_part(parts, index, [r[0] for r in done if r[0] is not None])
        yield from done
        if after_chunk is not None:
            after_chunk()


def write_part(folder: Path, index: int, docs: list[Document]) -> Path:
    """Write one chunk's records as ``part-NNNNN.jsonl``, atomically (a temporary file, then a rename)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"part-{index:05d}.jsonl"
    tmp = folder / f".part-{index:05d}.jsonl.tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        for doc in docs:
            f.write(record_json(doc) + "\n")
    os.replace(tmp, path)
    return path
