"""The tense of the clause a time expression sits in, read from the dependency parse.

Reads: a spaCy Doc and a character span. Writes: "past", "present", "future" or None.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .lexicon import lexicon

_FUTURE_AUX = {"will", "shall", "'ll", "wo", "would", "'d"}
_WEAK_MODALS = {"may", "might", "could", "can", "must", "should"}


def _governing_verb(tok: Token, path: list[Token] | None = None) -> Token | None:
    """The nearest verb above ``tok`` (itself included), skipping auxiliaries; ``path`` collects
    the tokens passed on the way."""
    cur = tok
    for _ in range(8):
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("aux", "auxpass"):
            return cur
        if path is not None:
            path.append(cur)
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def _verb_tense(verb: Token, depth: int = 0) -> str | None:
    lex = lexicon()
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & _FUTURE_AUX or any(a.tag_ == "MD" and a.lower_ not in _WEAK_MODALS for a in auxes):
        return "future"
    if words & {"had"}:
        return "past"
    if verb.lower_ in lex.future_markers and verb.tag_ in ("VBN", "JJ", "VBG", "VBZ", "VBP", "VB"):
        return "future"  # "scheduled for Tuesday", "expires Friday"
    if any(a.tag_ == "TO" for a in auxes) and depth < 3:
        head = verb.head
        if head.i != verb.i:
            if head.lemma_.lower() in lex.future_governors or head.lower_ in lex.future_governors:
                return "future"
            governing = _governing_verb(head)
            return _verb_tense(governing, depth + 1) if governing is not None else None
    if verb.tag_ in ("VBD", "VBN"):
        return "past"
    if words & {"was", "were", "did", "has", "have", "'ve"}:
        return "past"
    if verb.tag_ in ("VBZ", "VBP") or words & {"is", "are", "am"}:
        return "present"
    return None


def _span(doc: Doc, start: int, end: int) -> Span | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span if span is not None and len(span) else None


def clause_tense(doc: Doc, start: int, end: int) -> str | None:
    """The tense of the clause holding characters ``[start, end)`` ("past", "present", "future", None)."""
    span = _span(doc, start, end)
    if span is None:
        return None
    path: list[Token] = []
    verb = _governing_verb(span.root, path)
    markers = lexicon().future_markers
    if any(t.lower_ in markers for t in path if t.i < span.start or t.i >= span.end):
        return "future"  # "payable Dec. 7", "due on Monday"
    if verb is None:
        return None
    tense = _verb_tense(verb)
    if tense == "present" and any(t.pos_ in ("NOUN", "PROPN") for t in path if t.i < span.start or t.i >= span.end):
        return None  # "before Friday's purchases is ...": the date hangs on a noun, not on the verb
    return tense


def precedes_verb(doc: Doc, start: int, end: int) -> bool:
    """Whether the span comes before the verb that governs it (a fronted adverbial)."""
    span = _span(doc, start, end)
    if span is None:
        return False
    verb = _governing_verb(span.root)
    return verb is not None and verb.idx >= end
