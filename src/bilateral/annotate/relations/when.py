"""When a relation statement took effect, or what date a proposal aims at, from the times stage's
values (or, when there are none, explicit years and "in N years" in the sentence)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Span, Token

from ...record import Time
from ..context import Context
from .lexicon import Cues

_ORDINAL = re.compile(r"^(\d{1,3})(?:st|nd|rd|th)$", re.I)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_REL_YEAR = re.compile(r"\b(last|this|next)\s+year\b", re.I)
_IN_YEARS = re.compile(r"\b(?:in|within)\s+(?:the\s+(?:next|coming)\s+)?(\w+(?:-\w+)?)\s+years?\b", re.I)

def _times_in(sent: Span, times: Sequence[Time]) -> list[Time]:
    return [t for t in times if t.span[0] >= sent.start_char and t.span[1] <= sent.end_char and t.value]


def _year_of(value: str | None) -> int | None:
    if value and len(value) >= 4 and value[:4].isdigit():
        return int(value[:4])
    return None


def _duration_years(value: str | None) -> int | None:
    m = re.fullmatch(r"P(\d+)Y", value or "")
    return int(m.group(1)) if m else None


def _is_ahead(ctx: Context, t: Time) -> bool:
    """'in three years', 'within the next three years': a duration counted forward."""
    before = ctx.text[max(0, t.span[0] - 20):t.span[0]].lower()
    words = (before.split()[-2:] if before.split() else []) + t.text.lower().split()[:3]
    return any(w in ("in", "within", "next", "coming", "after") for w in words)


def _nearest(cue: Token, cands: list[Time]) -> Time | None:
    if not cands:
        return None
    return min(cands, key=lambda t: min(abs(t.span[0] - cue.idx), abs(t.span[1] - cue.idx)))


def date_of(cue: Token, sent: Span, times: Sequence[Time], cues: Cues, *, phrase_tokens: frozenset[int] = frozenset()
            ) -> str | None:
    """When an asserted change took effect: the nearest date in the sentence; for a change told as
    news (not background: no "had", "previously", "since"), else the last date of the sentence before
    ("Hun Manet met Yoon on May 16. The two countries elevated their relations ...").
    ``phrase_tokens``: the tokens of the statement's relation phrases, never clause heads (the tagger
    reads "chargé d'affaires" as a verb)."""
    if times:
        dates = [t for t in _times_in(sent, times) if t.type == "date" and _year_of(t.value)]
        if dates:  # only a date of the cue's own clause ("reopened on June 6, years after X cut ties")
            verbs = _cue_clauses(cue, phrase_tokens)
            best = _nearest(cue, [t for t in dates if _clause_verb(_time_root(sent, t), phrase_tokens) in verbs])
            return best.value if best else None
        if sent.start == 0 or _is_background(cue, cues) or not _main_clause(cue, sent, phrase_tokens):
            return None
        before = [t for t in _times_in(sent.doc[sent.start - 1].sent, times) if t.type == "date" and _year_of(t.value)]
        return max(before, key=lambda t: t.span[0]).value if before else None
    years = [Time(id="", text=m.group(1), span=(sent.start_char + m.start(1), sent.start_char + m.end(1)),
                  type="date", value=m.group(1), anchor=None)
             for m in _YEAR.finditer(sent.text)]  # no times stage: explicit years only
    verbs = _cue_clauses(cue, phrase_tokens)
    best = _nearest(cue, [t for t in years if _clause_verb(_time_root(sent, t), phrase_tokens) in verbs])
    return best.value if best else None


def _clause_verb(tok: Token, skip: frozenset[int] = frozenset()) -> int:
    """The index of the verb heading the clause a token is in (the root when there is none); a
    participle modifying a noun ("a deal brokered by China on March 10") belongs to the clause above."""
    for _ in range(16):
        if (tok.pos_ in ("VERB", "AUX") and tok.dep_ != "acl" and tok.i not in skip) or tok.head.i == tok.i:
            return tok.i
        tok = tok.head
    return tok.i


def _cue_clauses(cue: Token, skip: frozenset[int] = frozenset()) -> set[int]:
    """The cue's clause and the clauses it completes ("agreed on March 10 to restore ties")."""
    doc = cue.doc
    tok = doc[_clause_verb(cue, skip)]
    verbs = {tok.i}
    while tok.dep_ == "xcomp" and tok.head.i != tok.i:
        tok = doc[_clause_verb(tok.head, skip)]
        verbs.add(tok.i)
    return verbs


def _main_clause(cue: Token, sent: Span, skip: frozenset[int]) -> bool:
    """The cue's clause is the sentence's main clause, or one it completes or coordinates
    (not "two months after Brazil broke relations")."""
    tok = cue.doc[_clause_verb(cue, skip)]
    for _ in range(8):
        if tok.i == sent.root.i:
            return True
        if tok.dep_ not in ("xcomp", "conj", "ccomp"):
            return False
        tok = cue.doc[_clause_verb(tok.head, skip)]
    return False


def _time_root(sent: Span, t: Time) -> Token:
    span = sent.doc.char_span(t.span[0], t.span[1], alignment_mode="expand")
    return span.root if span is not None else sent.root


def _is_background(cue: Token, cues: Cues) -> bool:
    """Past perfect ("had elevated") or a background adverb ("previously", "since") on the cue."""
    for child in cue.children:
        if child.dep_ == "aux" and child.lemma_ == "have" and child.tag_ == "VBD":
            return True
        if child.lower_ in cues.background:
            return True
    return False


def _ahead_years(ctx: Context, sent: Span, times: Sequence[Time], cues: Cues) -> list[tuple[int, int]]:
    """(char offset, year) of the future times of a sentence."""
    out: list[tuple[int, int]] = []
    pub = ctx.published.year if ctx.published else None
    if times:
        for t in _times_in(sent, times):
            n = _duration_years(t.value)
            end = _year_of(t.end)
            if n is not None and end is not None:  # the times stage resolved the deadline
                out.append((t.span[0], end))
            elif n is not None and pub is not None and _is_ahead(ctx, t):
                out.append((t.span[0], pub + n))
            elif t.type == "date" and _year_of(t.value) is not None:
                out.append((t.span[0], _year_of(t.value) or 0))
        return out
    for m in _IN_YEARS.finditer(sent.text):
        word = m.group(1).lower()
        n = int(word) if word.isdigit() else cues.number.get(word)
        if n is not None and pub is not None:
            out.append((sent.start_char + m.start(), pub + n))
    for m in _YEAR.finditer(sent.text):
        out.append((sent.start_char + m.start(), int(m.group(1))))
    for m in _REL_YEAR.finditer(sent.text):
        if pub is not None:
            out.append((sent.start_char + m.start(), pub + {"last": -1, "this": 0, "next": 1}[m.group(1).lower()]))
    return out


def target_date_of(ctx: Context, cue: Token, sent: Span, times: Sequence[Time], cues: Cues) -> str | None:
    """The year (or date) a proposal aims at: 'within the next three years' -> published + 3."""
    if times:
        cands = [t for t in _times_in(sent, times)
                 if (t.type == "date" and _year_of(t.value) and _after_publication(ctx, t.value)) or
                 _year_of(t.end) or (_duration_years(t.value) is not None and _is_ahead(ctx, t))]
        best = _nearest(cue, cands)
        if best is None:
            return None
        if best.end and _duration_years(best.value) is not None:
            return best.end
        n = _duration_years(best.value)
        if n is not None:
            return str(ctx.published.year + n) if ctx.published else None
        return best.value
    pub = ctx.published.year if ctx.published else None
    ahead = [a for a in _ahead_years(ctx, sent, times, cues) if pub is None or a[1] >= pub]
    if not ahead:
        return None
    return str(min(ahead, key=lambda a: abs(a[0] - cue.idx))[1])


def _after_publication(ctx: Context, value: str | None) -> bool:
    """A target lies ahead: a date after the publication date (compared at the value's precision);
    "announced Thursday that ... will resume" gives no target."""
    if not value or ctx.published is None:
        return True
    pub = ctx.published.isoformat()
    if len(value) < len(pub):  # "this year", "by December": the period still runs
        return value >= pub[:len(value)]
    return value > pub


def anniversary_year(ctx: Context, cue: Token, sent: Span, times: Sequence[Time], cues: Cues) -> int | None:
    """The year the anniversary falls in: the sentence's nearest time, else the publication year."""
    ahead = _ahead_years(ctx, sent, times, cues)
    if ahead:
        return min(ahead, key=lambda a: abs(a[0] - cue.idx))[1]
    return ctx.published.year if ctx.published else None


def ordinal_before(cue: Token, cues: Cues) -> int | None:
    """'30th', 'thirtieth', 'seventy-fifth' just before 'anniversary'."""
    doc = cue.doc
    for i in range(cue.i - 1, max(-1, cue.i - 5), -1):
        tok = doc[i]
        m = _ORDINAL.match(tok.text)
        if m:
            return int(m.group(1))
        word = tok.lower_
        if word in cues.number and not word.isdigit():
            value = cues.number[word]
            if i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in cues.number:
                value += cues.number[doc[i - 2].lower_]
            return value
    return None


