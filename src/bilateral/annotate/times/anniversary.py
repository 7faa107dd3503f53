"""Anniversaries: "the 30th anniversary of diplomatic relations" in a known year gives the
year of the founding event (2027 - 30 = 1997). For the relations stage and anyone dating
the origin of a relation.

Reads: ctx.doc, the times already found. Writes: :class:`Anniversary` records (not times).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ...record import Span, Time
from ..context import Context
from .lexicon import fragments, parse_ordinal
from .tense import clause_tense


@dataclass(frozen=True)
class Anniversary:
    """An anniversary mention; ``origin`` = ``year`` - ``ordinal`` when the year is known."""

    span: Span
    text: str
    ordinal: int
    subject: str | None  # the "of ..." phrase: "diplomatic relations", "the establishment of ..."
    year: int | None  # the year the anniversary falls in
    origin: int | None  # the year of the event it commemorates
    source: str | None  # "time:tN" or "published": where ``year`` came from


def origin_year(ordinal: int, year: int) -> int:
    """The year of the event whose ``ordinal``-th anniversary falls in ``year``."""
    return year - ordinal


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    f = fragments()
    return re.compile(rf"\b(?P<ord>{f.ordinal})\s+anniversary(?:\s+of\s+(?P<of>[^,.;:!?“”\"()]{{1,120}}))?",
                      re.IGNORECASE)


def time_year(time: Time) -> int | None:
    """The year a time points at: its value's year, or for a duration with a deadline, the deadline's."""
    value = time.end if time.type == "duration" else time.value
    if value and len(value) >= 4 and value[:4].isdigit():
        return int(value[:4])
    return None


def find_anniversaries(ctx: Context, times: Sequence[Time] = ()) -> list[Anniversary]:
    """Every "Nth anniversary (of X)" of the document, with the year it falls in taken from the
    nearest time of its sentence that has a year, else the publication year when the clause is
    not past."""
    out: list[Anniversary] = []
    text = ctx.text
    for m in _pattern().finditer(text):
        ordinal = parse_ordinal(m.group("ord"))
        if ordinal is None:
            continue
        subject = m.group("of").strip() if m.group("of") else None
        end = m.end() if subject is None else m.start("of") + len(m.group("of").rstrip())
        sent = ctx.sentence_index(m.start())
        best: tuple[int, int, str] | None = None
        for t in times:
            year = time_year(t)
            if year is None or ctx.sentence_index(t.span[0]) != sent:
                continue
            dist = min(abs(t.span[0] - end), abs(m.start() - t.span[1]))
            if best is None or dist < best[0]:
                best = (dist, year, f"time:{t.id}")
        year_src: tuple[int, str] | None = (best[1], best[2]) if best else None
        if year_src is None and ctx.published is not None and clause_tense(ctx.doc, m.start(), end) != "past":
            year_src = (ctx.published.year, "published")
        out.append(Anniversary(
            span=(m.start(), end), text=text[m.start():end], ordinal=ordinal, subject=subject,
            year=year_src[0] if year_src else None,
            origin=origin_year(ordinal, year_src[0]) if year_src else None,
            source=year_src[1] if year_src else None,
        ))
    return out
