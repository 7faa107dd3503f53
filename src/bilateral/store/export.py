"""Exports: a table per record section, and POLECAT-like and GDELT-like event tables, as CSV, JSONL or
Parquet, with fixed documented columns (``docs/exports.md``).

Reads: document records, and the deduplicated corpus events the caller computed
(:func:`bilateral.corpus.dedup.deduplicate`; passed in so the store does not depend on the corpus layer).
Writes: files ``<out>/<table>.<format>``.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import BilateralError
from ..record import Document

if TYPE_CHECKING:
    from ..corpus.dedup import CorpusEvent

FORMATS = ("csv", "jsonl", "parquet")

#: column name -> type ("str", "int", "float") of every table, in output order.
COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "documents": (("id", "str"), ("published", "str"), ("title", "str"), ("source", "str"), ("url", "str"),
                  ("n_actors", "int"), ("n_events", "int"), ("n_quotes", "int"), ("n_relations", "int"),
                  ("n_warnings", "int")),
    "actors": (("doc_id", "str"), ("id", "str"), ("name", "str"), ("kind", "str"), ("country", "str"),
               ("sector", "str"), ("title", "str"), ("confidence", "float"), ("n_mentions", "int"),
               ("mentions", "str")),
    "events": (("doc_id", "str"), ("id", "str"), ("type", "str"), ("mode", "str"), ("cameo", "str"),
               ("quad", "int"), ("intensity", "float"), ("source", "str"), ("source_name", "str"),
               ("source_country", "str"), ("source_sector", "str"), ("target", "str"), ("target_name", "str"),
               ("target_country", "str"), ("target_sector", "str"), ("status", "str"), ("date", "str"),
               ("place", "str"), ("place_name", "str"), ("sentence", "int"), ("trigger", "str"),
               ("evidence", "str"), ("evidence_start", "int"), ("evidence_end", "int"), ("confidence", "float"),
               ("why", "str"), ("contexts", "str")),
    "quotes": (("doc_id", "str"), ("id", "str"), ("kind", "str"), ("text", "str"), ("start", "int"),
               ("end", "int"), ("speaker", "str"), ("speaker_name", "str"), ("speaker_mention", "str"),
               ("cue", "str"), ("medium", "str"), ("date", "str")),
    "times": (("doc_id", "str"), ("id", "str"), ("text", "str"), ("type", "str"), ("value", "str"),
              ("anchor", "str"), ("start", "int"), ("end", "int")),
    "places": (("doc_id", "str"), ("id", "str"), ("text", "str"), ("name", "str"), ("country", "str"),
               ("lat", "float"), ("lon", "float"), ("geonameid", "int"), ("feature", "str"), ("start", "int"),
               ("end", "int")),
    "relations": (("doc_id", "str"), ("idx", "int"), ("country_a", "str"), ("country_b", "str"), ("level", "str"),
                  ("status", "str"), ("date", "str"), ("target_date", "str"), ("surface", "str"),
                  ("evidence", "str"), ("evidence_start", "int"), ("evidence_end", "int")),
    "warnings": (("doc_id", "str"), ("idx", "int"), ("code", "str"), ("message", "str")),
    "corpus_events": (("id", "str"), ("date", "str"), ("date_basis", "str"), ("type", "str"), ("quad", "int"),
                      ("status", "str"), ("source_country", "str"), ("source_sector", "str"), ("source_name", "str"),
                      ("target_country", "str"), ("target_sector", "str"), ("target_name", "str"),
                      ("intensity", "float"), ("cameo", "str"), ("place", "str"), ("mentions", "int"),
                      ("sources", "int"), ("articles", "int"), ("first_published", "str"),
                      ("last_published", "str"), ("deadline", "str"), ("documents", "str"), ("evidence", "str")),
    "polecat": (("Event ID", "str"), ("Event Date", "str"), ("Event Type", "str"), ("Event Mode", "str"),
                ("Event Intensity", "float"), ("Quad Code", "int"), ("Contexts", "str"), ("Actor Name", "str"),
                ("Actor Country", "str"), ("Primary Actor Sector", "str"), ("Recipient Name", "str"),
                ("Recipient Country", "str"), ("Primary Recipient Sector", "str"), ("Placename", "str"),
                ("Country", "str"), ("Latitude", "float"), ("Longitude", "float"), ("GeoNames ID", "int"),
                ("Source", "str"), ("Publication Date", "str"), ("Story IDs", "str"), ("Num Articles", "int"),
                ("Event Text", "str"), ("Language", "str"), ("Version", "str")),
    "gdelt": (("GLOBALEVENTID", "str"), ("SQLDATE", "int"), ("MonthYear", "int"), ("Year", "int"),
              ("FractionDate", "float"), ("Actor1Code", "str"), ("Actor1Name", "str"), ("Actor1CountryCode", "str"),
              ("Actor1Type1Code", "str"), ("Actor2Code", "str"), ("Actor2Name", "str"),
              ("Actor2CountryCode", "str"), ("Actor2Type1Code", "str"), ("IsRootEvent", "int"),
              ("EventCode", "str"), ("EventBaseCode", "str"), ("EventRootCode", "str"), ("QuadClass", "int"),
              ("GoldsteinScale", "float"), ("NumMentions", "int"), ("NumSources", "int"), ("NumArticles", "int"),
              ("ActionGeo_FullName", "str"), ("ActionGeo_CountryCode", "str"), ("ActionGeo_Lat", "float"),
              ("ActionGeo_Long", "float"), ("ActionGeo_FeatureID", "str"), ("DATEADDED", "int"),
              ("SOURCEURL", "str"), ("PLOVERType", "str"), ("EventStatus", "str")),
}
SECTION_TABLES = ("documents", "actors", "events", "quotes", "times", "places", "relations", "warnings")
EVENT_TABLES = ("corpus_events", "polecat", "gdelt")


def section_rows(docs: Iterable[Document]) -> dict[str, list[dict[str, Any]]]:
    """The rows of every section table."""
    out: dict[str, list[dict[str, Any]]] = {t: [] for t in SECTION_TABLES}
    for d in docs:
        out["documents"].append({"id": d.id, "published": d.published, "title": d.title, "source": d.source,
                                 "url": d.url, "n_actors": len(d.actors), "n_events": len(d.events),
                                 "n_quotes": len(d.quotes), "n_relations": len(d.relations),
                                 "n_warnings": len(d.warnings)})
        actors = {a.id: a for a in d.actors}
        places = {p.id: p for p in d.places}
        for a in d.actors:
            out["actors"].append({"doc_id": d.id, "id": a.id, "name": a.name, "kind": a.kind, "country": a.country,
                                  "sector": a.sector, "title": a.title, "confidence": a.confidence,
                                  "n_mentions": len(a.mentions),
                                  "mentions": json.dumps([[*m.span, m.text] for m in a.mentions], ensure_ascii=False)})
        for e in d.events:
            src, tgt = actors.get(e.source or ""), actors.get(e.target or "")
            pl = places.get(e.place or "")
            out["events"].append({
                "doc_id": d.id, "id": e.id, "type": e.type, "mode": e.mode, "cameo": e.cameo, "quad": e.quad,
                "intensity": e.intensity, "source": e.source, "source_name": src.name if src else None,
                "source_country": src.country if src else None, "source_sector": src.sector if src else None,
                "target": e.target, "target_name": tgt.name if tgt else None,
                "target_country": tgt.country if tgt else None, "target_sector": tgt.sector if tgt else None,
                "status": e.status, "date": e.date, "place": e.place, "place_name": pl.name if pl else None,
                "sentence": e.sentence, "trigger": e.trigger.text, "evidence": e.evidence.text,
                "evidence_start": e.evidence.span[0], "evidence_end": e.evidence.span[1],
                "confidence": e.confidence, "why": e.why, "contexts": ";".join(e.contexts)})
        for q in d.quotes:
            sp = actors.get(q.speaker or "")
            out["quotes"].append({"doc_id": d.id, "id": q.id, "kind": q.kind, "text": q.text, "start": q.span[0],
                                  "end": q.span[1], "speaker": q.speaker, "speaker_name": sp.name if sp else None,
                                  "speaker_mention": q.speaker_mention.text if q.speaker_mention else None,
                                  "cue": q.cue.text if q.cue else None, "medium": q.medium, "date": q.date})
        for t in d.times:
            out["times"].append({"doc_id": d.id, "id": t.id, "text": t.text, "type": t.type, "value": t.value,
                                 "anchor": t.anchor, "start": t.span[0], "end": t.span[1]})
        for p in d.places:
            out["places"].append({"doc_id": d.id, "id": p.id, "text": p.text, "name": p.name, "country": p.country,
                                  "lat": p.lat, "lon": p.lon, "geonameid": p.geonameid, "feature": p.feature,
                                  "start": p.span[0], "end": p.span[1]})
        for i, r in enumerate(d.relations):
            out["relations"].append({"doc_id": d.id, "idx": i, "country_a": r.countries[0],
                                     "country_b": r.countries[1], "level": r.level, "status": r.status,
                                     "date": r.date, "target_date": r.target_date, "surface": r.surface,
                                     "evidence": r.evidence.text, "evidence_start": r.evidence.span[0],
                                     "evidence_end": r.evidence.span[1]})
        for i, w in enumerate(d.warnings):
            code, _, msg = w.partition(": ")
            out["warnings"].append({"doc_id": d.id, "idx": i, "code": code if msg else None, "message": msg or w})
    return out


def corpus_event_rows(events: Sequence[CorpusEvent]) -> list[dict[str, Any]]:
    return [{"id": e.id, "date": e.date, "date_basis": e.date_basis, "type": e.type, "quad": e.quad,
             "status": e.status, "source_country": e.source_country, "source_sector": e.source_sector,
             "source_name": e.source_name, "target_country": e.target_country, "target_sector": e.target_sector,
             "target_name": e.target_name, "intensity": e.intensity, "cameo": e.cameo, "place": e.place,
             "mentions": e.mentions, "sources": e.sources, "articles": e.articles,
             "first_published": e.first_published, "last_published": e.last_published, "deadline": e.deadline,
             "documents": ";".join(dict.fromkeys(r.doc_id for r in e.reports)),
             "evidence": e.reports[0].evidence if e.reports else None} for e in events]


def _geo(e: CorpusEvent) -> Any:
    return next((r for r in e.reports if r.place), None)


def polecat_rows(events: Sequence[CorpusEvent], *, version: str = "bilateral-0.1") -> list[dict[str, Any]]:
    """One row per corpus event, in POLECAT's column names (see docs/exports.md)."""
    rows = []
    for e in events:
        g = _geo(e)
        first = e.reports[0] if e.reports else None
        rows.append({
            "Event ID": e.id, "Event Date": e.date, "Event Type": e.type.lower(), "Event Mode": None,
            "Event Intensity": e.intensity, "Quad Code": e.quad, "Contexts": ";".join(e.contexts),
            "Actor Name": e.source_name, "Actor Country": e.source_country, "Primary Actor Sector": e.source_sector,
            "Recipient Name": e.target_name, "Recipient Country": e.target_country,
            "Primary Recipient Sector": e.target_sector, "Placename": g.place if g else None,
            "Country": g.place_country if g else None, "Latitude": g.lat if g else None,
            "Longitude": g.lon if g else None, "GeoNames ID": g.geonameid if g else None,
            "Source": first.outlet if first else None, "Publication Date": e.first_published,
            "Story IDs": ";".join(dict.fromkeys(r.doc_id for r in e.reports)), "Num Articles": e.articles,
            "Event Text": first.evidence if first else None, "Language": "en", "Version": version})
    return rows


def _yyyymmdd(date: str | None) -> int | None:
    if not date:
        return None
    digits = date.replace("-", "")
    return int(digits.ljust(8, "0")) if digits.isdigit() else None


def gdelt_rows(events: Sequence[CorpusEvent]) -> list[dict[str, Any]]:
    """One row per corpus event, in GDELT 2.0 event-table column names (see docs/exports.md)."""
    rows = []
    for e in events:
        g = _geo(e)
        sql = _yyyymmdd(e.date) or 0
        year, month = sql // 10000, (sql // 100) % 100
        cameo = e.cameo or ""
        rows.append({
            "GLOBALEVENTID": e.id, "SQLDATE": sql, "MonthYear": year * 100 + month, "Year": year,
            "FractionDate": round(year + max(month - 1, 0) / 12 + max(sql % 100 - 1, 0) / 365, 4),
            "Actor1Code": (e.source_country or "") + (e.source_sector or ""), "Actor1Name": e.source_name,
            "Actor1CountryCode": e.source_country, "Actor1Type1Code": e.source_sector,
            "Actor2Code": (e.target_country or "") + (e.target_sector or ""), "Actor2Name": e.target_name,
            "Actor2CountryCode": e.target_country, "Actor2Type1Code": e.target_sector, "IsRootEvent": 1,
            "EventCode": cameo, "EventBaseCode": cameo[:3], "EventRootCode": cameo[:2], "QuadClass": e.quad,
            "GoldsteinScale": e.intensity, "NumMentions": e.mentions, "NumSources": e.sources,
            "NumArticles": e.articles, "ActionGeo_FullName": g.place if g else None,
            "ActionGeo_CountryCode": g.place_country if g else None, "ActionGeo_Lat": g.lat if g else None,
            "ActionGeo_Long": g.lon if g else None,
            "ActionGeo_FeatureID": str(g.geonameid) if g and g.geonameid else None,
            "DATEADDED": _yyyymmdd(e.first_published),
            "SOURCEURL": next((r.url for r in e.reports if r.url), e.reports[0].doc_id if e.reports else None),
            "PLOVERType": e.type, "EventStatus": e.status})
    return rows


def write_table(rows: Sequence[dict[str, Any]], table: str, path: str | Path, *, fmt: str) -> Path:
    """Write rows with the table's fixed columns as CSV, JSONL or Parquet."""
    if table not in COLUMNS:
        raise BilateralError("E401", f"unknown table {table!r}; known: {', '.join(COLUMNS)}")
    cols = COLUMNS[table]
    names = [c for c, _ in cols]
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "csv":
        with path.open("w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=names, extrasaction="ignore")
            w.writeheader()
            w.writerows(rows)
    elif fmt == "jsonl":
        with path.open("w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps({c: r.get(c) for c in names}, ensure_ascii=False) + "\n")
    elif fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64()}
        schema = pa.schema([(c, types[t]) for c, t in cols])
        data = {c: [r.get(c) for r in rows] for c in names}
        pq.write_table(pa.Table.from_pydict(data, schema=schema), path)
    else:
        raise BilateralError("E402", f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    return path


def export(docs: Iterable[Document], out: str | Path, *, fmt: str = "csv",
           events: Sequence[CorpusEvent] | None = None, tables: Iterable[str] | None = None) -> list[Path]:
    """Write every section table (and the event tables when ``events`` is given) to ``out``."""
    wanted = list(tables) if tables else [*SECTION_TABLES, *(EVENT_TABLES if events is not None else ())]
    bad = [t for t in wanted if t not in COLUMNS]
    if bad:
        raise BilateralError("E401", f"unknown table(s) {', '.join(bad)}; known: {', '.join(COLUMNS)}")
    if events is None and any(t in EVENT_TABLES for t in wanted):
        raise BilateralError("E403", "the event tables need the deduplicated corpus events")
    rows = section_rows(docs)
    if events is not None:
        rows["corpus_events"] = corpus_event_rows(events)
        rows["polecat"] = polecat_rows(events)
        rows["gdelt"] = gdelt_rows(events)
    return [write_table(rows[t], t, Path(out) / f"{t}.{fmt}", fmt=fmt) for t in wanted]
