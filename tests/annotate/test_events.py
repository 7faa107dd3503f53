"""Events stage: the PLOVER table, the lexicon, argument frames, status, date/place, and gold floors.

Unit cases build actors by hand (country names found in the text), so they test the events stage
alone; the gold floors run the whole engine and skip when ../shared or the actors stage is absent.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest

from bilateral.annotate.context import Context
from bilateral.annotate.events import find_events
from bilateral.annotate.events.lexicon import Entry, lexicon, plover_types, validate_entry
from bilateral.errors import BilateralError
from bilateral.ingest.article import Article
from bilateral.record import Actor, Event, Mention, Place, Time
from bilateral.settings import Settings

ROOT = Path(__file__).resolve().parents[2]

# ------------------------------------------------------------------------------- the tables


def test_plover_table_has_the_16_types_with_quads_and_roots() -> None:
    types = plover_types()
    assert len(types) == 16
    assert {t.quad for t in types.values()} == {1, 2, 3, 4}
    assert sum(t.quad == 1 for t in types.values()) == 4
    assert types["AID"].intensity == 10.0 and types["ASSAULT"].intensity == -9.0
    assert "ceasefire" in types["RETREAT"].modes and "aerial" in types["ASSAULT"].modes
    for t in types.values():
        assert all(re.fullmatch(r"\d{2,3}", c) for c in t.cameo), t
        assert -10 <= t.intensity <= 10


def test_every_type_has_triggers_and_every_entry_is_valid() -> None:
    lex = lexicon()
    entries = [e for table in (lex.verbs, lex.nouns) for es in table.values() for e in es]
    assert {e.type for e in entries} == set(plover_types())
    for e in entries:
        validate_entry(e, plover_types())  # raises on a bad code


@pytest.mark.parametrize("bad", [
    Entry("verb", "x", (), "DEMAND", None, "10", (), frozenset(), ()),       # retired type
    Entry("verb", "x", (), "ASSAULT", "strike", "18", (), frozenset(), ()),  # mode of another type
    Entry("verb", "x", (), "ASSAULT", None, "13", (), frozenset(), ()),      # CAMEO outside its roots
    Entry("verb", "x", (), "AID", None, "07", (), frozenset({"sometimes"}), ()),
])
def test_invalid_entries_are_refused(bad: Entry) -> None:
    with pytest.raises(BilateralError):
        validate_entry(bad, plover_types())


# ------------------------------------------------------------------------------- unit cases

COUNTRIES = {"US": "USA", "Lebanon": "LBN", "Vietnam": "VNM", "Australia": "AUS", "Ukraine": "UKR", "Russia": "RUS", "Russian": "RUS",
             "Syria": "SYR", "Israel": "ISR", "Cambodia": "KHM", "Korea": "KOR", "Pakistan": "PAK",
             "Afghanistan": "AFG", "India": "IND", "China": "CHN", "Taiwan": "TWN", "Serbia": "SRB",
             "Kosovo": "XKX", "Japan": "JPN", "Turkey": "TUR", "Egypt": "EGY", "Sudan": "SDN", "Iran": "IRN",
             "Iraq": "IRQ", "Paris": "FRA", "France": "FRA", "Germany": "DEU", "Greece": "GRC",
             "Mali": "MLI", "Chile": "CHL", "Peru": "PER", "Canada": "CAN", "Haiti": "HTI", "Hungarian": "HUN",
             "Romanian": "ROU", "Poland": "POL", "Belarus": "BLR", "Nigeria": "NGA", "Brazil": "BRA"}


def hand_actors(text: str) -> list[Actor]:
    """One country actor per name in COUNTRIES, with every mention; 'analyst' as a person without country."""
    actors = []
    for n, (name, code) in enumerate(COUNTRIES.items(), 1):
        spans = [(m.start(), m.end()) for m in re.finditer(rf"\b{name}\b", text)]
        if spans:
            actors.append(Actor(id=f"a{n}", name=name, kind="country", country=code, sector="GOV", title=None,
                                mentions=tuple(Mention(s, text[s[0]:s[1]]) for s in spans), confidence=1.0))
    return actors


def run(nlp: Any, text: str, *, times: list[Time] | None = None, places: list[Place] | None = None,
        actors: list[Actor] | None = None) -> tuple[list[Event], dict[str, Actor]]:
    doc = nlp(text)
    ctx = Context(doc=doc, article=Article(text=text), settings=Settings(), published=dt.date(2024, 9, 13))
    acts = hand_actors(text) if actors is None else actors
    events = find_events(ctx, actors=acts, times=times or [], places=places or [])
    return events, {a.id: a for a in acts}


def triples(events: list[Event], actors: dict[str, Actor]) -> set[tuple[str, str, str, str]]:
    def code(ref: str | None) -> str:
        return (actors[ref].country or "") if ref else ""
    return {(e.type, code(e.source), code(e.target), e.status) for e in events}


ASSERTED = [
    ("Vietnam and Australia agreed to expand cooperation.", ("AGREE", "VNM", "AUS")),
    ("Ukraine was attacked by Russia on Tuesday.", ("ASSAULT", "RUS", "UKR")),
    ("Syria said Israel had bombed an airbase near Homs.", ("ASSAULT", "ISR", "")),
    ("Cambodia asked Korea to consider upgrading relations.", ("REQUEST", "KHM", "KOR")),
    ("Talks between Egypt and Sudan began in Cairo.", ("CONSULT", "EGY", "SDN")),
    ("Iran hosted a delegation from Iraq.", ("CONSULT", "IRQ", "IRN")),
    ("Germany condemned Russia over the election.", ("ACCUSE", "DEU", "RUS")),
    ("Greece called on Turkey to halt the drilling.", ("REQUEST", "GRC", "TUR")),
    ("France withdrew its troops from Mali.", ("RETREAT", "FRA", "MLI")),
    ("Chile and Peru signed a fisheries agreement.", ("SUPPORT", "CHL", "PER")),
    ("Canada suspended aid to Haiti.", ("SANCTION", "CAN", "HTI")),
    ("Senior Hungarian and Romanian officials agreed on cooperation.", ("AGREE", "HUN", "ROU")),
    ("Poland imposed sanctions on Belarus.", ("SANCTION", "POL", "BLR")),
    ("Japan sent relief supplies to Turkey.", ("AID", "JPN", "TUR")),
    ("Russian troops shelled Ukraine overnight.", ("ASSAULT", "RUS", "UKR")),
    ("Japan said on Tuesday it had halted aid to Serbia.", ("SANCTION", "JPN", "")),  # "it" = the sayer
    ("A visit by Japan to Iran ended on Monday.", ("CONSULT", "JPN", "IRN")),
    ("The signing of the treaty between Chile and Peru took place in Lima.", ("SUPPORT", "CHL", "PER")),
    ("Syria says it is willing to withdraw its troops from Lebanon.", ("AGREE", "SYR", "")),
]


@pytest.mark.parametrize("text,want", ASSERTED)
def test_asserted_events_with_their_actors(nlp: Any, text: str, want: tuple[str, str, str]) -> None:
    events, actors = run(nlp, text)
    got = {(t, s, r) for t, s, r, st in triples(events, actors) if st in ("asserted", "future")}
    if want[2] == "":
        assert any(g[:2] == want[:2] for g in got), (text, got)
    else:
        assert want in got, (text, got, [e.why for e in events])


@pytest.mark.parametrize("text,forbidden", [
    ("Syria said Israel had bombed an airbase near Homs.", ("ASSAULT", "SYR")),     # reported: not the speaker
    ("Cambodia asked Korea to consider upgrading relations.", ("SUPPORT", "KOR")),    # request content
    ("Cambodia asked Korea to consider upgrading relations.", ("SUPPORT", "KHM")),
    ("Pakistan denied that it had attacked Afghanistan.", ("ASSAULT", "PAK")),
    ("India did not attack Pakistan.", ("ASSAULT", "IND")),
    ("China could attack Taiwan within five years.", ("ASSAULT", "CHN")),
    ("If Serbia recognizes Kosovo, talks may follow.", ("SUPPORT", "SRB")),
    ("Analysts said China will attack Taiwan.", ("ASSAULT", "CHN")),
    ("An analyst said Japan will send aid to Turkey.", ("AGREE", "JPN")),
    ("Protesters in Paris attacked the police.", ("ASSAULT", "FRA")),                 # location is no actor
    ("The US claimed that they had attacked Iraq.", ("ASSAULT", "")),                 # "they" is not the US
    ("The weather in Paris was warm on Monday.", ("", "")),
    ("A museum in Iran reopened after renovation.", ("", "")),
    ("Brazil has a population of about 200 million people.", ("", "")),
    ("Japan and Korea signed the deal on March 14.", ("PROTEST", "")),                 # a month, not a march
    ("Germany called the attack by Russia aggressive.", ("ASSAULT", "DEU")),         # describing is not doing
])
def test_nothing_asserted_that_is_not(nlp: Any, text: str, forbidden: tuple[str, str]) -> None:
    events, actors = run(nlp, text)
    for t, s, _, st in triples(events, actors):
        if st in ("asserted", "future"):
            assert not (t.startswith(forbidden[0]) and s.startswith(forbidden[1])), (text, t, s, st)


@pytest.mark.parametrize("text,want", [
    ("Pakistan denied that it had attacked Afghanistan.", "negated"),
    ("India did not attack Pakistan.", "negated"),
    ("China could attack Taiwan within five years.", "hypothetical"),
    ("Japan did not rule out attacking China.", "hypothetical"),
    ("Japan will send aid to Turkey.", "future"),
])
def test_status(nlp: Any, text: str, want: str) -> None:
    actors = hand_actors(text)
    if "it had" in text:  # the pronoun refers to Pakistan, as the actors stage would attach it
        pak = actors[0] if actors[0].country == "PAK" else actors[1]
        i = text.index("it had")
        pak2 = Actor(**{**pak.__dict__, "mentions": (*pak.mentions, Mention((i, i + 2), "it"))})
        actors = [pak2 if a.id == pak.id else a for a in actors]
    events, _ = run(nlp, text, actors=actors)
    assert events, text
    assert {e.status for e in events} == {want}, [(e.type, e.status, e.why) for e in events]


def test_future_cooperation_is_agree(nlp: Any) -> None:
    events, actors = run(nlp, "Japan will send aid to Turkey.")
    assert [(e.type, e.status) for e in events] == [("AGREE", "future")]


def test_date_place_spans_and_why(nlp: Any) -> None:
    text = "Japan met Korea in Seoul on September 11, officials said."
    s, t = text.index("Seoul"), text.index("September 11")
    places = [Place(id="p1", text="Seoul", span=(s, s + 5), name="Seoul", country="KOR", lat=37.57, lon=126.98,
                    geonameid=1835848, feature="city")]
    times = [Time(id="t1", text="September 11", span=(t, t + 12), type="date", value="2024-09-11", anchor="published")]
    events, actors = run(nlp, text, times=times, places=places)
    # a meeting is reciprocal: each side is the other's recipient, both from the one trigger
    assert {(e.type, actors[e.source].country, actors[e.target or ""].country) for e in events} == {
        ("CONSULT", "JPN", "KOR"), ("CONSULT", "KOR", "JPN")}
    assert len({e.trigger.span for e in events}) == 1
    e = events[0]
    assert (actors[e.source].country, actors[e.target or ""].country) == ("JPN", "KOR")
    assert e.date == "2024-09-11" and e.place == "p1" and e.sentence == 0
    assert text[e.trigger.span[0]:e.trigger.span[1]] == e.trigger.text == "met"
    assert text[e.evidence.span[0]:e.evidence.span[1]] == e.evidence.text == text
    assert e.quad == 1 and e.cameo.startswith("04") and "meet" in e.why
    assert 0 < e.confidence <= 1


def test_an_asserted_event_is_not_dated_after_publication(nlp: Any) -> None:
    text = "Cambodia asked Korea in three years to upgrade relations."
    t = text.index("in three years")
    times = [Time(id="t1", text="in three years", span=(t, t + 14), type="date", value="2027", anchor="published")]
    events, _ = run(nlp, text, times=times)
    request = [e for e in events if e.type == "REQUEST"]
    assert request and request[0].date == "2024-09-13"


def test_a_host_welcoming_a_visitor_is_consult_with_the_visitor_as_actor(nlp: Any) -> None:
    text = "President Trong welcomed President Biden in Hanoi."
    people = [Actor(id="a1", name="Trong", kind="person", country="VNM", sector="GOV", title="President",
                    mentions=(Mention((0, 15), "President Trong"),), confidence=1.0),
              Actor(id="a2", name="Biden", kind="person", country="USA", sector="GOV", title="President",
                    mentions=(Mention((25, 40), "President Biden"),), confidence=1.0)]
    events, actors = run(nlp, text, actors=people)
    assert [(e.type, e.mode, actors[e.source].country, actors[e.target or ""].country) for e in events] \
        == [("CONSULT", "visit", "USA", "VNM")]


def test_background_clause_takes_no_date_from_the_main_clause(nlp: Any) -> None:
    text = "Iran reopened its embassy on June 6, seven years after Canada cut ties with Iran."
    t = text.index("June 6")
    times = [Time(id="t1", text="June 6", span=(t, t + 6), type="date", value="2024-06-06", anchor="published")]
    events, actors = run(nlp, text, times=times)
    cut = [e for e in events if e.type == "SANCTION"]
    assert cut and actors[cut[0].source].country == "CAN" and cut[0].date is None


def test_publication_date_when_the_clause_has_none(nlp: Any) -> None:
    events, _ = run(nlp, "Poland imposed sanctions on Belarus.")
    assert events and events[0].date == "2024-09-13"


def test_no_actor_no_event(nlp: Any) -> None:
    events, _ = run(nlp, "Ukraine was attacked by Russia.", actors=[])
    assert events == []
    events, _ = run(nlp, "The rebels attacked the convoy and killed the drivers.")
    assert events == []


def test_visit_host_from_destination_place(nlp: Any) -> None:
    text = "Cambodia's prime minister made a visit to Seoul. Korea and Cambodia are partners."
    s = text.index("Seoul")
    places = [Place(id="p1", text="Seoul", span=(s, s + 5), name="Seoul", country="KOR", lat=37.57, lon=126.98,
                    geonameid=1835848, feature="city")]
    events, actors = run(nlp, text, places=places)
    got = {(e.type, actors[e.source].country, actors[e.target].country if e.target else "") for e in events}
    assert ("CONSULT", "KHM", "KOR") in got, [e.why for e in events]


def test_seed_events_and_no_analyst_predictions(seed_record: Any, seed_gold: dict[str, Any]) -> None:
    actors = {a.id: a for a in seed_record.actors}
    if not actors:
        pytest.skip("the actors stage finds no actors yet")
    counted = [e for e in seed_record.events if e.status in ("asserted", "future")]
    got = {(e.type, actors[e.source].country, actors[e.target].country if e.target else "") for e in counted}
    assert ("REQUEST", "KHM", "KOR") in got
    request = next(e for e in counted if e.type == "REQUEST")
    assert request.mode == "change" and request.sentence == 0
    text = seed_record.text
    analyst_from = text.index("Thong Mengdavid")
    assert not [e for e in counted if e.trigger.span[0] >= analyst_from], "an analyst's view was asserted"
    meeting = [e for e in counted if e.type == "CONSULT" and e.trigger.text == "meeting"]
    assert meeting and meeting[0].date == "2024-09-11"


# ------------------------------------------------------------------------------- gold floors

#: pinned a little below the figures measured with the actors stage of the day (seed 1.0/1.0, held-out
#: 0.864/0.903, held-out 2 0.912/0.90 (0.647/0.793 before the argument-phrase work), PLOVER 0.437 recall /
#: 0.469 dyad, PETR-2 0.417; after the verb-class work: held-out 0.898/0.922, held-out 2 0.971/0.907,
#: PLOVER 0.525/0.563, PETR-2 0.50; later held-out 0.932/0.953, held-out 2 0.971/0.929, PLOVER 0.536/0.574;
#: then PLOVER 0.545/0.583, PETR-2 0.514 with precision 1.0, nothing asserted on its no-event sentences;
#: with implied recipients, reciprocal meetings and the rest of the third session: PLOVER 0.615/0.656,
#: PETR-2 0.611 / 1.0, held-out 0.983/0.985, held-out 2 0.971/0.932; then PLOVER 0.630/0.673); raise them,
#: never lower them
FLOORS = {
    "seed": {"event_recall": 0.75, "event_precision": 0.75},
    "heldout": {"event_recall": 0.95, "event_precision": 0.95},
    "heldout2": {"event_recall": 0.94, "event_precision": 0.9},
    "plover": {"event_recall": 0.62, "dyad_recall": 0.66},
    "petr2": {"event_recall": 0.60, "event_precision": 0.99},
}
#: with ``codes = "cameo"`` (UN and EU bodies as IGO, as these CAMEO-era gold sets code them): PLOVER
#: 0.706 / dyad 0.755, PETR-2 0.639 / dyad 0.750
CAMEO_FLOORS = {
    "plover": {"event_recall": 0.69, "dyad_recall": 0.745},
    "petr2": {"event_recall": 0.62, "dyad_recall": 0.74},
}


def _benchmark() -> Any:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import events_gold

    return events_gold


@pytest.mark.slow
@pytest.mark.parametrize("name,codes", [(n, "plover") for n in sorted(FLOORS)] +
                         [(n, "cameo") for n in sorted(CAMEO_FLOORS)])
def test_gold_floors(engine: Any, shared: Path, name: str, codes: str) -> None:
    from bilateral import Engine

    bench = _benchmark()
    path = bench.SETS[name]
    if not path.is_file() or not bench.SCORER.is_file():
        pytest.skip(f"{path} or the scorer is not present")
    probe = engine.extract("Japan and Korea agreed to cooperate.", published="2024-01-01")
    if not probe.actors:
        pytest.skip("the actors stage finds no actors yet")
    coder = engine if codes == "plover" else Engine(engine.settings.with_overrides(codes=codes), nlp=engine.nlp)
    gold, records = bench.run_set(coder, path)
    summary = bench.score(gold, records)
    for metric, floor in (FLOORS if codes == "plover" else CAMEO_FLOORS)[name].items():
        assert summary[metric] >= floor, (name, codes, metric, summary)
    assert summary["forbidden"] == 0, summary


def test_heldout_set_is_well_formed() -> None:
    rows = [json.loads(x) for x in (ROOT / "tests" / "data" / "events_heldout.jsonl").read_text().splitlines()]
    assert len(rows) >= 60
    types = {e["type"] for r in rows for e in r["events"]}
    assert types == set(plover_types())
    assert sum(1 for r in rows if not r["events"]) >= 10  # negated, hypothetical, no-event


# ------------------------------------------------------------- whole engine: argument phrases

def _engine_triples(engine: Any, text: str) -> set[tuple[str, str, str]]:
    doc = engine.extract(text, published="2025-03-12")
    country = {a.id: a.country or "" for a in doc.actors}
    return {(e.type, country[e.source], country.get(e.target or "", "")) for e in doc.events
            if e.status in ("asserted", "future")}


@pytest.mark.parametrize("text,want", [
    # a country after a directed verb's preposition is its recipient, not a place
    ("Iraqi gunners fired anti-aircraft batteries at Iran.", ("ASSAULT", "IRQ", "IRN")),
    ("Chadian soldiers shot at Libya's patrol boats.", ("ASSAULT", "TCD", "LBY")),
    # the destination of a movement verb is the host of the visit (PLOVER: the host is the recipient)
    ("The Iraqi president arrived in Amman on a surprise visit.", ("CONSULT", "IRQ", "JOR")),
    ("The Greek foreign minister flew to Ankara for talks.", ("CONSULT", "GRC", "TUR")),
    ("Sri Lanka opened an embassy in Tehran.", ("SUPPORT", "LKA", "IRN")),
    ("Thousands of Iraqi Kurds sought refuge in Germany.", ("REQUEST", "IRQ", "DEU")),
    ("The Chilean president attended a summit in Peru.", ("CONSULT", "CHL", "PER")),
    ("The US president attended the Beijing Olympics.", ("CONSULT", "USA", "CHN")),
    # two nationalities on one noun: each is a side
    ("Senior Hungarian and Romanian officials agreed to cooperate.", ("AGREE", "HUN", "ROU")),
    ("U.S. and Russian negotiators held talks on missiles.", ("CONSULT", "USA", "RUS")),
    ("Indian and Chinese troops clashed along the border.", ("ASSAULT", "IND", "CHN")),
    ("Lebanon complained over two Israeli air raids.", ("ACCUSE", "LBN", "ISR")),
    ("Iran has threatened further action against Kuwait.", ("THREATEN", "IRN", "KWT")),
    # the object shifted past "as", and a stative passive's subject
    ("Albania denounced as a crime Serbia's treatment of the refugees.", ("ACCUSE", "ALB", "SRB")),
    ("Egypt is opposed to Turkish mediation.", ("REJECT", "EGY", "TUR")),
    ("Canada lifted its embargo on arms sales to Chile.", ("CONCEDE", "CAN", "CHL")),
    # a list of recipients: all of them, the fourth too
    ("Japan agreed to lift embargoes on sales to Iran, Libya, Sudan and Syria.", ("AGREE", "JPN", "SYR")),
    # the subject of a passive raising verb does the embedded act (future: CONSULT coded AGREE)
    ("The Chilean president is scheduled to attend a summit in Peru.", ("AGREE", "CHL", "PER")),
    # an event noun measured by another noun still hangs on the light verb
    ("Greek and Turkish warships launched ten days of war games.", ("COOPERATE", "GRC", "TUR")),
    ("Japan held three rounds of talks with India.", ("CONSULT", "JPN", "IND")),
    # a noun event whose light verb's subject is a pronoun of the reporting clause's subject
    ("Iraq's government announced that it is prepared to impose martial law.", ("THREATEN", "IRQ", "IRQ")),
    # the parser strands "to" before a participle: its object is still the recipient
    ("Chile granted asylum to four Bolivian officers hidden in its embassy.", ("AID", "CHL", "BOL")),
    # "scores of Sierra Leonean and Liberian refugees": both sides, a multi-word adjective first
    ("Guinean soldiers beat scores of Sierra Leonean and Liberian refugees.", ("ASSAULT", "GIN", "LBR")),
])
def test_arguments_in_prepositional_phrases(engine: Any, text: str, want: tuple[str, str, str]) -> None:
    assert want in _engine_triples(engine, text)


@pytest.mark.parametrize("text,country", [
    # traps: a country in a location phrase is no recipient
    ("The Japanese prime minister held talks in Berlin with the Indian premier.", "DEU"),
    ("Protesters burned flags outside the Israeli embassy in Berlin.", "DEU"),
    ("US and Russian negotiators returned to Geneva for talks.", "CHE"),
    ("Kenyan police met three suspects in Uganda.", "UGA"),
    ("The Brazilian president spoke at a summit in Peru.", "PER"),
])
def test_no_recipient_from_a_location_phrase(engine: Any, text: str, country: str) -> None:
    assert all(t[2] != country for t in _engine_triples(engine, text))


def test_a_place_is_a_recipient_only_as_a_flagged_implied_host(engine: Any) -> None:
    # "fired missiles at targets in Syria": Syria is no actor of the text; the act on its territory gives it
    # as the implied recipient (PLOVER/CAMEO practice), marked so, with no mention
    doc = engine.extract("Russia fired missiles at targets in Syria.", published="2025-03-12")
    actors = {a.id: a for a in doc.actors}
    syr = [actors[e.target] for e in doc.events if e.target and actors[e.target].country == "SYR"]
    assert all(a.rule == "implied:host-recipient" and not a.mentions for a in syr)


def test_second_heldout_set_is_well_formed() -> None:
    rows = [json.loads(x) for x in (ROOT / "tests" / "data" / "events_heldout2.jsonl").read_text().splitlines()]
    assert len(rows) >= 40 and len({r["id"] for r in rows}) == len(rows)
    assert sum(1 for r in rows if not r["events"]) >= 6
    assert all(e["type"] in plover_types() for r in rows for e in r["events"] + r["forbidden"])


def test_group_of_two_countries_meets_as_both_sides(engine: Any) -> None:
    doc = engine.extract("The foreign ministers of Chile and Peru met in Lima on Monday.", published="2025-03-05")
    actors = {a.id: a for a in doc.actors}
    pairs = {(actors[e.source].country, actors[e.target].country) for e in doc.events
             if e.type == "CONSULT" and e.source and e.target}
    assert pairs == {("CHL", "PER"), ("PER", "CHL")}


def test_light_verb_with_a_mislemmatized_form(engine: Any) -> None:
    # the small pipeline lemmatizes "staged" as "stag": the light verb must still carry the noun event
    doc = engine.extract("Kenyan teachers staged demonstrations in Nairobi on Monday.", published="2025-03-05")
    assert [e.type for e in doc.events if e.status == "asserted"] == ["PROTEST"]
