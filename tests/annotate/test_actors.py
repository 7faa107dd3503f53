"""Actors stage: countries, sectors, organisations, one actor per entity, coreference, traps."""

from __future__ import annotations

from typing import Any

import pytest

from bilateral.annotate.actors import pair_members
from bilateral.annotate.context import MentionIndex
from bilateral.record import Actor, Document
from tests.conftest import load_benchmark


def _actor_at(doc: Document, phrase: str, nth: int = 0) -> Actor | None:
    """The actor whose mention covers the ``nth`` occurrence of ``phrase``."""
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(phrase, start + 1)
    index = MentionIndex(doc.actors)
    return index.actor_at(start, start + len(phrase))


def _code(doc: Document, phrase: str, nth: int = 0) -> tuple[str | None, str | None]:
    a = _actor_at(doc, phrase, nth)
    return (a.country, a.sector) if a else (None, None)


@pytest.mark.parametrize(("text", "phrase", "country", "sector"), [
    ("South Korean president Yoon Suk-Yeol met reporters.", "Yoon Suk-Yeol", "KOR", "GOV"),
    ("Korea and Japan signed a deal.", "Korea", "KOR", None),
    ("North Korea fired a missile.", "North Korea", "PRK", None),
    ("Britain protested on Monday.", "Britain", "GBR", None),
    ("The US imposed sanctions.", "US", "USA", None),
    ("The UAE hosted the talks.", "UAE", "ARE", None),
    ("Filipino fishermen were detained.", "Filipino fishermen", "PHL", None),
    ("Cambodian workers returned home.", "Cambodian workers", "KHM", "LAB"),
    ("Beijing summoned the Japanese ambassador.", "Beijing", "CHN", "GOV"),
    ("Washington said the talks failed.", "Washington", "USA", "GOV"),
    ("The Kremlin rejected the proposal.", "Kremlin", "RUS", "GOV"),
    ("Downing Street declined to comment.", "Downing Street", "GBR", "GOV"),
    ("The Korean government thanked Cambodia.", "Korean government", "KOR", "GOV"),
    ("Pakistani Army troops crossed the line.", "Pakistani Army", "PAK", "MIL"),
    ("Kyiv police arrested two men.", "Kyiv police", "UKR", "COP"),
    ("Rebels attacked the town.", "Rebels", None, "REB"),
    ("The army said Darfur rebels had broken the truce.", "Darfur rebels", "SDN", "REB"),  # places_extra.tsv
    ("Teachers went on strike in Nairobi.", "Teachers", "KEN", "EDU"),  # the place of its sentence (0.6)
    ("A journalist was detained.", "journalist", None, "JRN"),
    ("The World Health Organization warned of a new wave.", "World Health Organization", "UNO", "MED"),
    ("NATO held an emergency meeting.", "NATO", "IGO", "MIL"),
    ("The European Commission fined the company.", "European Commission", "EUR", "GOV"),
    ("ASEAN leaders met in Vientiane.", "ASEAN leaders", "IGO", "GOV"),
    ("ASEAN issued a statement.", "ASEAN", "IGO", None),
    ("US Senator Marco Rubio criticised the deal.", "Marco Rubio", "USA", "LEG"),
    ("Former President Nursultan Nazarbayev spoke.", "Nursultan Nazarbayev", "KAZ", "ELI"),
    ("Thong Mengdavid, a lecturer at the Royal University of Phnom Penh, said so.", "Thong Mengdavid", "KHM", "EDU"),
    ("Harvard professor Jane Miller disagreed.", "Jane Miller", "USA", "EDU"),
    ("Taiwan protested the drills.", "Taiwan", "TWN", None),
    ("Kosovo and Serbia resumed talks.", "Kosovo", "XKX", None),
    ("Palestinians marched in Ramallah.", "Palestinians", "PSE", "CVL"),
    ("Hong Kong police arrested activists.", "Hong Kong police", "HKG", "COP"),
])
def test_country_and_sector(engine: Any, text: str, phrase: str, country: str | None, sector: str | None) -> None:
    doc = engine.extract(text, published="2024-09-13")
    assert _code(doc, phrase) == (country, sector)


def test_hyphenated_pair_gives_both_countries(engine: Any) -> None:
    doc = engine.extract("Cambodia-Korea relations improved.", published="2024-09-13")
    assert _code(doc, "Cambodia")[0] == "KHM"
    assert _code(doc, "Korea")[0] == "KOR"


def test_capital_in_location_phrase_is_not_an_actor(engine: Any) -> None:
    doc = engine.extract("The ministers met in Seoul on Monday.", published="2024-09-13")
    assert _actor_at(doc, "Seoul") is None


def test_person_without_cue_has_no_country(engine: Any) -> None:
    doc = engine.extract("Maria Kowalczyk-Brandt said the plan would fail.", published="2024-09-13")
    a = _actor_at(doc, "Maria Kowalczyk-Brandt")
    assert a is not None and a.kind == "person"
    assert a.country is None


@pytest.mark.parametrize(("text", "phrase", "forbidden"), [
    ("Korean War veterans gathered at the memorial in Ohio.", "Korean War veterans", "KOR"),
    ("Turkey is the centrepiece of the Thanksgiving dinner, roasted with stuffing and gravy.", "Turkey", "TUR"),
    ("Georgia passed a new voting law, the governor said in Atlanta.", "Georgia", "GEO"),
    ("Michael Jordan scored 40 points. Jordan said the team played well.", "Jordan", "JOR"),
    ("Chad Smith, a teacher from Ohio, won the prize.", "Chad", "TCD"),
])
def test_traps(engine: Any, text: str, phrase: str, forbidden: str) -> None:
    doc = engine.extract(text, published="2024-09-13")
    a = _actor_at(doc, phrase, nth=text.count(phrase) - 1)
    assert a is None or a.country != forbidden


@pytest.mark.parametrize(("text", "phrase", "country"), [
    ("Georgia accused Russia of occupying Abkhazia, officials in Tbilisi said.", "Georgia", "GEO"),
    ("Jordan condemned the attack, the foreign ministry in Amman said.", "Jordan", "JOR"),
    ("Chad closed its border with Sudan.", "Chad", "TCD"),
    ("Turkey and Greece held talks in Ankara.", "Turkey", "TUR"),
])
def test_ambiguous_names_as_countries(engine: Any, text: str, phrase: str, country: str) -> None:
    doc = engine.extract(text, published="2024-09-13")
    assert _code(doc, phrase)[0] == country


def test_names_titles_and_pronouns_corefer(engine: Any) -> None:
    text = ("Foreign Minister Anna Lindqvist of Sweden arrived in Oslo on Monday. "
            "She met Norwegian prime minister Lars Holm. Lindqvist said the two countries would sign a pact. "
            "The foreign minister added that her government wanted closer ties.")
    doc = engine.extract(text, published="2024-09-13")
    anna = _actor_at(doc, "Anna Lindqvist")
    assert anna is not None and anna.country == "SWE" and anna.sector == "GOV"
    assert _actor_at(doc, "She") == anna
    assert _actor_at(doc, "Lindqvist", nth=1) == anna
    assert _actor_at(doc, "her") == anna
    holm = _actor_at(doc, "Lars Holm")
    assert holm is not None and holm.country == "NOR" and holm != anna
    pair = _actor_at(doc, "two countries")
    assert pair is not None and set(pair_members(pair)) == {"SWE", "NOR"}


def test_pronoun_goes_to_main_subject(engine: Any) -> None:
    text = ("President Ana Vera asked Prime Minister Tomas Ruiz to resign. "
            "She said the economy had collapsed.")
    doc = engine.extract(text, published="2024-09-13")
    assert _actor_at(doc, "She") == _actor_at(doc, "Ana Vera")


def test_pronoun_is_not_its_own_verbs_subject(engine: Any) -> None:
    text = "Tomas Ruiz met Ana Vera on Monday. He thanked her for the invitation."
    doc = engine.extract(text, published="2024-09-13")
    assert _actor_at(doc, "He") == _actor_at(doc, "Tomas Ruiz")
    assert _actor_at(doc, "her") == _actor_at(doc, "Ana Vera")


def test_we_in_quote_is_speaker_side(engine: Any) -> None:
    text = ('Indonesian foreign minister Retno Marsudi spoke on Friday. '
            '"We will not accept this," she said.')
    doc = engine.extract(text, published="2023-09-13")
    we = _actor_at(doc, "We")
    assert we is not None and we.country == "IDN"
    assert _actor_at(doc, "she") == _actor_at(doc, "Retno Marsudi")


def test_kb_office_dates_give_eli(engine: Any) -> None:
    before = engine.extract("Angela Merkel spoke in Berlin.", published="2017-04-01")
    after = engine.extract("Angela Merkel spoke in Berlin.", published="2022-01-10")
    assert _code(before, "Angela Merkel") == ("DEU", "GOV")
    assert _code(after, "Angela Merkel") == ("DEU", "ELI")


def test_mentions_are_exact_spans(engine: Any) -> None:
    text = "Senate president Hun Sen has requested South Korean president Yoon Suk-Yeol to visit. He agreed."
    doc = engine.extract(text, published="2024-09-13")
    for a in doc.actors:
        assert a.rule and 0.0 <= a.confidence <= 1.0
        for m in a.mentions:
            assert doc.text[m.span[0]:m.span[1]] == m.text


def test_seed_people(seed_record: Document) -> None:
    want = {"Hun Sen": ("KHM", {"GOV", "LEG"}), "Yoon Suk-Yeol": ("KOR", {"GOV"}),
            "Hun Manet": ("KHM", {"GOV"}), "Thong Mengdavid": ("KHM", {"EDU"})}
    people = {a.name: a for a in seed_record.actors if a.kind == "person"}
    for name, (country, sectors) in want.items():
        assert name in people, name
        assert people[name].country == country
        assert people[name].sector in sectors


def test_seed_pronouns_and_short_names(seed_record: Document) -> None:
    text = seed_record.text
    hun_sen = _actor_at(seed_record, "Senate president Hun Sen")
    meng = _actor_at(seed_record, "Thong Mengdavid")
    assert hun_sen is not None and meng is not None
    # every "He"/"he" of the article, in order, and who says or does it (read off the article)
    owners = [hun_sen, hun_sen, hun_sen, hun_sen, meng, meng, meng]
    positions = [i for i in range(len(text)) if text[i:i + 3].lower() == "he " and (i == 0 or not text[i - 1].isalpha())]
    assert len(positions) == len(owners)
    index = MentionIndex(seed_record.actors)
    for pos, owner in zip(positions, owners, strict=True):
        assert index.actor_at(pos, pos + 2) == owner, text[pos - 40:pos + 20]
    for k in range(text.count("Mengdavid")):
        assert _actor_at(seed_record, "Mengdavid", nth=k) == meng


@pytest.mark.slow
def test_ngec_fixture_floors(shared: Any, engine: Any) -> None:
    """Country and sector accuracy on POLECAT's actor tests (see benchmarks/actors_ngec.py); floors only move up."""
    folder = shared / "data" / "ngec_actor_fixtures"
    if not (folder / "gold.jsonl").is_file():
        pytest.skip("NGEC actor fixtures are not present")
    bench = load_benchmark("actors_ngec")
    cases = bench.load_cases(folder)
    table = bench.score(cases, bench.predict(engine, cases))["all"]
    assert table["n"] >= 300
    assert table["country"] / table["n"] >= 0.85  # issue 3 bar; measured 267/313 = 0.853
    assert table["sector"] / table["n_sector"] >= 0.78  # measured 226/288 = 0.785


def test_two_leaders_pair_has_their_countries(engine: Any) -> None:
    text = ("US President Joe Biden met South Korean President Yoon Suk Yeol on Friday. "
            "The two leaders discussed trade.")
    doc = engine.extract(text, published="2023-08-18")
    pair = _actor_at(doc, "two leaders")
    assert pair is not None and pair.kind == "group"
    assert set(pair_members(pair)) == {"USA", "KOR"}
    assert sum(1 for a in doc.actors if any(m.text.endswith("leaders") for m in a.mentions)) == 1


def test_city_tagged_as_person_is_not_a_person(engine: Any) -> None:
    doc = engine.extract("Russian troops shelled Kharkiv overnight, officials said.", published="2024-05-01")
    a = _actor_at(doc, "Kharkiv")
    assert a is None or a.kind != "person"


def test_government_mentions_are_one_actor(engine: Any) -> None:
    text = ("Tokyo defended the plan. Japanese Prime Minister Fumio Kishida said his government had "
            "consulted experts, and the Japanese government would publish the data.")
    doc = engine.extract(text, published="2023-08-20")
    gov = _actor_at(doc, "Tokyo")
    assert gov is not None and (gov.kind, gov.country, gov.sector) == ("organization", "JPN", "GOV")
    assert _actor_at(doc, "Japanese government") == gov
    assert _actor_at(doc, "his") == _actor_at(doc, "Fumio Kishida")


def test_the_country_goes_to_the_one_country_under_discussion(engine: Any) -> None:
    text = "Vietnam reported strong exports in May. The country also signed a deal with investors."
    doc = engine.extract(text, published="2024-06-01")
    a = _actor_at(doc, "country")
    assert a is not None and a.country == "VNM" and a == _actor_at(doc, "Vietnam")


def test_the_country_stays_unresolved_between_two(engine: Any) -> None:
    text = "Cambodia and Thailand held talks. Officials said the country would reopen the border."
    doc = engine.extract(text, published="2024-06-01")
    a = _actor_at(doc, "country")
    assert a is None


@pytest.mark.parametrize(("text", "phrase", "country", "sector"), [
    ("Afghan rebel leaders rejected the offer.", "Afghan rebel leaders", "AFG", "REB"),
    ("An army spokesman denied the report.", "army spokesman", None, "MIL"),
    ("Ousted President Ana Vera fled.", "Ana Vera", None, "ELI"),
    ("United Nations peacekeepers arrived.", "United Nations peacekeepers", "UNO", "MIL"),
    ("Libyans queued for fuel.", "Libyans", "LBY", "CVL"),
    ("The president of the Riigikogu spoke.", "president of the Riigikogu", "EST", "LEG"),
])
def test_modifier_sectors(engine: Any, text: str, phrase: str, country: str | None, sector: str) -> None:
    doc = engine.extract(text, published="2024-01-10")
    assert _code(doc, phrase) == (country, sector)


def test_two_nationalities_make_a_pair_group(engine: Any) -> None:
    doc = engine.extract("Senior Hungarian and Romanian officials agreed to cooperate.", published="2024-01-10")
    a = _actor_at(doc, "Senior Hungarian and Romanian officials")
    assert a is not None and a.sector == "GOV" and set(pair_members(a)) == {"HUN", "ROU"}
    # each nationality word is also a mention of its country, so events can take the two sides
    assert _code(doc, "Hungarian") == ("HUN", None) and _code(doc, "Romanian") == ("ROU", None)


@pytest.mark.slow
def test_plover_gsr_actor_span_floors(shared: Any, engine: Any, capsys: Any) -> None:
    """Actors on the source/target spans of the PLOVER gold standard records (benchmarks/actors_plover_gsr.py).
    Country names in location phrases ("a curfew in Sudan") are places, not actors, by design: they count
    as misses here, so the country floor sits well below the NGEC one."""
    folder = shared / "data" / "plover_gsr"
    if not (folder / "gold.jsonl").is_file():
        pytest.skip("PLOVER GSR is not present")
    bench = load_benchmark("actors_plover_gsr")
    assert bench.main(["--data", str(folder)]) == 0
    line = capsys.readouterr().out.strip().splitlines()[-1]
    figures = dict(zip(line.split()[::2], line.split()[1::2], strict=False))
    assert float(figures["country"]) >= 0.70
    assert float(figures["sector"]) >= 0.72


def test_they_after_two_conjoined_countries_is_their_pair(engine: Any) -> None:
    doc = engine.extract("Cambodia and South Korea signed a trade deal on Monday. They also agreed to expand flights.",
                         published="2024-06-01")
    they = _actor_at(doc, "They")
    assert they is not None and set(pair_members(they)) == {"KHM", "KOR"}


def test_we_said_by_an_institution_is_the_institution(engine: Any) -> None:
    text = '"We urge restraint," the Chinese foreign ministry said on Monday.'
    doc = engine.extract(text, published="2024-06-01")
    we = _actor_at(doc, "We")
    assert we is not None and we == _actor_at(doc, "Chinese foreign ministry")
    assert (we.country, we.sector) == ("CHN", "GOV")


@pytest.mark.parametrize(("text", "pronoun", "owner"), [
    ("Wang Yi met Penny Wong in Canberra on Monday. She said the talks were useful.", "She", "Penny Wong"),
    ("Giorgia Meloni received Olaf Scholz in Rome. He praised the visit.", "He", "Olaf Scholz"),
    ("Queen Rania met the delegation. She thanked them.", "She", "Queen Rania"),
])
def test_pronoun_gender_from_given_names_and_titles(engine: Any, text: str, pronoun: str, owner: str) -> None:
    doc = engine.extract(text, published="2024-01-10")
    assert _actor_at(doc, pronoun) == _actor_at(doc, owner)


WORDS = ["Korea", "South", "North", "Korean", "the", "president", "Hun", "Sen", "he", "she", "they", "we", "said",
         "“", "”", '"', ",", ".", "\n", "Beijing", "in", "Seoul", "two", "countries", "both", "sides", "government",
         "his", "its", "former", "minister", "Cambodia-Korea", "relations", "Turkey", "Georgia", "Jordan", "’s", "-"]


@pytest.mark.slow
def test_spans_exact_on_random_word_salads(engine: Any) -> None:
    """Whatever the text, every mention is an exact span and every actor has a rule and a confidence."""
    hypothesis = pytest.importorskip("hypothesis")
    st = hypothesis.strategies

    @hypothesis.settings(max_examples=30, deadline=None, derandomize=True)
    @hypothesis.given(st.lists(st.sampled_from(WORDS), min_size=0, max_size=40))
    def run(words: list[str]) -> None:
        text = " ".join(words)
        doc = engine.extract(text, published="2024-01-01")
        assert not any("actors stage failed" in w for w in doc.warnings)
        ids = [a.id for a in doc.actors]
        assert len(ids) == len(set(ids))
        for a in doc.actors:
            assert a.rule and 0.0 <= a.confidence <= 1.0 and a.mentions
            for m in a.mentions:
                assert text[m.span[0]:m.span[1]] == m.text

    run()


def test_its_prefers_the_subject(engine: Any) -> None:
    text = "The United States, a treaty ally of the Philippines, said it stood with its ally."
    doc = engine.extract(text, published="2024-07-10")
    assert _actor_at(doc, "its") == _actor_at(doc, "United States")


def test_appositive_fellow_at_institute_gets_country(engine: Any) -> None:
    text = ("\"Both sides need to step back,\" said Collin Koh, a research fellow at Singapore's "
            "S. Rajaratnam School of International Studies.")
    doc = engine.extract(text, published="2024-07-10")
    assert _code(doc, "Collin Koh") == ("SGP", "EDU")


def test_spokesperson_for_an_institution(engine: Any) -> None:
    doc = engine.extract("A spokesperson for the Thai army said the troops had withdrawn.", published="2024-07-10")
    assert _code(doc, "spokesperson") == ("THA", "MIL")


@pytest.mark.parametrize(("text", "phrase", "country", "sector"), [
    ("Israeli military officials said the strike hit its target.", "Israeli military officials", "ISR", "MIL"),
    ("A former CIA official said so.", "former CIA official", "USA", "ELI"),
    ("The displaced waited for aid.", "displaced", None, "REF"),
])
def test_adjectival_terms(engine: Any, text: str, phrase: str, country: str | None, sector: str) -> None:
    doc = engine.extract(text, published="2024-07-10")
    assert _code(doc, phrase) == (country, sector)


@pytest.mark.parametrize("text,phrase,country", [
    # the object of an argument preposition of its head is an actor ("argument_preps.tsv")
    ("Iraqi gunners fired at Iran.", "Iran", "IRN"),
    ("The Iraqi president arrived in Amman on Wednesday.", "Amman", "JOR"),
    ("The envoy flew to Ankara.", "Ankara", "TUR"),
    ("Sri Lanka opened an embassy in Tehran.", "Tehran", "IRN"),
    ("The mayor of Nablus was released.", "mayor", "PSE"),
    ("Police arrested the governor of Mombasa.", "governor", "KEN"),
    ("Opposition groups in Zimbabwe demanded reforms.", "Opposition groups", "ZWE"),
    ("The Putin government expelled the envoy.", "Putin government", "RUS"),
    ("The government of Prime Minister Nawaz Sharif criticised India.", "government", "PAK"),
    # traps: location phrases stay places
    ("Russia fired missiles at targets in Syria.", "Syria", None),
    ("Protesters gathered outside the Israeli embassy in Berlin.", "Berlin", None),
    ("The talks in Tehran ended without a deal.", "Tehran", None),
    ("Fighting continued in Sudan.", "Sudan", None),
    ("The Olympics in Beijing opened on Friday.", "Beijing", None),
    # a destination is a host only for an official's (or a delegation's) movement
    ("Refugees returned to Kigali last week.", "Kigali", None),
    ("Bangladeshi peacekeeping troops arrived in Sierra Leone.", "Sierra Leone", None),
    ("A Mongolian delegation arrived in Seoul for talks.", "Seoul", "KOR"),
    ("The president attended a summit in Peru.", "Peru", "PER"),
])
def test_argument_phrases_and_location_traps(engine: Any, text: str, phrase: str, country: str | None) -> None:
    doc = engine.extract(text, published="2024-01-10")
    assert _code(doc, phrase)[0] == country


@pytest.mark.parametrize(("text", "name", "country"), [
    ("SANA said government forces shelled the town.", "Syrian Arab News Agency", "SYR"),
    ("The Press Trust of India reported that the talks ended.", "Press Trust of India", "IND"),
    ("Kyodo News reported the visit on Monday.", "Kyodo News", "JPN"),
])
def test_national_news_agencies(engine: Any, text: str, name: str, country: str) -> None:
    doc = engine.extract(text, published="2025-01-01")
    [agency] = [a for a in doc.actors if a.name == name]
    assert (agency.country, agency.sector) == (country, "JRN")


@pytest.mark.parametrize(("text", "phrase", "country"), [
    ("Riot police fired tear gas at the crowd in Nairobi on Tuesday.", "Riot police", "KEN"),
    ("Opposition leaders agreed to postpone the march in Baku until next month.", "Opposition leaders", "AZE"),
    ("Judge Ana Rivas opened an inquiry into twelve mayors in Valparaiso.", "twelve mayors", "CHL"),
    # persons and institutions travel: a minister in Washington is not American
    ("Trade Minister Nguyen Van An made the request to US officials in Washington.", "Nguyen Van An", None),
    # reported content is not where the speaker is
    ("Mining workers said the company had signed the deal in Lima.", "Mining workers", None),
    # regions GeoNames' admin1 table does not name (places_extra.tsv)
    ("Gunmen attacked a checkpoint in Mindanao.", "Gunmen", "PHL"),
    # an ethnicity is not a state: the people live where the clause says
    ("Police detained 40 ethnic Uzbeks in Osh on Monday.", "40 ethnic Uzbeks", "KGZ"),
    ("Ethnic Hungarians rallied for autonomy.", "Ethnic Hungarians", None),
    # places in two countries: no single local country
    ("Students marched from Strasbourg to Kehl over the border.", "Students", None),
    # no place at all: never guessed
    ("Riot police fired tear gas at the crowd on Tuesday.", "Riot police", None),
    # the place of the reporting clause above is not where the victims are
    ("Rebels shelled the town on Sunday, killing 20 people, relief officials in Nairobi said.", "20 people", None),
    # its own phrase names two countries: the phrase decides, not the place
    ("Officials from Egypt and Sudan held talks in Cairo.", "Officials", None),
])
def test_locals_take_the_country_of_their_sentence_place(engine: Any, text: str, phrase: str,
                                                         country: str | None) -> None:
    doc = engine.extract(text, published="2024-05-01")
    actor = _actor_at(doc, phrase)
    assert actor is not None
    assert actor.country == country
    if country:
        assert "place-in-clause" in actor.rule and actor.confidence <= 0.6


def test_sentence_place_does_not_override_text_or_kb(engine: Any) -> None:
    doc = engine.extract("Kenyan police met French officials in Paris.", published="2024-05-01")
    assert _code(doc, "Kenyan police")[0] == "KEN"
    assert _code(doc, "French officials")[0] == "FRA"


def test_cameo_codes_put_un_and_eu_bodies_under_igo(engine: Any) -> None:
    from bilateral.engine import Engine

    text = "The UN Security Council and the European Commission urged Malawi to hold the vote."
    plover = engine.extract(text, published="2024-05-01")
    cameo = Engine(engine.settings.with_overrides(codes="cameo"), nlp=engine.nlp).extract(
        text, published="2024-05-01")
    assert {a.country for a in plover.actors} >= {"UNO", "EUR", "MWI"}
    assert {a.country for a in cameo.actors} >= {"IGO", "MWI"}
    assert not {a.country for a in cameo.actors} & {"UNO", "EUR"}
    assert all("codes:cameo" in a.rule for a in cameo.actors if a.country == "IGO")


@pytest.mark.parametrize(("text", "phrase", "country"), [
    ("Egyptian police opened fire to disperse fundamentalist demonstrators on Monday.", "fundamentalist demonstrators",
     "EGY"),
    ("Striking workers clashed with Kenyan police outside the port.", "Striking workers", "KEN"),
    ("A Turkish court jailed 14 students for a march.", "14 students", "TUR"),
    # armies act abroad, and governments condemn rebels abroad: no country from them
    ("US troops killed 12 militants on Friday.", "12 militants", None),
    ("The French government condemned the rebels.", "rebels", None),
])
def test_domestic_counterparts_of_police_courts_and_governments(engine: Any, text: str, phrase: str,
                                                                country: str | None) -> None:
    actor = _actor_at(engine.extract(text, published="2024-05-01"), phrase)
    assert actor is not None and actor.country == country
    if country:
        assert "domestic-counterpart" in actor.rule and actor.confidence <= 0.5


@pytest.mark.parametrize(("text", "phrase", "not_country"), [
    ("The pro-Iranian militia declared a truce.", "militia", "IRN"),
    ("Anti-American protesters burned flags in Karachi.", "protesters", "USA"),
    ("Syrian-backed fighters shelled the camp.", "fighters", "SYR"),
])
def test_stance_and_sponsor_words_are_not_nationality(engine: Any, text: str, phrase: str, not_country: str) -> None:
    actor = _actor_at(engine.extract(text, published="2024-05-01"), phrase)
    assert actor is not None and actor.country != not_country


def test_led_keeps_the_nationality(engine: Any) -> None:
    assert _code(engine.extract("Vietnamese-led forces retook the village.", published="2024-05-01"),
                 "forces")[0] == "VNM"


def test_stance_word_place_gives_no_country(engine: Any) -> None:
    doc = engine.extract("The missile was fired by pro-Russia rebels.", published="2024-05-01")
    assert _code(doc, "rebels")[0] != "RUS"


@pytest.mark.parametrize(("text", "phrase", "country"), [
    ("Bosnian Serbs shelled the town on Sunday.", "Bosnian Serbs", "BIH"),  # where the ethnic group lives
    ("Kosovo Albanians marched in the rain.", "Kosovo Albanians", "XKX"),
    ("Turkish Cypriots rejected the plan.", "Turkish Cypriots", "CYP"),  # Cypriots of Turkish descent
    ("The Organization of African Unity condemned the coup.", "Organization of African Unity", "IGO"),
    ("The Moro Islamic Liberation Front attacked the base.", "Moro Islamic Liberation Front", "PHL"),
    ("The National Unity Party won the vote.", "National Unity Party", None),  # not Unity state (SSD)
    ("Thousands of Syrian Kurds marched on Sunday.", "Syrian Kurds", "SYR"),  # an ethnic group is a group
    ("France offered up to 4,000 troops to the peacekeeping force in Liberia.", "4,000 troops", None),  # abroad
    ("Israel has strengthened its forces in Lebanon.", "forces", "ISR"),  # its possessor's, not the place's
    ("The Kenyan Red Cross handed out food in Turkana.", "Kenyan Red Cross", "KEN"),  # a national society
    ("Interior ministry police arrested exiled dissidents from Laos in Bangkok.", "exiled dissidents", None),
])
def test_peoples_named_groups_troops_and_exiles(engine: Any, text: str, phrase: str, country: str | None) -> None:
    actor = _actor_at(engine.extract(text, published="2024-05-01"), phrase)
    assert actor is not None and actor.country == country


def test_capital_as_target_is_the_country_not_its_government(engine: Any) -> None:
    doc = engine.extract("Russian forces fired missiles at Kyiv overnight.", published="2024-05-01")
    kyiv = _actor_at(doc, "Kyiv")
    assert kyiv is not None and (kyiv.kind, kyiv.country, kyiv.sector) == ("country", "UKR", None)
    doc = engine.extract("Beijing summoned the Japanese ambassador.", published="2024-05-01")
    assert _code(doc, "Beijing") == ("CHN", "GOV")  # as a subject it is the government



@pytest.mark.parametrize("text,phrase,country", [
    ("Pakistan rejected a fresh offer from Afganistan for direct talks.", "Afganistan", "AFG"),
    ("The Phillippines military violated the ceasefire.", "Phillippines military", "PHL"),
    ("Argentinian diplomats protested.", "Argentinian diplomats", "ARG"),
])
def test_a_country_word_misspelt_by_one_letter_is_read(engine: Any, text: str, phrase: str, country: str) -> None:
    actor = _actor_at(engine.extract(text, published="2024-05-01"), phrase)
    assert actor is not None and actor.country == country


@pytest.mark.parametrize("text,phrase", [
    ("Australia and Austria signed a treaty.", "Austria"),  # two real names one letter apart stay themselves
    ("Senator Collins met Colombian officials.", "Collins"),  # an ordinary name near no country is no country
])
def test_real_names_are_not_read_as_misspellings(engine: Any, text: str, phrase: str) -> None:
    doc = engine.extract(text, published="2024-05-01")
    actor = _actor_at(doc, phrase)
    if phrase == "Austria":
        assert actor is not None and actor.country == "AUT"
    else:
        assert actor is None or actor.country in (None, "USA")


def test_a_capital_read_as_another_city_is_not_its_country(engine: Any) -> None:
    doc = engine.extract("Syrian officers ended mediation between rival militias in Tripoli as shells hit the "
                         "north Lebanese port.", published="2024-05-01")
    assert "LBY" not in {a.country for a in doc.actors}
    doc = engine.extract("Tripoli rejected the UN plan.", published="2024-05-01")
    assert "LBY" in {a.country for a in doc.actors}


def test_people_of_a_place_live_there(engine: Any) -> None:
    doc = engine.extract("The Albanians of southern Serbia are demanding autonomy.", published="2024-05-01")
    actor = _actor_at(doc, "Albanians")
    assert actor is not None and actor.country == "SRB"
    doc = engine.extract("The Albanians of Albania voted.", published="2024-05-01")
    actor = _actor_at(doc, "Albanians")
    assert actor is not None and actor.country == "ALB"


@pytest.mark.parametrize("text,phrase,country", [
    ("Yoruba leaders met in Ibadan.", "Yoruba leaders", "NGA"),
    ("Chechen rebels attacked a convoy.", "Chechen rebels", "RUS"),
    ("Kurdish fighters attacked a convoy.", "Kurdish fighters", None),  # Kurds live in four states: no one country
])
def test_ethnic_groups_of_one_state_take_it(engine: Any, text: str, phrase: str, country: str | None) -> None:
    actor = _actor_at(engine.extract(text, published="2024-05-01"), phrase)
    assert actor is not None and actor.country == country
