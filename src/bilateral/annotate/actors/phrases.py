"""From cues and the dependency parse to actor candidates: one per noun phrase that names an actor.

Reads: the Doc, the cues of :mod:`.cues`, the places of the places stage and the office-holder KB.
Writes: :class:`Cand` records (mutable, internal to the actors stage), one per mention.

A phrase has a core (a person's name, a named organisation, or a sector term such as "government",
"president", "workers") and the modifiers that hang on it in the parse: country adjectives and names,
possessives, titles ("South Korean president Yoon Suk-Yeol"), an apposition ("Thong Mengdavid, a lecturer
at the Royal University of Phnom Penh") and of/in/at/for phrases ("president of the European Council").
The modifiers give the core its country and sector; the phrase (modifiers included) is the mention.
Country words that no core absorbs are mentions of the country itself, unless they only name a place
("in Seoul": the places stage has those).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from ...kb import name_key
from ...record import Place
from ...resources.actor_lexicon import country_names, elite_modifiers, given_names
from .cues import Cue
from .locate import gazetteer_country, places_in

#: dependency labels of a modifier inside a noun phrase
MODS = {"compound", "amod", "nmod", "poss", "flat", "nummod", "quantmod", "npadvmod", "det", "case", "punct"}
#: roles in which a capital or seat of power is an actor ("Beijing summoned", "talks with Washington")
POSS = {"'s", "’s", "'", "’"}
#: person terms that take their sector from the institution they head ("president of the Riigikogu")
HEAD_TERMS = {"president", "vice president", "vice-president", "chairman", "chairwoman", "chair", "head", "leader",
              "chief", "director", "spokesperson", "spokesman", "spokeswoman", "secretary-general",
              "secretary general", "member", "official", "officials", "speaker", "deputy"}
#: nouns for people that take the sector of the institution word before them ("army accountant")
PERSON_NOUNS = {"officer", "officers", "official", "officials", "member", "members", "agent", "agents",
                "employee", "employees", "staff", "staffer", "staffers", "accountant", "adviser", "advisor",
                "aide", "aides", "representative", "representatives", "delegate", "delegates", "delegation",
                "group", "groups", "team", "personnel", "chief", "head", "veteran", "veterans", "source", "sources",
                "candidate", "candidates", "supporters", "supporter", "figure", "figures", "leaders", "leader",
                # machines that act for an institution: "army bulldozers", "navy ships", "police helicopters"
                "bulldozers", "bulldozer", "helicopters", "helicopter", "jets", "tanks", "ships", "vessels",
                "aircraft", "planes", "drones", "boats", "patrols", "units", "unit", "vehicles"}
FEMALE = {"queen", "spokeswoman", "congresswoman", "businesswoman", "chairwoman", "ms", "ms.", "mrs", "mrs.",
          "madam", "princess", "empress", "first lady"}
MALE = {"king", "spokesman", "congressman", "businessman", "chairman", "mr", "mr.", "prince", "emperor",
        "sultan", "emir", "sheikh"}


@dataclass
class Cand:
    """One mention of an actor, before coreference joins mentions into actors."""

    start: int  # characters
    end: int
    head: int  # token index of the phrase's syntactic head
    sent: int
    kind: str  # person | organization | country | group
    name: str
    country: str | None = None
    sector: str | None = None
    title: str | None = None
    term: str | None = None  # the sector term at the core of a title-only or generic phrase
    rule: str = ""
    confidence: float = 0.8
    name_tokens: tuple[str, ...] = ()
    role: str = ""
    gender: str | None = None
    key: str | None = None  # actors with one key are one actor
    ref: int | None = None  # index of the candidate this one refers to (coreference)
    pronoun: bool = False
    members: tuple[str, ...] = ()  # a pair: ISO3 codes (or names) of the two sides
    poss_pronoun: int | None = None  # token index of "his"/"its" modifying this phrase
    country_rule: str = ""
    plural: bool = False
    unit: int = -1
    extra_spans: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Unit:
    start: int  # tokens [start, end)
    end: int
    type: str  # person | org | term | country | entorg
    cue: Cue | None = None
    owner: int | None = None  # index of the unit this one modifies
    used: bool = False


def _anchor(doc: Doc, start: int, end: int) -> Token:
    """The token of ``[start, end)`` whose head lies outside it (the last such one)."""
    best = doc[end - 1]
    for tok in doc[start:end]:
        if tok.head.i < start or tok.head.i >= end or tok.head.i == tok.i:
            best = tok
    return best


def _trim_name(doc: Doc, start: int, end: int, blocked: set[int]) -> tuple[int, int]:
    while start < end and (start in blocked or not doc[start].text[:1].isalpha() or doc[start].is_lower):
        start += 1
    while end > start and (doc[end - 1].text in POSS or doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return start, end


def build_units(doc: Doc, cues: Sequence[Cue], persons: Sequence[tuple[int, int]]) -> list[Unit]:
    """Non-overlapping units: persons first, then organisations, terms, countries, other ORG entities."""
    taken: set[int] = set()
    units: list[Unit] = []

    def add(u: Unit) -> None:
        if any(i in taken for i in range(u.start, u.end)):
            return
        units.append(u)
        taken.update(range(u.start, u.end))

    for s, e in persons:
        add(Unit(s, e, "person"))
    rank = {"org": 0, "country": 1, "term": 2}
    for c in sorted(cues, key=lambda c: (-(c.end - c.start), rank.get(c.type, 3), c.start)):
        if c.type in rank:
            add(Unit(c.start, c.end, c.type, c))
    for ent in doc.ents:
        if ent.label_ == "ORG":
            s, e = _trim_name(doc, ent.start, ent.end, set())
            if s < e and not any(i in taken for i in range(s, e)):
                add(Unit(s, e, "entorg"))
    units.sort(key=lambda u: u.start)
    return units


def _unit_of(units: Sequence[Unit]) -> dict[int, int]:
    return {i: k for k, u in enumerate(units) for i in range(u.start, u.end)}


def assign_owners(doc: Doc, units: list[Unit]) -> None:
    """Each non-person unit that modifies another unit's phrase is owned by it (transitively)."""
    where = _unit_of(units)
    for k, u in enumerate(units):
        if u.type == "person":
            continue
        tok = _anchor(doc, u.start, u.end)
        seen = 0
        while tok.dep_ in MODS and tok.head.i != tok.i and seen < 12:
            tok = tok.head
            seen += 1
            j = where.get(tok.i)
            if j is not None and j != k and units[j].type != "country":
                u.owner = j
                break
            if tok.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM") and tok.dep_ not in MODS:
                break
    by_start = {u.start: k for k, u in enumerate(units)}
    for u in units:  # noun-noun compounds the parser split: "Boko Haram gunmen"
        nxt = by_start.get(u.end)
        if u.owner is None and u.type in ("org", "country") and nxt is not None and units[nxt].type == "term" \
                and doc[u.end - 1].dep_ not in ("conj",) and doc[units[nxt].end - 1].pos_ == "NOUN":
            u.owner = nxt
    for u in units:  # follow chains to the top owner
        hops = 0
        while u.owner is not None and units[u.owner].owner is not None and hops < 8:
            u.owner = units[u.owner].owner
            hops += 1


def _children_units(doc: Doc, units: Sequence[Unit], top: int) -> list[int]:
    return [k for k, u in enumerate(units) if u.owner == top]


def _pp_units(doc: Doc, units: Sequence[Unit], head: Token, where: dict[int, int],
              preps: set[str]) -> list[int]:
    """Units inside the of/in/at/for phrases hanging on ``head``."""
    out: list[int] = []
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in preps:
            for tok in child.subtree:
                j = where.get(tok.i)
                if j is not None and j not in out:
                    out.append(j)
    return out



def _phrase_start(doc: Doc, units: Sequence[Unit], anchor: Token, core: Unit, own: Sequence[int]) -> int:
    """First token of the mention: the left edge of the phrase, after determiners and other persons."""
    start = min([core.start] + [units[k].start for k in own if units[k].start < core.start])
    left = anchor.left_edge.i
    j = start
    while j > left:
        prev = doc[j - 1]
        if prev.dep_ in ("det", "punct", "cc", "prep", "case") or prev.pos_ in ("PRON", "DET", "PUNCT", "SPACE") \
                or prev.text in POSS or prev.pos_ == "NUM" and prev.lower_ in ("two", "both"):
            break
        if any(units[k].type == "person" and units[k].start <= j - 1 < units[k].end for k in range(len(units))):
            break
        j -= 1
    return j


#: plural demonyms that also name an ethnic group living across borders: after another country's adjective
#: the adjective says where they live ("Bosnian Serbs" BIH; but "Turkish Cypriots" are Cypriots: CYP)
ETHNIC_PEOPLE = frozenset({"Serbs", "Croats", "Albanians", "Turks", "Russians", "Hungarians", "Armenians", "Azeris",
                           "Ukrainians", "Romanians", "Greeks", "Bulgarians", "Uzbeks", "Tajiks", "Afghans",
                           "Somalis", "Palestinians", "Poles", "Germans", "Koreans", "Chinese"})


def candidates(doc: Doc, units: list[Unit], places: Sequence[Place], *, sent_of: Sequence[int]) -> list[Cand]:
    """One candidate per top unit (a unit no other unit owns), with country and sector from its modifiers."""
    where = _unit_of(units)
    elite = elite_modifiers()
    names = country_names()
    out: list[Cand] = []
    appos_of: dict[int, int] = {}
    # appositions: a term phrase in apposition to a person (either way) describes that person
    for k, u in enumerate(units):
        if u.owner is not None:
            continue
        anchor = _anchor(doc, u.start, u.end)
        if anchor.dep_ == "appos":
            found = where.get(anchor.head.i)
            if found is not None:
                top = units[found].owner
                j = top if top is not None else found
                a, b = (j, k) if units[j].type == "person" else (k, j)
                cue = units[b].cue
                if units[a].type == "person" and units[b].type == "term" and cue is not None and cue.form == "person":
                    appos_of[b] = a
    # the ORG entity over each token, found once (doc.ents builds its spans anew on every access)
    org_at = {i: ent for ent in doc.ents if ent.label_ == "ORG" for i in range(ent.start, ent.end)}
    order = list(range(len(units)))
    pos = 0
    while pos < len(order):
        k = order[pos]
        pos += 1
        u = units[k]
        if u.owner is not None or u.used:
            continue
        anchor = _anchor(doc, u.start, u.end)
        own = _children_units(doc, units, k)
        left = [j for j in own if units[j].start < u.start]
        start_tok = _phrase_start(doc, units, anchor, u, own)
        end_tok = u.end
        if u.type in ("term", "org"):
            # "Royal University of Phnom Penh's Institute for International Studies"
            ent = org_at.get(u.start)
            if ent is not None and ent.end > end_tok and \
                    all(where.get(i) in (None, k, *own) or units[where[i]].type == "country"
                        for i in range(u.end, ent.end)):
                end_tok = ent.end
        while end_tok > start_tok + 1 and (doc[end_tok - 1].text in POSS or doc[end_tok - 1].is_punct):
            end_tok -= 1
        span = doc[start_tok:end_tok]
        pre_words = {t.lower_ for t in doc[anchor.left_edge.i:u.start]}
        c = Cand(start=span.start_char, end=span.end_char, head=anchor.i, sent=sent_of[anchor.i], kind="",
                 name="", role=_role(anchor), unit=k)
        # country: left modifiers, then of/in/at/for phrases, then places inside the phrase
        country, crule = None, ""
        for j in left + [j for j in own if j not in left]:
            cu = units[j].cue
            if units[j].type in ("country", "org") and cu is not None and cu.country:
                country, crule = cu.country, f"{units[j].type}:{cu.form}"
                break
        # "forces from Panama" are not Panama's: "from" gives a country to persons only ("a teacher from Ohio")
        # "opposition [groups in Zimbabwe]": a term modifying a person noun takes that noun's phrases
        pp_head = anchor.head if u.type == "term" and anchor.dep_ in ("compound", "amod", "nmod") \
            and anchor.head.lower_ in PERSON_NOUNS and anchor.head.i not in where else anchor
        owned = any(t.dep_ == "poss" and t.pos_ == "PRON" for t in doc[anchor.left_edge.i:u.start])
        pp = _pp_units(doc, units, pp_head, where, {"of", "for"} if owned  # "its forces in Lebanon": its possessor's
                       else {"of", "in", "at", "for", "throughout", "across"} if u.type != "person" else {"of", "from"})
        if country is None:
            for j in pp:
                cu = units[j].cue
                if units[j].type in ("country", "org") and cu is not None and cu.country:
                    country, crule = cu.country, "pp:" + units[j].type
                    if units[j].type == "country":
                        units[j].used = True
                    break
        if country is None:
            country = places_in(places, span.start_char, span.end_char)
            crule = "place" if country else ""
        if country is None and u.type == "term":  # "the mayor of Nablus", "the governor of Mombasa"
            for prep in (ch for ch in anchor.rights if ch.dep_ == "prep" and ch.lower_ == "of"):
                country = places_in(places, prep.idx, prep.right_edge.idx + len(prep.right_edge.text))
                crule = "place" if country else ""
                break
        if country is None and u.type in ("term", "entorg", "org"):
            own_toks = {i for i in range(u.start, u.end)} if u.type == "entorg" else set()
            country = gazetteer_country(doc, start_tok, end_tok, {i: v for i, v in where.items() if i not in own_toks},
                                        places)
            crule = "gazetteer" if country else ""
        c.country, c.country_rule = country, crule
        for j in own:
            units[j].used = True
        poss_pron = [t for t in doc[anchor.left_edge.i:u.start] if t.dep_ == "poss" and t.pos_ == "PRON"]
        c.poss_pronoun = poss_pron[0].i if poss_pron else None
        is_elite = bool(pre_words & elite) or any(t.lower_ in elite for t in doc[max(0, start_tok - 2):start_tok])
        terms = [units[j] for j in left if units[j].type == "term"]
        if u.type == "person":
            name_span = doc[u.start:u.end]
            c.kind, c.name = "person", name_span.text
            c.name_tokens = tuple(name_key(name_span.text).split())
            if terms:
                head_term = terms[-1]
                c.title = doc[terms[0].start:head_term.end].text
                c.sector = head_term.cue.sector if head_term.cue else None
                c.term = head_term.cue.name if head_term.cue else None
            orgs = [units[j] for j in own if units[j].type == "org"]
            if c.sector is None and orgs and orgs[0].cue:
                c.sector = orgs[0].cue.sector
            if is_elite:
                c.sector = "ELI"
            c.rule = "person" + (":title" if terms else "")
            c.gender = _gender(c.title)
            if c.gender is None and u.end - u.start >= 2:  # "Penny Wong": she
                c.gender = given_names().get(doc[u.start].text)
        elif u.type == "org" and u.cue is not None:
            c.kind, c.name = ("person" if u.cue.form == "person" else "organization"), u.cue.name
            explicit = crule.startswith("country:") and c.country and u.cue.country and c.country != u.cue.country \
                and len(u.cue.country) == 3 and u.cue.country not in ("IGO", "UNO", "EUR", "NGO", "IMG")
            national = crule.startswith("country:") and c.country and u.cue.country == "NGO"
            if explicit or national:  # "Chile's Defense Department" is not the US one; "Kenyan Red Cross"
                c.name = _strip_det(span)
            else:
                c.country = u.cue.country or c.country
            c.sector = u.cue.sector
            heads = [units[j] for j in own if units[j].type == "term" and units[j].start > u.start]
            c.rule = "organisation"
            c.key = f"org:{u.cue.name}"
            if heads and heads[-1].cue:  # "European Union legislators"
                c.sector, c.key = heads[-1].cue.sector, None
        elif u.type == "term" and u.cue is not None:
            if u.cue.sector is None:
                order.extend(_release(units, own))
                continue  # a blocked phrase ("social media")
            c.kind = u.cue.form if u.cue.form in ("person", "group", "organization") else "group"
            if c.kind == "person" and doc[u.end - 1].tag_ in ("NNS", "NNPS"):
                c.kind = "group"  # "workers" matched through its lemma "worker"
            if anchor.dep_ in ("compound", "amod", "nmod") and anchor.head.i not in where:
                head = anchor.head
                if head.lower_ not in PERSON_NOUNS or head.i < u.start:
                    order.extend(_release(units, own))
                    continue  # a modifier of a noun that names no actor: "people-to-people connections"
                end_tok = head.i + 1  # "army accountant", "intelligence agency officer": the person is the head
                span = doc[start_tok:end_tok]
                c.start, c.end, c.head, c.role = span.start_char, span.end_char, head.i, _role(head)
                c.kind = "group" if head.tag_ in ("NNS", "NNPS") or head.lower_ in ("staff", "delegation", "group",
                                                                                      "team", "personnel") else "person"
            c.name = _strip_det(span)
            c.sector = u.cue.sector
            c.term = u.cue.name
            if is_elite and c.kind == "person":
                c.sector = "ELI"
            c.rule = "term:" + u.cue.name
            own_cues = [units[j].cue for j in left if units[j].type in ("org", "term")]
            mod_secs = [cu.sector for cu in own_cues if cu is not None and cu.sector]
            if mod_secs and not is_elite and (c.sector in ("UAF", "UNK", "CVL") or u.cue.name in HEAD_TERMS):
                c.sector = mod_secs[-1]  # "Boko Haram gunmen" REB, "rebel leaders" REB, "army spokesman" MIL
            if u.cue.name in HEAD_TERMS and not is_elite:
                inst = _pp_units(doc, units, anchor, where, {"of", "for"})
                cues_of = [units[j].cue for j in inst if units[j].type in ("org", "term")]
                sec = next((cu.sector for cu in cues_of if cu is not None and cu.sector), None)
                if sec:  # "president of the Riigikogu" LEG, "spokesperson for the army" MIL
                    c.sector, c.rule = sec, c.rule + "+of-institution"
            c.plural = doc[u.end - 1].tag_ in ("NNS", "NNPS")
            c.title = _strip_det(span) if c.kind == "person" else None
            c.gender = _gender(u.cue.name)
        elif u.type == "country" and u.cue is not None:
            cu = u.cue
            if cu.form == "people":
                c.kind, c.name, c.country, c.rule = "group", _strip_det(span), cu.country, "country:people"
                c.sector = "CVL"  # "Libyans", "ordinary Kazakhs": people of a country
                prev = where.get(u.start - 1) if u.start > 0 else None
                pu = units[prev] if prev is not None else None
                home = pu.cue.country if pu is not None and pu.type == "country" and pu.cue is not None \
                    and pu.cue.form in ("adjective", "name") and pu.cue.country != cu.country else None
                if home and doc[u.end - 1].text in ETHNIC_PEOPLE:
                    # "Bosnian Serbs", "Kosovo Albanians": an ethnic group named by the country it lives in
                    c.country, c.rule = home, "country:people+residence"
                elif u.end < len(doc) and doc[u.end].lower_ == "of" and doc[u.end - 1].text in ETHNIC_PEOPLE \
                        and (there := places_in(places, doc[u.end].idx, doc[u.end].right_edge.idx
                                                + len(doc[u.end].right_edge.text))) not in (None, cu.country):
                    # "the Albanians of southern Serbia", "the Kurds of Iraq": where they live
                    c.country, c.rule = there, "country:people+residence"
                elif u.start > 0 and doc[u.start - 1].lower_ == "ethnic":
                    # "ethnic Albanians in Serbia" live in Serbia: an ethnicity is not a state; the country
                    # comes from the phrase's places or the clause's (see _locals_of_sentence), else null
                    c.country = places_in(places, span.start_char, span.end_char)
                    c.rule = "country:people+ethnic"
            elif cu.form in ("capital", "seat"):
                c.kind, c.country = "organization", cu.country
                c.sector = cu.sector or "GOV"
                c.name = f"Government of {names.get(cu.country or '', cu.country)}" if c.sector == "GOV" else span.text
                c.rule = f"country:{cu.form}"
            else:
                c.kind, c.country, c.name = "country", cu.country, names.get(cu.country or "", span.text)
                c.rule = f"country:{cu.form}"
            c.country_rule = "country:" + cu.form
            c.start, c.end = doc[u.start].idx, doc[u.end - 1].idx + len(doc[u.end - 1].text)
        elif u.type == "entorg":
            c.kind, c.name, c.rule = "organization", _strip_det(span), "entity:ORG"
        else:
            continue
        c.confidence = _confidence(c)
        out.append(c)
        if k in appos_of:
            c.ref = -1 - appos_of[k]  # resolved to the person's candidate below
    # link appositions to the person candidates (unit index -> candidate index)
    cand_of_unit = {c.unit: i for i, c in enumerate(out)}
    # "Hungarian and Romanian officials": one group of two nationalities (the pair), and each nationality
    # word a mention of its country, so that events can take the sides ("French and Egyptian warships")
    sides: list[Cand] = []
    for c in out:
        if units[c.unit].type != "country" or c.kind != "country":
            continue
        tok = doc[c.head]
        if tok.dep_ != "conj":
            continue
        found = where.get(tok.head.i)
        owner = units[found].owner if found is not None else None
        core = out[cand_of_unit[owner]] if owner is not None and owner in cand_of_unit else None
        if core is None and tok.head.dep_ == "pobj" and tok.head.head.lower_ == "of":
            # "the foreign ministers of India and Japan": the group whose "of" phrase names both
            core = next((o for o in out if o.head == tok.head.head.head.i and o.unit >= 0), None)
        if core is not None and core.kind in ("group", "organization") and core.term and core.country \
                and core.country != c.country and c.country and not core.members:
            # one group of two nationalities: a pair actor, like "the two countries" ("pair:country:HUN+ROU")
            codes = (core.country, c.country)
            core.members, core.kind, core.country = codes, "group", None
            core.rule = "pair:country:" + "+".join(codes)
            core.key = f"pair:{core.sector}:{core.name.lower()}"
            fu = units[found] if found is not None else None
            first, last = (doc[fu.start], doc[fu.end - 1]) if fu is not None else (tok.head, tok.head)
            sides.append(replace(c, start=first.idx, end=last.idx + len(last.text), head=tok.head.i,
                                 country=codes[0], name=names.get(codes[0], first.text), unit=-1, ref=None,
                                 key=None, extra_spans=[]))
    out.extend(sides)
    for c in out:
        if c.ref is not None and c.ref < 0:
            c.ref = cand_of_unit.get(-1 - c.ref)
    return out



def _release(units: list[Unit], own: Sequence[int]) -> list[int]:
    """Free the modifiers of a phrase that names no actor, so they stand on their own."""
    for j in own:
        units[j].owner = None
        units[j].used = False
    return list(own)


def _role(tok: Token) -> str:
    """The grammatical role of a phrase head; a conjunct takes its first conjunct's role."""
    hops = 0
    while tok.dep_ == "conj" and hops < 5:
        tok = tok.head
        hops += 1
    if tok.dep_ == "pobj":
        return f"pobj:{tok.head.lower_}"
    return tok.dep_


def _strip_det(span: Span) -> str:
    toks = list(span)
    while toks and (toks[0].dep_ == "det" or toks[0].is_punct):
        toks = toks[1:]
    return "".join(t.text_with_ws for t in toks).strip() if toks else span.text


def _gender(title: str | None) -> str | None:
    if not title:
        return None
    low = title.lower()
    if any(w in low.split() or low.endswith(w) for w in FEMALE):
        return "f"
    if any(w in low.split() for w in MALE):
        return "m"
    return None


def _confidence(c: Cand) -> float:
    if c.kind == "person":
        return 0.9 if c.country and c.sector else 0.7 if (c.country or c.sector) else 0.5
    if c.kind == "country":
        return 0.95
    return 0.85 if c.country else 0.6

