"""Places stage: finding (traps included), disambiguation by context, the gazetteer, place_in_span,
the seed article and a GeoWebNews floor."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bilateral.annotate.context import Context
from bilateral.annotate.places import find_places, place_in_span
from bilateral.ingest.article import Article
from bilateral.record import Place
from bilateral.resources.gazetteer import load_gazetteer, norm
from bilateral.settings import Settings
from tests.conftest import load_benchmark


@pytest.fixture(scope="module")
def places_of(nlp: Any) -> Any:
    def run(text: str) -> list[Place]:
        doc = nlp(text)
        ctx = Context(doc=doc, article=Article(text=text), settings=Settings(), published=None)
        places = find_places(ctx)
        for i, p in enumerate(places, 1):  # the contract, checked on every case
            assert p.id == f"p{i}"
            assert text[p.span[0]:p.span[1]] == p.text
            assert p.feature in ("city", "region", "country")
        assert [p.span for p in places] == sorted(p.span for p in places)
        return places

    return run


def _get(places: list[Place], surface: str) -> Place:
    hits = [p for p in places if p.text == surface]
    assert hits, f"{surface!r} not found in {[p.text for p in places]}"
    return hits[0]


# -- what is a place, and where -------------------------------------------------------------------

FOUND = [
    # text, surface, country, feature
    ("He made the remarks on the sidelines of the World Knowledge Forum in Seoul, South Korea.",
     "Seoul", "KOR", "city"),
    ("He made the remarks on the sidelines of the World Knowledge Forum in Seoul, South Korea.",
     "South Korea", "KOR", "country"),
    ("Protesters gathered in Tbilisi, the capital of Georgia.", "Georgia", "GEO", "country"),
    ("The governor of Georgia spoke to farmers in Atlanta.", "Georgia", "USA", "region"),
    ("Paris, Texas, is a small town near Dallas.", "Paris", "USA", "city"),
    ("Leaders met in Paris to discuss the climate.", "Paris", "FRA", "city"),
    ("Korean officials visited Jordan and Turkey last week.", "Jordan", "JOR", "country"),
    ("Korean officials visited Jordan and Turkey last week.", "Turkey", "TUR", "country"),
    ("Troops crossed from Chad into Sudan.", "Chad", "TCD", "country"),
    ("The plant in Scranton, Pa., closed in March.", "Pa.", "USA", "region"),
    ("The delegation flew to St. Petersburg for the economic forum.", "St. Petersburg", "RUS", "city"),
    ("Talks on Cambodia-Korea relations resumed.", "Korea", "KOR", "country"),
    ("He flew to the Netherlands and then to Washington, D.C. on Friday.", "Washington, D.C.", "USA", "city"),
    ("Migrants camped in Oaxaca State before moving north.", "Oaxaca State", "MEX", "region"),
    ("Fighting spread across the Middle East.", "Middle East", None, "region"),
    ("The ship crossed the Atlantic in ten days.", "Atlantic", None, "region"),
    ("He grew up in Dewsbury and later moved to Cirencester.", "Cirencester", "GBR", "city"),
    ("TORONTO (Reuters) - Canada said on Monday it would act.", "TORONTO", "CAN", "city"),
    # a country named by adjective in the same sentence tells one Tripoli from the other
    ("Militias clashed in Tripoli as shells hit the north Lebanese port.", "Tripoli", "LBN", "city"),
    ("Militias clashed in Tripoli on Monday.", "Tripoli", "LBY", "city"),
    # a part of a country named by a direction: the country the gazetteer knows
    ("Forces retook a village in Western Cambodia.", "Cambodia", "KHM", "country"),
    ("Rebels attacked a base in Eastern Ukraine.", "Ukraine", "UKR", "country"),
]


@pytest.mark.parametrize(("text", "surface", "country", "feature"), FOUND)
def test_place_found_and_resolved(places_of: Any, text: str, surface: str, country: str | None,
                                  feature: str) -> None:
    place = _get(places_of(text), surface)
    assert (place.country, place.feature) == (country, feature)
    assert place.lat is not None and place.lon is not None


NOT_PLACES = [
    # text, a surface that must not be a place (of any confidence)
    ("Jordan scored 30 points for the Bulls on Sunday.", "Jordan"),
    ("Michael Jordan met fans in Chicago. Later Jordan signed autographs.", "Jordan"),
    ("We ate turkey on Thanksgiving with the family.", "turkey"),
    ("Chad Johnson said he would stay with the team.", "Chad"),
    ("Georgia said she was tired after the long trip.", "Georgia"),
    ("Ms. Georgia spoke first at the meeting.", "Georgia"),
    ("Korean and Japanese leaders met on Friday.", "Korean"),
    ("The Korean government thanked its partners.", "Korean"),
    ("The Orange County sheriff spoke to reporters.", "Orange"),
    ("She wrote for the Washington Post for ten years.", "Washington"),
    ("The Centre asked the court to extend the deadline.", "Centre"),
    ("Relations between the West and Russia soured.", "West"),
    ("Mobile phones were banned in schools.", "Mobile"),
    ("Supporters of Birmingham City celebrated the win.", "Birmingham"),
]


@pytest.mark.parametrize(("text", "surface"), NOT_PLACES)
def test_not_a_place(places_of: Any, text: str, surface: str) -> None:
    assert surface not in {p.text for p in places_of(text)}


METONYMIC = [
    ("Beijing summoned the ambassador on Monday.", "Beijing"),
    ("Washington said the sanctions would stay.", "Washington"),
    ("Cambodia and South Korea elevated their relations in May.", "Cambodia"),
    ("Talks with Russia stalled on Friday.", "Russia"),
    ("Britain accused Russia of the attack.", "Russia"),
    ("Tensions between Mexico and the United States grew.", "United States"),
    ("U.S. officials arrived late.", "U.S."),
]


@pytest.mark.parametrize(("text", "surface"), METONYMIC)
def test_metonymic_agent_is_low_confidence(places_of: Any, text: str, surface: str) -> None:
    """A place as the agent of a verb may be in the record, but never as a confident location."""
    hits = [p for p in places_of(text) if p.text == surface]
    assert all(p.confidence < 0.7 for p in hits)


@pytest.mark.parametrize(("text", "surface"), [
    ("Thousands marched in Beijing on Monday.", "Beijing"),
    ("TORONTO (Reuters) - Canada said on Monday it would act.", "TORONTO"),
    ("The delegation arrived in Seoul, South Korea, on Monday.", "South Korea"),
])
def test_literal_place_is_confident(places_of: Any, text: str, surface: str) -> None:
    assert _get(places_of(text), surface).confidence == 1.0


def test_place_in_organisation_name_is_low_confidence(places_of: Any) -> None:
    place = _get(places_of("She teaches at the Royal University of Phnom Penh's law school."), "Phnom Penh")
    assert place.country == "KHM" and place.confidence < 0.7


def test_context_changes_the_choice(places_of: Any) -> None:
    alone = _get(places_of("Heavy rain fell on Georgia overnight."), "Georgia")
    with_us = _get(places_of("Heavy rain fell on Georgia overnight. Roads in Atlanta and Savannah flooded."),
                   "Georgia")
    assert alone.country == "GEO" and with_us.country == "USA"


def test_empty_and_placeless_text(places_of: Any) -> None:
    assert places_of("") == []
    assert places_of("the committee met and agreed on nothing at all.") == []


WORDS = st.sampled_from(["Georgia", "Jordan", "Chad", "Turkey", "turkey", "in", "the", "Paris", "Texas", ",", ".",
                         "said", "Washington", "D.C.", "Pa.", "U.S.", "Korean", "of", "Royal", "University",
                         "Seoul", "South", "Korea", "-", "’s", "County", "State", "Atlantic", "St.", "\n", "WASHINGTON",
                         "(", ")", "who", "she", "Mr.", "Orange", "Centre", "visited", "Beijing", "summoned"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(st.one_of(WORDS, st.text(max_size=6)), max_size=30))
def test_any_text_keeps_the_contract(places_of: Any, words: list[str]) -> None:
    """Whatever the text, the stage returns exact spans in order with ids p1.. (checked in places_of)
    and confidences in [0, 1]."""
    for p in places_of(" ".join(words)):
        assert 0.0 <= p.confidence <= 1.0


# -- the gazetteer -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "country", "feature"), [
    ("seoul", "KOR", "city"), ("SÃO PAULO", "BRA", "city"), ("São Paulo", "BRA", "city"),
    ("U.S.", "USA", "country"), ("Britain", "GBR", "country"), ("Korea", "KOR", "country"),
    ("Calif.", "USA", "region"), ("Bavaria", "DEU", "region"), ("Phnom Penh", "KHM", "city"),
])
def test_gazetteer_lookup(name: str, country: str, feature: str) -> None:
    hits = load_gazetteer().lookup(name)
    assert hits and any(e.country == country and e.feature == feature for e in hits)


@pytest.mark.parametrize("word", ["Korean", "French", "Cambodian", "the", "said", "president"])
def test_gazetteer_has_no_demonyms_or_words(word: str) -> None:
    assert load_gazetteer().lookup(word) == []


def test_gazetteer_entries_are_sane() -> None:
    gaz = load_gazetteer()
    assert len(gaz) > 50_000
    features = {e.feature for e in gaz.entries}
    assert features == {"city", "region", "country"}
    countries = [e for e in gaz.entries if e.feature == "country"]
    assert len(countries) >= 240 and all(e.geonameid and e.country and len(e.country) == 3 for e in countries)
    assert all(-90 <= e.lat <= 90 and -180 <= e.lon <= 180 for e in gaz.entries)
    assert norm("St. Louis") == norm("Saint Louis") and norm("Zürich") == "zurich"


def test_user_gazetteer_file(nlp: Any, tmp_path: Path) -> None:
    """A user file with raw names (normalized on load) replaces the packaged gazetteer."""
    path = tmp_path / "mine.tsv"
    path.write_text("# my places\n"
                    "geonameid\tfeature\tname\tcountry\tlat\tlon\tpopulation\tadmin1\tcapital\tnames\taltnames\n"
                    "\tcity\tZembla\tKHM\t11.5\t104.9\t1000\t\t\tZembla|Nova Zembla\t\n", encoding="utf-8")
    text = "Fighting broke out in Nova Zembla and in Seoul."
    doc = nlp(text)
    ctx = Context(doc=doc, article=Article(text=text), settings=Settings(), published=None)
    places = find_places(ctx, gazetteer_path=str(path))
    assert [(p.text, p.name, p.country) for p in places] == [("Nova Zembla", "Zembla", "KHM")]


# -- place_in_span --------------------------------------------------------------------------------

def _place(pid: str, start: int, end: int, feature: str, text: str = "x", confidence: float = 1.0) -> Place:
    return Place(id=pid, text=text, span=(start, end), name=text, country="KOR", lat=0.0, lon=0.0,
                 geonameid=None, feature=feature, confidence=confidence)


def test_place_in_span_prefers_specific_and_locative() -> None:
    text = "Beijing met officials of China in Seoul, South Korea."
    spans = {w: (text.index(w), text.index(w) + len(w)) for w in ("Beijing", "China", "Seoul", "South Korea")}
    places = [_place("p1", *spans["Beijing"], "city", "Beijing", confidence=0.5),
              _place("p2", *spans["China"], "country", "China"),
              _place("p3", *spans["Seoul"], "city", "Seoul"),
              _place("p4", *spans["South Korea"], "country", "South Korea")]
    assert place_in_span(places, 0, len(text)) is places[2]
    assert place_in_span(places, 0, len(text), text=text) is places[2]
    assert place_in_span(places, 0, spans["Seoul"][0]) is places[1]  # the agent (0.5) is skipped
    assert place_in_span(places, 0, spans["China"][0]) is None
    assert place_in_span(places, 0, spans["China"][0], min_confidence=0.0) is places[0]


def test_place_in_span_locative_beats_specificity() -> None:
    text = "Officials from Paris met in Germany."
    paris, germany = text.index("Paris"), text.index("Germany")
    places = [_place("p1", paris, paris + 5, "city", "Paris"), _place("p2", germany, germany + 7, "country", "Germany")]
    assert place_in_span(places, 0, len(text), text=text) is places[1]
    assert place_in_span(places, 0, len(text)) is places[0]


# -- the seed article ------------------------------------------------------------------------------

def test_seed_places(seed_record: Any) -> None:
    text, places = seed_record.text, seed_record.places
    by_start = {p.span[0]: p for p in places}
    s2 = text.index("in Seoul, South Korea")
    seoul, korea = by_start[s2 + 3], by_start[s2 + 10]
    assert (seoul.text, seoul.country, seoul.feature, seoul.geonameid) == ("Seoul", "KOR", "city", 1835848)
    assert (korea.text, korea.country, korea.feature) == ("South Korea", "KOR", "country")
    visit = by_start[text.index("visit to Seoul") + 9]
    assert visit.text == "Seoul" and visit.confidence == 1.0
    pp = by_start[text.index("Phnom Penh")]
    assert pp.country == "KHM" and pp.feature == "city" and pp.confidence < 0.7
    countries = {p.text: p.country for p in places if p.feature == "country"}
    assert countries["Cambodia"] == "KHM" and countries["Korea"] == "KOR"
    assert not {"Korean", "Cambodian", "Post"} & {p.text for p in places}


# -- GeoWebNews floor (a pinned subset; the benchmark runs all 200 articles) ------------------------

def _benchmark() -> Any:
    return load_benchmark("places_geowebnews")


@pytest.mark.shared
@pytest.mark.slow
def test_geowebnews_floor(nlp: Any, shared: Path) -> None:
    gold = shared / "data" / "geowebnews" / "gold.jsonl"
    if not gold.is_file():
        pytest.skip("geowebnews is not present")
    bench = _benchmark()
    docs = bench.load_gold(gold, limit=60)
    res = bench.score(docs, bench.predict(docs, nlp=nlp))
    assert res["precision"] >= FLOORS["precision"]
    assert res["precision_lenient"] >= FLOORS["precision_lenient"]
    assert res["f1"] >= FLOORS["f1"]
    assert res["exact"] >= FLOORS["exact"]
    assert res["within_161km"] >= FLOORS["within_161km"]


#: pinned slightly below the figures measured on the first 60 articles (P 0.845, lenient P 0.983,
#: F1 0.569, exact 0.846, within 161 km 0.871); they only move up
FLOORS = {"precision": 0.82, "precision_lenient": 0.96, "f1": 0.54, "exact": 0.82, "within_161km": 0.84}
