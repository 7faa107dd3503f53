"""Where a place word is an actor: location phrases, argument phrases, and countries of places.

Reads: the parse, the places of the places stage, the gazetteer and ``argument_preps.tsv``. Writes
nothing: predicates and look-ups used by :mod:`.phrases` and the stage's filters. A place word is an
actor as a subject or object, after with/against/by..., or as the object of an argument preposition of
its head ("fired at X", "arrived in X"); in any other location phrase ("in Seoul") it is a place.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from spacy.tokens import Doc, Token

from ...record import Place
from ...resources.actor_lexicon import read_table
from ...resources.gazetteer import load_gazetteer, norm

ACTOR_DEPS = {"nsubj", "nsubjpass", "dobj", "iobj", "dative", "poss", "agent", "appos", "attr", "oprd"}
ACTOR_PREPS = {"with", "against", "by", "between", "toward", "towards", "on"}
LOCATIVE_PREPS = {"in", "inside", "within", "across", "throughout", "at", "near", "around", "outside",
                  "into", "through", "over"}


def places_in(places: Sequence[Place], start: int, end: int) -> str | None:
    for p in places:
        if start <= p.span[0] and p.span[1] <= end and p.country:
            return p.country
    return None


def clause_verb(tok: Token) -> Token:
    """The verb of the clause a token stands in (itself when it is one; the root when there is none)."""
    hops = 0
    while tok.pos_ not in ("VERB", "AUX") or tok.dep_ in ("aux", "auxpass"):
        if tok.head.i == tok.i or hops > 12:
            return tok
        tok = tok.head
        hops += 1
    return tok


def _below(tok: Token, verb: Token) -> bool:
    """Whether ``tok`` is ``verb`` or in a clause under it, not inside reported content ("the ministry said
    [Japan signed ... in Manila]": the ccomp is what was said, not where the ministry is)."""
    hops = 0
    while tok.i != verb.i:
        if tok.head.i == tok.i or hops > 20 or (tok.dep_ == "ccomp" and tok.pos_ in ("VERB", "AUX")):
            return False
        tok = tok.head
        hops += 1
    return True


def clause_place_country(doc: Doc, places: Sequence[Place], head: Token,
                         taken: Sequence[tuple[int, int]] = ()) -> str | None:
    """The one country of the places named in the clause of ``head`` or in clauses below it (not in reported
    content), outside any
    actor mention in ``taken`` ("police dispersed protesters in Monrovia": LBR; not the place of a
    reporting clause above it: "..., killing 20 people, officials in Nairobi said"); None when there is
    none or more than one."""
    verb = clause_verb(head)
    sent = head.sent
    found: set[str] = set()
    for p in places:
        if not (sent.start_char <= p.span[0] < sent.end_char) or not p.country or p.confidence < 0.5 \
                or any(s <= p.span[0] < e for s, e in taken):
            continue
        tok = doc.char_span(p.span[0], p.span[1], alignment_mode="expand")
        if tok is None:
            continue
        if _below(clause_verb(tok.root), verb):
            found.add(p.country)
    return found.pop() if len(found) == 1 else None


def gazetteer_country(doc: Doc, start: int, end: int, where: dict[int, int],
                      places: Sequence[Place] = ()) -> str | None:
    """The country of a place name among the proper nouns of a phrase ("Madras High Court", "Santa Marta
    Self Defense Forces"): the most populous place of that name, if it is a city or region; where the places
    stage resolved that very name in context ("Tripoli ... the north Lebanese port"), its country."""
    toks = list(doc[start:end])
    runs: list[list[Token]] = []
    for t in toks:
        if t.pos_ in ("PROPN", "ADJ", "NOUN") and t.text[:1].isupper() and t.i not in where \
                and t.ent_type_ not in ("PERSON", "NORP"):
            if runs and runs[-1][-1].i == t.i - 1:
                runs[-1].append(t)
            else:
                runs.append([t])
    gaz = load_gazetteer()
    for run in runs:
        for a in range(len(run)):
            for b in range(len(run), a, -1):
                text = " ".join(t.text for t in run[a:b])
                found = gaz.lookup(text, alt=True)
                if not found or found[0].feature not in ("city", "region") or not found[0].country:
                    continue
                best = found[0]
                if b - a == 1:  # one word of a name: "Amherst College", not "[Unity] Party" or "[Human] Rights"
                    own = norm(best.name) == norm(text)
                    if not (own and best.population >= (20_000 if best.feature == "city" else 100_000)
                            or best.population >= 500_000):
                        continue
                elif best.population < 20_000:
                    continue
                span = (run[a].idx, run[b - 1].idx + len(run[b - 1].text))
                resolved = next((p.country for p in places if p.span == span and p.country), None)
                return resolved or best.country
    return None


def is_locative(tok: Token) -> bool:
    """Whether a place word stands in a location phrase ("in Seoul", "Seoul, South Korea" after "in")."""
    hops = 0
    while tok.dep_ in ("appos", "conj", "compound") and hops < 4:
        tok = tok.head
        hops += 1
    return tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE_PREPS


def actor_role(tok: Token) -> bool:
    """Whether a place word is used as an actor: subject, object, possessor, or after with/against/by."""
    hops = 0
    while tok.dep_ == "conj" and hops < 4:
        tok = tok.head
        hops += 1
    if tok.dep_ in ACTOR_DEPS:
        return True
    if tok.dep_ == "ROOT" and len(list(tok.sent)) <= 3:
        return True  # a bare name ("Beijing") or a dateline
    return tok.dep_ == "pobj" and tok.head.lower_ in ACTOR_PREPS and tok.head.lower_ not in LOCATIVE_PREPS


@lru_cache(maxsize=1)
def argument_preps() -> dict[tuple[str, str], str]:
    """(head lemma, preposition) -> role, for phrases whose object is an argument, not a location
    (``argument_preps.tsv``: "fired at X", "arrived in X", "an embassy in X")."""
    return {(r["lemma"].lower(), r["prep"].lower()): r["role"] for r in read_table("argument_preps.tsv")}


def argument_role(tok: Token) -> str | None:
    """The role of a place word that is the object of an argument preposition of its head ("target",
    "destination"), climbing conjuncts and appositions ("in Amman and Cairo"); None otherwise."""
    hops = 0
    while tok.dep_ in ("appos", "conj") and hops < 4:
        tok = tok.head
        hops += 1
    if tok.dep_ == "compound" and _attended(tok.head):
        return "venue"  # "attend the Beijing Olympics"
    while tok.dep_ in ("appos", "conj", "compound") and hops < 4:
        tok = tok.head
        hops += 1
    if tok.dep_ != "pobj" or tok.head.dep_ not in ("prep", "dative"):
        return None
    prep, gov = tok.head, tok.head.head
    role = argument_preps().get((gov.lemma_.lower(), prep.lower_)) or argument_preps().get((gov.lower_, prep.lower_))
    if role == "host" and gov.dep_ not in ("dobj", "nsubjpass"):
        return None
    if role == "venue" and not _attended(gov):
        return None
    return role


def _attended(noun: Token) -> bool:
    """Whether a noun is the object of "attend" ("attended a summit", "to attend the Games")."""
    return noun.dep_ in ("dobj", "nsubjpass") and noun.head.lemma_.lower() == "attend"
