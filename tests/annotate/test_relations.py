"""Relations stage: tiers, statuses, dates, dyads and traps, on sentences written for these tests.

Actors and times are built by hand (a country-name table below), so these tests exercise the
relations stage alone, whatever the actors and times stages do.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest

from bilateral.annotate.context import Context
from bilateral.annotate.relations import find_relations, level_rank, load_tiers, normalize_level
from bilateral.ingest.article import Article
from bilateral.record import Actor, Mention, Relation, Time
from bilateral.settings import Settings

NAMES = {"Cambodia": "KHM", "South Korea": "KOR", "Korea": "KOR", "Vietnam": "VNM", "the United States": "USA", "The United States": "USA",
         "Japan": "JPN", "China": "CHN", "Qatar": "QAT", "Saudi Arabia": "SAU", "Iran": "IRN", "India": "IND",
         "Hun Manet": "KHM", "Lee": "KOR", "Manila": "PHL", "the Philippines": "PHL", "Poland": "POL",
         "the European Union": "IGO"}


def hand_actors(text: str) -> list[Actor]:
    """Country actors for every name of NAMES in the text (longest names first)."""
    out: list[Actor] = []
    taken: set[int] = set()
    for i, (name, code) in enumerate(sorted(NAMES.items(), key=lambda x: -len(x[0]))):
        found = []
        for m in re.finditer(r"\b" + re.escape(name) + r"\b", text):
            if taken.isdisjoint(range(m.start(), m.end())):
                taken.update(range(m.start(), m.end()))
                found.append(Mention((m.start(), m.end()), m.group()))
        if found:
            out.append(Actor(f"a{i}", name, "country", code, "GOV", None, tuple(found), 1.0))
    return out


def hand_time(text: str, phrase: str, value: str, kind: str = "date", end: str | None = None) -> Time:
    start = text.index(phrase)
    return Time(id="t" + str(start), text=phrase, span=(start, start + len(phrase)), type=kind, value=value,
                anchor="published", end=end)


def relations(nlp: Any, text: str, *, published: str = "2024-09-13", times: tuple[Time, ...] = ()) -> list[Relation]:
    ctx = Context(doc=nlp(text), article=Article(text=text), settings=Settings(),
                  published=dt.date.fromisoformat(published))
    return find_relations(ctx, actors=hand_actors(text), times=times)


def short(rels: list[Relation]) -> set[tuple[str, str, str, str, str | None]]:
    return {(r.countries[0], r.countries[1], r.level, r.status, r.date or r.target_date) for r in rels}


CASES = [
    ("Vietnam and the United States upgraded their ties to a comprehensive strategic partnership in 2023.",
     {("USA", "VNM", "comprehensive strategic partnership", "established", "2023")}),
    ("Japan and Vietnam elevated relations to a Comprehensive Strategic Partnership in November 2023.",
     {("JPN", "VNM", "comprehensive strategic partnership", "established", "2023")}),
    ("Saudi Arabia severed diplomatic ties with Iran in 2016.",
     {("IRN", "SAU", "diplomatic relations", "severed", "2016")}),
    ("Saudi Arabia and Iran restored diplomatic relations in 2023.",
     {("IRN", "SAU", "diplomatic relations", "restored", "2023")}),
    ("Qatar and Saudi Arabia re-established diplomatic relations in 2021.",
     {("QAT", "SAU", "diplomatic relations", "restored", "2021")}),
    ("China and South Korea established diplomatic relations in 1992.",
     {("CHN", "KOR", "diplomatic relations", "established", "1992")}),
    ("Japan suspended diplomatic relations with Iran in 1980.",
     {("IRN", "JPN", "diplomatic relations", "suspended", "1980")}),
    ("Cambodia downgraded diplomatic relations with Japan to chargé d'affaires level in 2019.",
     {("JPN", "KHM", "chargé d'affaires relations", "downgraded", "2019")}),
    ("China and Vietnam will mark the 75th anniversary of diplomatic ties next year.",
     {("CHN", "VNM", "diplomatic relations", "established", "1950")}),
    ("Poland and South Korea formed a comprehensive strategic partnership in 2022.",
     {("KOR", "POL", "comprehensive strategic partnership", "established", "2022")}),
    ("Vietnam and the United States marked the 10th anniversary of their comprehensive partnership in 2023.",
     {("USA", "VNM", "comprehensive partnership", "established", "2013")}),
    ("South Korea and Japan agreed to normalize relations in 1965.",
     {("JPN", "KOR", "diplomatic relations", "established", "1965")}),
    ("Qatar and Saudi Arabia resumed diplomatic ties in January 2021 after a three-year rift.",
     {("QAT", "SAU", "diplomatic relations", "restored", "2021")}),
    ("Saudi Arabia broke off relations with Qatar in 2017.",
     {("QAT", "SAU", "diplomatic relations", "severed", "2017")}),
    ("China and the Philippines will celebrate the 50th anniversary of diplomatic relations next year.",
     {("CHN", "PHL", "diplomatic relations", "established", "1975")}),
    ("The United States and Vietnam normalized relations in 1995 and upgraded them to a comprehensive "
     "partnership in 2013.",
     {("USA", "VNM", "diplomatic relations", "established", "1995"),
      ("USA", "VNM", "comprehensive partnership", "established", "2013")}),
    ("Japan and the Philippines raised ties from a strategic partnership to a comprehensive strategic "
     "partnership in 2023.",
     {("JPN", "PHL", "comprehensive strategic partnership", "established", "2023")}),
    # no target tier named: "upgraded", level unspecified
    ("Vietnam and India upgraded their strategic partnership in 2016.",
     {("IND", "VNM", "relations", "upgraded", "2016")}),
    # a proposal carries the target year, not a date
    ("Vietnam and Japan discussed upgrading ties to a comprehensive strategic partnership.",
     {("JPN", "VNM", "comprehensive strategic partnership", "proposed", None)}),
    ("India urged Japan to upgrade their relationship to a comprehensive strategic partnership by 2030.",
     {("IND", "JPN", "comprehensive strategic partnership", "proposed", "2030")}),
    ("Vietnam and Japan will raise ties to an alliance in the next five years.",
     {("JPN", "VNM", "alliance", "proposed", "2029")}),
    ("The agreement reflects Vietnam's desire to establish diplomatic relations with Qatar.",
     {("QAT", "VNM", "diplomatic relations", "proposed", None)}),
    ("India and Japan met in Delhi in an attempt to restore diplomatic relations.",
     {("IND", "JPN", "diplomatic relations", "proposed", None)}),
    # the document's dyad stands for "the two countries"
    ("Hun Manet met Lee in Seoul. The two countries agreed to work toward a strategic partnership by 2030.",
     {("KHM", "KOR", "strategic partnership", "proposed", "2030")}),
]

TRAPS = [
    "Relations between China and Japan remain tense.",
    "Vietnam and India enjoy a strong partnership.",
    "Analysts called the strong and strategic partnership between Japan and India a model.",
    "India and Japan could upgrade their relationship to an alliance.",
    "Japan did not establish diplomatic relations with Vietnam until 1973.",
    "Vietnam threatened to cut ties with China.",
    "Japan and India signed trade agreements and expanded economic ties in 2022.",
    "Japan and India have been strategic partners since 2006.",
    "China and Japan have no diplomatic relations with the region's rebels.",
    "Saudi Arabia cut oil output and Iran cut prices.",
    "The two countries have enjoyed diplomatic relations since 1997, when Cambodia and South Korea first met.",
    "Relations soured after Japan expelled China's ambassador.",
    "If Vietnam upgrades ties with the United States, China will respond.",
    "South Korea denied that it had severed ties with Iran.",
    "The opposition in Japan wants to sever ties with China.",
    "India and the United States have a comprehensive global strategic partnership.",
    "Vietnam has comprehensive strategic partnerships with China, India and South Korea.",
    "Japan and India agreed to reduce tensions in relations with China.",
    "Vietnam cut tariffs to boost trade ties with Japan.",
    "Japan raised the issue of relations with China at the summit.",
    "Iran and Saudi Arabia have had no diplomatic relations since 2016.",
    "Japan is considering downgrading relations with China.",
    "Japan and the United States, allies who launched a joint drill, met in Tokyo.",
    "Japan rejected a move by Vietnam that would have seen the two countries sever diplomatic ties.",
    "Vietnam welcomed Japan's investors. He personally forged the relationships that brought the money.",
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_relation_statements(nlp: Any, text: str, expected: set[tuple[str, ...]]) -> None:
    assert short(relations(nlp, text)) == expected


@pytest.mark.parametrize("text", TRAPS)
def test_no_relation_statement(nlp: Any, text: str) -> None:
    assert relations(nlp, text) == []


def test_times_from_the_times_stage(nlp: Any) -> None:
    text = ("Cambodia and South Korea elevated bilateral relations to a strategic partnership in May. "
            "Cambodia asked Korea to consider upgrading Cambodia-Korea relations to a comprehensive strategic "
            "partnership within the next three years, as the two countries prepare to celebrate the 30th "
            "anniversary of diplomatic relations.")
    times = (hand_time(text, "May", "2024-05"), hand_time(text, "the next three years", "P3Y", "duration"))
    got = short(relations(nlp, text, times=times))
    assert got == {("KHM", "KOR", "strategic partnership", "established", "2024-05"),
                   ("KHM", "KOR", "comprehensive strategic partnership", "proposed", "2027"),
                   ("KHM", "KOR", "diplomatic relations", "established", "1997")}


def test_duration_end_from_the_times_stage(nlp: Any) -> None:
    text = "Japan and Vietnam plan to upgrade ties to an alliance over the coming years."
    times = (hand_time(text, "the coming years", "P4Y", "duration", end="2028"),)
    assert short(relations(nlp, text, times=times)) == {("JPN", "VNM", "alliance", "proposed", "2028")}


def test_record_fields(nlp: Any) -> None:
    text = "Vietnam and Japan marked the tenth anniversary. Japan and Vietnam became strategic partners in 2006."
    rels = relations(nlp, text)
    assert len(rels) == 1
    rel = rels[0]
    assert rel.countries == ("JPN", "VNM")
    assert (rel.level, rel.status, rel.date, rel.target_date) == ("strategic partnership", "established", "2006", None)
    assert rel.surface == "strategic partners"
    assert text[rel.evidence.span[0]:rel.evidence.span[1]] == rel.evidence.text
    assert rel.evidence.text.startswith("Japan and Vietnam became")


def test_one_relation_per_dyad_level_status(nlp: Any) -> None:
    text = ("China and South Korea established diplomatic relations in 1992. "
            "Since China and South Korea established diplomatic relations, trade has grown.")
    rels = relations(nlp, text)
    assert [(r.level, r.date) for r in rels] == [("diplomatic relations", "1992")]


def test_international_codes_are_not_countries(nlp: Any) -> None:
    text = "Vietnam and the European Union upgraded ties to a comprehensive partnership in 2012."
    assert relations(nlp, text) == []


@pytest.mark.parametrize(("surface", "level"), [
    ("strategic partners", "strategic partnership"),
    ("Comprehensive Strategic Partnership", "comprehensive strategic partnership"),
    ("diplomatic ties", "diplomatic relations"),
    ("all-round strategic partnership", "comprehensive strategic partnership"),
    ("a strong partnership", None),
])
def test_normalize_level(surface: str, level: str | None) -> None:
    assert normalize_level(surface) == level


def test_vocabulary_is_ordered() -> None:
    ranks = [t.rank for t in load_tiers()]
    assert ranks == sorted(ranks) and len(set(ranks)) == len(ranks)
    assert (level_rank("diplomatic relations") or 0) < (level_rank("strategic partnership") or 0) \
        < (level_rank("comprehensive strategic partnership") or 0)


@pytest.mark.shared
def test_seed_relations(seed_record: Any, seed_gold: dict[str, Any]) -> None:
    if not any(a.country == "KHM" for a in seed_record.actors):
        pytest.skip("the actors stage finds no countries yet")
    got = seed_record.to_dict()["relations"]
    for gold in seed_gold["relations"]:
        hits = [r for r in got if r["countries"] == gold["countries"] and r["level"] == gold["level"]
                and r["status"] == gold["status"] and str(r["date"] or "").startswith(gold.get("date", ""))]
        assert hits, f"missed {gold}"


def test_date_from_the_sentence_before_unless_background(nlp: Any) -> None:
    text = ("Hun Manet met Lee in Seoul on May 16. Cambodia and South Korea elevated their relations to a "
            "strategic partnership. Lee visited Phnom Penh on June 2. Japan and Vietnam had previously elevated "
            "ties to a comprehensive strategic partnership.")
    times = (hand_time(text, "May 16", "2024-05-16"), hand_time(text, "June 2", "2024-06-02"))
    got = short(relations(nlp, text, times=times))
    assert got == {("KHM", "KOR", "strategic partnership", "established", "2024-05-16"),
                   ("JPN", "VNM", "comprehensive strategic partnership", "established", None)}


def test_date_of_another_clause_is_not_taken(nlp: Any) -> None:
    text = "Iran reopened its embassy in Riyadh on June 6, seven years after Saudi Arabia cut ties with Iran."
    rels = relations(nlp, text, times=(hand_time(text, "June 6", "2023-06-06"),))
    assert [(r.status, r.date) for r in rels] == [("severed", None)]


@pytest.mark.parametrize("text", [
    "Saudi Arabia and Iran agreed to restore diplomatic relations in a deal brokered by China on March 10.",
    "Saudi Arabia and Iran agreed on March 10 to restore diplomatic relations.",
])
def test_date_through_participles_and_control_verbs(nlp: Any, text: str) -> None:
    rels = relations(nlp, text, times=(hand_time(text, "March 10", "2023-03-10"),))
    assert [(r.status, r.date) for r in rels] == [("restored", "2023-03-10")]


def test_no_date_from_the_sentence_before_for_a_subordinate_clause(nlp: Any) -> None:
    text = ("Qatar and Saudi Arabia signed a deal on March 3. The deal comes two months after Saudi Arabia "
            "broke diplomatic relations with Qatar.")
    rels = relations(nlp, text, times=(hand_time(text, "March 3", "2024-03-03"),))
    assert [(r.status, r.date) for r in rels] == [("severed", None)]


@pytest.mark.parametrize(("when", "value", "target"), [
    ("on Thursday", "2024-09-12", None),  # the announcement, not the target
    ("in December", "2024-12", "2024-12"),
    ("this year", "2024", "2024"),
])
def test_a_target_lies_ahead(nlp: Any, when: str, value: str, target: str | None) -> None:
    text = f"The foreign ministry announced {when} that Japan will resume diplomatic relations with Iran."
    rels = relations(nlp, text, times=(hand_time(text, when.removeprefix("on ").removeprefix("in "), value),))
    assert [(r.status, r.target_date) for r in rels] == [("proposed", target)]


def test_the_document_dyad_is_the_lead_pair_on_a_tie(nlp: Any) -> None:
    text = ("Japan downgraded diplomatic relations with Iran in 2019. India and China traded barbs. India "
            "and China met. The foreign ministry says the two countries will restore diplomatic relations soon.")
    got = short(relations(nlp, text))
    assert ("CHN", "IND", "diplomatic relations", "proposed", None) in got  # named together twice
    text2 = ("Japan downgraded diplomatic relations with Iran in 2019. India and China met. "
             "The foreign ministry says the two countries will restore diplomatic relations soon.")
    assert ("IRN", "JPN", "diplomatic relations", "proposed", None) in short(relations(nlp, text2))
