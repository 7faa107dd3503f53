"""The tense of the clause a time expression sits in, read from the dependency parse.

Reads: a spaCy Doc and a character span. Writes: "past", "present", "future" or None.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .lexicon import lexicon

_FUTURE_AUX = {"will", "shall", "'ll", "wo", "would", "'d"}
_PAST_AUX = {"had", "has", "have", "was", "were", "did", "'ve", "'s"}


def _governing_verb(tok: Token) -> Token | None:
    """The nearest verb above ``tok`` (itself included), skipping auxiliaries."""
    cur = tok
    for _ in range(8):
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("aux", "auxpass"):
            return cur
        if cur.head is cur:
            return cur if cur.pos_ in ("VERB", "AUX") else None
        cur = cur.head
    return None


def _verb_tense(verb: Token, depth: int = 0) -> str | None:
    cues = lexicon().future_cues
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & _FUTURE_AUX or any(a.tag_ == "MD" and a.lower_ not in ("may", "might", "could", "can") for a in auxes):
        return "future"
    if verb.lemma_.lower() in cues and verb.tag_ in ("VBN", "JJ", "VBG"):
        return "future"  # "scheduled for Tuesday", "due on Monday"
    if any(a.tag_ == "TO" for a in verb.children if a.dep_ == "aux") and depth < 3:
        head = verb.head
        if head is not verb:
            if head.lemma_.lower() in cues or head.lower_ == "going":
                return "future"
            governing = _governing_verb(head)
            return _verb_tense(governing, depth + 1) if governing is not None else None
    if verb.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBN":
        if words & {"has", "have", "'ve"} and not words & {"had"}:
            return "past"
        return "past"
    if words & _PAST_AUX and verb.tag_ in ("VBG", "VBN"):
        return "past" if words & {"was", "were", "had"} else "present"
    if verb.tag_ in ("VBZ", "VBP") or words & {"is", "are", "am"}:
        return "present"
    return None


def clause_tense(doc: Doc, start: int, end: int) -> str | None:
    """The tense of the clause holding characters ``[start, end)`` ("past", "present", "future", None)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    verb = _governing_verb(span.root)
    if verb is None:
        return None
    return _verb_tense(verb)


def precedes_verb(doc: Doc, start: int, end: int) -> bool:
    """Whether the span comes before the verb that governs it (a fronted adverbial)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    verb = _governing_verb(span.root)
    return verb is not None and verb.idx >= end
