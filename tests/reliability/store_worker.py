"""A child process for the store fault tests (run as ``python tests/reliability/store_worker.py``):
writes records into a store, fills a disk, or opens a store on read-only media, and says what happened
as one JSON line on standard output.

- ``write DB RECORDS N``: upsert N documents (ids w00000...), every third one later replaced by
  another variant; prints ``ready`` first (the parent kills it with SIGKILL at a random moment).
- ``fill DB RECORDS``: upsert until the store refuses (disk full, or ``--max-pages``), then check it.
- ``open DB``: open the store for writing, then read-only; print each outcome.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import sys
from pathlib import Path
from typing import Any

from bilateral.errors import BilateralError
from bilateral.record import Document
from bilateral.store.sqlite import SECTIONS, Store


def variant(records: list[dict[str, Any]], doc_id: str, k: int) -> tuple[Document, str]:
    """Record variant ``k`` under ``doc_id``, and its key: the hash of the JSON the store keeps."""
    rec = dict(records[k % len(records)], id=doc_id)
    doc = Document.from_dict(rec)
    return doc, hashlib.sha256(json.dumps(doc.to_dict(), ensure_ascii=False).encode()).hexdigest()


def check(db: Path) -> list[str]:
    """What is wrong with the store: integrity, and every document complete and matching its record."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    bad: list[str] = []
    try:
        ok = con.execute("PRAGMA integrity_check").fetchone()[0]
        if ok != "ok":
            bad.append(f"integrity_check: {ok}")
        for doc_id, key, record in con.execute("SELECT id, hash, record FROM documents"):
            if hashlib.sha256(record.encode()).hexdigest() != key:
                bad.append(f"{doc_id}: hash does not match its record")
            rec = json.loads(record)
            if rec["id"] != doc_id:
                bad.append(f"{doc_id}: record of {rec['id']}")
            for table in SECTIONS:
                col = "idx" if table in ("relations", "warnings") else "id"
                ids = [r[0] for r in con.execute(f"SELECT {col} FROM {table} WHERE doc_id = ? ORDER BY {col}",
                                                 (doc_id,))]
                want = list(range(len(rec[table]))) if col == "idx" else sorted(x["id"] for x in rec[table])
                if sorted(ids) != sorted(want):
                    bad.append(f"{doc_id}: {table} rows {ids} != record {want}")
        orphans = sum(con.execute(f"SELECT COUNT(*) FROM {t} WHERE doc_id NOT IN (SELECT id FROM documents)")
                      .fetchone()[0] for t in SECTIONS)
        if orphans:
            bad.append(f"{orphans} section rows without their document")
    finally:
        con.close()
    return bad


def write(db: Path, records: list[dict[str, Any]], n: int) -> None:
    with Store(db) as store:
        print("ready", flush=True)
        for i in range(n):
            doc, key = variant(records, f"w{i:05d}", i)
            store.upsert(doc, key)
            if i % 3 == 2:  # replace an earlier document with another variant
                j = i // 2
                doc, key = variant(records, f"w{j:05d}", j + i)
                store.upsert(doc, key)
    print("done", flush=True)


def fill(db: Path, records: list[dict[str, Any]], max_pages: int | None) -> dict[str, Any]:
    stored = 0
    error: BilateralError | None = None
    try:
        with Store(db) as store:
            if max_pages:
                store.conn.execute(f"PRAGMA max_page_count = {int(max_pages)}")
            for i in range(100_000):
                doc, key = variant(records, f"f{i:05d}", i)
                store.upsert(doc, key)
                stored += 1
    except BilateralError as exc:
        error = exc
    count = 0
    if db.exists():
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        count = con.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        con.close()
    return {"stored": stored, "count": count, "code": error.code if error else None,
            "message": str(error) if error else None, "problems": check(db) if db.exists() else ["no store"]}


def open_both(db: Path) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for mode in ("write", "readonly"):
        try:
            with Store(db, readonly=mode == "readonly") as store:
                out[mode] = {"ok": True, "count": store.count()}
        except BilateralError as exc:
            out[mode] = {"ok": False, "code": exc.code, "message": str(exc)}
        except sqlite3.Error as exc:  # reported as a failure of the store, not of this script
            out[mode] = {"ok": False, "code": None, "message": f"{type(exc).__name__}: {exc}"}
    return out


def main(argv: list[str]) -> int:
    cmd, db = argv[0], Path(argv[1])
    if cmd == "write":
        write(db, json.loads(Path(argv[2]).read_text(encoding="utf-8")), int(argv[3]))
    elif cmd == "fill":
        pages = int(argv[3]) if len(argv) > 3 else None
        print(json.dumps(fill(db, json.loads(Path(argv[2]).read_text(encoding="utf-8")), pages)), flush=True)
    elif cmd == "open":
        print(json.dumps(open_both(db)), flush=True)
    elif cmd == "check":
        print(json.dumps(check(db)), flush=True)
    else:
        raise SystemExit(f"unknown command {cmd}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
