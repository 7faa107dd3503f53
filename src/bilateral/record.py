"""The document record (contract ``bilateral.document/1``, see ``docs/record.md``).

Frozen dataclasses are the only shapes that cross stage boundaries. ``Document.to_dict``
produces the JSON object of the contract; ``Document.from_dict`` reads one back.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

SCHEMA = "bilateral.document/1"

Span = tuple[int, int]


@dataclass(frozen=True)
class Mention:
    """A piece of text: ``text == document.text[span[0]:span[1]]``."""

    span: Span
    text: str


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    kind: str  # person | organization | country | group
    country: str | None
    sector: str | None
    title: str | None
    mentions: tuple[Mention, ...]
    confidence: float
    rule: str = ""


@dataclass(frozen=True)
class Time:
    id: str
    text: str
    span: Span
    type: str  # date | duration | set
    value: str | None
    anchor: str | None  # "published" | "time:t3" | None
    rule: str = ""
    end: str | None = None  # a duration's deadline: "within the next three years" (P3Y) ends "2027"


@dataclass(frozen=True)
class Place:
    id: str
    text: str
    span: Span
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    feature: str  # city | country | region
    confidence: float = 1.0


@dataclass(frozen=True)
class Quote:
    id: str
    kind: str  # direct | indirect
    text: str
    span: Span
    speaker: str | None
    speaker_mention: Mention | None
    cue: Mention | None
    medium: str | None
    date: str | None
    sentence: int | None = None


@dataclass(frozen=True)
class Event:
    id: str
    type: str
    mode: str | None
    contexts: tuple[str, ...]
    cameo: str
    quad: int
    intensity: float
    source: str | None
    target: str | None
    status: str  # asserted | future | hypothetical | negated
    date: str | None
    place: str | None
    sentence: int
    trigger: Mention
    evidence: Mention
    confidence: float
    why: str
    quote: str | None = None  # the quote (statement) this event was found in, if any


@dataclass(frozen=True)
class Relation:
    countries: tuple[str, str]
    level: str
    status: str  # established | proposed | upgraded | downgraded | suspended | severed | restored
    date: str | None
    target_date: str | None
    evidence: Mention
    surface: str = ""


@dataclass(frozen=True)
class Document:
    id: str
    text: str
    published: str | None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    actors: tuple[Actor, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    times: tuple[Time, ...] = ()
    places: tuple[Place, ...] = ()
    relations: tuple[Relation, ...] = ()
    warnings: tuple[str, ...] = ()
    schema: str = field(default=SCHEMA)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of the contract, every top-level field present."""
        out = _plain(asdict(self))
        assert isinstance(out, dict)
        order = ["schema", "id", "title", "source", "url", "published", "text", "actors", "events",
                 "quotes", "times", "places", "relations", "warnings"]
        return {k: out[k] for k in order}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        """Read a record back (the inverse of :meth:`to_dict`)."""

        def mention(m: Any) -> Mention | None:
            if not m:
                return None
            return Mention(span=(int(m["span"][0]), int(m["span"][1])), text=m["text"])

        def build(kind: type, item: dict[str, Any]) -> Any:
            names = {f.name for f in fields(kind)}
            kw = {k: v for k, v in item.items() if k in names}
            for key in ("span",):
                if key in kw and kw[key] is not None:
                    kw[key] = (int(kw[key][0]), int(kw[key][1]))
            for key in ("trigger", "evidence", "speaker_mention", "cue"):
                if key in kw:
                    kw[key] = mention(kw[key])
            if "mentions" in kw:
                kw["mentions"] = tuple(mention(m) for m in kw["mentions"])
            if "contexts" in kw:
                kw["contexts"] = tuple(kw["contexts"])
            if "countries" in kw:
                kw["countries"] = tuple(kw["countries"])
            return kind(**kw)

        return cls(
            id=data["id"], text=data["text"], published=data.get("published"),
            title=data.get("title"), source=data.get("source"), url=data.get("url"),
            actors=tuple(build(Actor, a) for a in data.get("actors") or []),
            events=tuple(build(Event, e) for e in data.get("events") or []),
            quotes=tuple(build(Quote, q) for q in data.get("quotes") or []),
            times=tuple(build(Time, t) for t in data.get("times") or []),
            places=tuple(build(Place, p) for p in data.get("places") or []),
            relations=tuple(build(Relation, r) for r in data.get("relations") or []),
            warnings=tuple(data.get("warnings") or []),
        )


def _plain(obj: Any) -> Any:
    """Tuples to lists, recursively, so the record is plain JSON."""
    if isinstance(obj, dict):
        return {k: _plain(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_plain(v) for v in obj]
    return obj
