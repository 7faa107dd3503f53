"""Actors stage: every actor mentioned, resolved once per document to a country and a sector.

Reads: ``ctx.doc`` (the parse), ``ctx.published``, ``ctx.settings.actor_files``, the places of the places
stage, the tables under ``bilateral/resources`` (countries, sectors, organisations) and the office-holder
KB (:mod:`bilateral.kb`). Writes: a list of :class:`~bilateral.record.Actor` (ids a1, a2... in order of
first mention) whose ``mentions`` include names, titles, pronouns and descriptions that refer to it, so
that later stages can look any phrase up with :class:`~bilateral.annotate.context.MentionIndex`.

Design (one actor per entity):

- kind ``country``: the country itself, one actor per country, with every bare mention of it: names
  ("Cambodia", "the US"), adjectives that modify a non-actor noun ("Cambodia-Korea relations",
  "South Korean flag"), possessives ("Korea's experience") and "we"/"our" in a quotation by one of its
  people. Sector null. A country name in a location phrase ("in Seoul, South Korea") is not an actor,
  except where the preposition introduces an argument of its head (``argument_preps.tsv``): "fired at
  Russia" (aimed at), "arrived in Amman", "flew to Ankara" (a visit's destination, PLOVER's recipient:
  only when the one who moves is an official, a government body or a national delegation; "refugees
  returned to Kigali" is a place), "sought refuge in Germany",
  "opened an embassy in Tehran" (host, only when the noun is a verb's object).
- kind ``organization``: an institution. A country's government, however it is named ("the Korean
  government", "Seoul" or "the Kremlin" as subject or object, "Downing Street"), is ONE organization actor
  per country with sector GOV (name "<Country> government"); other institutions are one actor per
  (country, sector, name): "the Pakistani Army" PAK MIL, "Royal University of Phnom Penh" KHM EDU.
  The phrase (with its country word) is the mention, so the country comes with it.
- kind ``person``: one per person, with full name, surname or given name, title-only mentions
  ("the Senate president") and pronouns; nationality and title combine ("South Korean president Yoon
  Suk-Yeol" is KOR GOV). A person named without any cue in the text is looked up in the KB; when the
  KB does not know them, country and sector stay null (never guessed).
- kind ``group``: people by role ("Cambodian workers" KHM LAB, "Palestinians" PSE), and the pair under
  discussion ("the two countries", "both sides", "the two leaders"): name "Cambodia and South Korea",
  country null, ``rule`` "pair:country:KHM+KOR" (use :func:`pair_members` to read the sides).

- A group of two nationalities ("Hungarian and Romanian officials") is one group actor whose rule is
  "pair:country:HUN+ROU" (sector from the noun), and each nationality word is also a mention of its
  country actor (events take the two sides from them); "they" after conjoined countries is their pair.
- A titled person or group with no country takes the country of a place in its "of" phrase ("the mayor
  of Nablus", places stage); failing that, a role group (not a person or institution: they travel) that
  nothing gives a country takes the one country of the places named in its clause or below it, outside any actor ("riot police dispersed
  demonstrators in Monrovia": LBR), rule "+country:place-in-clause", confidence 0.6; places in two
  countries, or none, leave it null. An unnamed group still without a country that a state's police, court
  or government acts on in its clause ("Egyptian police dispersed demonstrators") is of that state
  ("+country:domestic-counterpart", 0.5; rebels only with police or courts; never from the military).
- "the country" goes to the one clearly most salient country of the last sentences, else stays unresolved.

Coreference (see :mod:`.coref`): names by word containment, titles to the last person with that title,
pronouns by salience (sentence distance, subject, main clause) with a binding constraint and gender from
titles and given names (``given_names.tsv``), "we" in a quotation to the speaker's country (or to the
institution that speaks). Modules: :mod:`.cues` (lexicon matching), :mod:`.names` (person spans),
:mod:`.phrases` (phrases and their modifiers), :mod:`.coref`, and this one (filters, KB, assembly).

Each actor carries ``confidence`` and ``rule`` (how it was resolved: "person:title+kb:name:in-office",
"country:name", "term:government", "pair:country:KHM+KOR", ...). Without a publication date the KB gives
a person's latest office (see :mod:`bilateral.kb`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Doc, Token

from ...kb import KnowledgeBase, load_kb
from ...record import Actor, Mention, Place
from ...resources.actor_lexicon import country_names, read_table
from ...resources.gazetteer import load_gazetteer
from ..context import Context, doc_text
from .coref import find_pairs, link_names, link_titles, resolve_pronouns, root
from .cues import Cue, Trie, find_cues
from .locate import actor_role, argument_role, clause_place_country, is_locative
from .names import kb_trie, person_spans
from .phrases import Cand, assign_owners, build_units, candidates

__all__ = ["resolve_actors", "pair_members"]

#: codes of intergovernmental bodies that the "cameo" convention (``Settings.codes``) writes as IGO
IGO_BODIES = frozenset({"UNO", "EUR"})
GOV_WORDS = {"government", "administration", "authorities", "cabinet", "regime", "junta", "ruling junta",
             "authority", "presidency"}
ARG_ROLES = {"nsubj", "nsubjpass", "dobj", "dative", "iobj", "agent", "appos", "ROOT", "attr", "oprd", "poss",
             "pobj:by", "pobj:with", "pobj:to", "pobj:from", "pobj:against", "pobj:between", "pobj:for"}


def pair_members(actor: Actor) -> tuple[str, ...]:
    """The two sides (ISO3 codes) of a pair actor ("the two countries", "the two leaders"); () otherwise."""
    if not actor.rule.startswith("pair:"):
        return ()
    return tuple(actor.rule.split(":", 2)[2].split("+"))


@lru_cache(maxsize=8)
def _kb_trie(kb: KnowledgeBase) -> Trie:
    return kb_trie(kb)


@lru_cache(maxsize=1)
def _ambiguous() -> dict[tuple[str, str], tuple[set[str], set[str]]]:
    out = {}
    for r in read_table("ambiguous_names.tsv"):
        out[(r["iso3"], r["surface"])] = ({w for w in r["other_cues"].split(";") if w},
                                          {w for w in r["country_cues"].split(";") if w})
    return out


#: words that make a country word a stance, a sponsor or a maker: "pro-Iranian", "anti-Syria", "Syrian-backed",
#: "Russian-made rockets"
STANCE_PREFIXES = frozenset({"pro", "anti", "non"})
STANCE_SUFFIXES = frozenset({"backed", "supported", "sponsored", "funded", "armed", "allied", "aligned", "friendly",
                             "leaning", "occupied", "held", "controlled", "brokered", "mediated", "financed",
                             "made", "built", "designed", "manufactured", "produced", "supplied"})


def _stance(doc: Doc, start: int, end: int) -> bool:
    """Whether tokens ``[start, end)`` are glued by hyphens to a stance prefix or a sponsor suffix."""
    if start >= 2 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_ and \
            not doc[start - 1].whitespace_ and doc[start - 2].lower_ in STANCE_PREFIXES:
        return True
    if start >= 1 and doc[start - 1].lower_.rstrip("-") in STANCE_PREFIXES and doc[start - 1].text.endswith("-"):
        return True
    if end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_ \
            and doc[end + 1].lower_ in STANCE_SUFFIXES:
        return True
    return False


def _stance_place(doc: Doc, place: Place) -> bool:
    span = doc.char_span(place.span[0], place.span[1], alignment_mode="expand")
    return span is not None and _stance(doc, span.start, span.end)


#: words after a country word that make it the name of a currency
CURRENCY_WORDS = frozenset({"$", "dollar", "dollars", "cent", "cents", "peso", "pesos", "pound", "pounds", "lira",
                            "rupee", "rupees", "franc", "francs", "shilling", "shillings", "dinar", "dinars", "riyal",
                            "riyals", "yen", "yuan", "rand", "naira", "kwacha", "ringgit", "baht", "rouble", "roubles",
                            "ruble", "rubles", "krona", "kronor", "krone", "kroner", "zloty", "forint", "hryvnia"})
#: nouns after a nationality adjective that make it an ethnicity living somewhere, not a state
ETHNIC_HEADS = frozenset({"population", "minority", "community"})


def _filter_cues(doc: Doc, cues: list[Cue], places: Sequence[Place]) -> list[Cue]:
    """Drop country cues that name something else here: Turkey the bird, Georgia the US state."""
    amb = _ambiguous()
    words = [t.lower_ for t in doc]
    out = []
    for c in cues:
        if c.type == "country" and _stance(doc, c.start, c.end):
            continue  # "pro-Iranian Hizbollah", "Syrian-backed militia": a stance or a sponsor, not a nationality
        if c.type == "country" and c.end < len(doc) and doc[c.end].lower_ in CURRENCY_WORDS:
            continue  # "US $50 million", "Hong Kong dollars", "Turkish lira": money, not an actor
        if c.type == "country" and c.form == "adjective" and c.end < len(doc) \
                and doc[c.end].lemma_.lower() in ETHNIC_HEADS:
            continue  # "the Albanian population of the province", "the Turkish minority": residents, not a state
        if c.type == "country" and c.form == "capital":
            end = doc[c.end - 1].idx + len(doc[c.end - 1].text)
            place = next((p for p in places if p.span == (doc[c.start].idx, end)), None)
            if place is not None and place.country and place.country != c.country:
                continue  # "Tripoli ... the north Lebanese port": the places stage read another Tripoli
        if c.type == "country" and (c.country, doc[c.start:c.end].text) in amb and c.country:
            other, mine = amb[(c.country, doc[c.start:c.end].text)]
            n_other = sum(1 for w in words if w in other)
            n_mine = sum(1 for w in words if w in mine)
            tok = doc[c.end - 1]
            if n_other > n_mine:
                continue
            if "common_noun" in c.flags and any(ch.dep_ in ("det", "amod") for ch in tok.children):
                continue
            place = next((p for p in places if p.span == (doc[c.start].idx, tok.idx + len(tok.text))), None)
            if place is not None and place.country and place.country != c.country and place.feature != "country":
                continue
        out.append(c)
    return out


def _keep(doc: Doc, c: Cand, officials: frozenset[int] = frozenset(), heads: frozenset[int] = frozenset(),
          countries: frozenset[int] = frozenset()) -> bool:
    tok = doc[c.head]
    role = argument_role(tok) if c.rule in ("country:capital", "country:seat", "country:name") else None
    if role == "destination" and doc[c.head].head.head.pos_ in ("VERB", "AUX"):
        # "the president arrived in Amman" is a visit; "refugees returned to Kigali" is a place
        verb = _climb(tok).head.head
        subj = next((ch for ch in verb.children if ch.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and (subj.i in officials or (subj.i not in heads and any(
                ch.i in countries for ch in subj.children))):  # an official, or "a Mongolian delegation"
            return True
    elif role:
        if role == "target" and c.rule in ("country:capital", "country:seat"):
            # "fired at Kyiv", "a curfew in Abidjan": the city's country (its people), not its government
            c.kind, c.sector, c.rule = "country", None, "country:capital-as-target"
            c.name = country_names().get(c.country or "", c.name)
        return True  # "fired at Russia", "an embassy in Tehran": an argument of the head, not a location
    if c.rule in ("country:capital", "country:seat"):
        return actor_role(tok) and not is_locative(tok)
    if c.rule == "country:name":
        return not is_locative(tok)
    return True


def _climb(tok: Token) -> Token:
    """The first conjunct or apposition head of a place word ("in Amman and Cairo")."""
    hops = 0
    while tok.dep_ in ("appos", "conj", "compound") and hops < 4:
        tok, hops = tok.head, hops + 1
    return tok


def resolve_actors(ctx: Context, *, places: Sequence[Place] = ()) -> list[Actor]:
    """Actors of the document, one per entity, with every mention (see the module docstring)."""
    doc = ctx.doc
    if not doc_text(doc).strip():
        return []
    kb = load_kb(tuple(ctx.settings.actor_files))
    cues = _filter_cues(doc, find_cues(doc), places)
    places = [p for p in places if not _stance_place(doc, p)]  # "pro-Russia rebels" are not in Russia
    persons = person_spans(doc, cues, kb, _kb_trie(kb))
    place_spans = {p.span for p in places if p.confidence >= 0.5}
    persons = [(s, e) for s, e in persons  # "Kharkiv" tagged PERSON is the city the places stage found
               if (doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)) not in place_spans
               or kb.knows(doc[s:e].text)]
    persons = _drop_lone_places(doc, persons, kb, cues)
    units = build_units(doc, cues, persons)
    assign_owners(doc, units)
    sent_of = [0] * len(doc)
    for k, s in enumerate(doc.sents):
        for t in s:
            sent_of[t.i] = k
    cands = candidates(doc, units, places, sent_of=sent_of)
    officials = frozenset(c.head for c in cands if c.kind == "person" or (
        c.kind in ("group", "organization") and c.sector in ("GOV", "LEG", "JUD", "ELI")))
    heads = frozenset(c.head for c in cands if c.kind)
    countries = frozenset(c.head for c in cands if c.kind == "country")
    for c in cands:
        if not _keep(doc, c, officials, heads, countries):
            c.kind = ""
    link_names(cands)
    _names_over_countries(doc, cands)
    _apply_kb(cands, kb, ctx)
    link_titles(cands)
    for i, c in enumerate(cands):  # a title-only mention joined to a person lends it nothing, takes its country
        if c.ref is not None and c.kind == "person" and not c.name_tokens:
            r = cands[root(cands, i)]
            c.country = c.country or r.country
    pairs, covered = find_pairs(doc, [c for c in cands if c.kind])
    for c in cands:  # "leaders" inside "the two leaders" is the pair
        if any(p.start <= c.start and c.end <= p.end for p in pairs):
            c.kind = ""
    cands.extend(pairs)
    cands.extend(resolve_pronouns(doc, cands, skip=covered))
    _inherit_possessor(cands)
    _inherit_leader(doc, cands)
    _locals_of_sentence(doc, cands, places)
    _domestic_counterparts(doc, cands)
    actors = _build(doc, cands)
    if ctx.settings.codes == "cameo":  # CAMEO codes the UN and the EU under IGO
        actors = [replace(a, country="IGO", rule=a.rule + "+codes:cameo") if a.country in IGO_BODIES else a
                  for a in actors]
    return actors


def _drop_lone_places(doc: Doc, persons: list[tuple[int, int]], kb: KnowledgeBase,
                      cues: Sequence[Cue]) -> list[tuple[int, int]]:
    """A one-word "person" that is no word of a longer name in the document, the KB does not know, and
    that names a city of 100,000 people or more, is the city ("Russian troops shelled Kharkiv")."""
    words = {doc[k].text for s, e in persons if e - s >= 2 for k in range(s, e)}
    after_title = {c.end for c in cues if c.type == "term" and c.form == "person"}
    gaz = load_gazetteer()
    out = []
    for s, e in persons:
        text = doc[s:e].text
        if e - s == 1 and text not in words and not kb.knows(text) and s not in after_title:
            found = gaz.lookup(text, alt=False)
            if found and found[0].feature in ("city", "region") and found[0].population >= 100_000:
                continue
        out.append((s, e))
    return out


def _names_over_countries(doc: Doc, cands: list[Cand]) -> None:
    """A lone country word that is a word of a person's name in this document is that person ("Jordan")."""
    text = doc_text(doc)
    names: dict[str, int] = {}
    for i, c in enumerate(cands):
        if c.kind == "person" and len(c.name_tokens) >= 2:
            for t in c.name_tokens:
                names.setdefault(t, i)
    for c in cands:
        if c.kind == "country" and c.rule == "country:name" and " " not in text[c.start:c.end]:
            j = names.get(text[c.start:c.end].lower())
            if j is not None:
                c.kind, c.country, c.ref, c.rule = "person", None, root(cands, j), "person:name-word"
                c.name_tokens = (text[c.start:c.end].lower(),)


def _apply_kb(cands: list[Cand], kb: KnowledgeBase, ctx: Context) -> None:
    """Country and sector of named persons from the text first, then the KB (dated by publication)."""
    clusters: dict[int, list[int]] = {}
    for i, c in enumerate(cands):
        r = root(cands, i)
        if c.kind and cands[r].kind == "person" and cands[r].name_tokens:
            clusters.setdefault(r, []).append(i)
    for r, members in clusters.items():
        rep = cands[r]
        country = next((cands[i].country for i in members if cands[i].country and cands[i].country_rule != "place"),
                       None)
        sector = next((cands[i].sector for i in members if cands[i].sector), None)
        title = next((cands[i].title for i in members if cands[i].title), None)
        rule = rep.rule
        if country is None or sector is None:
            full = max((cands[i].name for i in members), key=lambda n: len(n.split()))
            # a misspelt name ("President Francois Mitterand") may match the KB only when a title says who
            hit = kb.lookup(full, on=ctx.published, fuzzy=title is not None)
            if hit is not None and (country is None or country == hit.country):
                country = country or hit.country
                if sector is None:
                    sector = hit.sector
                    title = title or hit.office or None
                rule += "+" + hit.rule
        if country is None:
            country = next((cands[i].country for i in members if cands[i].country), None)
        rep.country, rep.sector, rep.title, rep.rule = country, sector, title, rule
        if country and sector:
            rep.confidence = max(rep.confidence, 0.8 if "kb:" in rule else 0.9)


def _inherit_possessor(cands: list[Cand]) -> None:
    """"his government": an institution without a country takes its possessor's country."""
    by_head = {c.head: i for i, c in enumerate(cands) if c.pronoun}
    for c in cands:
        if c.poss_pronoun is not None and c.country is None and c.kind in ("organization", "group"):
            j = by_head.get(c.poss_pronoun)
            if j is not None:
                r = cands[root(cands, j)]
                c.country = r.country
                c.country_rule = "possessor"


def _inherit_leader(doc: Doc, cands: list[Cand]) -> None:
    """"the Bush administration", "the government of President Gbagbo": a government named after its leader
    takes the leader's country (when the leader's is known)."""
    people = [(c.start, c.end, i) for i, c in enumerate(cands) if c.kind == "person" and not c.pronoun]
    for c in cands:
        if c.kind not in ("organization", "group") or c.country or (c.term or "") not in GOV_WORDS:
            continue
        head = doc[c.head]
        named = [ch for ch in head.children if ch.dep_ in ("compound", "poss")] + \
            [o for p in head.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
        for ch in named:  # "the Bush administration", "the government of President Gbagbo"
            j = next((i for s, e, i in people if s <= ch.idx < e), None)
            country = cands[root(cands, j)].country if j is not None else None
            if country:
                c.country, c.country_rule = country, "leader"
                break


def _locals_of_sentence(doc: Doc, cands: list[Cand], places: Sequence[Place]) -> None:
    """A group or institution by role that nothing else gives a country ("demonstrators", "the riot police",
    "opposition leaders") takes the one country of the places named in its clause or below it, outside any actor
    ("dispersed demonstrators in Monrovia": LBR); with no place, or places in two countries, it stays null.
    Not persons or institutions: ministers and ministries speak and travel abroad ("Trade Minister Dien made
    the request in Washington")."""
    if not places:
        return
    taken = [(c.start, c.end) for c in cands if c.kind]
    clusters: dict[int, list[int]] = {}
    for i, c in enumerate(cands):
        if c.kind:
            clusters.setdefault(root(cands, i), []).append(i)
    for r, members in clusters.items():
        rep = cands[r]
        if rep.kind != "group" or rep.sector in ARMED_ABROAD or rep.members or rep.rule.startswith("pair:") or \
                any(cands[i].country for i in members):
            continue
        first = min((cands[i] for i in members if not cands[i].pronoun), key=lambda c: c.start, default=None)
        if first is None:
            continue
        head = doc[first.head]
        if any(t.lower_ in EXILE_WORDS for t in head.subtree):
            continue  # "exiled dissidents", "foreign workers": not the people of the place they are in
        naming = [head] + [t for ch in head.children if ch.dep_ in ("amod", "compound", "nmod", "poss")
                           or (ch.dep_ == "prep" and ch.lower_ in ("of", "from")) for t in ch.subtree]
        if any(c.country and any(t.idx <= c.start < t.idx + len(t.text) for t in naming) for c in cands if c.kind):
            continue  # "officials from Egypt and Sudan": its own phrase names its countries
        country = clause_place_country(doc, places, head, taken)
        if country:
            rep.country, rep.country_rule = country, "sentence-place"
            rep.rule += "+country:place-in-clause"
            rep.confidence = min(rep.confidence, 0.6)


#: sectors of groups that are often abroad: troops "in Liberia" are not Liberia's
ARMED_ABROAD = frozenset({"MIL", "SPY"})
#: sectors of unnamed groups that a state's police, courts or government act on at home
DOMESTIC_GROUPS = frozenset({"OPP", "CVL", "SOC", "LAB", "EDU", "REB", "CRM", "PTY", "AGR"})
#: sectors of the state actor whose country such a group takes (not the military: armies fight abroad)
DOMESTIC_STATE = frozenset({"COP", "JUD", "GOV"})
ARMED_STATE = frozenset({"COP", "JUD"})
EXILE_WORDS = frozenset({"exiled", "exile", "exiles", "émigré", "emigre", "expatriate", "expatriates", "diaspora",
                         "refugee", "refugees", "foreign", "visiting", "migrant", "migrants"})
_CLIMB = frozenset({"xcomp", "advcl", "conj", "ccomp", "pcomp", "prep", "pobj", "dobj", "nsubjpass", "agent",
                    "dative", "acl"})


def _clause_subject(tok: Token) -> Token | None:
    """The subject of the clause above ``tok`` ("police opened fire to disperse [demonstrators]": police)."""
    cur = tok
    for _ in range(8):
        if cur.head.i == cur.i or cur.dep_ not in _CLIMB:
            return None
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            subj = next((c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.i != tok.i:
                return subj
    return None


def _domestic_counterparts(doc: Doc, cands: list[Cand]) -> None:
    """An unnamed group with no country that a state's police, court or government acts on in the same
    clause ("Egyptian police dispersed [demonstrators]", "the Sudanese government accused [rebels]"), or that
    acts on them ("[strikers] clashed with Kenyan police"), is taken to be of that state: rule
    "+country:domestic-counterpart", confidence 0.5. Never from the military (armies act abroad), never
    when the clause names a place abroad (that is decided by :func:`_locals_of_sentence` first)."""
    at_head: dict[int, int] = {}
    for i, c in enumerate(cands):
        if c.kind and not c.pronoun:
            at_head.setdefault(c.head, i)

    def state_of(tok: Token | None, armed: bool) -> str | None:
        if tok is None:
            return None
        j = at_head.get(tok.i)
        if j is None:
            return None
        r = cands[root(cands, j)]
        sectors = ARMED_STATE if armed else DOMESTIC_STATE  # a government condemns rebels abroad too
        return r.country if r.sector in sectors and r.country and len(r.country) == 3 \
            and r.country not in IGO_BODIES | {"IGO", "NGO", "IMG"} else None

    for c in cands:
        if c.kind != "group" or c.pronoun or c.members or c.ref is not None or c.country or \
                c.sector not in DOMESTIC_GROUPS:
            continue
        head = doc[c.head]
        if any(t.lower_ in EXILE_WORDS for t in head.subtree) or any(
                p.dep_ == "prep" and p.lower_ in ("from", "of") for p in head.children):
            continue  # "exiled dissidents from Myanmar": their phrase says whose they are, or that they left
        armed = c.sector in ("REB", "CRM")
        country = state_of(_clause_subject(head), armed) if head.dep_ not in ("nsubj", "nsubjpass") else None
        if country is None and head.dep_ == "nsubj":  # "strikers clashed with police", "rebels attacked police"
            verb = head.head
            objs = [ch for ch in verb.children if ch.dep_ == "dobj"] + \
                [o for p in verb.children if p.dep_ == "prep" and p.lower_ in ("with", "against")
                 for o in p.children if o.dep_ == "pobj"]
            country = next((x for x in (state_of(o, armed) for o in objs) if x), None)
        if country:
            c.country, c.country_rule = country, "domestic-counterpart"
            c.rule += "+country:domestic-counterpart"
            c.confidence = min(c.confidence, 0.5)


def _key(c: Cand) -> str | None:
    if c.key:
        return c.key
    if c.kind == "country" and c.country:
        return f"country:{c.country}"
    if c.kind == "organization" and c.country and c.sector == "GOV" and \
            (c.rule in ("country:capital", "country:seat") or (c.term or "") in GOV_WORDS):
        return f"gov:{c.country}"
    if c.kind in ("organization", "group") and c.rule.startswith(("term:", "entity:", "country:")):
        return f"{c.kind}:{c.country}:{c.sector}:{c.name.lower()}"
    if c.kind == "person" and not c.name_tokens and c.ref is None:
        return f"title:{c.country}:{c.name.lower()}"
    return None


def _build(doc: Doc, cands: list[Cand]) -> list[Actor]:
    text = doc_text(doc)
    live = [i for i, c in enumerate(cands) if c.kind]
    by_key: dict[str, int] = {}
    for i in live:
        k = _key(cands[i])
        if k is None or cands[i].ref is not None:
            continue
        r = root(cands, i)
        if k in by_key and root(cands, by_key[k]) != r:
            cands[r].ref = root(cands, by_key[k])
        else:
            by_key.setdefault(k, r)
    groups: dict[int, list[int]] = {}
    for i in live:
        r = root(cands, i)
        if not cands[r].kind:
            continue
        groups.setdefault(r, []).append(i)
    actors: list[tuple[int, Actor]] = []
    for r, members in groups.items():
        rep = cands[r]
        real = [cands[i] for i in members if not cands[i].pronoun]
        if rep.kind in ("group", "organization") and not rep.country and not rep.members and \
                rep.rule.startswith("entity:") and not any(c.role in ARG_ROLES for c in real):
            continue
        spans = sorted({(cands[i].start, cands[i].end) for i in members})
        mentions = tuple(Mention(span=(s, e), text=text[s:e]) for s, e in spans if e > s)
        if not mentions:
            continue
        name = rep.name
        key = _key(rep) or ""
        if key.startswith("gov:") and rep.country:  # "his government", "Manila": the government, by its name
            name = f"Government of {country_names().get(rep.country, rep.country)}"
        if rep.kind == "person":
            named = [c for c in real if c.name_tokens]
            if named:
                name = max(named, key=lambda c: (len(c.name_tokens), -c.start)).name
        actors.append((spans[0][0], Actor(
            id="", name=name, kind=rep.kind, country=rep.country, sector=rep.sector,
            title=rep.title if rep.kind == "person" else None, mentions=mentions,
            confidence=round(rep.confidence, 2), rule=rep.rule)))
    actors.sort(key=lambda x: x[0])
    return [Actor(id=f"a{n + 1}", name=a.name, kind=a.kind, country=a.country, sector=a.sector, title=a.title,
                  mentions=a.mentions, confidence=a.confidence, rule=a.rule) for n, (_, a) in enumerate(actors)]
