"""Ordered, bounded, streaming chunk runners; the same records with 1 or 2 processes; progress counts."""

from __future__ import annotations

import json
import random
import threading
import time
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest

import bilateral
from bilateral.cli import main
from bilateral.ingest import Article, InputProblem, read_inputs
from bilateral.run.local import extract_to
from bilateral.run.parallel import in_order
from bilateral.run.progress import count_documents


def _chunks(n: int, pulled: list[int]) -> Iterator[tuple[int, list[Article]]]:
    for i in range(n):
        pulled.append(i)
        yield i, [Article(text=f"doc {i}")]


def test_in_order_keeps_submission_order_when_results_finish_out_of_order() -> None:
    rng = random.Random(3)
    pool = ThreadPoolExecutor(max_workers=4)

    def submit(articles: list[Article]) -> Future[list[InputProblem]]:
        delay = rng.random() / 50

        def work() -> list[InputProblem]:
            time.sleep(delay)
            return [InputProblem(a.text, "X", "") for a in articles]

        return pool.submit(work)

    pulled: list[int] = []
    out = [(tag, [r.origin for r in res]) for tag, res in in_order(_chunks(40, pulled), submit, window=4, where="t")]
    pool.shutdown()
    assert out == [(i, [f"doc {i}"]) for i in range(40)]


def test_in_order_streams_with_a_bounded_window() -> None:
    pulled: list[int] = []
    lock = threading.Lock()

    def submit(articles: list[Article]) -> list[Article]:
        with lock:
            return list(articles)

    it = in_order(_chunks(10_000, pulled), submit, window=3, where="t")
    first = next(it)
    assert first[0] == 0
    assert len(pulled) <= 3  # never the whole input
    for _ in range(5):
        next(it)
    assert len(pulled) <= 6 + 3


def test_count_documents(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text('{"text": "x"}\n\n{"text": "y"}\n{broken\n')
    (tmp_path / "b.csv").write_text('id,text\n1,"two\nlines"\n2,plain\n')
    (tmp_path / "c.txt").write_text("one article")
    (tmp_path / "notes.md").write_text("ignored")
    assert count_documents([tmp_path]) == 3 + 2 + 1
    assert count_documents([tmp_path / "a.jsonl", tmp_path / "c.txt"]) == 4
    assert count_documents(["-"]) is None


def test_quiet_prints_nothing_but_records(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["extract", str(corpus), "--db", str(tmp_path / "q.db"), "--quiet"])
    out = capsys.readouterr()
    assert code == 0
    assert out.err == ""
    assert len(out.out.splitlines()) == 24


@pytest.mark.slow
def test_two_processes_give_the_same_records_in_the_same_order(engine: bilateral.Engine, corpus: Path,
                                                               tmp_path: Path) -> None:
    outs = {}
    for jobs in (1, 2):
        path = tmp_path / f"out{jobs}.jsonl"
        with open(path, "w", encoding="utf-8") as f:
            stats = extract_to(engine, read_inputs([corpus]), out=f, db=tmp_path / f"s{jobs}.db", jobs=jobs,
                               chunk_size=5, parts=tmp_path / f"parts{jobs}")
        assert stats.documents == 24 and stats.inserted == 24
        outs[jobs] = path.read_text(encoding="utf-8")
    assert outs[1] == outs[2]
    ids = [json.loads(line)["id"] for line in outs[1].splitlines()]
    assert ids == [f"t{i:04d}" for i in range(24)]
    parts = sorted((tmp_path / "parts2").glob("part-*.jsonl"))
    assert [p.name for p in parts] == [f"part-{i:05d}.jsonl" for i in range(5)]  # 24 docs in chunks of 5
    assert "".join(p.read_text(encoding="utf-8") for p in parts) == outs[2]


@pytest.mark.parametrize(("args", "code"), [(["--jobs", "0"], "E310"), (["--jobs", "2", "--dask", "local:2"], "E312")])
def test_bad_scale_options_are_explained(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                         args: list[str], code: str) -> None:
    assert main(["extract", str(corpus), "--db", str(tmp_path / "x.db"), *args]) == 2
    assert code in capsys.readouterr().err


def test_a_serial_runner_settles_the_loaded_tables_once(engine: bilateral.Engine) -> None:
    """After the first runner of a process, the model and the stages' tables sit in the garbage
    collector's permanent generation; a second runner does not extract or freeze again."""
    import gc

    from bilateral.run import parallel

    parallel.SerialRunner(engine)
    frozen = gc.get_freeze_count()
    assert frozen > 100_000  # the model, lexicons and gazetteer
    parallel.SerialRunner(engine)
    assert gc.get_freeze_count() == frozen
