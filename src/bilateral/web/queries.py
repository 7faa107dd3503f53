"""Read the store for the HTTP API and the web page: documents, events, actors, quotes, dyads,
the country network and the event map.

Reads only (``Store.rows``); returns plain JSON-ready dicts. This is a stop-gap behind a small
interface: when ``bilateral.query`` (one filter spec -> rows, shared by CLI, API and web) and
``bilateral.corpus.dyad`` land, these functions delegate to them and keep their signatures.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from typing import Any

from ..store import Store

#: quad classes (GDELT): 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
COOPERATION = (1, 2)
CONFLICT = (3, 4)
MAX_LIMIT = 5000


@dataclass(frozen=True)
class EventFilter:
    """The event filters of the CLI: every field optional; all given ones must hold."""

    country: str | None = None  # either side
    sector: str | None = None  # either side
    type: str | None = None
    quad: int | None = None
    status: str | None = None
    since: str | None = None  # ISO date (or prefix), inclusive, on the event date else the publication date
    until: str | None = None  # inclusive
    place: str | None = None  # place name, mention text or country code
    text: str | None = None  # substring of the evidence sentence or trigger
    doc: str | None = None  # one document id

    def active(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) not in (None, "")}


_EVENT_DATE = "COALESCE(e.date, d.published)"

_EVENT_SELECT = f"""
SELECT e.doc_id, e.id, e.type, e.mode, e.cameo, e.quad, e.intensity, e.source, e.target,
       sa.name AS source_name, ta.name AS target_name,
       e.source_country, e.source_sector, e.target_country, e.target_sector, e.status, e.date,
       {_EVENT_DATE} AS when_, e.place, p.name AS place_name, p.lat AS place_lat, p.lon AS place_lon,
       e.sentence, e.trigger, e.evidence, e.confidence, e.why, d.title AS doc_title, d.published AS doc_published
FROM events e
JOIN documents d ON d.id = e.doc_id
LEFT JOIN actors sa ON sa.doc_id = e.doc_id AND sa.id = e.source
LEFT JOIN actors ta ON ta.doc_id = e.doc_id AND ta.id = e.target
LEFT JOIN places p ON p.doc_id = e.doc_id AND p.id = e.place
"""


def _event_where(f: EventFilter) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if f.country:
        clauses.append("(e.source_country = ? OR e.target_country = ?)")
        params += [f.country.upper(), f.country.upper()]
    if f.sector:
        clauses.append("(e.source_sector = ? OR e.target_sector = ?)")
        params += [f.sector.upper(), f.sector.upper()]
    if f.type:
        clauses.append("e.type = ?")
        params.append(f.type.upper())
    if f.quad is not None:
        clauses.append("e.quad = ?")
        params.append(int(f.quad))
    if f.status:
        clauses.append("e.status = ?")
        params.append(f.status.lower())
    if f.since:
        clauses.append(f"{_EVENT_DATE} >= ?")
        params.append(f.since)
    if f.until:
        # "2024-05" includes every day of May: compare on the prefix length given
        clauses.append(f"substr({_EVENT_DATE}, 1, ?) <= ?")
        params += [len(f.until), f.until]
    if f.place:
        clauses.append("(p.name LIKE ? OR p.text LIKE ? OR p.country = ?)")
        params += [f"%{f.place}%", f"%{f.place}%", f.place.upper()]
    if f.text:
        clauses.append("(e.evidence LIKE ? OR e.trigger LIKE ?)")
        params += [f"%{f.text}%", f"%{f.text}%"]
    if f.doc:
        clauses.append("e.doc_id = ?")
        params.append(f.doc)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _limit(limit: int | None) -> int:
    return max(1, min(int(limit or 200), MAX_LIMIT))


def events(store: Store, flt: EventFilter, *, limit: int = 200, offset: int = 0) -> list[dict[str, Any]]:
    """Events that pass ``flt``, newest first, with actor and place names and the document title."""
    where, params = _event_where(flt)
    sql = f"{_EVENT_SELECT}{where} ORDER BY when_ DESC, e.doc_id, e.sentence, e.id LIMIT ? OFFSET ?"
    rows = store.rows(sql, (*params, _limit(limit), max(0, int(offset))))
    for r in rows:
        r["when"] = r.pop("when_")
    return rows


def count_events(store: Store, flt: EventFilter) -> int:
    where, params = _event_where(flt)
    sql = ("SELECT COUNT(*) AS n FROM events e JOIN documents d ON d.id = e.doc_id "
           f"LEFT JOIN places p ON p.doc_id = e.doc_id AND p.id = e.place{where}")
    return int(store.rows(sql, tuple(params))[0]["n"])


def documents(store: Store, *, text: str | None = None, limit: int = 200, offset: int = 0) -> list[dict[str, Any]]:
    """Stored documents (metadata and counts, no text), newest first."""
    where, params = "", []
    if text:
        where = " WHERE title LIKE ? OR id LIKE ?"
        params = [f"%{text}%", f"%{text}%"]
    sql = ("SELECT id, title, source, url, published, n_actors, n_events, n_quotes, n_warnings, stored_at "
           f"FROM documents{where} ORDER BY published DESC, id LIMIT ? OFFSET ?")
    return store.rows(sql, (*params, _limit(limit), max(0, int(offset))))


def document(store: Store, doc_id: str) -> dict[str, Any] | None:
    """One stored record, as JSON (exactly what ``bilateral extract`` wrote)."""
    rows = store.rows("SELECT record FROM documents WHERE id = ?", (doc_id,))
    return json.loads(rows[0]["record"]) if rows else None


def actors(store: Store, *, country: str | None = None, sector: str | None = None, text: str | None = None,
           limit: int = 200, offset: int = 0) -> list[dict[str, Any]]:
    """Actors across documents, grouped by name, country and sector, most documents first."""
    clauses, params = [], []
    if country:
        clauses.append("country = ?")
        params.append(country.upper())
    if sector:
        clauses.append("sector = ?")
        params.append(sector.upper())
    if text:
        clauses.append("(name LIKE ? OR title LIKE ?)")
        params += [f"%{text}%", f"%{text}%"]
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    sql = ("SELECT name, kind, country, sector, COUNT(DISTINCT doc_id) AS documents, MAX(title) AS title "
           f"FROM actors{where} GROUP BY name, kind, country, sector ORDER BY documents DESC, name LIMIT ? OFFSET ?")
    return store.rows(sql, (*params, _limit(limit), max(0, int(offset))))


def quotes(store: Store, *, speaker: str | None = None, country: str | None = None, text: str | None = None,
           doc: str | None = None, limit: int = 200, offset: int = 0) -> list[dict[str, Any]]:
    """Quotes with their speaker's name and country, newest first."""
    clauses, params = [], []
    if speaker:
        clauses.append("q.speaker_name LIKE ?")
        params.append(f"%{speaker}%")
    if country:
        clauses.append("a.country = ?")
        params.append(country.upper())
    if text:
        clauses.append("q.text LIKE ?")
        params.append(f"%{text}%")
    if doc:
        clauses.append("q.doc_id = ?")
        params.append(doc)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    sql = ("SELECT q.doc_id, q.id, q.kind, q.text, q.speaker, q.speaker_name, a.country AS speaker_country, "
           "a.sector AS speaker_sector, q.cue, q.medium, COALESCE(q.date, d.published) AS date, d.title AS doc_title "
           "FROM quotes q JOIN documents d ON d.id = q.doc_id "
           f"LEFT JOIN actors a ON a.doc_id = q.doc_id AND a.id = q.speaker{where} "
           "ORDER BY date DESC, q.doc_id, q.start LIMIT ? OFFSET ?")
    return store.rows(sql, (*params, _limit(limit), max(0, int(offset))))


def dyad(store: Store, a: str, b: str, *, since: str | None = None, until: str | None = None) -> dict[str, Any]:
    """The timeline of a country pair: relation statements and monthly cooperation and conflict counts."""
    a, b = a.upper(), b.upper()
    rel_sql = ("SELECT r.doc_id, r.country_a, r.country_b, r.level, r.status, r.date, r.target_date, r.surface, "
               "r.evidence, d.published, d.title AS doc_title FROM relations r JOIN documents d ON d.id = r.doc_id "
               "WHERE (r.country_a = ? AND r.country_b = ?) OR (r.country_a = ? AND r.country_b = ?) "
               "ORDER BY COALESCE(r.date, d.published), r.doc_id, r.idx")
    relations = store.rows(rel_sql, (a, b, b, a))
    where, params = _event_where(EventFilter(since=since, until=until))
    pair = ("((e.source_country = ? AND e.target_country = ?) OR (e.source_country = ? AND e.target_country = ?))")
    where = f"{where} AND {pair}" if where else f" WHERE {pair}"
    rows = store.rows(f"{_EVENT_SELECT}{where} ORDER BY when_, e.doc_id, e.sentence", (*params, a, b, b, a))
    months: dict[str, dict[str, Any]] = {}
    for r in rows:
        r["when"] = r.pop("when_")
        if r["status"] in ("hypothetical", "negated"):
            continue
        month = (r["when"] or "")[:7]
        if len(month) < 7:
            continue
        m = months.setdefault(month, {"month": month, "cooperation": 0, "conflict": 0, "events": 0})
        m["events"] += 1
        if r["quad"] in COOPERATION:
            m["cooperation"] += 1
        elif r["quad"] in CONFLICT:
            m["conflict"] += 1
    return {"a": a, "b": b, "relations": relations, "months": [months[k] for k in sorted(months)], "events": rows}


def network(store: Store, flt: EventFilter) -> dict[str, Any]:
    """Countries as nodes and events between two different countries as weighted, undirected edges."""
    where, params = _event_where(flt)
    both = "e.source_country IS NOT NULL AND e.target_country IS NOT NULL AND e.source_country <> e.target_country"
    where = f"{where} AND {both}" if where else f" WHERE {both}"
    sql = ("SELECT MIN(e.source_country, e.target_country) AS a, MAX(e.source_country, e.target_country) AS b, "
           "COUNT(*) AS events, SUM(e.quad IN (1, 2)) AS cooperation, SUM(e.quad IN (3, 4)) AS conflict "
           "FROM events e JOIN documents d ON d.id = e.doc_id "
           f"LEFT JOIN places p ON p.doc_id = e.doc_id AND p.id = e.place{where} GROUP BY a, b ORDER BY events DESC")
    edges = store.rows(sql, tuple(params))
    nodes: dict[str, int] = {}
    for e in edges:
        for c in (e["a"], e["b"]):
            nodes[c] = nodes.get(c, 0) + int(e["events"])
    return {"nodes": [{"id": k, "events": v} for k, v in sorted(nodes.items(), key=lambda kv: (-kv[1], kv[0]))],
            "edges": edges}


def event_places(store: Store, flt: EventFilter) -> list[dict[str, Any]]:
    """Geocoded places of events, grouped by place, with cooperation and conflict counts."""
    where, params = _event_where(flt)
    geo = "p.lat IS NOT NULL AND p.lon IS NOT NULL"
    where = f"{where} AND {geo}" if where else f" WHERE {geo}"
    sql = ("SELECT p.name AS name, p.country AS country, ROUND(p.lat, 3) AS lat, ROUND(p.lon, 3) AS lon, "
           "COUNT(*) AS events, SUM(e.quad IN (1, 2)) AS cooperation, SUM(e.quad IN (3, 4)) AS conflict "
           "FROM events e JOIN documents d ON d.id = e.doc_id JOIN places p ON p.doc_id = e.doc_id AND p.id = e.place"
           f"{where} GROUP BY p.name, p.country, ROUND(p.lat, 3), ROUND(p.lon, 3) ORDER BY events DESC")
    return store.rows(sql, tuple(params))
