"""Relations stage: statements about the standing of a relation between two countries.

Reads: ctx.doc (sentences, dependency parse, lemmas), ctx.published, actors (their countries and
mention spans), times (normalized values). Writes: list of :class:`~bilateral.record.Relation`.

A relation statement is a *cue* (establish, elevate, upgrade, sever, restore, suspend, the
anniversary of ...; ``resources/relation_cues.tsv``) that reaches a *relation phrase* through the
parse: a named tier ("comprehensive strategic partnership", ``resources/relation_levels.tsv``,
normalized to its ordered vocabulary) or a plain relation noun ("bilateral relations", "ties").
A tier with no cue ("the strong and strategic partnership between the two nations") is a
description, not a statement, and gives nothing; so does "relations remain tense".

- Upgrading to a named tier gives that tier ``established`` (the date it took effect); a proposal
  (asked, urged, will, consider ...) gives ``proposed`` with ``target_date`` from the nearest time
  ("within the next three years" published 2024 -> "2027"); hedged ("could") or negated
  statements give nothing; threats to cut ties are left to the events stage.
- "the Nth anniversary of diplomatic relations" gives that level ``established`` in the year of
  the anniversary minus N (the anniversary's year is the sentence's time, else the publication year).
- Countries come from the actors mentioned in the relation phrase and the cue's subject and
  ``with``/``between`` phrases ("Cambodia-Korea relations" gives both), else the sentence's two
  countries, else the document's dyad (the pair of countries most often named together), which is
  what "the two countries" and "bilateral relations" refer to.
"""

from __future__ import annotations

import csv
import functools
import importlib.resources
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

import pycountry
from spacy.tokens import Span, Token

from ..record import Actor, Event, Mention, Relation, Time
from .context import Context, MentionIndex

GENERIC = "relations"
DEFAULT_LEVEL = "diplomatic relations"
#: statuses that a proposal can carry; a proposal to cut ties is a threat, not a relation.
_PROPOSABLE = {"established", "upgraded", "restored"}
_TARGET_PREPS = {"to", "into", "as", "toward", "towards"}
_ORDINAL = re.compile(r"^(\d{1,3})(?:st|nd|rd|th)$", re.I)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_REL_YEAR = re.compile(r"\b(last|this|next)\s+year\b", re.I)
_IN_YEARS = re.compile(r"\b(?:in|within)\s+(?:the\s+(?:next|coming)\s+)?(\w+(?:-\w+)?)\s+years?\b", re.I)


# -- resources -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Tier:
    rank: int
    level: str
    variants: tuple[str, ...]


def _rows(name: str) -> list[list[str]]:
    text = importlib.resources.files("bilateral.resources").joinpath(name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    rows = list(csv.reader(lines[1:], delimiter="\t"))  # first line is the header
    return [r + [""] * (3 - len(r)) for r in rows]


@functools.lru_cache(maxsize=1)
def load_tiers() -> tuple[Tier, ...]:
    """The ordered vocabulary of relation tiers (lowest rank first)."""
    tiers = [Tier(int(r[0]), r[1].strip(), tuple(v.strip() for v in r[2].split("|") if v.strip()))
             for r in _rows("relation_levels.tsv")]
    return tuple(sorted(tiers, key=lambda t: t.rank))


def level_rank(level: str) -> int | None:
    """The rank of a normalized level in the ordered vocabulary, None if unknown."""
    for tier in load_tiers():
        if tier.level == level:
            return tier.rank
    return None


def normalize_level(surface: str) -> str | None:
    """The normalized level of a surface form ("strategic partners" -> "strategic partnership")."""
    key = _squash(surface)
    for tier in load_tiers():
        if any(_squash(v) == key for v in tier.variants):
            return tier.level
    return None


def _squash(text: str) -> str:
    return re.sub(r"[\s\-]+", " ", text.lower().replace("’", "'")).strip()


@functools.lru_cache(maxsize=1)
def _tier_regex() -> re.Pattern[str]:
    forms = sorted({v for t in load_tiers() if t.rank > 0 for v in t.variants}, key=len, reverse=True)
    alts = [r"[\s\-]+".join(re.escape(w).replace("'", "['’]") for w in v.split()) for v in forms]
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])", re.I)


@dataclass(frozen=True)
class Cues:
    status: dict[str, str]
    tier_only: dict[str, str]
    proposal: frozenset[str]
    hedge: frozenset[str]
    negation: frozenset[str]
    modifier: frozenset[str]
    link: frozenset[str]
    number: dict[str, int]
    generic: frozenset[str]
    background: frozenset[str]


@functools.lru_cache(maxsize=1)
def load_cues() -> Cues:
    """The cue words of ``resources/relation_cues.tsv``."""
    by: dict[str, dict[str, str]] = {}
    for kind, word, value in (r[:3] for r in _rows("relation_cues.tsv")):
        by.setdefault(kind.strip(), {})[word.strip().lower()] = value.strip()
    generic = next(t for t in load_tiers() if t.rank == 0).variants
    return Cues(
        status=by.get("status", {}), tier_only=by.get("tier_only", {}),
        proposal=frozenset(by.get("proposal", {})), hedge=frozenset(by.get("hedge", {})),
        negation=frozenset(by.get("negation", {})), modifier=frozenset(by.get("modifier", {})),
        link=frozenset(by.get("link", {})), number={k: int(v) for k, v in by.get("number", {}).items()},
        generic=frozenset(v.lower() for v in generic) | {"relation", "tie", "relationships"},
        background=frozenset(by.get("background", {})),
    )


# -- phrases -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Phrase:
    span: Span
    level: str  # normalized; GENERIC for a plain relation noun

    @property
    def generic(self) -> bool:
        return self.level == GENERIC


def _phrases(sent: Span, index: MentionIndex, cues: Cues) -> list[_Phrase]:
    """Named tiers and plain relation nouns in a sentence."""
    doc = sent.doc
    out: list[_Phrase] = []
    taken: set[int] = set()
    for m in _tier_regex().finditer(sent.text):
        span = doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand")
        level = normalize_level(m.group(0))
        if span is None or level is None:
            continue
        out.append(_Phrase(span, level))
        taken.update(range(span.start, span.end))
    for tok in sent:
        if tok.i in taken or tok.lower_ not in cues.generic or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        if _plain_relation_noun(tok, index, cues):
            out.append(_Phrase(doc[tok.i:tok.i + 1], GENERIC))
    return out


def _plain_relation_noun(tok: Token, index: MentionIndex, cues: Cues) -> bool:
    """'bilateral relations', 'Cambodia-Korea ties', 'their relationship' yes; 'trade ties' no."""
    for child in tok.children:
        if child.dep_ in ("det", "poss", "punct", "cc", "prep", "relcl", "acl", "nummod", "appos", "conj"):
            if child.dep_ == "det" and child.lower_ == "no":
                return False
            continue
        if child.dep_ not in ("amod", "compound", "nmod", "npadvmod"):
            continue
        if child.lemma_.lower() in cues.modifier or child.lower_ in cues.modifier:
            continue
        if child.pos_ == "PROPN" or child.ent_type_ in ("GPE", "NORP") or \
                index.actor_for_token(child) is not None:
            continue
        return False
    return True


# -- the stage ---------------------------------------------------------------------------------
def find_relations(ctx: Context, *, actors: Sequence[Actor] = (), times: Sequence[Time] = (),
                   events: Sequence[Event] = ()) -> list[Relation]:
    """Relation statements of the document, one per (dyad, level, status)."""
    cues = load_cues()
    index = MentionIndex(actors)
    dyad = salient_dyad(ctx, actors=actors)
    found: list[Relation] = []
    for sent in ctx.doc.sents:
        phrases = _phrases(sent, index, cues)
        if not phrases:
            continue
        by_cue: dict[int, list[_Phrase]] = {}
        for ph in phrases:
            cue = _cue_for(ph, phrases, cues)
            if cue is not None:
                by_cue.setdefault(cue.i, []).append(ph)
        for cue_i, linked in sorted(by_cue.items()):
            rel = _relation(ctx, ctx.doc[cue_i], linked, sent, index=index, times=times, dyad=dyad, cues=cues)
            if rel is not None:
                found.append(rel)
    return _merge(found)


def _cue_for(ph: _Phrase, phrases: Sequence[_Phrase], cues: Cues) -> Token | None:
    """The cue word this phrase hangs from, walking up the parse through link words only."""
    inside = {t.i for p in phrases for t in p.span}
    tok = ph.span.root
    for child in tok.children:  # "ties, severed in 2017, ..."
        if child.dep_ in ("relcl", "acl") and _is_cue(child, ph, cues):
            return child
    for _ in range(6):
        head = tok.head
        if head is tok:
            return None
        if head.i not in {t.i for t in ph.span} and _is_cue(head, ph, cues):
            anniversary = _anniversary_above(head, cues)
            return anniversary or head
        if head.i in inside or head.lower_ in cues.link or head.lemma_.lower() in cues.link \
                or head.lower_ in cues.generic:
            tok = head
            continue
        break
    return _cue_before(ph, cues)


def _is_cue(tok: Token, ph: _Phrase, cues: Cues) -> bool:
    if _cue_word(tok, cues.status):
        return True
    return bool(_cue_word(tok, cues.tier_only)) and not ph.generic


def _cue_word(tok: Token, table: dict[str, str]) -> str:
    """The table key of a token: its lemma, or its own form stripped of -ed/-ing when the tagger
    missed the verb ("re-established" tagged as an adjective)."""
    low = tok.lower_
    for key in (tok.lemma_.lower(), low, low[:-1], low[:-2], low[:-3], low[:-3] + "e"):
        if key in table:
            return key
    return ""


def _cue_before(ph: _Phrase, cues: Cues) -> Token | None:
    """When the parse links the phrase to nothing: a cue word just before it
    ("re-established diplomatic relations")."""
    doc = ph.span.doc
    i = ph.span.start - 1
    while i >= 0 and (doc[i].is_punct or doc[i].pos_ in ("DET", "PRON") or doc[i].lower_ in cues.modifier):
        i -= 1
    if i >= 0 and _is_cue(doc[i], ph, cues) and doc[i].sent == ph.span.sent:
        return doc[i]
    return None


def _anniversary_above(tok: Token, cues: Cues) -> Token | None:
    """'the 30th anniversary of the establishment of ...': the anniversary over a noun cue."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    for _ in range(3):
        head = tok.head
        if head is tok:
            return None
        if head.lemma_.lower() == "anniversary":
            return head
        if head.lower_ not in cues.link:
            return None
        tok = head
    return None


def _status_word(cue: Token, cues: Cues) -> str:
    status = cues.status.get(_cue_word(cue, cues.status)) or cues.tier_only.get(_cue_word(cue, cues.tier_only), "")
    if status == "established" and cue.i >= 2 and cue.nbor(-1).text == "-" and cue.nbor(-2).lower_ == "re":
        return "restored"  # "re-established"
    return status


def _modality(cue: Token, cues: Cues) -> str:
    """'asserted', 'proposed', 'hedged' or 'negated', from the cue and the words above it."""
    mode = "asserted"
    tok = cue
    own_clause = True
    for _ in range(6):
        lemma = tok.lemma_.lower()
        if tok is not cue:
            if lemma in cues.negation:
                return "negated"
            if lemma in cues.hedge:
                return "hedged"
            if lemma in cues.proposal:
                mode = "proposed"
        for child in tok.children:
            cl = child.lemma_.lower()
            if child.dep_ == "neg" or (child.dep_ in ("advmod", "det") and cl in cues.negation):
                return "negated"
            if own_clause and child.dep_ in ("aux", "auxpass", "mark"):
                if cl in cues.hedge or child.lower_ in cues.hedge:
                    return "hedged"
                if cl in cues.proposal or child.lower_ in cues.proposal:
                    mode = "proposed"
        if tok.dep_ in ("relcl", "advcl", "conj", "parataxis", "ROOT") or tok.head is tok:
            break
        if tok.dep_ == "ccomp":
            own_clause = False
        tok = tok.head
    return mode


def _relation(ctx: Context, cue: Token, linked: list[_Phrase], sent: Span, *, index: MentionIndex,
              times: Sequence[Time], dyad: tuple[str, str] | None, cues: Cues) -> Relation | None:
    status = _status_word(cue, cues)
    if not status:
        return None
    mode = _modality(cue, cues)
    if mode in ("negated", "hedged") and status != "anniversary":
        return None
    named = [p for p in linked if not p.generic]
    date: str | None = None
    target: str | None = None
    if status == "anniversary":
        if mode == "negated":
            return None
        phrase = named[0] if named else linked[0]
        level = DEFAULT_LEVEL if phrase.generic else phrase.level
        n = _ordinal_before(cue, cues)
        year = _anniversary_year(ctx, cue, sent, times, cues)
        if n is None or year is None:
            return None
        status, date = "established", str(year - n)
    else:
        if status == "aim":  # "work toward a strategic partnership": only as a proposal
            if mode != "proposed" or not named:
                return None
            status = "upgraded"
        phrase, level, status = _level(status, linked, named)
        if mode == "proposed":
            if status not in _PROPOSABLE:
                return None
            status = "proposed"
            target = _target_date(ctx, cue, sent, times, cues)
        else:
            date = _date(cue, sent, times, cues)
    countries = _countries(cue, linked, sent, index=index, dyad=dyad)
    if countries is None:
        return None
    evidence = _evidence(sent)
    return Relation(countries=countries, level=level, status=status, date=date, target_date=target,
                    evidence=evidence, surface=phrase.span.text)


def _level(status: str, linked: list[_Phrase], named: list[_Phrase]) -> tuple[_Phrase, str, str]:
    """The phrase, normalized level and status a cue gives."""
    targets = [p for p in named if _is_target(p)]
    if status == "upgraded":
        if targets:
            return targets[-1], targets[-1].level, "established"
        return linked[0], GENERIC, "upgraded"
    if status == "downgraded":
        chosen = targets[-1] if targets else (named[0] if named else linked[0])
        return chosen, DEFAULT_LEVEL if chosen.generic else chosen.level, status
    chosen = named[0] if named else linked[0]
    return chosen, DEFAULT_LEVEL if chosen.generic else chosen.level, status


def _is_target(ph: _Phrase) -> bool:
    """'... to a "comprehensive strategic partnership"': the tier after to/into/as."""
    head = ph.span.root.head
    if head.lower_ in _TARGET_PREPS:
        return True
    i = ph.span.start - 1
    doc = ph.span.doc
    while i >= 0 and (doc[i].is_punct or doc[i].pos_ == "DET" or doc[i].is_quote):
        i -= 1
    return i >= 0 and doc[i].lower_ in _TARGET_PREPS


def _evidence(sent: Span) -> Mention:
    text = sent.text
    start = sent.start_char + (len(text) - len(text.lstrip()))
    end = sent.start_char + len(text.rstrip())
    return Mention(span=(start, end), text=sent.doc.text[start:end])


# -- times ---------------------------------------------------------------------------------------
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
    before = ctx.doc.text[max(0, t.span[0] - 20):t.span[0]].lower()
    words = (before.split()[-2:] if before.split() else []) + t.text.lower().split()[:3]
    return any(w in ("in", "within", "next", "coming", "after") for w in words)


def _nearest(cue: Token, cands: list[Time]) -> Time | None:
    if not cands:
        return None
    return min(cands, key=lambda t: min(abs(t.span[0] - cue.idx), abs(t.span[1] - cue.idx)))


def _date(cue: Token, sent: Span, times: Sequence[Time], cues: Cues) -> str | None:
    """When an asserted change took effect: the nearest date in the sentence; for a change told as
    news (not background: no "had", "previously", "since"), else the last date of the sentence before
    ("Hun Manet met Yoon on May 16. The two countries elevated their relations ...")."""
    if times:
        dates = [t for t in _times_in(sent, times) if t.type == "date" and _year_of(t.value)]
        if dates:  # only a date of the cue's own clause ("reopened on June 6, years after X cut ties")
            verb = _clause_verb(cue)
            best = _nearest(cue, [t for t in dates if _clause_verb(_time_root(sent, t)) == verb])
            return best.value if best else None
        if sent.start == 0 or _is_background(cue, cues):
            return None
        before = [t for t in _times_in(sent.doc[sent.start - 1].sent, times) if t.type == "date" and _year_of(t.value)]
        return max(before, key=lambda t: t.span[0]).value if before else None
    years = list(_YEAR.finditer(sent.text))  # no times stage: explicit years only
    if not years:
        return None
    best_m = min(years, key=lambda m: abs(sent.start_char + m.start() - cue.idx))
    return best_m.group(1)


def _clause_verb(tok: Token) -> int:
    """The index of the verb heading the clause a token is in (the root when there is none)."""
    for _ in range(12):
        if tok.pos_ in ("VERB", "AUX") or tok.head is tok:
            return tok.i
        tok = tok.head
    return tok.i


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


def _target_date(ctx: Context, cue: Token, sent: Span, times: Sequence[Time], cues: Cues) -> str | None:
    """The year (or date) a proposal aims at: 'within the next three years' -> published + 3."""
    if times:
        cands = [t for t in _times_in(sent, times)
                 if (t.type == "date" and _year_of(t.value)) or _year_of(t.end) or
                 (_duration_years(t.value) is not None and _is_ahead(ctx, t))]
        best = _nearest(cue, cands)
        if best is None:
            return None
        if best.end and _duration_years(best.value) is not None:
            return best.end
        n = _duration_years(best.value)
        if n is not None:
            return str(ctx.published.year + n) if ctx.published else None
        return best.value
    ahead = _ahead_years(ctx, sent, times, cues)
    if not ahead:
        return None
    return str(min(ahead, key=lambda a: abs(a[0] - cue.idx))[1])


def _anniversary_year(ctx: Context, cue: Token, sent: Span, times: Sequence[Time], cues: Cues) -> int | None:
    """The year the anniversary falls in: the sentence's nearest time, else the publication year."""
    ahead = _ahead_years(ctx, sent, times, cues)
    if ahead:
        return min(ahead, key=lambda a: abs(a[0] - cue.idx))[1]
    return ctx.published.year if ctx.published else None


def _ordinal_before(cue: Token, cues: Cues) -> int | None:
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


# -- countries -------------------------------------------------------------------------------------
def _is_country(code: str | None) -> bool:
    return bool(code) and len(code or "") == 3 and pycountry.countries.get(alpha_3=code) is not None


def _countries_of(actors: Iterable[Actor]) -> list[str]:
    seen: dict[str, None] = {}
    for a in actors:
        if a.country and _is_country(a.country):
            seen[a.country] = None
    return list(seen)


def _countries(cue: Token, linked: list[_Phrase], sent: Span, *, index: MentionIndex,
               dyad: tuple[str, str] | None) -> tuple[str, str] | None:
    """The dyad of a statement: named in its phrases, else in its sentence, else the document's."""
    spans: list[tuple[int, int]] = []
    for ph in linked:
        root = ph.span.root
        spans.append((min(ph.span.start_char, root.left_edge.idx), max(ph.span.end_char, _end(root.right_edge))))
    heads = [cue]
    tok = cue
    while tok.dep_ in ("xcomp", "pcomp", "pobj", "prep") and tok.head is not tok:  # "agreed to upgrade"
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
    """The pair of countries the document is about: most often named in one sentence together,
    ties broken by how often each is named; else the two most named countries."""
    index = MentionIndex(actors)
    mentions: Counter[str] = Counter()
    for a in actors:
        if a.country and _is_country(a.country):
            mentions[a.country] += len(a.mentions)
    if len(mentions) < 2:
        return None
    pairs: Counter[tuple[str, str]] = Counter()
    for sent in ctx.doc.sents:
        cs = sorted(_countries_of(index.actors_in(sent)))
        for i, first in enumerate(cs):
            for second in cs[i + 1:]:
                pairs[(first, second)] += 1
    if pairs:
        best = max(pairs, key=lambda p: (pairs[p], mentions[p[0]] + mentions[p[1]], p))
        return best
    low, high = sorted(sorted(mentions, key=lambda c: (-mentions[c], c))[:2])
    return (low, high)


# -- merge -------------------------------------------------------------------------------------------
def _merge(found: list[Relation]) -> list[Relation]:
    """One relation per (countries, level, status); later mentions fill missing dates."""
    out: dict[tuple[tuple[str, str], str, str], Relation] = {}
    for rel in found:
        key = (rel.countries, rel.level, rel.status)
        if key not in out:
            out[key] = rel
            continue
        old = out[key]
        out[key] = replace(old, date=old.date or rel.date, target_date=old.target_date or rel.target_date)
    return list(out.values())
