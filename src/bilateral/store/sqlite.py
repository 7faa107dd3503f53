"""The SQLite store: one row per document (its full record as JSON) and one table per record section.

Idempotent: a document is keyed by its id and a content hash; storing the same input again changes
nothing, a changed document replaces all its rows in one transaction. WAL mode lets readers work
while a run writes.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal
from urllib.parse import quote

from ..errors import BilateralError
from ..record import Document
from .records import record_dict

UpsertResult = Literal["inserted", "updated", "unchanged"]

SCHEMA_VERSION = 1

DDL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS documents (
  id TEXT PRIMARY KEY, hash TEXT NOT NULL, published TEXT, title TEXT, source TEXT, url TEXT,
  n_actors INTEGER, n_events INTEGER, n_quotes INTEGER, n_warnings INTEGER,
  stored_at TEXT DEFAULT (datetime('now')), record TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS actors (
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, id TEXT NOT NULL, name TEXT, kind TEXT,
  country TEXT, sector TEXT, title TEXT, confidence REAL, rule TEXT, mentions TEXT, PRIMARY KEY (doc_id, id));
CREATE TABLE IF NOT EXISTS events (
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, id TEXT NOT NULL, type TEXT, mode TEXT,
  cameo TEXT, quad INTEGER, intensity REAL, source TEXT, target TEXT, source_country TEXT, source_sector TEXT,
  target_country TEXT, target_sector TEXT, status TEXT, date TEXT, place TEXT, sentence INTEGER,
  trigger TEXT, evidence TEXT, evidence_start INTEGER, evidence_end INTEGER, confidence REAL, why TEXT,
  contexts TEXT, PRIMARY KEY (doc_id, id));
CREATE TABLE IF NOT EXISTS quotes (
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, id TEXT NOT NULL, kind TEXT, text TEXT,
  start INTEGER, "end" INTEGER, speaker TEXT, speaker_name TEXT, speaker_mention TEXT, cue TEXT, medium TEXT,
  date TEXT, PRIMARY KEY (doc_id, id));
CREATE TABLE IF NOT EXISTS times (
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, id TEXT NOT NULL, text TEXT, type TEXT,
  value TEXT, anchor TEXT, start INTEGER, "end" INTEGER, PRIMARY KEY (doc_id, id));
CREATE TABLE IF NOT EXISTS places (
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, id TEXT NOT NULL, text TEXT, name TEXT,
  country TEXT, lat REAL, lon REAL, geonameid INTEGER, feature TEXT, start INTEGER, "end" INTEGER,
  PRIMARY KEY (doc_id, id));
CREATE TABLE IF NOT EXISTS relations (
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, idx INTEGER NOT NULL, country_a TEXT,
  country_b TEXT, level TEXT, status TEXT, date TEXT, target_date TEXT, surface TEXT, evidence TEXT,
  PRIMARY KEY (doc_id, idx));
CREATE TABLE IF NOT EXISTS warnings (
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, idx INTEGER NOT NULL, message TEXT,
  PRIMARY KEY (doc_id, idx));
CREATE INDEX IF NOT EXISTS events_dyad ON events(source_country, target_country);
CREATE INDEX IF NOT EXISTS events_type ON events(type, date);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker_name);
"""

SECTIONS = ("actors", "events", "quotes", "times", "places", "relations", "warnings")


def _writable(path: Path) -> bool:
    """Whether the store file (or, when it does not exist, the nearest existing folder above it) can
    be written (``os.access`` answers for read-only file systems even to root)."""
    probe = path if path.exists() else path.parent
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    return os.access(probe, os.W_OK) and (not path.exists() or os.access(path.parent, os.W_OK))


def _connect_readonly(path: Path) -> sqlite3.Connection:
    """A read-only connection, checked with a first read (errors show at the first query otherwise).

    A WAL store on read-only media (a read-only mount) cannot be opened the usual way: SQLite needs
    to create its shared-memory file next to it. There, with no write-ahead log left behind, it is
    opened as immutable (nobody can change it)."""
    uri = f"file:{quote(str(path), safe='/')}?mode=ro"
    conn = sqlite3.connect(uri, uri=True, timeout=30)
    try:
        conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        conn.close()
        if os.access(path.parent, os.W_OK):
            raise
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise BilateralError("E205", f"the store {path} is on read-only media with an unfinished write-ahead log "
                             f"({wal.name}): open it once where it can be written (or copy the folder)")
    conn = sqlite3.connect(uri + "&immutable=1", uri=True, timeout=30)
    conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
    return conn


class Store:
    """A SQLite file of document records. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = Path(path)
        try:
            if readonly:
                if not self.path.is_file():
                    raise BilateralError("E201", f"no store at {self.path}: run `bilateral extract` first "
                                         "or give --db PATH")
                self.conn = _connect_readonly(self.path)
            else:
                if self.path.parent and not self.path.parent.exists():
                    self.path.parent.mkdir(parents=True, exist_ok=True)
                self.conn = sqlite3.connect(self.path, timeout=30)
                self.conn.execute("PRAGMA journal_mode=WAL")
                self.conn.execute("PRAGMA synchronous=NORMAL")
                self.conn.executescript(DDL)
                self.conn.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
                self.conn.commit()
            self.conn.execute("PRAGMA foreign_keys=ON")
        except (sqlite3.Error, OSError) as exc:  # OSError: its folder cannot be created (read-only file system)
            if not readonly and not _writable(self.path):
                raise BilateralError("E202", f"cannot write the store {self.path}: its folder is not writable "
                                     f"(a read-only file system, or no permission; {exc}): choose another with "
                                     "--db") from exc
            raise BilateralError("E202", f"cannot open the store {self.path}: {exc} (is the folder writable "
                                 "and the disk not full? choose another with --db)") from exc
        self.conn.row_factory = sqlite3.Row

    # -- context manager -------------------------------------------------------------------
    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def commit(self) -> None:
        """Make the documents stored with ``commit=False`` durable."""
        if self.conn.in_transaction:
            self.conn.commit()

    def close(self) -> None:
        """Commit what is pending, then close."""
        try:
            self.commit()
        finally:
            self.conn.close()

    # -- writing ---------------------------------------------------------------------------
    def stored_hash(self, doc_id: str) -> str | None:
        row = self.conn.execute("SELECT hash FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return row[0] if row else None

    def upsert(self, doc: Document, content_hash: str, *, record: dict[str, Any] | None = None,
               commit: bool = True) -> UpsertResult:
        """Store ``doc``: unchanged when the hash matches, else replace all its rows, all or nothing.
        ``record`` is ``doc.to_dict()`` when the caller has it already. With ``commit=False`` the
        document joins the open transaction (a batch: one commit per batch is much cheaper than one
        per document); :meth:`commit` or :meth:`close` ends it."""
        old = self.stored_hash(doc.id)
        if old == content_hash:
            return "unchanged"
        c = self.conn
        try:
            if not c.in_transaction:
                c.execute("BEGIN")
            c.execute("SAVEPOINT upsert")  # this document's rows go in whole or not at all
            try:
                c.execute("DELETE FROM documents WHERE id = ?", (doc.id,))
                for table in SECTIONS:
                    c.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc.id,))
                self._insert(doc, content_hash, record if record is not None else record_dict(doc))
            except BaseException:
                c.execute("ROLLBACK TO upsert")
                c.execute("RELEASE upsert")
                raise
            c.execute("RELEASE upsert")
            if commit:
                c.commit()
        except sqlite3.Error as exc:
            raise BilateralError("E203", f"writing document {doc.id} to {self.path} failed: {exc} "
                                 "(nothing of it was written; check disk space and permissions)") from exc
        return "inserted" if old is None else "updated"

    def _insert(self, doc: Document, content_hash: str, record: dict[str, Any]) -> None:
        c = self.conn
        c.execute("INSERT INTO documents (id, hash, published, title, source, url, n_actors, n_events, n_quotes, "
                  "n_warnings, record) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                  (doc.id, content_hash, doc.published, doc.title, doc.source, doc.url, len(doc.actors),
                   len(doc.events), len(doc.quotes), len(doc.warnings), json.dumps(record, ensure_ascii=False)))
        by_id = {a.id: a for a in doc.actors}
        c.executemany("INSERT INTO actors VALUES (?,?,?,?,?,?,?,?,?,?)", [
            (doc.id, a.id, a.name, a.kind, a.country, a.sector, a.title, a.confidence, a.rule,
             json.dumps([{"span": list(m.span), "text": m.text} for m in a.mentions], ensure_ascii=False))
            for a in doc.actors])

        def attr(actor_id: str | None, field: str) -> Any:
            a = by_id.get(actor_id) if actor_id else None
            return getattr(a, field) if a else None

        c.executemany("INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", [
            (doc.id, e.id, e.type, e.mode, e.cameo, e.quad, e.intensity, e.source, e.target,
             attr(e.source, "country"), attr(e.source, "sector"), attr(e.target, "country"),
             attr(e.target, "sector"), e.status, e.date, e.place, e.sentence, e.trigger.text, e.evidence.text,
             e.evidence.span[0], e.evidence.span[1], e.confidence, e.why, json.dumps(list(e.contexts)))
            for e in doc.events])
        c.executemany("INSERT INTO quotes VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", [
            (doc.id, q.id, q.kind, q.text, q.span[0], q.span[1], q.speaker, attr(q.speaker, "name"),
             q.speaker_mention.text if q.speaker_mention else None, q.cue.text if q.cue else None, q.medium, q.date)
            for q in doc.quotes])
        c.executemany("INSERT INTO times VALUES (?,?,?,?,?,?,?,?)", [
            (doc.id, t.id, t.text, t.type, t.value, t.anchor, t.span[0], t.span[1]) for t in doc.times])
        c.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)", [
            (doc.id, p.id, p.text, p.name, p.country, p.lat, p.lon, p.geonameid, p.feature, p.span[0], p.span[1])
            for p in doc.places])
        c.executemany("INSERT INTO relations VALUES (?,?,?,?,?,?,?,?,?,?)", [
            (doc.id, i, r.countries[0], r.countries[1], r.level, r.status, r.date, r.target_date, r.surface,
             r.evidence.text) for i, r in enumerate(doc.relations)])
        c.executemany("INSERT INTO warnings VALUES (?,?,?)", [(doc.id, i, w) for i, w in enumerate(doc.warnings)])

    # -- reading ---------------------------------------------------------------------------
    def get(self, doc_id: str) -> Document | None:
        row = self.conn.execute("SELECT record FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return Document.from_dict(json.loads(row[0])) if row else None

    def documents(self) -> Iterator[Document]:
        """Every stored record, ordered by publication date then id."""
        cur = self.conn.execute("SELECT record FROM documents ORDER BY published, id")
        for (record,) in cur:
            yield Document.from_dict(json.loads(record))

    def count(self, table: str = "documents") -> int:
        if table not in ("documents", *SECTIONS):
            raise BilateralError("E204", f"unknown table {table!r}")
        return int(self.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])

    def rows(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> list[dict[str, Any]]:
        """Run a read query and return dict rows (for query and export code)."""
        return [dict(r) for r in self.conn.execute(sql, params).fetchall()]
