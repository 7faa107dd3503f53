"""One filter spec -> rows: the queries behind ``bilateral events|actors|quotes``, the HTTP API and the
web page, so none of them holds query logic of its own.

Reads: document records (from a :class:`~bilateral.store.Store` or any iterable). Writes: lists of
plain dict rows with fixed columns (``EVENT_COLUMNS`` ...), ready for a table, JSONL or CSV.
Events are deduplicated across articles by default (:mod:`bilateral.corpus.dedup`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .corpus.dedup import COUNTED_STATUSES, CorpusEvent, deduplicate, outlet_of, singletons
from .errors import BilateralError
from .record import Document

STATUSES = ("asserted", "future", "hypothetical", "negated")

EVENT_COLUMNS = ("id", "date", "type", "quad", "status", "source_country", "source_sector", "source_name",
                 "target_country", "target_sector", "target_name", "intensity", "cameo", "place", "mentions",
                 "sources", "articles", "first_published", "deadline", "evidence", "documents")
ACTOR_COLUMNS = ("name", "kind", "country", "sector", "title", "documents", "mentions", "first_published",
                 "last_published")
QUOTE_COLUMNS = ("doc_id", "published", "speaker", "speaker_country", "speaker_title", "kind", "text", "cue",
                 "medium", "date")


@dataclass(frozen=True)
class Filter:
    """What to select. Empty fields select everything.

    ``countries``: one code selects rows involving it; two select the dyad (either direction).
    ``date_from``/``date_to``: inclusive ISO prefixes compared with the row's date.
    ``text``: case-insensitive words that must appear in the evidence (events) or text (quotes).
    """

    countries: tuple[str, ...] = ()
    sector: str | None = None
    type: str | None = None
    quad: int | None = None
    status: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    place: str | None = None
    text: str | None = None
    speaker: str | None = None
    dedup: bool = True
    limit: int | None = None

    @classmethod
    def make(cls, **kw: Any) -> Filter:
        """Validate and normalize options (from a CLI, a URL query ...); raises on bad values."""
        countries = tuple(str(c).strip().upper() for c in kw.pop("countries", None) or () if str(c).strip())
        for c in countries:
            if not re.fullmatch(r"[A-Z]{3}", c):
                raise BilateralError("E301", f"country {c!r} is not a 3-letter code (ISO 3166-1 alpha-3 or "
                                     "a PLOVER code such as IGO)")
        if len(countries) > 2:
            raise BilateralError("E302", "give one country, or two for a dyad")
        spec = cls(countries=countries, **{k: v for k, v in kw.items() if v is not None})
        if spec.quad is not None and spec.quad not in (1, 2, 3, 4):
            raise BilateralError("E303", f"quad must be 1, 2, 3 or 4, not {spec.quad}")
        if spec.status is not None and spec.status not in STATUSES:
            raise BilateralError("E304", f"status must be one of {', '.join(STATUSES)}")
        for name in ("date_from", "date_to"):
            value = getattr(spec, name)
            if value is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
                raise BilateralError("E305", f"{name.replace('_', '-')} {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        return replace(spec, type=spec.type.upper() if spec.type else None,
                       sector=spec.sector.upper() if spec.sector else None)


def load_documents(db: str | Path) -> list[Document]:
    """Every record of a store (read-only)."""
    from .store import Store

    with Store(db, readonly=True) as store:
        return list(store.documents())


def _in_dates(date: str | None, spec: Filter) -> bool:
    if not spec.date_from and not spec.date_to:
        return True
    if not date:
        return False
    if spec.date_from and date[:len(spec.date_from)] < spec.date_from:
        return False
    return not (spec.date_to and date[:len(spec.date_to)] > spec.date_to)


def _countries_ok(a: str | None, b: str | None, spec: Filter) -> bool:
    if not spec.countries:
        return True
    if len(spec.countries) == 1:
        return spec.countries[0] in (a, b)
    return {a, b} == set(spec.countries)


def _words_in(words: str | None, text: str) -> bool:
    return not words or all(w in text.lower() for w in words.lower().split())


# -- events ------------------------------------------------------------------------------------------
def event_rows(docs: Iterable[Document], spec: Filter = Filter()) -> list[dict[str, Any]]:
    """Event rows: one per corpus event (``spec.dedup``) or one per reported event."""
    statuses = (spec.status,) if spec.status else tuple(sorted(COUNTED_STATUSES))
    docs = list(docs)
    if spec.dedup:
        events = deduplicate(docs, statuses=statuses)
    else:
        events = singletons(docs, statuses=statuses)
    rows = [_event_row(e) for e in events if _event_ok(e, spec)]
    return rows[:spec.limit] if spec.limit else rows


def _event_ok(e: CorpusEvent, spec: Filter) -> bool:
    if spec.type and e.type != spec.type:
        return False
    if spec.quad and e.quad != spec.quad:
        return False
    if spec.sector and spec.sector not in (e.source_sector, e.target_sector):
        return False
    if not _countries_ok(e.source_country, e.target_country, spec) or not _in_dates(e.date, spec):
        return False
    if spec.place and not any(r.place and spec.place.lower() in r.place.lower() for r in e.reports):
        return False
    return not spec.text or any(_words_in(spec.text, r.evidence) for r in e.reports)


def _event_row(e: CorpusEvent) -> dict[str, Any]:
    first = e.reports[0] if e.reports else None
    return {"id": e.id, "date": e.date, "type": e.type, "quad": e.quad, "status": e.status,
            "source_country": e.source_country, "source_sector": e.source_sector, "source_name": e.source_name,
            "target_country": e.target_country, "target_sector": e.target_sector, "target_name": e.target_name,
            "intensity": e.intensity, "cameo": e.cameo, "place": e.place, "mentions": e.mentions,
            "sources": e.sources, "articles": e.articles, "first_published": e.first_published,
            "deadline": e.deadline, "evidence": first.evidence if first else None,
            "documents": ";".join(dict.fromkeys(r.doc_id for r in e.reports))}


# -- actors ------------------------------------------------------------------------------------------
def actor_rows(docs: Iterable[Document], spec: Filter = Filter()) -> list[dict[str, Any]]:
    """Actors merged across documents by (name, country, sector), most mentioned first."""
    merged: dict[tuple[str, str | None, str | None], dict[str, Any]] = {}
    for doc in docs:
        for a in doc.actors:
            if spec.countries and a.country not in spec.countries:
                continue
            if spec.sector and a.sector != spec.sector:
                continue
            if spec.text and not _words_in(spec.text, a.name + " " + (a.title or "")):
                continue
            if not _in_dates(doc.published, spec):
                continue
            key = (a.name, a.country, a.sector)
            row = merged.setdefault(key, {"name": a.name, "kind": a.kind, "country": a.country, "sector": a.sector,
                                          "title": a.title, "documents": 0, "mentions": 0,
                                          "first_published": doc.published, "last_published": doc.published})
            row["documents"] += 1
            row["mentions"] += len(a.mentions)
            row["title"] = row["title"] or a.title
            for end, pick in (("first_published", min), ("last_published", max)):
                vals = [v for v in (row[end], doc.published) if v]
                row[end] = pick(vals) if vals else None
    rows = sorted(merged.values(), key=lambda r: (-r["mentions"], r["name"]))
    return rows[:spec.limit] if spec.limit else rows


# -- quotes ------------------------------------------------------------------------------------------
def quote_rows(docs: Iterable[Document], spec: Filter = Filter()) -> list[dict[str, Any]]:
    """Quotes with their speakers; ``spec.speaker`` matches the speaker's name, title or mentions."""
    rows = []
    for doc in docs:
        actors = {a.id: a for a in doc.actors}
        for q in doc.quotes:
            sp = actors.get(q.speaker) if q.speaker else None
            if spec.speaker:
                hay = " ".join([sp.name, sp.title or "", *(m.text for m in sp.mentions)]) if sp else ""
                if not _words_in(spec.speaker, hay):
                    continue
            if spec.countries and not (sp and sp.country in spec.countries):
                continue
            if spec.sector and not (sp and sp.sector == spec.sector):
                continue
            if not _words_in(spec.text, q.text) or not _in_dates(q.date or doc.published, spec):
                continue
            rows.append({"doc_id": doc.id, "published": doc.published, "speaker": sp.name if sp else None,
                         "speaker_country": sp.country if sp else None, "speaker_title": sp.title if sp else None,
                         "kind": q.kind, "text": q.text, "cue": q.cue.text if q.cue else None, "medium": q.medium,
                         "date": q.date})
    rows.sort(key=lambda r: (r["date"] or r["published"] or "", r["doc_id"]))
    return rows[:spec.limit] if spec.limit else rows


def document_rows(docs: Iterable[Document]) -> list[dict[str, Any]]:
    """One row per document (for listings)."""
    return [{"id": d.id, "published": d.published, "title": d.title, "source": outlet_of(d),
             "events": len(d.events), "quotes": len(d.quotes), "warnings": len(d.warnings)} for d in docs]
