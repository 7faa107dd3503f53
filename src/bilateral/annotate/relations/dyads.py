"""Which two countries a relation statement is about: those named in it, else in its sentence, else
the document's dyad (what "the two countries" and "bilateral relations" refer to)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Protocol

import pycountry
from spacy.tokens import Span, Token

from ...record import Actor
from ..context import Context, MentionIndex


class _HasSpan(Protocol):
    @property
    def span(self) -> Span: ...

def _is_country(code: str | None) -> bool:
    return bool(code) and len(code or "") == 3 and pycountry.countries.get(alpha_3=code) is not None


def _countries_of(actors: Iterable[Actor]) -> list[str]:
    seen: dict[str, None] = {}
    for a in actors:
        if a.country and _is_country(a.country):
            seen[a.country] = None
    return list(seen)


def statement_dyad(cue: Token, linked: Sequence[_HasSpan], sent: Span, *, index: MentionIndex,
                   dyad: tuple[str, str] | None, anchors: frozenset[str] | None = None) -> tuple[str, str] | None:
    """The dyad of a statement: named in its phrases, else in its sentence, else the document's.
    With ``anchors`` (a plain relation noun, no named tier), a statement that names no country must hold
    one of these words ("the two countries", "bilateral") or it is about no dyad."""
    spans: list[tuple[int, int]] = []
    for ph in linked:
        root = ph.span.root
        spans.append((min(ph.span.start_char, root.left_edge.idx), max(ph.span.end_char, _end(root.right_edge))))
    heads = [cue]
    tok = cue
    while tok.dep_ in ("xcomp", "pcomp", "pobj", "prep") and tok.head.i != tok.i:  # "agreed to upgrade"
        tok = tok.head
        heads.append(tok)
    for h in heads:
        for child in h.children:
            if child.dep_ in ("nsubj", "nsubjpass", "agent") or \
                    (child.dep_ == "prep" and child.lower_ in ("with", "between")):
                spans.append((child.left_edge.idx, _end(child.right_edge)))
    named: list[str] = []
    for s, e in spans:
        for c in _countries_of(index.actors_in((s, e))):
            if c not in named:
                named.append(c)
    if anchors is not None and not named:
        words = {t.lower_ for t in sent if any(s <= t.idx < e for s, e in spans)}
        if not words & anchors:
            return None
    in_sentence = _countries_of(index.actors_in(sent))
    pair: list[str]
    if len(named) == 2:
        pair = named
    elif len(named) > 2:
        return None
    elif len(named) == 1:
        others = [c for c in in_sentence if c != named[0]]
        if len(others) == 1:
            pair = [named[0], others[0]]
        elif dyad and named[0] in dyad:
            pair = list(dyad)
        else:
            return None
    elif len(in_sentence) == 2:
        pair = in_sentence
    elif dyad and (not in_sentence or set(in_sentence) <= set(dyad)):
        pair = list(dyad)
    else:
        return None
    a, b = sorted(pair)
    return (a, b)


def _end(tok: Token) -> int:
    return tok.idx + len(tok.text)


def salient_dyad(ctx: Context, *, actors: Sequence[Actor]) -> tuple[str, str] | None:
    """The pair of countries the document is about: most often named in one sentence together, ties
    broken by the earliest such sentence (news puts its subject first), then by how often each is
    named; else the two most named countries."""
    index = ctx.mention_index(actors)
    mentions: Counter[str] = Counter()
    for a in actors:
        if a.country and _is_country(a.country):
            mentions[a.country] += len(a.mentions)
    if len(mentions) < 2:
        return None
    pairs: Counter[tuple[str, str]] = Counter()
    first_seen: dict[tuple[str, str], int] = {}
    for n, sent in enumerate(ctx.doc.sents):
        cs = sorted(_countries_of(index.actors_in(sent)))
        for i, first in enumerate(cs):
            for second in cs[i + 1:]:
                pairs[(first, second)] += 1
                first_seen.setdefault((first, second), n)
    if pairs:
        return max(pairs, key=lambda p: (pairs[p], -first_seen[p], mentions[p[0]] + mentions[p[1]], p))
    low, high = sorted(sorted(mentions, key=lambda c: (-mentions[c], c))[:2])
    return (low, high)


