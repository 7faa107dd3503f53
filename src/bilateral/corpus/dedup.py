"""Across documents: one event reported by many articles becomes one corpus event with all its sources.

Reads: document records (:class:`~bilateral.record.Document`). Writes: :class:`CorpusEvent` values.
Pure functions, no store and no I/O.

Two reports are the same event when they have the same dyad (source and target country; either
order for the symmetric type CONSULT with mode other than visit, and COOPERATE), the same type, the
same status and dates at most ``window`` days apart (single linkage over the sorted dates). A report that names only one side of the dyad joins the one
cluster that agrees with it, when there is exactly one. A
report's date is the event's own date when it names a day, else the article's publication date
(``date_basis`` says which). A report dated only to a month joins the largest cluster of that month,
else forms one of its own.

The id is stable: a hash of the dyad, the type, the status and the cluster's *date bucket* (its most
reported day, ties to the earliest), so re-running over the same corpus, in any order, gives the same ids.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from ..record import Actor, Document, Event, Place

#: event types whose source and target are interchangeable when matching.
SYMMETRIC_TYPES = frozenset({"COOPERATE"})
#: statuses that are counted (negated and hypothetical events are kept in records, never counted).
COUNTED_STATUSES = frozenset({"asserted", "future"})


@dataclass(frozen=True)
class Report:
    """One article's report of a corpus event."""

    doc_id: str
    event_id: str
    outlet: str
    published: str | None
    date: str | None  # the event's own date as written in the record
    trigger: str
    evidence: str
    evidence_span: tuple[int, int]
    source_name: str | None
    target_name: str | None
    place: str | None
    intensity: float
    cameo: str
    url: str | None = None
    place_country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    deadline: str | None = None  # "by 2028", "within three years": see :func:`deadline_of`


@dataclass(frozen=True)
class CorpusEvent:
    """One event, all the articles that report it."""

    id: str
    type: str
    quad: int
    status: str
    source_country: str | None
    target_country: str | None
    source_sector: str | None
    target_sector: str | None
    date: str  # the date bucket: YYYY-MM-DD, or YYYY-MM for a month-only cluster
    date_basis: str  # "event" (the text dates it) or "published" (the article's date stands in)
    intensity: float  # mean over reports
    cameo: str
    mentions: int  # event records in all reports
    sources: int  # distinct outlets
    articles: int  # distinct documents
    first_published: str | None
    last_published: str | None
    source_name: str | None  # most reported actor names
    target_name: str | None
    place: str | None
    contexts: tuple[str, ...] = ()
    reports: tuple[Report, ...] = field(default=())
    deadline: str | None = None  # the date promised or asked for, the most reported one

    @property
    def month(self) -> str:
        return self.date[:7]

    def to_dict(self) -> dict[str, object]:
        """A plain dict (reports as a list of dicts)."""
        out = {k: getattr(self, k) for k in self.__dataclass_fields__ if k != "reports"}
        out["contexts"] = list(self.contexts)
        out["reports"] = [dict(r.__dict__, evidence_span=list(r.evidence_span)) for r in self.reports]
        return out


@dataclass(frozen=True)
class _Item:
    event: Event
    doc: Document
    src: Actor | None
    tgt: Actor | None
    day: dt.date | None
    month: str | None
    basis: str

    @property
    def key(self) -> tuple[str, str, str, str]:
        a = self.src.country if self.src and self.src.country else "-"
        b = self.tgt.country if self.tgt and self.tgt.country else "-"
        if self.event.type in SYMMETRIC_TYPES or (self.event.type == "CONSULT" and self.event.mode != "visit"):
            a, b = sorted((a, b))
        return (a, b, self.event.type, self.event.status)


def outlet_of(doc: Document) -> str:
    """The outlet of a document: its source, else its url's host, else its id."""
    if doc.source:
        return doc.source.strip()
    if doc.url and "://" in doc.url:
        return doc.url.split("://", 1)[1].split("/", 1)[0].removeprefix("www.")
    return doc.id


def _day(value: str | None) -> dt.date | None:
    if value and len(value) >= 10:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _items(docs: Iterable[Document], statuses: frozenset[str]) -> list[_Item]:
    out: list[_Item] = []
    for doc in docs:
        actors = {a.id: a for a in doc.actors}
        for ev in doc.events:
            if ev.status not in statuses:
                continue
            src = actors.get(ev.source) if ev.source else None
            tgt = actors.get(ev.target) if ev.target else None
            day, month, basis = _day(ev.date), None, "event"
            if day is None and ev.date and len(ev.date) == 7 and ev.date[:4].isdigit():
                month = ev.date
            elif day is None:
                day, basis = _day(doc.published), "published"
            if day is None and month is None:
                continue  # no date at all: cannot be placed in time
            out.append(_Item(ev, doc, src, tgt, day, month, basis))
    return out


def deduplicate(docs: Iterable[Document], *, window: int = 2,
                statuses: Iterable[str] = COUNTED_STATUSES) -> list[CorpusEvent]:
    """Cluster the events of ``docs`` into corpus events, sorted by date then id."""
    items = _items(docs, frozenset(statuses))
    groups: dict[tuple[str, str, str, str], list[_Item]] = {}
    for it in items:
        groups.setdefault(it.key, []).append(it)
    full: list[tuple[tuple[str, str, str, str], list[_Item]]] = []
    partial: list[tuple[tuple[str, str, str, str], list[_Item]]] = []
    for key, group in sorted(groups.items()):
        for cluster in _cluster(group, window=window):
            (partial if "-" in key[:2] else full).append((key, cluster))
    for key, cluster in partial:
        home = _home(key, cluster, full, window=window)
        if home is None:
            full.append((key, cluster))
        else:
            home.extend(cluster)
    return sorted((_build(key, cluster) for key, cluster in full), key=lambda e: (e.date, e.id))


def _home(key: tuple[str, str, str, str], cluster: list[_Item],
          full: list[tuple[tuple[str, str, str, str], list[_Item]]], *, window: int) -> list[_Item] | None:
    """The one complete-dyad cluster a report missing one side belongs to: same type and status, the
    known side agreeing, a date within the window. None when there is no such cluster or several."""
    a, b, type_, status = key
    if a == "-" and b == "-":
        return None
    days = [i.day for i in cluster if i.day is not None]
    found = []
    for (fa, fb, ftype, fstatus), other in full:
        if (ftype, fstatus) != (type_, status) or "-" in (fa, fb):
            continue
        sides_ok = (a in ("-", fa) and b in ("-", fb)) or \
            (type_ in SYMMETRIC_TYPES or type_ == "CONSULT") and (a in ("-", fb) and b in ("-", fa))
        if not sides_ok:
            continue
        other_days = [i.day for i in other if i.day is not None]
        if any(abs((d - o).days) <= window for d in days for o in other_days):
            found.append(other)
    return found[0] if len(found) == 1 else None


def singletons(docs: Iterable[Document], *, statuses: Iterable[str] = COUNTED_STATUSES) -> list[CorpusEvent]:
    """One corpus event per reported event (no merging), id ``doc_id/event_id``: the undeduplicated view."""
    out = []
    for it in _items(docs, frozenset(statuses)):
        ev = _build(it.key, [it])
        out.append(replace(ev, id=f"{it.doc.id}/{it.event.id}"))
    return sorted(out, key=lambda e: (e.date, e.id))


def _cluster(group: Sequence[_Item], *, window: int) -> list[list[_Item]]:
    dated = sorted((i for i in group if i.day is not None), key=lambda i: (i.day, i.doc.id, i.event.id))
    clusters: list[list[_Item]] = []
    for it in dated:
        assert it.day is not None
        last = clusters[-1][-1].day if clusters else None
        if last is not None and (it.day - last).days <= window:
            clusters[-1].append(it)
        else:
            clusters.append([it])
    for it in sorted((i for i in group if i.day is None), key=lambda i: (i.doc.id, i.event.id)):
        same_month = [c for c in clusters if any(x.day and x.day.isoformat()[:7] == it.month for x in c)
                      or all(x.day is None and x.month == it.month for x in c)]
        if same_month:
            max(same_month, key=len).append(it)
        else:
            clusters.append([it])
    return clusters


def _most(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], v))


def _bucket(cluster: Sequence[_Item]) -> tuple[str, str]:
    days = Counter(i.day.isoformat() for i in cluster if i.day is not None)
    if days:
        best = min(days, key=lambda d: (-days[d], d))
        basis = "event" if any(i.basis == "event" and i.day and i.day.isoformat() == best for i in cluster) \
            else "published"
        return best, basis
    return str(_most(i.month for i in cluster)), "event"


def event_id(dyad: tuple[str, str], type_: str, status: str, bucket: str) -> str:
    """The stable id of a corpus event."""
    raw = "|".join((dyad[0], dyad[1], type_, status, bucket))
    return "ce-" + hashlib.sha1(raw.encode("utf-8")).hexdigest()[:12]


def _place(doc: Document, place_id: str | None) -> Place | None:
    if not place_id:
        return None
    return next((p for p in doc.places if p.id == place_id), None)


def _aligned(i: _Item, first: str) -> tuple[Actor | None, Actor | None]:
    """The report's two actors in the corpus event's order (a symmetric type may list them swapped)."""
    src_country = i.src.country if i.src and i.src.country else "-"
    if src_country != first and ((i.tgt.country if i.tgt and i.tgt.country else "-") == first):
        return i.tgt, i.src
    return i.src, i.tgt


def _report(i: _Item, first: str) -> Report:
    place = _place(i.doc, i.event.place)
    src, tgt = _aligned(i, first)
    return Report(
        doc_id=i.doc.id, event_id=i.event.id, outlet=outlet_of(i.doc), published=i.doc.published, date=i.event.date,
        trigger=i.event.trigger.text, evidence=i.event.evidence.text, evidence_span=i.event.evidence.span,
        source_name=src.name if src else None, target_name=tgt.name if tgt else None,
        place=place.name if place else None, intensity=i.event.intensity, cameo=i.event.cameo, url=i.doc.url,
        place_country=place.country if place else None, lat=place.lat if place else None,
        lon=place.lon if place else None, geonameid=place.geonameid if place else None,
        deadline=deadline_of(i.doc, i.event))


#: the word before a date that makes it a deadline ("by 2028", "before June").
DEADLINE_WORDS = frozenset({"by", "before", "until", "within"})


def deadline_of(doc: Document, event: Event) -> str | None:
    """A deadline stated in the event's evidence: a duration's end ("within the next three years") or a
    date after the publication date introduced by by/before/until/within ("loans by 2028")."""
    start, end = event.evidence.span
    found: list[tuple[int, str]] = []
    for t in doc.times:
        if not (start <= t.span[0] and t.span[1] <= end):
            continue
        if t.type == "duration" and t.end:
            found.append((t.span[0], t.end))
            continue
        before = doc.text[max(0, t.span[0] - 12):t.span[0]].split()
        word = before[-1].lower() if before else ""
        first = t.text.split()[0].lower() if t.text.split() else ""
        if t.type == "date" and t.value and (word in DEADLINE_WORDS or first in DEADLINE_WORDS):
            pub = doc.published or ""
            if not pub or t.value[:len(pub)] > pub[:len(t.value)]:
                found.append((t.span[0], t.value))
    if not found:
        return None
    trigger = event.trigger.span[0]
    return min(found, key=lambda f: abs(f[0] - trigger))[1]


def _build(key: tuple[str, str, str, str], cluster: list[_Item]) -> CorpusEvent:
    a, b, type_, status = key
    bucket, basis = _bucket(cluster)
    reports = tuple(_report(i, a) for i in sorted(cluster, key=lambda i: (i.doc.published or "", i.doc.id, i.event.id)))
    published = sorted(r.published for r in reports if r.published)
    contexts = Counter(c for i in cluster for c in i.event.contexts)
    return CorpusEvent(
        id=event_id((a, b), type_, status, bucket), type=type_, quad=cluster[0].event.quad, status=status,
        source_country=None if a == "-" else a, target_country=None if b == "-" else b,
        source_sector=_most(s.sector if s else None for s, _ in (_aligned(i, a) for i in cluster)),
        target_sector=_most(t.sector if t else None for _, t in (_aligned(i, a) for i in cluster)),
        date=bucket, date_basis=basis,
        intensity=round(sum(i.event.intensity for i in cluster) / len(cluster), 3),
        cameo=_most(i.event.cameo for i in cluster) or "",
        mentions=len(cluster), sources=len({r.outlet for r in reports}), articles=len({r.doc_id for r in reports}),
        first_published=published[0] if published else None, last_published=published[-1] if published else None,
        source_name=_most(r.source_name for r in reports), target_name=_most(r.target_name for r in reports),
        place=_most(r.place for r in reports), contexts=tuple(sorted(contexts, key=lambda c: (-contexts[c], c))),
        reports=reports, deadline=_most(r.deadline for r in reports),
    )


def duplicate_pairs(events: Iterable[CorpusEvent]) -> set[tuple[str, str]]:
    """Pairs of documents (sorted ids) that report one corpus event: for scoring dedup."""
    pairs: set[tuple[str, str]] = set()
    for ev in events:
        ids = sorted({r.doc_id for r in ev.reports})
        for i, x in enumerate(ids):
            for y in ids[i + 1:]:
                pairs.add((x, y))
    return pairs
