"""Implied recipients (``annotate/events/recipients.py``): a domestic event's own state, an act on a
foreign territory's host, and the cases where the text gives no ground for either."""

from __future__ import annotations

from typing import Any

import pytest

from bilateral import Engine
from bilateral.annotate.events.recipients import IMPLIED_HOST_RULE, IMPLIED_RULE


def _coded(engine: Any, text: str) -> list[tuple[str, str, str, str]]:
    doc = engine.extract(text, published="2025-03-12")
    actors = {a.id: a for a in doc.actors}
    out = []
    for e in doc.events:
        t = actors.get(e.target or "")
        out.append((e.type, actors[e.source].country or "", (t.country or "") if t else "", t.rule if t else ""))
    return out


@pytest.mark.parametrize("text,want", [
    ("Egyptian demonstrators rioted on Monday and burned tyres.", ("PROTEST", "EGY", "EGY")),
    ("Nigerian teachers called off their four-day strike.", ("CONCEDE", "NGA", "NGA")),
    ("Turkish authorities imposed a curfew in the town of Cizre.", ("COERCE", "TUR", "TUR")),
    # the attribution of a reported statement is not part of the event
    ("Kenyan rebels threatened to resume their attacks, Ugandan officials said.", ("THREATEN", "KEN", "KEN")),
])
def test_a_domestic_event_gets_its_own_state_as_implied_recipient(engine: Any, text: str,
                                                                   want: tuple[str, str, str]) -> None:
    got = _coded(engine, text)
    assert (*want, IMPLIED_RULE) in got, got


@pytest.mark.parametrize("text,want", [
    ("Kenyan police arrested three suspects in Uganda.", ("COERCE", "KEN", "UGA")),
    ("Israel eased restrictions on goods entering Gaza, officials said.", ("CONCEDE", "ISR", "PSE")),
])
def test_an_act_on_a_foreign_territory_gets_its_host_as_implied_recipient(engine: Any, text: str,
                                                                          want: tuple[str, str, str]) -> None:
    got = _coded(engine, text)
    assert (*want, IMPLIED_HOST_RULE) in got, got


@pytest.mark.parametrize("text", [
    # another country in the event's own sentence: no ground for a domestic reading
    "Kenyan rebels threatened to resume their attacks near the Ugandan border.",
    # talks and statements are not done to the country that hosts them
    "The Brazilian president spoke at a summit in Peru.",
    "The Japanese prime minister held talks in Berlin.",
])
def test_no_implied_recipient_without_ground(engine: Any, text: str) -> None:
    got = _coded(engine, text)
    assert got and all(rule == "" for *_, rule in got), got


def test_implied_recipient_is_one_flagged_actor_without_mentions(engine: Any) -> None:
    doc = engine.extract("Egyptian demonstrators rioted in Cairo. Egyptian police later imposed a curfew. "
                         "Egyptian police arrested 40 people.", published="2025-03-12")
    implied = [a for a in doc.actors if a.rule == IMPLIED_RULE]
    assert len(implied) == 1 and implied[0].mentions == () and implied[0].kind == "country"
    hit = [e for e in doc.events if e.target == implied[0].id]
    assert len(hit) >= 2
    assert all("implied domestic recipient EGY" in e.why for e in hit)
    named = [e for e in doc.events if e.target and e.target != implied[0].id]
    assert all(e.confidence <= 0.75 for e in hit) and all(e.confidence > 0.75 for e in named if "noun" not in e.why)


def test_the_setting_turns_implied_recipients_off(engine: Engine) -> None:
    off = Engine(engine.settings.with_overrides(implied_recipients=False), nlp=engine.nlp)
    doc = off.extract("Egyptian demonstrators rioted on Monday.", published="2025-03-12")
    assert doc.events and all(e.target is None for e in doc.events)
    assert not any(a.rule.startswith("implied:") for a in doc.actors)


@pytest.mark.parametrize("text,want", [
    # a conflict act on an object that is no actor is kept when its recipient is implied ...
    ("The British government outlawed the largest extremist organization in Northern Ireland.",
     ("COERCE", "GBR", "GBR", IMPLIED_RULE)),
    ("Russian troops captured a strategic village in eastern Ukraine.", ("ASSAULT", "RUS", "UKR", IMPLIED_HOST_RULE)),
])
def test_an_act_on_an_object_that_is_no_actor_takes_an_implied_recipient(engine: Any, text: str,
                                                                         want: tuple[str, ...]) -> None:
    assert want in _coded(engine, text)


@pytest.mark.parametrize("text", [
    "US troops captured a village on Monday.",  # ... and dropped when none is: troops act abroad
    "Germany attacked the proposal.",  # no place, no recipient: words, not force
    "The ministry banned the book, Turkish and Greek officials said.",  # two countries: no ground
])
def test_an_act_on_an_object_without_implied_recipient_is_not_coded(engine: Any, text: str) -> None:
    assert not _coded(engine, text)


def test_an_ethnic_population_is_not_its_kin_state(engine: Any) -> None:
    got = _coded(engine, "Serb forces carried out ethnic cleansing in Montenegro against the Albanian "
                         "population of the province.")
    assert ("ASSAULT", "SRB", "MNE", IMPLIED_HOST_RULE) in got and not any(t == "ALB" for _, _, t, _ in got)
    doc = engine.extract("The Turkish minority in Bulgaria protested against the new law.", published="2025-03-12")
    assert {a.country for a in doc.actors} == {"BGR"}


def test_a_passive_state_act_takes_the_host_state_as_agent(engine: Any) -> None:
    doc = engine.extract("Two Chinese nationals were arrested in Kenya on Monday.", published="2025-03-12")
    actors = {a.id: a for a in doc.actors}
    coded = [(e.type, actors[e.source].country, actors[e.target or ""].country if e.target else "",
              actors[e.source].rule) for e in doc.events]
    assert coded == [("COERCE", "KEN", "CHN", "implied:host-agent")]
    assert not actors[doc.events[0].source].mentions and "implied host agent KEN" in doc.events[0].why


@pytest.mark.parametrize("text,source", [
    ("Two Chinese nationals were arrested in Kenya by Ugandan police.", "UGA"),  # the agent is named
])
def test_a_named_agent_wins_over_the_host(engine: Any, text: str, source: str) -> None:
    assert [s for _, s, _, _ in _coded(engine, text)] == [source]


@pytest.mark.parametrize("text", [
    "Two Chinese nationals were killed in Kenya.",  # anyone kills: no agent implied
    "Two Chinese nationals were arrested in Kenya and Uganda.",  # two states: no one host
    "The suspects were arrested on Monday.",  # no place
])
def test_no_implied_agent_without_ground(engine: Any, text: str) -> None:
    assert not _coded(engine, text)


@pytest.mark.parametrize("text", [
    # a state's cooperation or aid with no named partner is with a partner named elsewhere in the story
    "Yoon said Seoul would expand cooperation in digital technology and health care.",
    "Australia will provide 50 million dollars in development assistance.",
    # a state speaking for itself in the attribution makes the statement international
    "Kenyan rebels threatened to resume their attacks, Uganda said.",
    "Kenyan rebels threatened to resume their attacks, Kampala said.",
])
def test_no_domestic_recipient_for_a_states_cooperation_or_a_foreign_states_statement(engine: Any, text: str) -> None:
    got = _coded(engine, text)
    assert got and all(rule == "" for *_, rule in got), got


def test_a_domestic_groups_agreement_is_with_its_own_state(engine: Any) -> None:
    got = _coded(engine, "Azerbaijani opposition leaders agreed to postpone the rally until November.")
    assert ("AGREE", "AZE", "AZE", IMPLIED_RULE) in got, got


@pytest.mark.parametrize("text", [
    "China declined to comment.",  # a state named as a whole acts on others, named elsewhere
    "Qatar cut off some aid in 2012.",
])
def test_no_domestic_recipient_for_a_state_named_as_a_whole(engine: Any, text: str) -> None:
    assert all(rule != IMPLIED_RULE for *_, rule in _coded(engine, text))
