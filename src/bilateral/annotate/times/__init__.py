"""Times stage: find temporal expressions and normalize them to TIMEX3 values against the
publication date (``ctx.published``) or the last date resolved before them.

Reads: ctx.doc, ctx.published. Writes: a list of :class:`~bilateral.record.Time` (ids t1, t2...
in text order) and, without a publication date, one W201 warning when relative expressions
stay unresolved.

The finder is rule-based (:mod:`.finder`, patterns from ``resources/times.yaml``); values come
from :mod:`.resolve` with the clause tense from :mod:`.tense`. :func:`find_anniversaries` dates
the origin of "the 30th anniversary of ..." for the relations stage.
"""

from __future__ import annotations

from ...errors import warning
from ...record import Time
from ..context import Context, doc_text
from . import calendar
from .anniversary import Anniversary, find_anniversaries, origin_year, time_year
from .finder import Candidate, candidates
from .resolve import RESOLVERS, State
from .tense import clause_tense, precedes_verb

__all__ = ["Anniversary", "find_anniversaries", "find_times", "origin_year", "time_year"]


def find_times(ctx: Context) -> list[Time]:
    """Every temporal expression of the document, normalized, in text order."""
    doc = ctx.doc
    cache: dict[tuple[int, int], str | None] = {}

    def tense(cand: Candidate) -> str | None:
        key = (cand.start, cand.end)
        if key not in cache:
            cache[key] = clause_tense(doc, cand.start, cand.end)
        return cache[key]

    state = State(published=ctx.published, tense=tense, text=doc_text(doc),
                  fronted=lambda c: precedes_verb(doc, c.start, c.end))
    out: list[Time] = []
    unresolved = 0
    for cand in candidates(doc):
        res = RESOLVERS[cand.rule](cand, state)
        if res is None:
            continue
        tid = f"t{len(out) + 1}"
        out.append(Time(id=tid, text=doc_text(doc)[cand.start:cand.end], span=(cand.start, cand.end), type=res.type,
                        value=res.value, anchor=res.anchor, rule=cand.rule, end=res.end))
        if res.type == "date":
            parsed = calendar.value_date(res.value)
            if parsed is not None:
                state.dates.append((tid, parsed[0], parsed[1]))
        unresolved += res.relative
    if unresolved and ctx.published is None and not any(w.startswith("W201") for w in ctx.warnings):
        ctx.warnings.append(warning("W201", f"no publication date: {unresolved} relative time expression(s) left "
                                            "unresolved (give --published or a 'published' field)"))
    return out
