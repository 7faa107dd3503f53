"""Faults around the SQLite store: SIGKILL in the middle of writes, a full disk, read-only media, and
readers while a run writes. The store must stay consistent (``PRAGMA integrity_check`` is ok and every
stored document is complete: its section rows match its record JSON) and errors must say what to do.

The child processes run ``store_worker.py``. Read-only media and a full disk are real mounts (a
private mount namespace with ``unshare``, a tmpfs of a few hundred KiB, remounted read-only) where the
sandbox allows it; the full disk is also simulated everywhere with ``PRAGMA max_page_count``."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

import bilateral
from bilateral.errors import BilateralError
from bilateral.store.sqlite import Store

from ..run.conftest import story

WORKER = Path(__file__).resolve().parent / "store_worker.py"
N_WRITES = 3_000


@pytest.fixture(scope="module")
def records(engine: bilateral.Engine, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A few real records of different shapes (events, quotes, relations, warnings), as a JSON file."""
    docs = [engine.extract(story(i), published="2024-05-01" if i % 2 else None, id=f"r{i}") for i in range(6)]
    docs.append(engine.extract("Police in Lima arrested 40 protesters.", id="bare"))
    path = tmp_path_factory.mktemp("records") / "records.json"
    path.write_text(json.dumps([d.to_dict() for d in docs], ensure_ascii=False), encoding="utf-8")
    assert any(d.events for d in docs) and any(d.quotes for d in docs) and any(d.warnings for d in docs)
    return path


def _worker(*args: str, **kw: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(WORKER), *args], capture_output=True, text=True, timeout=300, **kw)


def _check(db: Path) -> list[str]:
    out = _worker("check", str(db))
    assert out.returncode == 0, out.stderr
    problems: list[str] = json.loads(out.stdout)
    return problems


def _count(db: Path) -> int:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return int(con.execute("SELECT COUNT(*) FROM documents").fetchone()[0])
    finally:
        con.close()


@pytest.mark.slow
def test_sigkill_at_random_moments_leaves_every_document_complete(records: Path, tmp_path: Path) -> None:
    db = tmp_path / "killed.db"
    rng = random.Random(20261125)
    counts = []
    for _round in range(4):
        proc = subprocess.Popen([sys.executable, str(WORKER), "write", str(db), str(records), str(N_WRITES)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            assert proc.stdout is not None
            assert proc.stdout.readline().strip() == "ready"
            time.sleep(rng.uniform(0.05, 0.6))
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        assert proc.returncode == -signal.SIGKILL, "the writer finished before it was killed: raise N_WRITES"
        assert _check(db) == []
        counts.append(_count(db))
    assert counts[-1] > 0
    assert counts == sorted(counts)  # each round starts over the same ids: nothing committed is lost
    # a run after the kills finishes and leaves a complete store
    done = _worker("write", str(db), str(records), "60")
    assert done.returncode == 0 and done.stdout.split() == ["ready", "done"], done.stderr
    assert _check(db) == []


def test_disk_full_simulated_with_max_page_count(records: Path, tmp_path: Path) -> None:
    db = tmp_path / "full.db"
    Store(db).close()
    out = _worker("fill", str(db), str(records), "60")
    assert out.returncode == 0, out.stderr
    res = json.loads(out.stdout)
    assert res["code"] == "E203"
    assert "full" in res["message"] and "disk space" in res["message"]
    assert res["stored"] == res["count"] > 0  # what was written before stays, the failing one is not half there
    assert res["problems"] == []


def _unshare_works() -> bool:
    if not shutil.which("unshare") or sys.platform != "linux":
        return False
    probe = subprocess.run(["unshare", "-m", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt && umount /mnt"],
                           capture_output=True, timeout=30)
    return probe.returncode == 0


needs_mounts = pytest.mark.skipif(not _unshare_works(), reason="cannot mount a tmpfs in a private namespace here")


def _in_namespace(script: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """Run a shell script in a private mount namespace (mounts vanish with it); ``$M`` is a mount point."""
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    env = dict(os.environ, M=str(mnt), PY=sys.executable, W=str(WORKER))
    return subprocess.run(["unshare", "-m", "sh", "-ec", script], capture_output=True, text=True, timeout=300,
                          env=env)


@needs_mounts
def test_disk_full_on_a_tiny_tmpfs(records: Path, tmp_path: Path) -> None:
    out = _in_namespace(f'mount -t tmpfs -o size=400k tmpfs "$M"\n"$PY" "$W" fill "$M/s.db" {records}\n', tmp_path)
    assert out.returncode == 0, out.stderr
    res = json.loads(out.stdout.splitlines()[-1])
    assert res["code"] in ("E202", "E203"), res
    assert "disk" in res["message"]
    assert res["stored"] == res["count"] > 0
    assert res["problems"] == []


@needs_mounts
def test_read_only_media(records: Path, tmp_path: Path) -> None:
    script = (f'mount -t tmpfs -o size=4m tmpfs "$M"\n"$PY" "$W" write "$M/s.db" {records} 5 >/dev/null\n'
              'mount -o remount,ro "$M"\n"$PY" "$W" open "$M/s.db"\n'
              '"$PY" "$W" open "$M/new/other.db"\n'
              # a store left with a write-ahead log (a writer killed before it), then mounted read-only
              'mount -o remount,rw "$M"\nprintf "unfinished" > "$M/s.db-wal"\nmount -o remount,ro "$M"\n'
              '"$PY" "$W" open "$M/s.db"\n')
    out = _in_namespace(script, tmp_path)
    assert out.returncode == 0, out.stderr
    existing, new, with_wal = (json.loads(line) for line in out.stdout.splitlines()[-3:])
    # writing is refused with a message that names the store and says what to do
    assert existing["write"]["ok"] is False and existing["write"]["code"] == "E202", existing
    assert "s.db" in existing["write"]["message"] and "--db" in existing["write"]["message"]
    assert "not writable" in existing["write"]["message"] and "not writable" in new["write"]["message"]
    # reading still works (bilateral serve --read-only, the query commands)
    assert existing["readonly"] == {"ok": True, "count": 5}, existing
    assert new["write"]["ok"] is False and new["write"]["code"] == "E202", new
    assert new["readonly"]["ok"] is False and new["readonly"]["code"] == "E201", new
    assert with_wal["readonly"]["ok"] is False and with_wal["readonly"]["code"] == "E205", with_wal
    assert "write-ahead log" in with_wal["readonly"]["message"]


def test_readers_keep_working_while_a_run_writes(records: Path, tmp_path: Path) -> None:
    db = tmp_path / "busy.db"
    Store(db).close()
    proc = subprocess.Popen([sys.executable, str(WORKER), "write", str(db), str(records), "400"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seen: list[int] = []
    reads = 0
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        for _ in range(2_000):  # bounded: stops when the writer is done
            with Store(db, readonly=True) as store:
                n = store.count()
                if n:
                    ids = [r["id"] for r in store.rows("SELECT id FROM documents ORDER BY random() LIMIT 3")]
                    for doc_id in ids:
                        doc = store.get(doc_id)
                        assert doc is not None and doc.id == doc_id
                        reads += 1
            seen.append(n)
            if proc.poll() is not None:
                break
        proc.wait(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, proc.stderr.read() if proc.stderr else ""
    assert reads > 0 and len(set(seen)) > 2  # the readers saw the store grow
    assert seen == sorted(seen)
    assert _count(db) == 400 and _check(db) == []


@pytest.mark.parametrize("readonly", [False, True])
def test_store_errors_are_bilateral_errors(tmp_path: Path, readonly: bool) -> None:
    # a folder where the store file should be: a clear E202, not a traceback
    (tmp_path / "x.db").mkdir()
    with pytest.raises(BilateralError) as info:
        Store(tmp_path / "x.db", readonly=readonly)
    assert info.value.code == ("E201" if readonly else "E202") and "--db" in str(info.value)
    # a file that is not a store: refused when opened, not at the first query
    (tmp_path / "notes.db").write_text("these are notes, not a database\n" * 100)
    with pytest.raises(BilateralError) as info:
        Store(tmp_path / "notes.db", readonly=readonly)
    assert info.value.code == "E202" and "notes.db" in str(info.value)
