"""Status of an event from its clause: asserted, future, hypothetical or negated; and who speaks.

Reads: the trigger token, its governing verbs, the quotes and actors. Writes: (status, reason).
Negation ("did not attack", "denied that it had agreed"), modality ("could", "will"), conditions
("if"), governing verbs ("expects", "plans to"), noun modifiers ("planned visit") and analysts'
views (an event inside a statement by an analyst or commentator is hypothetical).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from ...record import Actor, Quote
from ..context import MentionIndex
from .lexicon import cues, lemma

CLAUSAL = frozenset({"xcomp", "ccomp", "pcomp"})


def governors(tok: Token) -> list[Token]:
    """Verbs that govern ``tok``'s clause through complement clauses, nearest first.
    ``tok``'s own verb (for a noun: the verb it hangs on) comes first."""
    out: list[Token] = []
    cur = tok
    crossed_clause = False
    for _ in range(12):
        head = cur.head
        if head.i == cur.i:
            break
        if cur.dep_ in ("relcl", "parataxis") or (cur.dep_ == "advcl" and crossed_clause):
            break
        if cur.dep_ == "conj" and cur.pos_ in ("VERB", "AUX") and not out:
            cur = head  # coordinated verbs share their governors but not their negation
            continue
        if head.pos_ in ("VERB", "AUX") or (head.pos_ == "ADJ" and cur.dep_ == "xcomp"):
            out.append(head)
        if cur.dep_ in CLAUSAL:
            crossed_clause = True
        cur = head
    return out


def own_verb(tok: Token) -> Token:
    """The verb of the trigger's own clause: the trigger itself, or the verb a noun hangs on."""
    cur = tok
    for _ in range(6):
        if cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:
            return cur
        cur = cur.head
    return tok


def _negated(verb: Token) -> bool:
    c = cues()
    return any(ch.dep_ == "neg" or (ch.lower_ in c.negators and ch.dep_ in ("advmod", "neg", "det"))
               for ch in verb.children)


def _modal(verb: Token) -> str | None:
    for ch in verb.children:
        if ch.dep_ == "aux" and ch.tag_ == "MD":
            return ch.lower_
    return None


def _conditional(verb: Token) -> bool:
    marks = cues().conditional_marks
    cur = verb
    for _ in range(6):
        if any(ch.dep_ == "mark" and ch.lower_ in marks for ch in cur.children):
            return True
        if cur.dep_ not in ("conj", "xcomp", "ccomp", "advcl") or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def alleged_by(trigger: Token) -> Token | None:
    """The accusing or punishing word an event is the stated reason of ("jailed [for helping ...]",
    "suspected [of blowing up ...]", "arrested [over the attack]"), or None."""
    c = cues()
    for tok in (trigger, own_verb(trigger)):
        if tok.dep_ in ("pcomp", "pobj") and tok.head.dep_ == "prep" and tok.head.lower_ in ("for", "of", "over", "with") \
                and tok.head.head.i != tok.head.i:
            gov = tok.head.head
            if lemma(gov) in c.allegation_governors or gov.lower_ in c.allegation_governors:
                return gov
    return None


def _purpose_head(verb: Token) -> Token | None:
    """The verb whose purpose clause holds ``verb`` ("sent troops [to help defend X]"), through the
    complement clauses of the purpose; None when there is none."""
    cur = verb
    for _ in range(6):
        if cur.head.i == cur.i:
            return None
        if cur.dep_ == "advcl" and any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in cur.children) \
                and cur.head.pos_ in ("VERB", "AUX"):
            return cur.head
        if cur.dep_ not in ("xcomp", "ccomp", "conj"):
            return None
        cur = cur.head
    return None


def clause_status(trigger: Token, *, reported: bool = False, _depth: int = 0) -> tuple[str, str]:
    """Status from the trigger's clause and the verbs governing it."""
    status, reason = _own_status(trigger)
    head = _purpose_head(own_verb(trigger)) if status == "asserted" and _depth < 3 else None
    if head is not None:  # a purpose is no more real than the act it is the purpose of
        if lemma(head) in cues().offer_verbs and any(ch.dep_ in ("dobj", "dative") for ch in head.children):
            return "future", f"the purpose of '{head.text}'"  # "offered troops to help X": not yet done
        head_status, head_reason = clause_status(head, _depth=_depth + 1)
        if head_status != "asserted":
            return head_status, f"the purpose of '{head.text}' ({head_reason})"
    return status, reason


def _own_status(trigger: Token) -> tuple[str, str]:
    c = cues()
    verb = own_verb(trigger)
    accuser = alleged_by(trigger)
    if accuser is not None:
        return "hypothetical", f"alleged (the reason given for '{accuser.text}')"
    if trigger.pos_ in ("NOUN", "PROPN"):
        for ch in trigger.children:
            if ch.dep_ == "det" and ch.lower_ == "no":
                return "negated", "'no' before the event noun"
            if ch.dep_ in ("amod", "compound") and ch.lower_ in c.hypothetical_adjectives:
                return "hypothetical", f"'{ch.text}' event"
            if ch.dep_ in ("amod", "compound") and ch.lower_ in c.future_adjectives:
                return "future", f"'{ch.text}' event"
    if _negated(verb) or (trigger.i != verb.i and _negated(trigger)):
        return "negated", "negated verb"
    if _conditional(verb):
        return "hypothetical", "condition ('if')"
    modal = _modal(verb)
    govs = governors(verb)
    if modal in c.modals_hypothetical:
        return "hypothetical", f"modal '{modal}'"
    for g in govs:
        lem = lemma(g)
        if any(ch.dep_ == "prt" for ch in g.children):  # phrasal verbs: "rule out"
            lem = " ".join([lem, *(ch.lower_ for ch in g.children if ch.dep_ == "prt")])
        if lem in c.negating_verbs and not _negated(g):
            return "negated", f"under '{g.text}'"
        if lem in c.negating_verbs:
            return "hypothetical", f"under negated '{g.text}' (not ruled out)"
        if lem in c.hypothetical_governors:
            return "hypothetical", f"under '{g.text}'"
        if _negated(g) and lem not in c.reporting_verbs:
            return "negated", f"under negated '{g.text}'"
        if _modal(g) in c.modals_hypothetical:
            return "hypothetical", f"under modal '{_modal(g)}'"
    if modal in c.modals_future:
        return "future", f"modal '{modal}'"
    if modal == "would":
        if any(lemma(g) in c.reporting_verbs for g in govs):
            return "future", "'would' in reported speech"
        return "hypothetical", "modal 'would'"
    own_subject = next((ch for ch in verb.children if ch.dep_ == "nsubj"), None)
    first = verb  # "aims to tighten sanctions and [impose] a blockade": the first conjunct's relation
    while first.dep_ == "conj" and first.head.i != first.i and first.head.pos_ in ("VERB", "AUX"):
        first = first.head
    for g in govs:
        if lemma(g) in c.future_governors and first.dep_ in ("xcomp", "ccomp"):
            gov_subject = next((ch for ch in g.children if ch.dep_ == "nsubj"), None)
            if own_subject is not None and gov_subject is not None and own_subject.i != gov_subject.i \
                    and own_subject.pos_ != "PRON" and lemma(g) not in ("be",):
                return "hypothetical", f"wanted by another ('{g.text}')"
            return "future", f"under '{g.text}'"
        if _modal(g) in c.modals_future:
            return "future", f"under '{_modal(g)}'"
    return "asserted", ""


def is_analyst(actor: Actor | None) -> bool:
    """An analyst, lecturer, commentator...: their statements are views, not reports."""
    if actor is None:
        return False
    c = cues()
    if actor.sector and actor.sector.upper() in {s.upper() for s in c.analyst_sectors}:
        return True
    words = " ".join(filter(None, [actor.title, actor.name])).lower().replace(",", " ").split()
    return any(w in c.analyst_words for w in words)


def analyst_scope(trigger: Token, *, index: MentionIndex, quotes: Sequence[Quote]) -> str | None:
    """The reason an event lies in an analyst's statement, or None."""
    c = cues()
    pos = trigger.idx
    for q in quotes:
        if q.span[0] <= pos < q.span[1] and q.speaker is not None:
            if is_analyst(index.by_id.get(q.speaker)):
                return f"in a statement by an analyst ({q.id})"
    # reported speech governed by a reporting verb whose subject is an analyst
    for g in [own_verb(trigger), *governors(trigger)]:
        if lemma(g) not in c.reporting_verbs:
            continue
        for ch in g.children:
            if ch.dep_ in ("nsubj", "nsubjpass"):
                if lemma(ch) in c.analyst_words or ch.lower_ in c.analyst_words:
                    return f"reported by '{ch.text}'"
                if is_analyst(index.actor_for_token(ch)):
                    return f"reported by analyst '{ch.text}'"
    # a direct quote in the trigger's sentence whose cue's subject is an analyst
    sent = trigger.sent
    text = sent.text
    rel = pos - sent.start_char
    opens = sum(text[:rel].count(ch) for ch in "\u201c\"")
    closes = sum(text[:rel].count(ch) for ch in "\u201d")
    if (opens - closes) % 2 == 1 or (text[:rel].count("\u201c") > text[:rel].count("\u201d")):
        for tok in sent:
            if lemma(tok) in c.reporting_verbs and tok.pos_ in ("VERB",):
                for ch in tok.children:
                    if ch.dep_ == "nsubj" and (lemma(ch) in c.analyst_words
                                                or is_analyst(index.actor_for_token(ch))):
                        return f"quoted from analyst '{ch.text}'"
    return None


def condition_mark(trigger: Token) -> str | None:
    """The mark of a condition attached to the trigger's own clause ("will X [unless Y ...]", "may X [if Y
    ...]"): the trigger is the consequence, not the condition."""
    verb = own_verb(trigger)
    for ch in verb.children:
        if ch.dep_ == "advcl":
            for m in ch.children:
                if m.dep_ == "mark" and m.lower_ in ("if", "unless"):
                    return m.lower_
    return None


def refusal(trigger: Token) -> bool:
    """A negated act with 'will'/'would'/'can' ("will not accept", "would not meet"): a refusal."""
    verb = own_verb(trigger)
    if not _negated(verb):
        return False
    return any(ch.dep_ == "aux" and ch.lower_ in ("will", "would", "wo", "can", "ca", "could", "shall")
               for ch in verb.children)
