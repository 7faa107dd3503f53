"""Trigger candidates and their arguments: lexicon matches over the parse, with source and target.

Reads: the spaCy Doc and a :class:`MentionIndex`. Writes: :class:`Candidate` objects (one per
source/recipient pair) for the events stage to date, place and give a status. The content of an
intent verb ("agreed [to meet]", "asked Y [to consider upgrading]", "threatened [to impose
sanctions]") is not an event of its own: it gives the intent event its recipient and mode.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token

from ...record import Actor, Mention, Place
from ...resources.actor_lexicon import country_names
from ..actors.locate import argument_preps
from ..context import MentionIndex, doc_text
from .args import (
    agent_token,
    content_arguments,
    content_clause,
    is_passive,
    np_actors,
    object_token,
    prep_objects,
    reported_pronoun,
)
from .lexicon import Entry, cues, lemma, lexicon, plover_types
from .situate import scope_places

#: dependencies that keep a token inside its clause when walking up to a governing verb
_PHRASAL = frozenset({"dobj", "pobj", "prep", "nsubjpass", "compound", "amod", "conj", "attr", "oprd", "dative",
                      "acomp", "advmod", "npadvmod", "appos", "nmod"})
_CONTENT_MODE = {"CONSULT": "meet", "AID": "assist", "COOPERATE": "assist", "RETREAT": "yield", "CONCEDE": "yield"}
_THREAT_MODE = {"SANCTION": "relations", "ASSAULT": "violence", "COERCE": "arrest", "MOBILIZE": "violence"}
_NAMED = frozenset({"DATE", "TIME", "PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "WORK_OF_ART", "LAW"})
_TO_RECIPIENT = frozenset({"REJECT", "AID", "AGREE", "REQUEST", "SUPPORT"})
#: types whose required object names its owner, the recipient: "accepted [Chile's proposal]", "met [their demands]"
_OWNER_OBJECT = frozenset({"AGREE", "CONCEDE", "REJECT", "RETREAT"})  # and "allowed [UN observers] in"
#: "ordered the arrest of X", "ordered patrols": the orderer's own forces carry the act out; it stays an event
_COMMAND_VERBS = frozenset({"order"})
#: objects that name the fight itself ("fought a border war"): the sides still fight each other
_COGNATE_OBJECTS = frozenset({"war", "battle", "conflict", "fight", "skirmish", "duel", "gunbattle", "clash"})
#: attacks with weapons stay assaults whoever makes them ("demonstrators launched missiles at ...")
_WEAPON_MODES = frozenset({"firearms", "aerial", "heavy-weapons", "explosives", "drone", "unconventional"})
#: sectors of envoys, missions and forces: expelling them reduces relations (SANCTION), not people (COERCE)
_OFFICIAL_SECTORS = frozenset({"GOV", "MIL", "SPY", "IGO", "NGO"})
_THREAT_VERBS = frozenset({"vow", "threaten", "warn", "swear"})
#: "during a meeting", "at talks": the clause's subject takes part; "after a demonstration" is another event
_CLIMB_PREPS = frozenset({"during", "at", "in", "on", "for"})


@dataclass
class Match:
    """A lexicon entry matched at a token, before its arguments are known."""

    trigger: Token
    entry: Entry
    light: Token | None = None  # the light verb a noun trigger hangs on
    consumed: tuple[Token, ...] = ()  # required children ("lift [sanctions]")
    content: list[Match] = field(default_factory=list)
    type: str = ""
    mode: str | None = None
    cameo: str = ""


@dataclass
class Candidate:
    """One event candidate with resolved source and target actors."""

    trigger: Token
    entry: Entry
    type: str
    mode: str | None
    cameo: str
    source: Actor
    target: Actor | None
    source_how: str
    target_how: str
    weak: bool = False  # the entry needs a recipient and none was found: kept only as a future AGREE
    #: weak, yet the verb has an object that is no actor ("outlawed the organization"): the recipient may
    #: be implied (see :mod:`.recipients`)
    open_object: bool = False
    #: for a threat, the act it threatens when that is force ("threatened to bomb targets in Iraq": ASSAULT)
    threatened_act: str | None = None

    def trigger_mention(self) -> Mention:
        tok = self.trigger
        start, end = tok.idx, tok.idx + len(tok.text)
        return Mention(span=(start, end), text=doc_text(tok.doc)[start:end])


def _required(tok: Token, words: tuple[str, ...]) -> tuple[Token, ...] | None:
    """Children (or grandchildren through a preposition/particle) with the required lemmas."""
    found: list[Token] = []
    for w in words:
        hit = None
        for c in tok.children:
            if (lemma(c) == w or c.lower_ == w) and c.dep_ not in ("aux", "auxpass", "mark", "det") \
                    and not (c.dep_ == "prep" and any(o.ent_type_ in ("DATE", "TIME") for o in c.children)) \
                    and not (w == "in" and c.dep_ == "prep" and any(o.dep_ == "pobj" for o in c.children)):
                # "gave Kenya $5 million in aid" is no "give in": a particle has no object
                # not the "to" of an infinitive ("marched to protest"), not a date ("called off ... on Friday")
                hit = c
                break
            if c.dep_ in ("prep", "prt", "agent", "dobj", "ccomp", "advcl", "nsubj"):
                # a clause's word only as its auxiliary or mark: "say [it must]", "push [for] Y to ..."
                hit = next((g for g in c.children if (lemma(g) == w or g.lower_ == w)
                            and (c.dep_ not in ("ccomp", "advcl") or g.dep_ in ("aux", "mark"))
                            and not (w == "in" and any(o.dep_ == "pobj" for o in g.children))), None)
            if hit is None and c.dep_ in ("dobj", "nsubjpass", "nsubj"):
                hit = next((g for g in _of_chain(c) if lemma(g) == w or g.lower_ == w), None)
            if hit is not None:
                break
        if hit is None:
            return None
        found.append(hit)
    return tuple(found)


def _of_chain(noun: Token, depth: int = 0) -> Iterator[Token]:
    """The nouns of an object's "of" phrases and their modifiers: "suspended [part of a military aid
    program]", "ended [the state of emergency]"."""
    if depth > 1:
        return
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    yield pobj
                    yield from (m for m in pobj.children if m.dep_ in ("compound", "amod"))
                    yield from _of_chain(pobj, depth + 1)


def _light_verb(tok: Token) -> Token | None:
    """The verb a noun trigger depends on as its object ("held talks", "put ... on alert")."""
    light = cues().light_verbs
    head = tok.head
    if tok.dep_ == "conj":
        return _light_verb(head) if head.i != tok.i else None
    if tok.dep_ in ("dobj", "nsubjpass", "attr", "oprd") and head.pos_ in ("VERB", "AUX") \
            and lemma(head) in light:
        return head
    if tok.dep_ == "pobj" and head.lower_ == "of" and lemma(head.head) in cues().measure_nouns \
            and head.head.i != head.i:  # "launched [10 days] of war games", "held [three rounds] of talks"
        return _light_verb(head.head)
    if tok.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("on", "in", "into", "under") \
            and head.head.pos_ in ("VERB", "AUX") \
            and lemma(head.head) in light:
        return head.head
    return None


def _happening(tok: Token) -> bool:
    """An event noun told as happening: the subject of "began", "started", "took place", "got under way"
    ("joint drills by X and Y began on Monday")."""
    return tok.dep_ in ("nsubj", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX") \
        and lemma(tok.head) in cues().happening_verbs


def _match(tok: Token) -> Match | None:
    lex = lexicon()
    c = cues()
    nominal = tok.tag_ == "VBG" and tok.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass")  # "in Israeli shelling"
    if (tok.pos_ in ("VERB",) or (tok.tag_.startswith("VB") and tok.pos_ != "AUX")) and not nominal:
        for entry in lex.verbs.get(lemma(tok), ()):
            req = _required(tok, entry.requires)
            if req is not None and entry.type == "AID" and not entry.requires:
                obj = object_token(tok)  # "sent a letter to", "gave a speech to": no aid
                if obj is not None and lemma(obj) in c.not_aid_objects:
                    continue
            if req is not None:
                return Match(trigger=tok, entry=entry, consumed=req, type=entry.type, mode=entry.mode,
                             cameo=entry.cameo)
    # event nouns are common nouns: "March 14" is a date, "Strike" a name
    if (tok.pos_ == "NOUN" or nominal) and tok.ent_type_ not in _NAMED:
        entries = lex.nouns.get(lemma(tok), ()) if not nominal else ()
        entries = entries or lex.nouns.get(tok.lower_, ())
        for entry in entries:
            req = _required(tok, entry.requires)
            if req is None:
                continue
            light = _light_verb(tok)
            if "light_only" in entry.flags and light is None and not _happening(tok):
                continue
            m = Match(trigger=tok, entry=entry, light=light, consumed=req, type=entry.type, mode=entry.mode,
                      cameo=entry.cameo)
            mods = {lemma(ch) for ch in tok.children if ch.dep_ in ("amod", "compound")}
            if "joint" in entry.flags and (mods & c.joint_words or prep_objects(tok, {"with", "between"})):
                m.type, m.mode, m.cameo = "COOPERATE", None, "06"
            if entry.type == "ASSAULT" and mods & c.cyber_words:
                m.type, m.mode, m.cameo = "COERCE", "cyber", "17"
            return m
    return None


def _intent_governor(tok: Token, by_token: dict[int, Match]) -> Match | None:
    """The intent trigger whose content clause holds ``tok``, if any."""
    cur = tok
    crossed = False
    for _ in range(10):
        if cur.dep_ in ("xcomp", "ccomp", "acl", "pcomp"):
            crossed = True
        elif cur.dep_ not in _PHRASAL:
            return None
        head = cur.head
        if head.i == cur.i:
            return None
        gov = by_token.get(head.i)
        if gov is None and crossed:  # "reiterated its demand [that Israel ease ...]": the noun's light verb
            gov = next((by_token[c.i] for c in head.children if c.dep_ == "dobj" and c.i in by_token
                        and by_token[c.i].entry.pos == "noun"), None)
        if gov is not None and crossed and "intent" in gov.entry.flags:
            return gov
        cur = head
    return None


def _pick(tokens: list[Token], index: MentionIndex, exclude: set[str], *, extra: frozenset[str] = frozenset()
          ) -> list[Actor]:
    for t in tokens:
        found = [a for a in np_actors(t, index, extra_preps=extra) if a.id not in exclude]
        if found:
            return found
    return []


def _destination(m: Match, index: MentionIndex, exclude: set[str], places: Sequence[Place]) -> list[Actor]:
    """The host of a visit: the actor named as its destination ("a visit to Seoul", "arrived in Amman on a
    visit", "flew to Ankara for talks": the destination of the movement verb the noun attaches to), else
    the country actor of the place it goes to. Not for coordinated sources, who meet each other."""
    tok = m.trigger
    if len(exclude) > 1:
        return []
    objs = prep_objects(tok, {"to"}) if m.entry.pos == "noun" else \
        [o for o in [object_token(tok)] if o is not None] + prep_objects(tok, {"to"})
    verb = m.light
    if verb is None and tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.pos_ in ("VERB", "AUX"):
        verb = tok.head.head
    if verb is not None:
        objs += [o for o in prep_objects(verb, {"to", "in", "at", "into"})
                 if argument_preps().get((lemma(verb), o.head.lower_)) == "destination"]
    found = _pick(objs, index, exclude, extra=frozenset({"in"}))
    if found:
        return found
    for obj in objs:
        sub = list(obj.subtree)
        start, end = sub[0].idx, sub[-1].idx + len(sub[-1].text)
        for p in places:
            if start <= p.span[0] and p.span[1] <= end and p.country:
                hosts = [a for a in index.by_id.values()
                         if a.country == p.country and a.kind == "country" and a.id not in exclude]
                if hosts:
                    return hosts[:1]
    return []


def _targets(m: Match, index: MentionIndex, exclude: set[str], places: Sequence[Place] = ()
             ) -> tuple[list[Actor], str]:
    """Recipients by the entry's slots, in order."""
    tok = m.trigger
    hosts = [tok] if m.light is None else [tok, m.light]
    for slot in m.entry.targets:
        cands: list[Token] = []
        if slot == "dobj":
            if m.entry.pos == "noun":
                continue
            obj = object_token(tok)
            # "lift [US sanctions]" names who imposed them, "accepted [a Nigerian plan]" whose plan it is
            if obj is not None and (obj not in m.consumed or m.type in _OWNER_OBJECT):
                cands.append(obj)
            extra = {"by", "with", "for"} | ({"to"} if m.type in _TO_RECIPIENT else set()) \
                | ({"against", "on"} if m.type == "THREATEN" else set())  # "threatened action against X"
            found = _pick(cands, index, exclude, extra=frozenset(extra))
        elif slot == "dative":
            for h in hosts:
                for ch in h.children:
                    if ch.dep_ == "dative":
                        cands.extend([ch] if ch.pos_ != "ADP" else [g for g in ch.children if g.dep_ == "pobj"])
            found = _pick(cands, index, exclude)
        elif slot == "purpose":  # "demonstrated to demand X's resignation", "in protest of Y's decision"
            for h in hosts:
                for ch in h.children:
                    if ch.dep_ in ("advcl", "xcomp", "acl") or (ch.dep_ == "prep" and ch.lower_ in ("in", "for")):
                        cands.extend(t for t in ch.subtree if t.dep_ in ("dobj", "pobj", "poss", "nsubj"))
            found = _pick(cands, index, exclude)
        elif slot == "destination":  # "a visit to Seoul": the host is the country the place lies in
            found = _destination(m, index, exclude, places)
        elif slot == "owner":  # "forgave [Haiti's] debt", "cancelled the debt [of Chad]": whose the object is
            found = _pick(list(m.consumed), index, exclude)
        elif slot == "clause_subject":  # "allowed [refugees] to cross", "helped [Nepal] rebuild": parsed as a clause
            clause = content_clause(tok)
            subj = next((c for c in clause.children if c.dep_ == "nsubj"), None) if clause is not None else None
            found = _pick([subj], index, exclude) if subj is not None else []
        elif slot == "content" and "conflict_content" in m.entry.flags:
            # "claimed that X had attacked Y": the accused is who is said to have done it
            types = plover_types()
            agents = [agent_token(sub.trigger)[0] for sub in m.content if types[sub.type].quad >= 3]
            found = _pick([a for a in agents if a is not None], index, exclude)
        elif slot == "content":
            clause = content_clause(tok)
            if clause is None and m.light is not None:
                clause = content_clause(m.light)
            found = _pick(content_arguments(clause), index, exclude) if clause is not None else []
            if not found:
                for sub in m.content:
                    found = _pick(sub_targets(sub), index, exclude)
                    if found:
                        break
        else:
            if m.entry.pos == "noun":  # "a suspension of air links with Serbia"
                hosts = hosts + prep_objects(tok, {"of"})
            for h in hosts:
                cands.extend(prep_objects(h, {slot}))
                obj = object_token(h) if h.pos_ in ("VERB", "AUX") else None
                if obj is not None:
                    cands.extend(prep_objects(obj, {slot}))
            for ct in m.consumed:
                cands.extend(prep_objects(ct, {slot}))
                if ct.dep_ in ("compound", "amod") and ct.head.i != ct.i:  # "[aid] program for Bosnia"
                    cands.extend(prep_objects(ct.head, {slot}))
            # "an embargo on [arms sales to Iran]": the goods' destination is the recipient
            extra = {"by", "to"} if slot in ("on", "against") else {"by"}
            if slot == "for" and m.type == "REQUEST":  # "called for sanctions against X", "for talks with X"
                extra |= {"against", "on", "with", "to"}
            if m.type == "MOBILIZE" and any(lemma(c) in ("border", "frontier", "boundary") for c in cands):
                extra |= {"with"}  # "deployed troops to the border with X": X faces the deployment
            found = _pick(cands, index, exclude, extra=frozenset(extra))
        if found:
            return found, slot
    if m.light is not None and tok.dep_ == "pobj":  # "engaged [X] in a firefight"
        obj = object_token(m.light)
        if obj is not None:
            found = _pick([obj], index, exclude)
            if found:
                return found, "object of the light verb"
        dative = [c for c in m.light.children if c.dep_ == "dative"]  # "gave [Kenya] $5 million in aid"
        found = _pick(dative, index, exclude) if dative else []
        if found:
            return found, "indirect object of the light verb"
    return [], ""


def sub_targets(m: Match) -> list[Token]:
    """Tokens of a content event that may name its recipient."""
    tok = m.trigger
    out: list[Token] = []
    obj = object_token(tok) if tok.pos_ in ("VERB", "AUX") else None
    if obj is not None:
        out.append(obj)
        out.extend(prep_objects(obj, {"with", "between"}))  # "to attend [talks] with X"
    for h in [tok] if m.light is None else [tok, m.light]:
        out.extend(prep_objects(h, {"to", "with", "on", "against", "between", "from", "at", "into", "in"}))
    return out


def _modifiers(tok: Token) -> list[Token]:
    """Adjective and compound modifiers before a noun, nested ones too ("Israeli tank shelling")."""
    out: list[Token] = []
    for ch in tok.lefts:
        if ch.dep_ in ("amod", "compound", "nmod"):
            out.append(ch)
            out.extend(_modifiers(ch))
    return out


def _noun_sources(m: Match, index: MentionIndex) -> tuple[list[Actor], str]:
    """Who acts in a noun event: the first way that names an actor with a country, else the first that
    names one at all ("its demand" where "its" is a group without a country, then the light verb's subject)."""
    first: tuple[list[Actor], str] | None = None
    for found, how in _noun_source_options(m, index):
        if any(a.country for a in found):
            return found, how
        first = first or (found, how)
    return first or ([], "")


def _noun_source_options(m: Match, index: MentionIndex) -> Iterator[tuple[list[Actor], str]]:
    tok = m.trigger
    for pobj in prep_objects(tok, {"by"}):
        found = np_actors(pobj, index)
        if found:
            yield found, "'by' phrase"
    for ch in tok.children:
        if ch.dep_ == "poss":
            found = np_actors(ch, index)
            if found:
                yield found, "possessive"
    if "nomod" not in m.entry.flags:
        mods = [index.actor_for_token(ch) for ch in _modifiers(tok)]
        found = list({a.id: a for a in mods if a is not None}.values())
        if found:
            yield found, "modifier"
    for pobj in prep_objects(tok, {"from"}):
        found = np_actors(pobj, index)
        if found:
            yield found, "'from' phrase"
    gov = m.light if m.light is not None else (tok.head if tok.dep_ == "dobj" else None)
    third = gov is not None and (lemma(gov) in cues().third_party_verbs or m.entry.mode == "third-party")
    if gov is not None and third and prep_objects(tok, {"between"}):
        agent, _ = agent_token(gov)
        found = np_actors(agent, index) if agent is not None else []
        if found:
            yield found, f"subject of '{gov.text}' (third party)"
    if "recip" in m.entry.flags:  # "talks between X and Y", "the signing of a treaty between X and Y"
        between = prep_objects(tok, {"between", "among"})
        for of in prep_objects(tok, {"of"}):
            between += prep_objects(of, {"between", "among"})
        for pobj in between:
            found = np_actors(pobj, index)
            if len(found) > 1:
                yield found, "'between' phrase"
    verb = m.light
    how = "subject of light verb"
    if verb is None and "climb" in m.entry.flags and tok.dep_ == "pobj" and tok.head.dep_ == "prep" \
            and tok.head.lower_ in _CLIMB_PREPS and tok.head.head.pos_ in ("VERB", "AUX"):
        verb, how = tok.head.head, "subject of the clause"
    if verb is not None:
        agent, _ = agent_token(verb)
        if agent is None and is_passive(verb) and lemma(verb) in cues().passive_light_verbs:
            agent = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)  # "X were engaged in ..."
        if agent is not None:
            found = np_actors(agent, index)
            if not found and agent.pos_ == "PRON":  # "X announced that it is prepared to impose martial law"
                found = reported_pronoun(agent, index)
                how += ": pronoun of the reporting clause's subject" if found else ""
            if found:
                yield found, how


def _adjacent_modifiers(tok: Token, index: MentionIndex) -> list[Actor]:
    """Actors named by the words right before a gerund the parser read as a verb: "killed in [Israeli tank]
    shelling" (parsed as "in Israeli tank" + "shelling")."""
    found: list[Actor] = []
    i = tok.i - 1
    while i >= 0 and tok.i - i <= 3 and tok.doc[i].pos_ in ("ADJ", "NOUN", "PROPN") \
            and tok.doc[i].dep_ in ("amod", "compound", "pobj", "nmod"):
        a = index.actor_for_token(tok.doc[i])
        if a is not None and all(a.id != f.id for f in found):
            found.insert(0, a)
        i -= 1
    return found


def _instrument_sources(tok: Token, index: MentionIndex) -> tuple[list[Actor], str]:
    """Who did a passive harm with no agent, from the attack it happened in: "were killed [in an Israeli air
    strike]", "wounded during [a Russian raid]"."""
    if not is_passive(tok):
        return [], ""
    for ch in tok.children:
        inner: Token | None = None
        if ch.dep_ in ("prep", "agent") and ch.lower_ in ("in", "during", "by"):
            inner = next((g for g in ch.children if g.dep_ == "pobj"), None)
        elif ch.dep_ == "advcl" and ch.tag_ == "VBG":
            inner = ch
        if inner is None:
            continue
        m = _match(inner)
        if m is None or m.type != "ASSAULT":
            continue
        found, _ = _noun_sources(m, index) if m.entry.pos == "noun" else ([], "")
        if not found and inner.tag_ == "VBG":
            found = _adjacent_modifiers(inner, index)
        if found:
            return found, f"the attack it happened in ('{inner.text}')"
    return [], ""


def _cooperative_purpose(m: Match) -> bool:
    """Whether the act's purpose clause ("to help defend X", "to protect the convoys") is cooperative."""
    types = plover_types()
    for host in [m.trigger] if m.light is None else [m.trigger, m.light]:
        for ch in host.children:
            if ch.dep_ in ("advcl", "xcomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in ch.children):
                for t in ch.subtree:
                    sub = _match(t)
                    if sub is None or types[sub.type].quad > 2:
                        continue
                    obj = object_token(t) if t.pos_ in ("VERB", "AUX") else None
                    if obj is not None and any(p.dep_ == "poss" and p.pos_ == "PRON" for p in obj.children):
                        continue  # "to protect its bases": its own interest, not help to another
                    return True
    return False


def _rebuttal(tok: Token, index: MentionIndex, sources: list[Actor]) -> bool:
    """Whether an accusation's charge is the recipient's own claims: "accused X of making accusations", "of
    spreading lies about [its troops]", "of slander". Claims said to be about a third party keep the event."""
    c = cues()
    claims: list[Token] = []
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for ch in prep.children:
            if ch.dep_ == "pobj" and lemma(ch) in c.claim_nouns:
                claims.append(ch)
            elif ch.dep_ == "pcomp":
                obj = next((g for g in ch.children if g.dep_ == "dobj"), None)
                if lemma(ch) in c.claim_verbs:
                    claims.append(ch)
                elif obj is not None and lemma(obj) in c.claim_nouns:
                    claims.append(obj)
    if not claims:
        return False
    countries = {a.country for a in sources}
    for claim in claims:
        about = prep_objects(claim, {"about", "against", "on"})
        if claim.dep_ == "dobj":
            about += prep_objects(claim.head, {"about", "against", "on"})
        named = [a for t in about for a in np_actors(t, index)]
        if named and not any(a.country in countries for a in named):
            return False  # "of spreading lies about Poland": defending a third party, still an accusation
    return True


def _candidates(m: Match, index: MentionIndex, places: Sequence[Place]) -> Iterator[Candidate]:
    entry = m.entry
    tok = m.trigger
    if entry.pos == "verb" and entry.lemma in ("refuse", "decline"):
        clause = content_clause(tok)
        if clause is not None and lemma(clause) in _NO_COMMENT:
            return  # "a source who refused to be named", "declined to comment": no rejection of anything
    agent: Token | None = None
    if entry.pos == "noun":
        sources, source_how = _noun_sources(m, index)
    else:
        agent, source_how = agent_token(tok)
        if agent is None and "stative" in entry.flags:  # "Israel is opposed to ...": a state of the subject
            agent = object_token(tok) if is_passive(tok) else \
                next((c for c in tok.head.children if c.dep_ == "nsubj"), None) if tok.dep_ == "acomp" else None
            source_how = "subject of a stative passive"
        sources = np_actors(agent, index) if agent is not None else []
        if not sources and agent is not None and agent.pos_ == "PRON":
            sources = reported_pronoun(agent, index)
            source_how = f"{source_how}: pronoun of the reporting clause's subject"
        if not sources and agent is None and plover_types()[m.type].quad == 4:
            sources, how = _instrument_sources(tok, index)
            source_how = how or source_how
        head = tok.head
        if not sources and tok.dep_ == "acl" and head.dep_ in ("dobj", "pobj") and head.head.pos_ in ("VERB", "AUX"):
            # "issued a declaration demanding ...": the declaration's author
            agent, how = agent_token(head.head)
            sources = np_actors(agent, index) if agent is not None else []
            source_how = f"{how} of '{head.head.text}'"
        if not sources and agent is None and is_passive(tok) and entry.lemma in STATE_ACTS:
            host = _host_state(tok, places)
            if host is not None:  # "two Chinese nationals were arrested in Kenya": only a state arrests
                sources = [implied_state(host)]
                source_how = f"implied host agent {host} (a passive '{entry.lemma}' in {host} without its agent)"
    if not sources:
        return
    if m.type == "ACCUSE" and entry.pos == "verb" and _rebuttal(tok, index, sources):
        return  # "accused X of making accusations [against it]": a rebuttal (CAMEO 016), not an accusation
    if agent is not None and lemma(agent) in cues().sports_words and plover_types()[m.type].quad == 4:
        return  # "the football team beat Portugal": a match, not an assault
    protesters = entry.pos == "verb" and m.type in ("COERCE", "ASSAULT") and agent is not None \
        and lemma(agent) in cues().protester_words and m.mode not in _WEAPON_MODES
    targets, target_how = _targets(m, index, {a.id for a in sources}, places)
    if entry.lemma in ("welcome", "receive") and targets and all(t.kind == "person" for t in targets) \
            and all(s.kind == "person" for s in sources):
        # "Trong welcomed President Biden": a host receiving a visitor
        m.type, m.mode, m.cameo = "CONSULT", "visit", "043"
        sources, targets = targets, sources
        source_how, target_how = f"{target_how} (visitor; the host is the recipient)", source_how
    elif "swap" in entry.flags and targets:
        sources, targets = targets, sources
        source_how, target_how = f"{target_how} (host is the recipient)", source_how
    # a cooperative noun with neither a recipient nor a verb of its own is only referred to
    # ("appreciation for China's assistance"), not reported
    referenced = entry.pos == "noun" and m.light is None and "climb" not in entry.flags \
        and plover_types()[m.type].quad <= 2
    mode = m.mode
    etype, cameo = m.type, m.cameo
    if protesters:  # "protesters torched police cars", "demolished by a protester": violent protest (CAMEO 145)
        etype, cameo, mode = "PROTEST", "145", "riot"
    elif entry.lemma == "occupy" and sources and all(a.sector in _CIVIL_SECTORS for a in sources):
        # "students occupied university buildings": a sit-in, not a military occupation
        etype, cameo, mode = "PROTEST", "144", "obstruct"
    if etype == "MOBILIZE" and _cooperative_purpose(m):
        # "sent troops to help defend X": forces sent to help are military aid, not a show of force
        etype, cameo, mode = "AID", "072", None
    clause = content_clause(tok) if "intent" in entry.flags else None
    if etype == "AGREE" and clause is not None and any(c.dep_ == "neg" for c in clause.children):
        # "vowed not to return the Golan": a refusal
        etype, cameo, mode, source_how = "REJECT", "12", "yield", f"{source_how}; negated promise"
    if "third party" in source_how and m.type == "CONSULT":
        mode = "third-party"
    pairs: list[tuple[Actor, Actor | None, str] | tuple[Actor, Actor | None, str, str]] = []
    if "joint" in entry.flags and len({a.country for a in sources if a.country}) > 1 and etype != "COOPERATE":
        etype, cameo, mode = "COOPERATE", "06", None  # "French and Egyptian warships launched war games"
    if targets and target_how == "content" and "recip" in entry.flags and len(sources) > 1:
        targets = []  # "X and Y failed to reach agreement on Z's offices": X and Y with each other
    # "X and Y fought [smuggling]": a conflict act with an object of its own is not against each other
    obj = object_token(tok) if entry.pos == "verb" else None
    against_object = plover_types()[etype].quad == 4 and obj is not None and lemma(obj) not in _COGNATE_OBJECTS
    if not targets and ("recip" in entry.flags or etype == "COOPERATE") and len(sources) > 1 and not against_object:
        # "the US, Russia and Switzerland met": each with each, both ways
        pairs.extend((a, b, "coordinated actors (reciprocal)") for a in sources[:4] for b in sources[:4]
                     if a.id != b.id)
    elif not targets:
        pairs.extend((s, None, "") for s in sources)
    else:
        pairs.extend((s, t, target_how) for s in sources for t in targets[:6])
        if etype == "CONSULT" and "recip" in entry.flags and target_how in ("with", "dobj") \
                and not any(c.lower_ in _SEPARATE for c in tok.children):
            # "X met (with) Y", "X held talks with Y": both take part, each is the other's recipient
            pairs.extend((t, s, f"{source_how} (reciprocal)", f"{target_how} (reciprocal)")
                         for s in sources[:4] for t in targets[:4] if t.country and t.country != s.country)
    # "arrested three suspects", "killed 12": a harm done to people counted or named as people is an event
    # even when they are no actor of the record
    obj = object_token(tok) if entry.pos == "verb" and plover_types()[m.type].quad == 4 else None
    counted_object = obj is not None and m.type in ("COERCE", "ASSAULT") and (
        obj.pos_ == "NUM" or any(c.dep_ == "nummod" for c in obj.children) or lemma(obj) in cues().people_words)
    # "threatened to resume attacks": a threat of violence or force is coded without a named recipient
    harm_threatened = etype == "THREATEN" and any(plover_types()[c.type].quad == 4 for c in m.content)
    force_threatened = etype == "THREATEN" and any(c.type in ("ASSAULT", "COERCE", "MOBILIZE") for c in m.content)
    obj_any = object_token(tok) if entry.pos == "verb" else None
    for src, tgt, how, *swapped in pairs:
        if not src.country and not (tgt is not None and tgt.country and src.sector and src.kind == "group"
                                    and plover_types()[etype].quad >= 3):
            continue
        ptype, pmode, pcameo = etype, mode, cameo
        if etype == "SANCTION" and mode == "expel" and tgt is not None and tgt.kind in ("person", "group") \
                and (tgt.sector or "") not in _OFFICIAL_SECTORS:
            ptype, pmode, pcameo = "COERCE", "deport", "174"  # PLOVER: expelling individuals is COERCE
        yield Candidate(trigger=tok, entry=entry, type=ptype, mode=pmode, cameo=pcameo, source=src,
                        target=tgt, source_how=swapped[0] if swapped else source_how,
                        target_how=how or ("" if tgt is not None or not force_threatened else THREAT_OF_FORCE),
                        weak=tgt is None and (("need_target" in entry.flags and not counted_object
                                                and not harm_threatened) or referenced),
                        open_object=tgt is None and not referenced and obj_any is not None,
                        threatened_act="ASSAULT" if force_threatened else None)


#: acts only a state's police, courts or government do: told in the passive without an agent and placed in a
#: state, that state is their agent (PLOVER practice: "was arrested in Lebanon" is LBN's act)
STATE_ACTS = frozenset({"arrest", "detain", "jail", "imprison", "sentence", "deport", "charge", "indict",
                        "prosecute", "extradite", "convict"})
#: ids of the country actors an event stage implies; :func:`..events.code_events` gives them real ids
IMPLIED_PREFIX = "implied:"


IMPLIED_AGENT_RULE = "implied:host-agent"


def country_actor(pool: Sequence[Actor], iso3: str, *, rule: str, avoid: Collection[str] = ()) -> tuple[Actor, bool]:
    """The country actor of ``iso3`` that the text names (with a mention, its id not in ``avoid``), else a new
    one without mention, rule ``rule``, with the first id free in ``pool``; and whether it is new."""
    named = next((a for a in pool if a.kind == "country" and a.country == iso3 and a.mentions and a.id not in avoid),
                 None)
    if named is not None:
        return named, False
    taken = {a.id for a in pool}
    n = len(pool) + 1
    while f"a{n}" in taken:
        n += 1
    return Actor(id=f"a{n}", name=country_names().get(iso3, iso3), kind="country", country=iso3, sector=None,
                 title=None, mentions=(), confidence=0.5, rule=rule), True


def implied_state(iso3: str) -> Actor:
    """A placeholder for the implied host agent ``iso3`` (id ``implied:ISO3``, see :data:`IMPLIED_PREFIX`)."""
    actor, _ = country_actor((), iso3, rule=IMPLIED_AGENT_RULE)
    return replace(actor, id=IMPLIED_PREFIX + iso3)


def _host_state(tok: Token, places: Sequence[Place]) -> str | None:
    """The state of the places named in the trigger's own phrase or clause, if they are in one state."""
    found = {p.country for p in scope_places(tok, places=places, clause_only=True) if p.country}
    host = found.pop() if len(found) == 1 else None
    return host if host in country_names() else None


#: what a source declines to do that rejects nobody: be named, comment (CAMEO 014 is a statement, not PLOVER)
_NO_COMMENT = frozenset({"name", "identify", "quote", "comment", "elaborate", "speculate"})
#: what a threat of violence or force without a named recipient says of its recipient (see .recipients)
THREAT_OF_FORCE = "none named (a threat of force)"
#: unarmed people whose occupation of a place is a protest
_CIVIL_SECTORS = frozenset({"EDU", "LAB", "AGR", "CVL", "OPP", "SOC", "MED", "REL", "ENV", "HLH"})
#: "held separate talks with": each side met apart, not with each other
_SEPARATE = frozenset({"separate", "separately", "parallel", "indirect", "proximity"})


def find_candidates(doc: Doc, index: MentionIndex, *, places: Sequence[Place] = ()) -> list[Candidate]:
    """Every event candidate of the document, in text order."""
    matches: dict[int, Match] = {}
    consumed: set[int] = set()
    for tok in doc:
        m = _match(tok)
        if m is not None:
            matches[tok.i] = m
            consumed.update(t.i for t in m.consumed)
    for i in consumed:
        matches.pop(i, None)
    # a verb that only carries an event noun is no event of its own ("gave a warning", "struck a deal"),
    # unless it is an intent verb whose content the noun is ("offered assistance", "pledged aid")
    for m in list(matches.values()):
        lm = matches.get(m.light.i) if m.entry.pos == "noun" and m.light is not None else None
        if lm is not None and "intent" not in lm.entry.flags and lemma(lm.trigger) not in _COMMAND_VERBS:
            matches.pop(lm.trigger.i, None)
    types = plover_types()
    top: list[Match] = []
    dropped: set[int] = set()
    for i in sorted(matches):
        m = matches[i]
        gov = _intent_governor(m.trigger, matches)
        if gov is None and m.entry.pos == "noun" and m.light is not None and m.light.i in matches \
                and "intent" in matches[m.light.i].entry.flags and lemma(m.light) not in _COMMAND_VERBS:
            gov = matches[m.light.i]
        if gov is None:
            top.append(m)
            continue
        gov.content.append(m)
        quad = types[m.type].quad
        if gov.type in ("REQUEST", "REJECT"):
            gov.mode = _CONTENT_MODE.get(m.type, "change")
        elif gov.type in ("AGREE", "THREATEN") and quad >= 3 and m.type not in ("REQUEST", "REJECT"):
            if gov.type == "AGREE" and lemma(gov.trigger) not in _THREAT_VERBS:
                # "pledged to expel": the promised act itself, told in the future
                gov.content.remove(m)
                dropped.add(gov.trigger.i)
                top.append(m)
                continue
            gov.type, gov.cameo = "THREATEN", "13"
            # "threatened to arrest" is an arrest threat, "to impose a curfew" a restriction
            gov.mode = "restrict" if m.type == "COERCE" and m.mode != "arrest" else _THREAT_MODE.get(m.type)
    # "claimed that X had attacked Y" accuses X; "claimed victory" is no event
    top = [m for m in top if "conflict_content" not in m.entry.flags
           or any(types[c.type].quad >= 3 for c in m.content)]
    for m in top:
        if m.type == "REQUEST" and m.mode is None:
            m.mode = "change" if m.entry.mode is None else m.entry.mode
    out: list[Candidate] = []
    for m in sorted(top, key=lambda m: m.trigger.i):
        if m.trigger.i not in dropped:
            out.extend(_candidates(m, index, places))
    return out
