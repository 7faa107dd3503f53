"""Who made a statement, through what medium and when: read from the cue's clause in the parse.

Reads: a cue token of the spaCy parse, the actors (through :class:`MentionIndex`) and the times.
Writes: :class:`Attribution` (speaker mention span, medium phrase, owner of the medium, date).

* The speaker phrase is the cue verb's subject ("he", "the ministry's spokesperson"), the object
  of an inverted cue ("said the post", "stated a post on ..."), or the object of "according to".
* A phrase whose head is a medium noun ("a post on Hun Sen's social media", "the statement") is the
  medium, not the speaker: the speaker is its owner (the possessor, or the object of "by"/"from"),
  and without an owner ("said the post") the speaker of the last statement made through the same
  kind of medium.
* The recipient of "told" that is a news outlet ("told The Post") and a medium noun after "in", "at",
  "on", "during" or "via" ("in a statement", "at a news conference") are the medium.
* The date is the value of a time that lies in the cue's clause, outside the content.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ...record import Time
from .lexicon import Reporting

RELATIVE = {"who", "which", "that", "whom"}
MEDIUM_PREPS = {"in", "at", "on", "during", "via", "through"}
OWNER_PREPS = {"by", "from", "of"}
LEFT_SKIP = {"punct", "cc", "appos", "relcl", "conj", "prep", "advmod"}
RIGHT_KEEP = {"prep", "compound", "flat", "case", "nummod", "pobj"}


@dataclass(frozen=True)
class Attribution:
    """The speaker side of one statement."""

    speaker: tuple[int, int] | None = None
    """Span of the words naming the speaker ("he", "Hun Sen"); None where the clause names none."""
    speaker_head: int | None = None
    """Character offset of the head word of the speaker phrase."""
    medium: tuple[int, int] | None = None
    """Span of the medium phrase ("a post on Hun Sen's social media", "The Post")."""
    medium_lemma: str | None = None
    """Lemma of the medium's head noun ("post"), used to find the owner of a later "said the post"."""
    date: str | None = None
    inherited: bool = False
    """True when the speaker was taken from an earlier statement ("said the post"), not from this clause."""


def phrase(tok: Token) -> tuple[int, int]:
    """The compact noun phrase headed by ``tok``: its determiners, modifiers and names, the prepositional
    phrases that follow it without a comma ("a spokesperson for the ministry"), no appositions or clauses."""
    doc = tok.doc
    lo = hi = tok.i
    for child in tok.lefts:
        if child.dep_ not in LEFT_SKIP:
            lo = min(lo, child.left_edge.i)
    for child in tok.rights:
        if child.dep_ in RIGHT_KEEP and all(not doc[k].is_punct for k in range(hi + 1, child.i)):
            hi = max(hi, child.right_edge.i)
        else:
            break
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    while hi > lo and (doc[hi].is_punct or doc[hi].is_space):
        hi -= 1
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)


def subject_of(cue: Token) -> Token | None:
    """The subject of a cue verb: its own, a relative clause's antecedent, or that of the verb it hangs on
    ("smiled and said", "..., saying")."""
    tok: Token | None = cue
    for _ in range(4):
        if tok is None:
            return None
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "csubj")), None)
        if subj is not None:
            if subj.lower_ in RELATIVE and tok.dep_ == "relcl":
                return tok.head
            return subj
        if tok.dep_ in ("conj", "advcl", "xcomp", "pcomp", "prep") and tok.head.i != tok.i:
            tok = tok.head
        else:
            return None
    return None


def inverted_subject(cue: Token) -> Token | None:
    """The noun right after a cue in an inverted clause ("said the post", "stated a post on ...")."""
    for child in cue.rights:
        if child.dep_ in ("dobj", "attr", "npadvmod", "nsubj", "dative") and child.pos_ in ("NOUN", "PROPN", "PRON"):
            return child
        if child.dep_ not in ("punct",):
            break
    return None


def _owner(head: Token) -> Token | None:
    """The possessor or "by/from" object inside a medium phrase."""
    for tok in head.subtree:
        if tok.dep_ == "poss" and tok.pos_ in ("PROPN", "NOUN"):
            return tok
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in OWNER_PREPS:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.pos_ in ("PROPN", "NOUN"):
                return pobj
    return None


def _name(tok: Token) -> tuple[int, int]:
    """A possessor's name without its "'s": the token and its compound/flat left parts."""
    lo = tok.i
    for child in tok.lefts:
        if child.dep_ in ("compound", "flat", "amod", "det"):
            lo = min(lo, child.left_edge.i)
    return tok.doc[lo].idx, tok.idx + len(tok.text)


def _outlet(tok: Token, lex: Reporting) -> bool:
    return tok.pos_ == "PROPN" and any(t.text in lex.media_names for t in tok.subtree)


def medium_of(cue: Token, lex: Reporting) -> Token | None:
    """A medium attached to the cue: "told The Post", "in a statement", "at a news conference"."""
    for child in cue.children:
        if child.dep_ in ("dative", "dobj") and _outlet(child, lex):
            return child
        if child.dep_ == "prep" and child.lower_ in MEDIUM_PREPS:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and (pobj.lemma_.lower() in lex.media or _outlet(pobj, lex)):
                return pobj
    return None


def attribute(subject: Token | None, cue: Token, lex: Reporting, *, times: Sequence[Time],
              content: tuple[int, int], media_owners: dict[str, tuple[int, int] | None]) -> Attribution:
    """Speaker, medium and date of a statement whose cue is ``cue`` and whose speaker phrase is headed
    by ``subject``. ``media_owners`` maps medium lemmas to the speaker span of the last statement made
    through them (updated here)."""
    speaker: tuple[int, int] | None = None
    head: int | None = None
    medium_tok: Token | None = None
    inherited = False
    if subject is not None and subject.pos_ == "NOUN" and subject.lemma_.lower() in lex.media:
        medium_tok = subject
        owner = _owner(subject)
        if owner is not None:
            speaker, head = _name(owner), owner.idx
        else:
            speaker = media_owners.get(subject.lemma_.lower())
            head = speaker[0] if speaker else None
            inherited = speaker is not None
    elif subject is not None:
        speaker, head = phrase(subject), subject.idx
    if medium_tok is None:
        medium_tok = medium_of(cue, lex)
    medium = medium_lemma = None
    if medium_tok is not None:
        medium = _trim(cue.doc, medium_tok)
        medium_lemma = medium_tok.lemma_.lower()
        if speaker is not None:
            media_owners[medium_lemma] = speaker
    return Attribution(speaker=speaker, speaker_head=head, medium=medium, medium_lemma=medium_lemma,
                       date=date_of(cue, times, content=content), inherited=inherited)


def _trim(doc: Doc, tok: Token) -> tuple[int, int]:
    lo, hi = tok.left_edge.i, tok.right_edge.i
    while lo < hi and doc[lo].is_punct:
        lo += 1
    while hi > lo and doc[hi].is_punct:
        hi -= 1
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)


def date_of(cue: Token, times: Sequence[Time], *, content: tuple[int, int]) -> str | None:
    """The value of the time nearest the cue inside its clause (its subtree) and outside the content."""
    lo = cue.left_edge.idx
    hi = cue.right_edge.idx + len(cue.right_edge.text)
    best: tuple[int, str] | None = None
    for t in times:
        s, e = t.span
        if s >= lo and e <= hi and (e <= content[0] or s >= content[1]) and t.value and t.type == "date":
            dist = abs(s - cue.idx)
            if best is None or dist < best[0]:
                best = (dist, t.value)
    return best[1] if best else None
