"""Resumable runs: a run killed with SIGKILL midway leaves a consistent store, and a new run does only
what is missing, ending with the same records as a run never interrupted."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

import bilateral
from bilateral.ingest import read_inputs
from bilateral.run.local import extract_to
from bilateral.store.sqlite import SECTIONS

from .conftest import write_corpus

N_DOCS = 120


def _count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return int(con.execute("SELECT COUNT(*) FROM documents").fetchone()[0])
        finally:
            con.close()
    except sqlite3.OperationalError:  # not created yet
        return 0


def _dump(db: Path) -> dict[str, list[tuple[object, ...]]]:
    con = sqlite3.connect(db)
    try:
        out = {"documents": con.execute("SELECT id, hash, n_actors, n_events, n_quotes, record FROM documents "
                                        "ORDER BY id").fetchall()}
        for table in SECTIONS:
            out[table] = sorted(con.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
        return out
    finally:
        con.close()


@pytest.mark.slow
@pytest.mark.parametrize("jobs", [1, 2])
def test_kill_9_then_resume_equals_an_uninterrupted_run(engine: bilateral.Engine, tmp_path: Path, jobs: int) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", N_DOCS)
    config = tmp_path / "small-batches.toml"
    config.write_text("[bilateral]\nbatch_size = 4\n")
    db = tmp_path / "killed.db"
    proc = subprocess.Popen([sys.executable, "-m", "bilateral", "extract", str(corpus), "--db", str(db),
                             "--config", str(config), "-o", os.devnull, "--quiet", "--jobs", str(jobs)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 300
        while _count(db) < 12:
            assert proc.poll() is None, "the run ended before it could be killed"
            assert time.monotonic() < deadline, "nothing was stored in time"
            time.sleep(0.02)
        workers = psutil.Process(proc.pid).children(recursive=True)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        # worker processes notice they are orphaned and exit
        _, alive = psutil.wait_procs(workers, timeout=20)
        assert not alive, f"orphaned workers still running: {alive}"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == -signal.SIGKILL
    stored = _count(db)
    assert 12 <= stored < N_DOCS  # killed midway
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # every stored document has all its section rows (no half-written document)
    for doc_id, n_actors, n_events, n_quotes in con.execute("SELECT id, n_actors, n_events, n_quotes FROM documents"):
        assert con.execute("SELECT COUNT(*) FROM actors WHERE doc_id=?", (doc_id,)).fetchone()[0] == n_actors
        assert con.execute("SELECT COUNT(*) FROM events WHERE doc_id=?", (doc_id,)).fetchone()[0] == n_events
        assert con.execute("SELECT COUNT(*) FROM quotes WHERE doc_id=?", (doc_id,)).fetchone()[0] == n_quotes
    con.close()

    resumed_out = tmp_path / "resumed.jsonl"
    with open(resumed_out, "w", encoding="utf-8") as f:
        stats = extract_to(engine, read_inputs([corpus]), out=f, db=db)
    assert stats.unchanged == stored  # nothing twice
    assert stats.inserted == N_DOCS - stored and stats.updated == 0  # nothing lost

    clean_out = tmp_path / "clean.jsonl"
    with open(clean_out, "w", encoding="utf-8") as f:
        extract_to(engine, read_inputs([corpus]), out=f, db=tmp_path / "clean.db")
    assert _dump(db) == _dump(tmp_path / "clean.db")
    assert resumed_out.read_text(encoding="utf-8") == clean_out.read_text(encoding="utf-8")
