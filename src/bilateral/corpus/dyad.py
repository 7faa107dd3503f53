"""One dyad across a corpus: the history of its relation, open proposals, requests and promises, and
monthly event counts by quad class.

Reads: document records and (through :func:`~bilateral.corpus.dedup.deduplicate`) their events.
Writes: a :class:`DyadReport`. Pure functions, no store and no I/O.

- History: every relation statement of the pair, merged across articles when the level and status
  agree and the dates do not contradict each other (one a prefix of the other, or one missing; the
  more precise date is kept), ordered by date (undated last). ``current`` walks the dated steps:
  an established/restored tier raises the standing, a downgrade sets it, a suspension or a severance
  ends it.
- Open proposals: proposed levels that no later statement reports as established.
- Requests (REQUEST events either way) and promises (events with status ``future``), with a
  ``deadline``: one their evidence states ("by 2028"), else the event's own date when it lies after
  the article's publication date.
- Months: deduplicated asserted events of the pair (either direction) counted per month and quad
  class, with their mean intensity.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..annotate.relations import level_rank
from ..record import Document
from .dedup import CorpusEvent, deduplicate

_RAISES = {"established", "restored", "upgraded"}
_ENDS = {"severed", "suspended"}


@dataclass(frozen=True)
class Source:
    doc_id: str
    published: str | None
    evidence: str


@dataclass(frozen=True)
class RelationStep:
    """One state change of the relation, with every article that reports it."""

    level: str
    rank: int | None
    status: str
    date: str | None
    target_date: str | None
    surface: str
    sources: tuple[Source, ...]

    def to_dict(self) -> dict[str, object]:
        return {"level": self.level, "rank": self.rank, "status": self.status, "date": self.date,
                "target_date": self.target_date, "surface": self.surface,
                "sources": [s.__dict__ for s in self.sources]}


@dataclass(frozen=True)
class MonthCount:
    month: str  # YYYY-MM
    quads: tuple[int, int, int, int]  # events of quad class 1..4
    events: int
    mean_intensity: float | None

    def to_dict(self) -> dict[str, object]:
        return {"month": self.month, "quad1": self.quads[0], "quad2": self.quads[1], "quad3": self.quads[2],
                "quad4": self.quads[3], "events": self.events, "mean_intensity": self.mean_intensity}


@dataclass(frozen=True)
class DyadReport:
    countries: tuple[str, str]
    history: tuple[RelationStep, ...]
    current: str | None  # the standing after the last dated step, e.g. "strategic partnership" or "severed"
    open_proposals: tuple[RelationStep, ...]
    requests: tuple[CorpusEvent, ...]
    promises: tuple[CorpusEvent, ...]
    months: tuple[MonthCount, ...]
    documents: int = 0
    notes: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, object]:
        def ev(e: CorpusEvent) -> dict[str, object]:
            return {"id": e.id, "type": e.type, "status": e.status, "source": e.source_country,
                    "target": e.target_country, "date": e.date, "deadline": deadline(e),
                    "articles": e.articles, "evidence": e.reports[0].evidence if e.reports else None}

        return {"countries": list(self.countries), "documents": self.documents, "current": self.current,
                "history": [s.to_dict() for s in self.history],
                "open_proposals": [s.to_dict() for s in self.open_proposals],
                "requests": [ev(e) for e in self.requests], "promises": [ev(e) for e in self.promises],
                "months": [m.to_dict() for m in self.months]}


def dyad_report(docs: Iterable[Document], a: str, b: str, *, window: int = 2) -> DyadReport:
    """The report of the dyad ``a``-``b`` (ISO3 codes, either order) over ``docs``."""
    pair = tuple(sorted((a.upper(), b.upper())))
    assert len(pair) == 2
    dyad = (pair[0], pair[1])
    docs = list(docs)
    history = relation_history(docs, dyad)
    events = [e for e in deduplicate(docs, window=window, statuses=("asserted", "future"))
              if {e.source_country, e.target_country} == set(dyad)]
    requests = tuple(e for e in events if e.type == "REQUEST" and e.status == "asserted")
    promises = tuple(e for e in events if e.status == "future")
    months = monthly_counts(e for e in events if e.status == "asserted")
    used = {s.doc_id for st in history for s in st.sources} | {r.doc_id for e in events for r in e.reports}
    return DyadReport(countries=dyad, history=history, current=current_standing(history),
                      open_proposals=open_proposals(history), requests=requests, promises=promises,
                      months=months, documents=len(used))


def _compatible(x: str | None, y: str | None) -> bool:
    return not x or not y or x.startswith(y) or y.startswith(x)


@dataclass
class _Step:
    level: str
    status: str
    when: str | None
    surface: str
    sources: list[Source]


def relation_history(docs: Sequence[Document], dyad: tuple[str, str]) -> tuple[RelationStep, ...]:
    """Relation statements of the dyad, merged across articles, in date order (undated last)."""
    steps: list[_Step] = []
    for doc in sorted(docs, key=lambda d: (d.published or "", d.id)):
        for rel in doc.relations:
            if tuple(sorted(rel.countries)) != dyad:
                continue
            src = Source(doc.id, doc.published, rel.evidence.text)
            when = rel.target_date if rel.status == "proposed" else rel.date
            for st in steps:
                if st.level == rel.level and st.status == rel.status and _compatible(st.when, when):
                    if when and len(when) > len(st.when or ""):
                        st.when = when
                    st.sources.append(src)
                    break
            else:
                steps.append(_Step(rel.level, rel.status, when, rel.surface, [src]))
    out = [RelationStep(level=s.level, rank=level_rank(s.level), status=s.status,
                        date=None if s.status == "proposed" else s.when,
                        target_date=s.when if s.status == "proposed" else None,
                        surface=s.surface, sources=tuple(s.sources))
           for s in steps]
    return tuple(sorted(out, key=_step_order))


def _step_order(st: RelationStep) -> tuple[int, str, str]:
    """Dated steps by date; a proposal at the date it was first published; undated last."""
    when = st.date or (min((s.published or "" for s in st.sources), default="") if st.status == "proposed" else "")
    return (0 if when else 1, when, st.level)


def current_standing(history: Sequence[RelationStep]) -> str | None:
    """The standing after the last dated step: the highest tier since the last break, or the break."""
    state: str | None = None
    for st in sorted((s for s in history if s.date and s.status != "proposed"), key=lambda s: s.date or ""):
        if st.status in _ENDS:
            state = st.status
        elif st.status == "downgraded":
            state = st.level
        elif st.status in _RAISES:
            old = level_rank(state) if state else None
            if old is None or (st.rank or 0) >= old:
                state = st.level
    return state


def open_proposals(history: Sequence[RelationStep]) -> tuple[RelationStep, ...]:
    """Proposals not followed by the establishment of the proposed level."""
    out = []
    for st in history:
        if st.status != "proposed":
            continue
        first = min((s.published or "" for s in st.sources), default="")
        done = any(o.level == st.level and o.status in _RAISES and (o.date or "") >= first[:len(o.date or "")]
                   and o.date for o in history)
        if not done:
            out.append(st)
    return tuple(out)


def deadline(ev: CorpusEvent) -> str | None:
    """The date promised or asked for: one the reports state ("by 2028"), else the event's own date when
    it lies after the article's publication."""
    if ev.deadline:
        return ev.deadline
    first = ev.first_published or ""
    if ev.date_basis == "event" and first and ev.date[:len(first)] > first[:len(ev.date)]:
        return ev.date
    return None


def monthly_counts(events: Iterable[CorpusEvent]) -> tuple[MonthCount, ...]:
    """Events per month and quad class, with the mean intensity."""
    by: dict[str, list[CorpusEvent]] = defaultdict(list)
    for e in events:
        by[e.month].append(e)
    out = []
    for month in sorted(by):
        evs = by[month]
        quads = tuple(sum(1 for e in evs if e.quad == q) for q in (1, 2, 3, 4))
        mean = round(sum(e.intensity for e in evs) / len(evs), 2) if evs else None
        out.append(MonthCount(month=month, quads=(quads[0], quads[1], quads[2], quads[3]), events=len(evs),
                              mean_intensity=mean))
    return tuple(out)
