"""Arguments of a trigger from the dependency parse: who acts (source) and on whom (target).

Reads: spaCy tokens and a :class:`~bilateral.annotate.context.MentionIndex`. Writes: actors found
in the trigger's own clause. A noun phrase names an actor through its head, its modifiers
(possessive, adjective, compound) or its ``of``/``from`` phrases, never through a location phrase
("in Seoul", "at the forum").
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ...record import Actor
from ..context import MentionIndex

#: children of a noun that still name who it is (not where it is)
_CORE_DEPS = frozenset({"amod", "compound", "poss", "nmod", "det", "nummod", "appos", "conj", "cc"})
_CORE_PREPS = frozenset({"of", "from"})
_RELATIVE = frozenset({"who", "which", "that", "whom"})
SUBJECTS = frozenset({"nsubj", "csubj", "expl"})


def _core_tokens(tok: Token, extra_preps: frozenset[str]) -> Iterator[Token]:
    """The head and the tokens of its naming modifiers (no relative clauses, no location phrases)."""
    yield tok
    for child in tok.children:
        if child.dep_ == "npadvmod" and tok.lower_ == "led":
            yield from _core_tokens(child, extra_preps)  # "the Saudi-led coalition": its leader's
        elif child.dep_ in _CORE_DEPS and child.dep_ != "conj":
            yield from _core_tokens(child, extra_preps)
        elif child.dep_ == "prep" and child.lower_ in (_CORE_PREPS | extra_preps):
            for obj in child.children:
                if obj.dep_ == "pobj":
                    yield from _core_tokens(obj, extra_preps)


def np_actors(tok: Token, index: MentionIndex, *, extra_preps: frozenset[str] = frozenset(),
              conjuncts: bool = True) -> list[Actor]:
    """The actors a noun phrase names: one per conjunct ("Vietnam and Australia"), each taken from
    the head's mention, else from its modifiers ("Hungarian and Romanian officials" gives two)."""
    heads = [tok, *tok.conjuncts] if conjuncts else [tok]
    if conjuncts:  # "The US, Russia, and Switzerland": the parser makes a list an apposition
        for ap in tok.children:
            if ap.dep_ == "appos" and ap.conjuncts:
                heads.extend([ap, *ap.conjuncts])
    out: dict[str, Actor] = {}
    for head in sorted(heads, key=lambda t: t.i):
        actor = index.actor_for_token(head)
        sides = pair_sides(head, actor, index) if actor is not None else []
        if sides:  # "Hungarian and Romanian officials": each nationality is a side
            for side in sides:
                out.setdefault(side.id, side)
            continue
        if actor is not None and not actor.country:
            # "diplomats from Chile and Peru", "exiled dissidents from Egypt": a group the actors stage left
            # without a country acts for the countries its own phrase names (for a pronoun: its first mention)
            named_at = _first_mention_head(actor, head) if head.pos_ == "PRON" else head
            named = [n for n in _core_actors(named_at, index, extra_preps) if n.id != actor.id and n.country] \
                or [n for n in _affiliated_actors(named_at, index) if n.id != actor.id and n.country]
            if named:
                for n in named:
                    out.setdefault(n.id, n)
                continue
        if actor is not None:
            out.setdefault(actor.id, actor)
            if conjuncts:  # a name split by the parser ("Barack [Obama and Vladimir Putin]")
                for t in head.subtree:
                    if t.i != head.i and index.actor_for_token(t) is actor:
                        for c in t.conjuncts:
                            other = index.actor_for_token(c)
                            if other is not None:
                                out.setdefault(other.id, other)
            continue
        coordinated: list[Actor] = []
        for t in head.children:
            if t.dep_ in ("amod", "compound") and t.conjuncts:
                for x in sorted((t, *t.conjuncts), key=lambda t: t.i):
                    a = index.actor_for_token(x)
                    if a is not None and all(a.id != c.id for c in coordinated):
                        coordinated.append(a)
        if len(coordinated) > 1:
            for a in coordinated:
                out.setdefault(a.id, a)
            continue
        for core in _core_actors(head, index, extra_preps):
            out.setdefault(core.id, core)
    return list(out.values())


#: participles and adjectives that tie a group to another ("workers affiliated with X", "militants loyal to Y")
AFFILIATION_WORDS = frozenset({"affiliate", "affiliated", "loyal", "link", "linked", "ally", "allied", "align",
                               "aligned", "belong", "belonging", "tie", "tied", "attach", "attached", "close",
                               "member"})


def _first_mention_head(actor: Actor, tok: Token) -> Token:
    """The head word of the actor's first mention in the document of ``tok``, else ``tok``."""
    first = min(actor.mentions, key=lambda m: m.span[0], default=None)
    if first is None:
        return tok
    words = [t for t in tok.doc if first.span[0] <= t.idx < first.span[1]]
    heads = [t for t in words if not (first.span[0] <= t.head.idx < first.span[1]) or t.head.i == t.i]
    return heads[0] if heads else tok


def _affiliated_actors(head: Token, index: MentionIndex) -> list[Actor]:
    """The actors a countryless group is tied to by an affiliation phrase: "workers [affiliated with the
    Serbian union]", "militants [loyal to Iraq's al-Qaeda leader]"."""
    out: list[Actor] = []
    for ch in head.children:
        if ch.dep_ in ("acl", "amod") and (ch.lemma_.lower() in AFFILIATION_WORDS or ch.lower_ in AFFILIATION_WORDS):
            for prep in ch.children:
                if prep.dep_ == "prep" and prep.lower_ in ("with", "to"):
                    for obj in prep.children:
                        if obj.dep_ == "pobj":
                            out.extend(a for a in np_actors(obj, index, conjuncts=False) if a not in out)
    return out


def _core_actors(head: Token, index: MentionIndex, extra_preps: frozenset[str]) -> list[Actor]:
    """The actor a noun phrase names through its modifiers or of/from phrases (the first with a country),
    with the conjuncts of that word ("officials from Egypt and Sudan")."""
    found: list[tuple[Token, Actor]] = []
    for t in sorted(_core_tokens(head, extra_preps), key=lambda t: t.i):
        a = index.actor_for_token(t)
        if a is not None and all(a.id != f[1].id for f in found):
            found.append((t, a))
    if not found:
        return []
    # a named modifier before a possessive pronoun: "its [European Community] partners" are the EC's
    tok0, pick = ([f for f in found if f[1].country and f[0].pos_ != "PRON"]
                  or [f for f in found if f[1].country] or found)[0]
    if not pick.country:  # "thousands of [workers affiliated with the Serbian union]"
        tied = [a for a in _affiliated_actors(tok0, index) if a.country]
        if tied:
            return tied
    out = {pick.id: pick}
    conj = (*tok0.conjuncts, *(tok0.head.conjuncts if tok0.dep_ == "compound" else ()))
    for x in conj:  # "officials from Egypt and Sudan", "scores of [Sierra Leonean] and Liberian refugees"
        a = index.actor_for_token(x)
        if a is not None:
            out.setdefault(a.id, a)
    return list(out.values())


def pair_sides(head: Token, actor: Actor, index: MentionIndex) -> list[Actor]:
    """The country actors of a pair group's nationality words ("[Hungarian] and [Romanian] officials"):
    the narrowest mention on each modifier whose country is a member of the pair."""
    if not actor.rule.startswith("pair:") or actor.country:
        return []
    members = set(actor.rule.split(":", 2)[2].split("+"))
    out: list[Actor] = []
    for t in head.subtree:
        of_country = t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.i == head.i  # "leaders of X and Y"
        if t.i == head.i or (t.dep_ not in ("amod", "compound", "conj", "nmod") and not of_country):
            continue
        hits = [h for h in index.covering(t.idx, t.idx + len(t.text)) if h[0] <= t.idx and h[2].id != actor.id]
        if not hits:
            continue
        a = min(hits, key=lambda h: h[1] - h[0])[2]
        if a.country in members and all(a.id != o.id for o in out):
            out.append(a)
    return out if len(out) > 1 else []


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _child(tok: Token, *deps: str) -> Token | None:
    for c in tok.children:
        if c.dep_ in deps:
            return c
    return None


def agent_token(verb: Token, *, depth: int = 0) -> tuple[Token | None, str]:
    """The token naming who does ``verb``, and how it was found (subject, agent, control...)."""
    if depth > 4:
        return None, ""
    if is_passive(verb):
        agent = _child(verb, "agent")
        if agent is not None:
            pobj = _child(agent, "pobj")
            if pobj is not None:
                return pobj, "passive agent"
        return None, ""
    subj = _child(verb, "nsubj")
    if subj is not None:
        if subj.lower_ in _RELATIVE and verb.dep_ == "relcl":
            return verb.head, "relative clause"
        return subj, "subject"
    head = verb.head
    if head.i == verb.i:
        return None, ""
    if verb.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
        shared = _child(head, "nsubjpass") if is_passive(head) else None
        if shared is not None:  # "X has been indicted ... and will resign": X, not the indicter
            return shared, "subject of coordinated passive verb"
        tok, how = agent_token(head, depth=depth + 1)
        return tok, how and f"{how} of coordinated verb"
    if verb.dep_ == "xcomp" and head.pos_ == "ADJ" and head.head.pos_ in ("VERB", "AUX"):
        tok, how = agent_token(head.head, depth=depth + 1)  # "X is willing to withdraw"
        return tok, how and f"{how} (control)"
    if verb.dep_ in ("xcomp", "ccomp") and head.pos_ in ("VERB", "AUX"):
        obj = _child(head, "dobj")
        if obj is not None and verb.dep_ == "xcomp":
            return obj, "object control"
        shared = _child(head, "nsubjpass") if verb.dep_ == "xcomp" and is_passive(head) else None
        if shared is not None:  # "X is scheduled to attend", "X was asked to withdraw": X does it
            return shared, "subject of the passive governing verb"
        tok, how = agent_token(head, depth=depth + 1)
        return tok, how and f"{how} (control)"
    if verb.dep_ == "relcl":
        return head, "relative clause"
    if verb.dep_ == "acl":
        return head, "participle"
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and head.pos_ in ("VERB", "AUX"):
        tok, how = agent_token(head, depth=depth + 1)
        return tok, how and f"{how} (participle)"
    if verb.dep_ == "advcl" and head.pos_ in ("VERB", "AUX") \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        tok, how = agent_token(head, depth=depth + 1)  # "opened fire [to disperse] the crowd"
        return tok, how and f"{how} (purpose)"
    if verb.dep_ == "pcomp":
        gov = head.head
        obj = _child(gov, "dobj")
        if obj is not None and head.lower_ in ("of", "for", "from", "into"):
            return obj, "object control"  # "accused Rwanda of making ..."
        if gov.pos_ in ("VERB", "AUX"):
            tok, how = agent_token(gov, depth=depth + 1)
            return tok, how and f"{how} (gerund)"
        if gov.dep_ == "pcomp":
            tok, how = agent_token(gov, depth=depth + 1)
            return tok, how
    return None, ""


def object_token(verb: Token) -> Token | None:
    """The direct object, or the passive subject of a passive verb."""
    if is_passive(verb):
        patient = _child(verb, "nsubjpass")
        if patient is None and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
            # "the prisoners [were detained] and were released by X": coordinated verbs share their subject
            patient = _child(verb.head, "nsubjpass", "nsubj")
        return patient
    obj = _child(verb, "dobj")
    if obj is None:  # "denounced as an ugly crime [Serbia's suppression]": the object shifted past "as"
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ == "as":
                pobjs = [c for c in prep.children if c.dep_ == "pobj"]
                shifted = pobjs[1] if len(pobjs) > 1 else _child(pobjs[0], "appos") if pobjs else None
                if shifted is not None:
                    return shifted
    if obj is None:  # "kidnapped up to 16 advisers": the parser reads "up" as a particle
        for prt in verb.children:
            if prt.dep_ == "prt" and prt.lower_ == "up":
                for prep in prt.children:
                    if prep.dep_ == "prep" and prep.lower_ == "to":
                        return _child(prep, "pobj")
    return obj


def prep_objects(tok: Token, preps: set[str] | frozenset[str]) -> list[Token]:
    """Objects of ``tok``'s prepositions named in ``preps`` ("with", "to", "on", ...)."""
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ in ("prep", "dative", "agent") and c.lower_ in preps:
            objs = [o for o in c.children if o.dep_ == "pobj"]
            out.extend(objs or _stranded_object(c))
    return out


def _stranded_object(prep: Token) -> list[Token]:
    """The object of a preposition the parser left empty because a participle follows it: "granted asylum
    to [five officers] holed up in ..." is parsed with "officers" as the participle's subject."""
    if list(prep.children) or prep.i + 1 >= len(prep.doc):
        return []
    for t in prep.doc[prep.i + 1: prep.i + 8]:
        if t.dep_ in ("nsubj", "nsubjpass") and t.left_edge.i == prep.i + 1 and t.head.tag_ in ("VBN", "VBD") \
                and t.head.dep_ in ("advcl", "acl", "relcl") and t.head.i > t.i:
            return [t]
    return []


def content_clause(verb: Token) -> Token | None:
    """The embedded clause of an intent verb: "threatened [to impose...]", "asked Y [to consider...]",
    "pushed for [Y to support ...]" (parsed as an adverbial clause marked "for")."""
    clause = _child(verb, "xcomp", "ccomp", "acl")
    if clause is None:
        clause = next((c for c in verb.children if c.dep_ == "advcl"
                       and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)), None)
    return clause


#: "in" too: a place the actors stage keeps as an actor there is an argument ("to impose a curfew in Algiers")
_CONTENT_PREPS = frozenset({"to", "with", "on", "against", "between", "from", "at", "into", "for", "over", "upon",
                            "in"})


def content_arguments(clause: Token, *, depth: int = 0) -> list[Token]:
    """Tokens that may name the recipient inside a content clause, in order of preference."""
    out: list[Token] = []
    subj = _child(clause, "nsubj")
    if subj is not None and subj.pos_ != "PRON":
        out.append(subj)
    for dep in ("dative", "dobj"):
        c = _child(clause, dep)
        if c is not None:
            out.append(c)
    # the condition of a threat names whom it is aimed at: "... unless Israel rescinded ..."
    for c in clause.children:
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children):
            subj = _child(c, "nsubj")
            if subj is not None:
                out.append(subj)
    # then any object of a recipient-like preposition inside the clause, in text order
    for t in clause.subtree:
        if t.dep_ == "pobj" and t.head.dep_ in ("prep", "dative") and t.head.lower_ in _CONTENT_PREPS:
            out.append(t)
    if depth < 2:
        inner = _child(clause, "xcomp", "ccomp")
        if inner is not None:
            out.extend(content_arguments(inner, depth=depth + 1))
    return out


_PRONOUN_KINDS = {"it": ("country", "organization", "group"), "he": ("person",), "she": ("person",),
                  "they": ("country", "organization", "group"), "we": ("country", "organization", "group")}


def reported_pronoun(pron: Token, index: MentionIndex) -> list[Actor]:
    """A pronoun subject of reported speech that the actors stage left unresolved: "Switzerland said
    it had expelled ..." refers to the subject of the reporting verb when the kinds agree."""
    kinds = _PRONOUN_KINDS.get(pron.lower_)
    if kinds is None:
        return []
    cur = pron.head
    for _ in range(4):
        if cur.dep_ not in ("ccomp", "xcomp", "conj") or cur.head.i == cur.i:
            return []
        cur = cur.head
        subj = _child(cur, "nsubj")
        if subj is not None and subj.i != pron.i:
            plural = subj.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subj.children)
            if plural != (pron.lower_ in ("they", "we")) and pron.lower_ != "we":
                return []  # "The US claimed that they ...": someone else
            found = [a for a in np_actors(subj, index, conjuncts=False) if a.kind in kinds]
            return found[:1]
    return []
