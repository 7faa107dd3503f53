"""Where and when an event happened, and the words that show it.

Reads: the trigger token, the times and places of the document, the publication date. Writes: the
event's date (a time whose span lies in the trigger's clause, else its sentence, else the
publication date), its place id (a place in the clause, never a place that names an actor of the
event) and its evidence (the sentence).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from spacy.tokens import Token

from ...record import Mention, Place, Span, Time
from ..context import doc_text
from .status import own_verb

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _scopes(trigger: Token) -> list[tuple[int, int]]:
    """Character ranges to search, narrowest first: the trigger's phrase, its clause, its sentence."""
    out: list[tuple[int, int]] = []
    sub = list(trigger.subtree)
    out.append((sub[0].idx, sub[-1].idx + len(sub[-1].text)))
    verb = own_verb(trigger)
    sub = list(verb.subtree)
    out.append((sub[0].idx, sub[-1].idx + len(sub[-1].text)))
    if not background(trigger):
        sent = trigger.sent
        out.append((sent.start_char, sent.end_char))
    return out


def background(trigger: Token) -> bool:
    """An event told in a temporal subordinate clause ("seven years after Saudi Arabia cut ties"): the
    main clause's date is not its date."""
    verb = own_verb(trigger)
    return verb.dep_ == "advcl" and any(ch.dep_ == "mark" and ch.lower_ in _TEMPORAL for ch in verb.children)


_TEMPORAL = frozenset({"after", "before", "since", "until", "till", "when", "once"})


def event_date(trigger: Token, *, times: Sequence[Time], published: dt.date | None,
               status: str = "asserted") -> str | None:
    """The date of the event: a dated time expression of its clause, else the publication date.
    An asserted event cannot take a date after publication ("asked ... in three years" is the
    date of what was asked for, not of the asking)."""
    dated = [t for t in times if t.value and _DATE.match(t.value) and t.type == "date"]
    if published is not None and status == "asserted":
        pub = published.isoformat()
        dated = [t for t in dated if (t.value or "") <= pub[:len(t.value or "")]]
    for start, end in _scopes(trigger):
        inside = [t for t in dated if start <= t.span[0] and t.span[1] <= end]
        if inside:
            return min(inside, key=lambda t: abs(t.span[0] - trigger.idx)).value
    if background(trigger):
        return None  # background told in passing: its date is not given
    return published.isoformat() if published else None


def event_place(trigger: Token, *, places: Sequence[Place], avoid: Sequence[Span] = ()) -> str | None:
    """The place of the event: a place mentioned in its clause that is not one of its actors."""
    inside = scope_places(trigger, places=places, avoid=avoid)
    return inside[0].id if inside else None


def scope_places(trigger: Token, *, places: Sequence[Place], avoid: Sequence[Span] = (),
                 clause_only: bool = False) -> list[Place]:
    """The places of the narrowest scope that has any (the trigger's phrase, its clause, with ``clause_only``
    not its sentence), outside the spans in ``avoid``; the most specific and nearest first."""

    def overlaps(p: Place) -> bool:
        return any(p.span[0] < e and s < p.span[1] for s, e in avoid)

    scopes = _scopes(trigger)
    for start, end in scopes[:2] if clause_only else scopes:
        inside = [p for p in places if start <= p.span[0] and p.span[1] <= end and not overlaps(p)]
        if inside:
            # the most specific: a city before a country
            return sorted(inside, key=lambda p: (p.feature == "country", abs(p.span[0] - trigger.idx)))
    return []


def evidence_of(trigger: Token) -> Mention:
    """The sentence of the trigger, without surrounding white space."""
    sent = trigger.sent
    text = sent.text
    start = sent.start_char + (len(text) - len(text.lstrip()))
    end = sent.start_char + len(text.rstrip())
    full_text = doc_text(trigger.doc)
    return Mention(span=(start, end), text=full_text[start:end])


def dated_later(trigger: Token, *, times: Sequence[Time], published: dt.date | None) -> bool:
    """An event noun whose own phrase names a date after publication ("the summit next month")."""
    if published is None:
        return False
    sub = list(trigger.subtree)
    start, end = sub[0].idx, sub[-1].idx + len(sub[-1].text)
    pub = published.isoformat()
    for t in times:
        v = t.value or ""
        if t.type == "date" and _DATE.match(v) and start <= t.span[0] and t.span[1] <= end and v > pub[:len(v)]:
            return True
    return False
