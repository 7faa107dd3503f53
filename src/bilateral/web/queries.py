"""What the HTTP API and the page read: the store's records through the shared query code.

Events, actors and quotes come from :mod:`bilateral.query` (the same filter spec and rows as the
``bilateral events|actors|quotes`` commands, events deduplicated across articles); dyads from
:func:`bilateral.corpus.dyad.dyad_report` (as ``bilateral dyad --format json``). The network and
the map only aggregate those event rows. No filter logic of its own here.

The records are read once and kept until the store changes (SQLite's ``data_version``, which moves
when any connection, this server's or a ``bilateral extract`` beside it, commits).
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections import defaultdict
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any, TypeVar

from ..corpus.dyad import dyad_report
from ..errors import BilateralError
from ..query import Filter, actor_rows, event_rows, quote_rows
from ..record import Document
from ..store import Store

COOPERATION = (1, 2)
CONFLICT = (3, 4)
MAX_LIMIT = 5000
MEMO_SIZE = 64
T = TypeVar("T")


class Corpus:
    """The store's records for one server, reloaded only when the store has changed."""

    def __init__(self, db: Path) -> None:
        self.db = Path(db)
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self._version: tuple[int, int] | None = None
        self._docs: list[Document] = []
        self._memo: dict[Hashable, Any] = {}

    def _data_version(self) -> tuple[int, int]:
        if self._conn is None:
            Store(self.db, readonly=True).close()  # the store's own message when there is none
            self._conn = sqlite3.connect(f"file:{self.db}?mode=ro", uri=True, check_same_thread=False, timeout=30)
        dv = self._conn.execute("PRAGMA data_version").fetchone()[0]
        n = self._conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        return int(dv), int(n)

    def documents(self) -> list[Document]:
        with self._lock:
            version = self._data_version()
            if version != self._version:
                with Store(self.db, readonly=True) as store:
                    self._docs = list(store.documents())
                self._version = version
                self._memo.clear()
            return self._docs

    def memo(self, key: Hashable, compute: Callable[[list[Document]], T]) -> T:
        """``compute(documents)``, remembered until the store changes (the page asks the same questions
        for its table, network and map)."""
        docs = self.documents()
        with self._lock:
            if key in self._memo:
                return self._memo[key]  # type: ignore[no-any-return]
        value = compute(docs)
        with self._lock:
            if docs is self._docs:  # not reloaded meanwhile
                if len(self._memo) >= MEMO_SIZE:
                    self._memo.pop(next(iter(self._memo)))
                self._memo[key] = value
        return value

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None


def make_filter(**kw: Any) -> Filter:
    """A :class:`bilateral.query.Filter` from URL parameters (None and empty values dropped)."""
    clean = {k: v for k, v in kw.items() if v not in (None, "", [], ())}
    return Filter.make(**clean)


def page(rows: list[dict[str, Any]], *, limit: int, offset: int) -> list[dict[str, Any]]:
    return rows[max(0, offset):max(0, offset) + max(1, min(limit, MAX_LIMIT))]


def events(docs: list[Document], spec: Filter) -> list[dict[str, Any]]:
    """Event rows (``bilateral events``), newest first."""
    return sorted(event_rows(docs, spec), key=lambda r: (r["date"] or "", r["id"]), reverse=True)


def actors(docs: list[Document], spec: Filter) -> list[dict[str, Any]]:
    return actor_rows(docs, spec)


def quotes(docs: list[Document], spec: Filter) -> list[dict[str, Any]]:
    return sorted(quote_rows(docs, spec), key=lambda r: (r["date"] or r["published"] or ""), reverse=True)


def dyad(docs: list[Document], a: str, b: str) -> dict[str, Any]:
    """``bilateral dyad A B --format json``, plus cooperation (quads 1-2) and conflict (3-4) per month."""
    spec = make_filter(countries=[a, b])
    if len(set(spec.countries)) != 2:
        raise BilateralError("E306", "give two different countries for a dyad")
    out: dict[str, Any] = dyad_report(docs, *spec.countries).to_dict()
    for m in out["months"]:
        m["cooperation"] = m["quad1"] + m["quad2"]
        m["conflict"] = m["quad3"] + m["quad4"]
    return out


def network(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Countries as nodes, events between two different countries as undirected weighted edges."""
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    for r in rows:
        a, b = r["source_country"], r["target_country"]
        if not a or not b or a == b:
            continue
        x, y = sorted((a, b))
        e = edges.setdefault((x, y), {"a": x, "b": y, "events": 0, "cooperation": 0, "conflict": 0})
        e["events"] += 1
        e["cooperation"] += r["quad"] in COOPERATION
        e["conflict"] += r["quad"] in CONFLICT
    nodes: dict[str, int] = defaultdict(int)
    for e in edges.values():
        nodes[e["a"]] += e["events"]
        nodes[e["b"]] += e["events"]
    return {"nodes": [{"id": k, "events": v} for k, v in sorted(nodes.items(), key=lambda kv: (-kv[1], kv[0]))],
            "edges": sorted(edges.values(), key=lambda e: (-e["events"], e["a"], e["b"]))}


def event_places(docs: list[Document], rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Geocoded places of the event rows (coordinates from the reporting documents' places), with counts."""
    coords: dict[tuple[str, str], tuple[float, float, str | None]] = {}
    for d in docs:
        for p in d.places:
            if p.lat is not None and p.lon is not None:
                for name in (p.name, p.text):
                    coords.setdefault((d.id, name), (p.lat, p.lon, p.country))
    out: dict[tuple[str, float, float], dict[str, Any]] = {}
    for r in rows:
        if not r["place"]:
            continue
        hit = next((coords[(d, r["place"])] for d in (r["documents"] or "").split(";") if (d, r["place"]) in coords),
                   None)
        if hit is None:
            continue
        lat, lon, country = round(hit[0], 3), round(hit[1], 3), hit[2]
        row = out.setdefault((r["place"], lat, lon), {"name": r["place"], "country": country, "lat": lat,
                                                      "lon": lon, "events": 0, "cooperation": 0, "conflict": 0})
        row["events"] += 1
        row["cooperation"] += r["quad"] in COOPERATION
        row["conflict"] += r["quad"] in CONFLICT
    return sorted(out.values(), key=lambda x: (-x["events"], x["name"]))


# -- documents: metadata straight from the store's documents table ----------------------------------
def documents(store: Store, *, text: str | None = None, limit: int = 200, offset: int = 0) -> list[dict[str, Any]]:
    """Stored documents (metadata and counts, no text), newest first; ``text`` filters title or id."""
    where, params = "", []
    if text:
        where = " WHERE title LIKE ? OR id LIKE ?"
        params = [f"%{text}%", f"%{text}%"]
    sql = ("SELECT id, title, source, url, published, n_actors, n_events, n_quotes, n_warnings, stored_at "
           f"FROM documents{where} ORDER BY published DESC, id LIMIT ? OFFSET ?")
    # SQLite integers are 64-bit: a larger offset (a valid URL) is past the end all the same
    return store.rows(sql, (*params, max(1, min(limit, MAX_LIMIT)), max(0, min(offset, 2**63 - 1))))


def document(store: Store, doc_id: str) -> dict[str, Any] | None:
    """One stored record, as JSON (exactly what ``bilateral extract`` wrote)."""
    rows = store.rows("SELECT record FROM documents WHERE id = ?", (doc_id,))
    return json.loads(rows[0]["record"]) if rows else None
