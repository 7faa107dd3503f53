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
- An asserted change takes the nearest date of its own clause; with no date in its sentence, a change
  told as news (not "had previously ...") takes the last date of the sentence before.
- "the Nth anniversary of diplomatic relations" gives that level ``established`` in the year of
  the anniversary minus N (the anniversary's year is the sentence's time, else the publication year).
- Countries come from the actors mentioned in the relation phrase and the cue's subject and
  ``with``/``between`` phrases ("Cambodia-Korea relations" gives both), else the sentence's two
  countries, else the document's dyad (the pair of countries most often named together), which is
  what "the two countries" and "bilateral relations" refer to.

Modules: ``lexicon`` (the vocabulary files), ``when`` (dates), ``dyads`` (countries); this one finds
the statements.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from ...record import Actor, Event, Mention, Relation, Time
from ..context import Context, MentionIndex, doc_text
from .dyads import salient_dyad, statement_dyad
from .lexicon import DEFAULT_LEVEL, GENERIC, Cues, level_rank, load_cues, load_tiers, normalize_level, tier_regex
from .when import anniversary_year, date_of, ordinal_before, target_date_of

__all__ = ["find_relations", "level_rank", "load_cues", "load_tiers", "normalize_level", "salient_dyad"]

#: statuses that a proposal can carry; a proposal to cut ties is a threat, not a relation.
_PROPOSABLE = {"established", "upgraded", "restored"}
_TARGET_PREPS = {"to", "into", "as", "toward", "towards"}


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
    text = doc_text(doc)[sent.start_char:sent.end_char]  # sent.text, without rebuilding it from the tokens
    for m in tier_regex().finditer(text):
        span = doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand")
        level = normalize_level(m.group(0))
        if span is None or level is None:
            continue
        out.append(_Phrase(span, level))
        taken.update(range(span.start, span.end))
    low = text.lower()
    if not any(w in low for w in cues.generic):
        return out  # no relation noun in the sentence: no need to read its tokens
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
    index = ctx.mention_index(actors)
    dyad: tuple[str, str] | None = None
    dyad_known = False
    found: list[Relation] = []
    for sent in ctx.doc.sents:
        phrases = _phrases(sent, index, cues)
        if not phrases:
            continue
        if not dyad_known:  # most documents have no relation phrase: the dyad only when one has
            dyad, dyad_known = salient_dyad(ctx, actors=actors), True
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
    for child in tok.children:  # "ties, severed in 2017, ..." (not "allies who launched warplanes")
        if child.dep_ in ("relcl", "acl") and _is_cue(child, ph, cues) and \
                not any(c.dep_ in ("dobj", "obj") for c in child.children):
            return child
    for _ in range(6):
        head = tok.head
        if head.i == tok.i:
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
        if head.i == tok.i:
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
    for _ in range(6):
        lemma = tok.lemma_.lower()
        if tok.i != cue.i:
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
            if child.dep_ in ("aux", "auxpass", "mark"):
                if cl in cues.hedge or child.lower_ in cues.hedge:
                    return "hedged"
                if cl in cues.proposal or child.lower_ in cues.proposal:
                    mode = "proposed"
        if tok.dep_ in ("relcl", "advcl", "conj", "parataxis", "ROOT") or tok.head.i == tok.i:
            break
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
        n = ordinal_before(cue, cues)
        year = anniversary_year(ctx, cue, sent, times, cues)
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
            target = target_date_of(ctx, cue, sent, times, cues)
        else:
            date = date_of(cue, sent, times, cues,
                           phrase_tokens=frozenset(t.i for p in linked for t in p.span))
    countries = statement_dyad(cue, linked, sent, index=index, dyad=dyad, anchors=None if named else cues.anchor)
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
    return Mention(span=(start, end), text=doc_text(sent.doc)[start:end])



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
