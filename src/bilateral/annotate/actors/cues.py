"""Find the lexical cues of actors in a parsed Doc: country forms, named organisations, sector terms.

Reads: the tables of :mod:`bilateral.resources.actor_lexicon`. Writes: :class:`Cue` records (token ranges),
longest match first. Country forms and organisation names match case-sensitively (an all-caps token also
matches its title-case form, for datelines such as "TEHRAN"); sector terms match on the lower-cased word
or its lemma, so plurals match. Country cues inside a stop phrase ("Korean War") are dropped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import spacy
from spacy.tokens import Doc, Token

from ...resources.actor_lexicon import (
    country_forms,
    demonym_stops,
    norm_quotes,
    organisations,
    sector_terms,
)


@dataclass(frozen=True, slots=True)
class Cue:
    """A lexical cue over tokens ``[start, end)``.

    ``type``: country, org or term. ``form``: for countries name|adjective|people|capital|seat; for
    organisations and terms the actor kind (person|group|organization). ``sector`` may be None.
    """

    start: int
    end: int
    type: str
    form: str
    country: str | None
    sector: str | None
    name: str
    flags: frozenset[str] = frozenset()


class Trie:
    """Token-sequence trie; :meth:`longest` finds the longest entry starting at a position."""

    def __init__(self) -> None:
        self.root: dict[str, Any] = {}

    def add(self, tokens: Sequence[str], payload: Any) -> None:
        node = self.root
        for tok in tokens:
            node = node.setdefault(tok, {})
        node.setdefault("\0", []).append(payload)

    def longest(self, keys: Sequence[Sequence[str]], start: int) -> tuple[int, list[Any]] | None:
        """Longest match from ``start``; ``keys[i]`` are the keys token ``i`` may match."""
        if start >= len(keys) or not any(k in self.root for k in keys[start]):
            return None  # most tokens start no entry
        frontier = [self.root]
        best: tuple[int, list[Any]] | None = None
        i = start
        while frontier and i < len(keys):
            nxt = [n[k] for n in frontier for k in keys[i] if k in n]
            i += 1
            for n in nxt:
                if "\0" in n:
                    best = (i, n["\0"])
            frontier = nxt
        return best


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    return spacy.blank("en").tokenizer


def _split(text: str) -> tuple[str, ...]:
    return tuple(norm_quotes(t.text) for t in _tokenizer()(text))


@lru_cache(maxsize=1)
def tries() -> tuple[Trie, Trie]:
    """(cased trie of countries, organisations and stop phrases; lower-case trie of sector terms)."""
    cased, lower = Trie(), Trie()
    for form in country_forms():
        cased.add(_split(form.surface), Cue(0, 0, "country", form.kind, form.iso3, form.sector, form.surface,
                                            form.flags))
    for org in organisations():
        cased.add(_split(org.surface), Cue(0, 0, "org", org.kind, org.country, org.sector, org.name))
    for phrase, reason in demonym_stops():
        cased.add(_split(phrase), Cue(0, 0, "stop", reason, None, None, phrase))
    for term in sector_terms():
        lower.add(tuple(t.lower() for t in _split(term.term)),
                  Cue(0, 0, "term", term.kind, None, None if term.sector == "-" else term.sector, term.term))
    return cased, lower


def _cased_keys(tok: Token) -> list[str]:
    text = norm_quotes(tok.text)
    keys = [text]
    if tok.is_upper and len(text) > 3:
        keys.append(text.title())
    return keys


def _lower_keys(tok: Token) -> list[str]:
    keys = [norm_quotes(tok.lower_)]
    lemma = norm_quotes(tok.lemma_.lower())
    if lemma and lemma != keys[0]:
        keys.append(lemma)
    return keys


def find_cues(doc: Doc) -> list[Cue]:
    """All cues of the document, in token order; overlapping cues of one trie resolved longest-first."""
    cased, lower = tries()
    ckeys = [_cased_keys(t) for t in doc]
    lkeys = [_lower_keys(t) for t in doc]
    out: list[Cue] = []
    out.extend(_scan(doc, cased, ckeys, cased_trie=True))
    out.extend(_scan(doc, lower, lkeys, cased_trie=False))
    out.extend(_misspelt_countries(doc, out))
    stops = [c for c in out if c.type == "stop"]
    kept = [c for c in out if c.type != "stop" and not any(s.start <= c.start and c.end <= s.end for s in stops)]
    kept.sort(key=lambda c: (c.start, -c.end))
    return kept


@lru_cache(maxsize=1)
def _long_country_words() -> dict[tuple[str, int], list[Cue]]:
    """One-word country names, adjectives and peoples of 7 letters or more, by (first letter, length)."""
    out: dict[tuple[str, int], list[Cue]] = {}
    for form in country_forms():
        if form.kind in ("name", "adjective", "people") and " " not in form.surface and len(form.surface) >= 7 \
                and form.surface[0].isupper():
            out.setdefault((form.surface[0], len(form.surface)), []).append(
                Cue(0, 0, "country", form.kind, form.iso3, form.sector, form.surface, form.flags))
    return out


def _one_edit(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by one inserted, dropped, replaced or swapped letter."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:] or (a[i + 2:] == b[i + 2:] and a[i:i + 2] == b[i:i + 2][::-1])
    return a[i + 1:] == b[i:] if len(a) > len(b) else a[i:] == b[i + 1:]


def _misspelt_countries(doc: Doc, found: Sequence[Cue]) -> Iterable[Cue]:
    """A capitalised word of 7 letters or more spelt one letter away from exactly one country's name,
    adjective or people ("Afganistan", "Phillippines"), where no other cue covers it. Shorter names are
    left alone: one letter away from "Iran" or "Oman" lie too many ordinary words."""
    covered = {i for c in found for i in range(c.start, c.end)}
    table = _long_country_words()
    for tok in doc:
        text = tok.text
        if tok.i in covered or len(text) < 6 or not text[0].isupper() or not text[1:].islower() \
                or tok.pos_ not in ("PROPN", "NOUN", "ADJ") or tok.like_url:
            continue
        pool = [c for n in (len(text) - 1, len(text), len(text) + 1) for c in table.get((text[0], n), ())]
        hits = [c for c in pool if _one_edit(text, c.name)]
        if len({c.country for c in hits}) == 1 and len(hits[0].name) >= 7:
            c = hits[0]
            yield Cue(tok.i, tok.i + 1, "country", c.form, c.country, c.sector, c.name, c.flags | {"misspelt"})


def _scan(doc: Doc, trie: Trie, keys: list[list[str]], *, cased_trie: bool) -> Iterable[Cue]:
    i = 0
    n = len(doc)
    while i < n:
        hit = trie.longest(keys, i)
        if hit is None:
            i += 1
            continue
        end, payloads = hit
        last = doc[end - 1]
        if not cased_trie and last.pos_ not in ("NOUN", "PROPN", "X") and not _ends_noun_phrase(doc, end):
            # "general" in "general election" is an adjective, not a rank.
            i += 1
            continue
        for p in _pick(payloads):
            yield Cue(i, end, p.type, p.form, p.country, p.sector, p.name, p.flags)
        i = end


#: heads that an adjectival sector word may modify ("military officials", "congressional delegation")
ADJ_HEADS = {"official", "officials", "officer", "officers", "source", "sources", "leader", "leaders", "delegation",
             "group", "member", "members", "spokesman", "spokeswoman", "spokesperson", "chief", "commander",
             "commanders", "forces", "authorities", "staff", "personnel", "aide", "aides", "adviser", "advisers"}


def _ends_noun_phrase(doc: Doc, end: int) -> bool:
    """A term whose last word the tagger did not call a noun still counts when it heads its phrase
    ("the displaced"), modifies a word for people ("military officials"), or was tagged as a noun."""
    last = doc[end - 1]
    if last.pos_ in ("ADJ", "VERB") and last.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "appos") or \
            last.pos_ == "ADJ" and last.dep_ == "amod" and last.head.lower_ in ADJ_HEADS:
        return True
    if last.pos_ in ("ADJ", "ADV", "ADP", "DET", "AUX", "CCONJ", "SCONJ", "PART", "NUM"):
        return last.tag_ in ("NNS", "NN", "NNP")
    return last.pos_ in ("VERB",) and last.tag_ in ("NN", "NNS")


def _pick(payloads: list[Cue]) -> list[Cue]:
    """One cue per (type, country): a surface shared by two kinds keeps the most specific."""
    order = {"seat": 0, "name": 1, "capital": 2, "people": 3, "adjective": 4}
    best: dict[tuple[str, str | None], Cue] = {}
    for p in payloads:
        key = (p.type, p.country if p.type != "term" else None)
        cur = best.get(key)
        if cur is None or order.get(p.form, 9) < order.get(cur.form, 9):
            best[key] = p
    return list(best.values())
