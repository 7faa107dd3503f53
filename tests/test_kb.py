"""The office-holder knowledge base: bundled terms, dates and ELI, user files, Wikidata import, CLI."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

import bilateral
from bilateral.cli import main
from bilateral.errors import BilateralError
from bilateral.kb import (
    KnowledgeBase,
    Term,
    bundled_terms,
    import_wikidata,
    load_kb,
    name_key,
    office_sector,
    parse_partial_date,
    read_terms_file,
)

DATA = Path(__file__).parent / "data" / "kb_wikidata_export.json"


def test_bundled_kb_covers_priority_countries() -> None:
    terms = bundled_terms()
    heads = {t.country for t in terms if t.sector == "GOV"}
    p5 = {"USA", "GBR", "FRA", "RUS", "CHN"}
    asean = {"KHM", "IDN", "MYS", "PHL", "THA", "VNM", "SGP", "LAO", "MMR", "BRN"}
    g20 = {"ARG", "AUS", "BRA", "CAN", "DEU", "IND", "ITA", "JPN", "KOR", "MEX", "SAU", "ZAF", "TUR", "EUR"}
    assert p5 | g20 <= heads
    assert asean - {"MMR"} <= heads
    for t in terms:
        assert len(t.country) == 3 and t.sector
        assert t.end is None or t.start is None or t.start <= t.end, t


@pytest.mark.parametrize(("name", "on", "country", "sector"), [
    ("Hun Sen", dt.date(2020, 1, 1), "KHM", "GOV"),
    ("Hun Sen", dt.date(2024, 9, 13), "KHM", "LEG"),
    ("Hun Sen", dt.date(2023, 12, 1), "KHM", "ELI"),  # between premiership and Senate presidency
    ("Angela Merkel", dt.date(2017, 4, 1), "DEU", "GOV"),
    ("Angela Merkel", dt.date(2022, 1, 10), "DEU", "ELI"),
    ("Yoon Suk-Yeol", dt.date(2024, 9, 13), "KOR", "GOV"),
    ("yoon suk yeol", dt.date(2024, 9, 13), "KOR", "GOV"),
    ("Erdogan", dt.date(2020, 5, 1), "TUR", "GOV"),
    ("Nikol Pashinyan", None, "ARM", "GOV"),
])
def test_lookup_by_date(name: str, on: dt.date | None, country: str, sector: str) -> None:
    hit = load_kb().lookup(name, on=on)
    assert hit is not None
    assert (hit.country, hit.sector) == (country, sector)


def test_unknown_and_ambiguous_names_are_none() -> None:
    kb = KnowledgeBase([
        Term("Kim Lee", ("Lee",), "KOR", "Minister", "GOV", None, None),
        Term("Park Lee", ("Lee",), "PRK", "Minister", "GOV", None, None),
    ])
    assert kb.lookup("Lee") is None  # two people of two countries
    hit = kb.lookup("Park Lee")
    assert hit is not None and hit.country == "PRK"
    assert load_kb().lookup("Nobody Atall") is None


def test_name_key_folds_accents_and_hyphens() -> None:
    assert name_key("Jüri  Ratas") == name_key("Juri Ratas")
    assert name_key("Yoon Suk-Yeol") == "yoon suk yeol"


@pytest.mark.parametrize(("value", "end", "expected"), [
    ("2024", False, dt.date(2024, 1, 1)), ("2024", True, dt.date(2024, 12, 31)),
    ("2024-02", True, dt.date(2024, 2, 29)), ("2024-05-03", False, dt.date(2024, 5, 3)), ("", False, None),
])
def test_partial_dates(value: str, end: bool, expected: dt.date | None) -> None:
    assert parse_partial_date(value, end=end) == expected


def test_bad_date_is_a_coded_error() -> None:
    with pytest.raises(BilateralError, match="E040"):
        parse_partial_date("May 2020")


def test_user_files_csv_and_yaml(tmp_path: Path) -> None:
    csv_file = tmp_path / "mine.csv"
    csv_file.write_text("# my actors\nname,aliases,country,office,sector,start,end\n"
                        "Zara Quill,Quill,NZL,Minister of Trade,GOV,2022-01-01,\n", encoding="utf-8")
    yaml_file = tmp_path / "mine.yaml"
    yaml_file.write_text("- name: Omar Faye\n  aliases: [Faye]\n  country: SEN\n  office: Army chief\n"
                         "  sector: MIL\n  start: '2021'\n", encoding="utf-8")
    assert read_terms_file(csv_file)[0].country == "NZL"
    kb = load_kb((str(csv_file), str(yaml_file)))
    hit = kb.lookup("Omar Faye", on=dt.date(2024, 1, 1))
    assert hit is not None and (hit.country, hit.sector) == ("SEN", "MIL")


def test_user_file_missing_columns(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("who,where\nX,Y\n", encoding="utf-8")
    with pytest.raises(BilateralError, match="E042"):
        read_terms_file(bad)


def test_actor_files_reach_the_engine(tmp_path: Path) -> None:
    f = tmp_path / "extra.csv"
    f.write_text("name,aliases,country,office,sector,start,end\nZara Quill,,NZL,Minister of Trade,GOV,2022-01-01,\n",
                 encoding="utf-8")
    engine = bilateral.load(actor_files=[str(f)])
    doc = engine.extract("Zara Quill said the talks went well.", published="2024-03-01")
    quill = next(a for a in doc.actors if a.name == "Zara Quill")
    assert (quill.country, quill.sector) == ("NZL", "GOV")
    assert "kb:" in quill.rule


@pytest.mark.parametrize(("office", "sector"), [
    ("Minister of Foreign Affairs", "GOV"), ("President of the Senate", "LEG"), ("Chief of the General Staff", "MIL"),
    ("Marshal of the Senate", "GOV"),
])
def test_office_sector(office: str, sector: str) -> None:
    assert office_sector(office) == sector


def test_import_wikidata_export() -> None:
    terms = import_wikidata(DATA.read_text(encoding="utf-8"))
    assert [t.name for t in terms] == ["Elena Marchetti", "Tomasz Wielki"]  # an unlabeled item is skipped
    elena = terms[0]
    assert elena.country == "ITA" and elena.sector == "GOV" and "Marchetti" in elena.aliases
    assert elena.start == dt.date(2019, 3, 1) and elena.end == dt.date(2021, 6, 30)
    kb = KnowledgeBase(terms)
    hit = kb.lookup("Marchetti", on=dt.date(2024, 1, 1))
    assert hit is not None and hit.sector == "ELI"


def test_cli_kb_import_and_show(tmp_path: Path, capsys: Any) -> None:
    out = tmp_path / "kb.csv"
    assert main(["kb", "import", str(DATA), "--output", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# bilateral actor KB imported from Wikidata")
    assert "Elena Marchetti" in text
    assert main(["kb", "show", "Hun Sen", "--date", "2024-09-13"]) == 0
    assert "KHM LEG" in capsys.readouterr().out


def test_cli_kb_import_missing_file(tmp_path: Path) -> None:
    assert main(["kb", "import", str(tmp_path / "nope.json"), "--output", str(tmp_path / "kb.csv")]) == 2


def test_cli_kb_query_prints_the_sparql(capsys: Any) -> None:
    assert main(["kb", "query"]) == 0
    out = capsys.readouterr().out
    assert "SELECT ?personLabel ?iso3 ?positionLabel ?start ?end" in out and "wdt:P298" in out


# -- historical office-holders (1980-2015) ------------------------------------------------------------

@pytest.mark.parametrize(("name", "on", "country", "sector"), [
    ("Francois Mitterrand", dt.date(1993, 5, 1), "FRA", "GOV"),
    ("Mitterrand", dt.date(1999, 1, 1), "FRA", "ELI"),
    ("Gorbachev", dt.date(1987, 6, 1), "RUS", "GOV"),  # the USSR is coded RUS
    ("Gorbachev", dt.date(1995, 6, 1), "RUS", "ELI"),
    ("Shevardnadze", dt.date(1988, 1, 1), "RUS", "GOV"),
    ("Shevardnadze", dt.date(1995, 1, 1), "GEO", "GOV"),
    ("Shevardnadze", dt.date(2010, 1, 1), "GEO", "ELI"),
    ("Putin", dt.date(1999, 10, 1), "RUS", "GOV"),  # prime minister
    ("Bush", dt.date(1990, 6, 1), "USA", "GOV"),
    ("Bush", dt.date(1996, 6, 1), "USA", "ELI"),  # the elder, former; the governor is not "Bush" alone
    ("Bush", dt.date(2005, 6, 1), "USA", "GOV"),
    ("Clinton", dt.date(2010, 6, 1), "USA", "GOV"),  # the secretary of state, not the former president
    ("Tusk", dt.date(2012, 1, 1), "POL", "GOV"),
    ("Tusk", dt.date(2016, 1, 1), "EUR", "GOV"),
    ("Prodi", dt.date(2000, 1, 1), "EUR", "GOV"),
    ("Prodi", dt.date(2007, 1, 1), "ITA", "GOV"),
    ("Netanyahu", dt.date(2001, 1, 1), "ISR", "ELI"),  # between two premierships
    ("Arafat", dt.date(1990, 1, 1), "PSE", "GOV"),
    ("Milosevic", dt.date(1995, 1, 1), "SRB", "GOV"),  # Yugoslavia is coded SRB
    ("Kofi Annan", dt.date(2000, 1, 1), "UNO", "GOV"),
    ("Javier Solana", dt.date(1997, 1, 1), "IGO", "GOV"),  # NATO
    ("Aung San Suu Kyi", dt.date(2000, 1, 1), "MMR", "OPP"),
    ("Hun Sen", dt.date(1990, 1, 1), "KHM", "GOV"),
    ("Erdogan", dt.date(2005, 1, 1), "TUR", "GOV"),
    ("Rafsanjani", dt.date(1985, 1, 1), "IRN", "LEG"),
    ("Herzog", dt.date(2022, 1, 1), "ISR", "GOV"),  # Roman Herzog (DEU) has no surname alias
])
def test_historical_lookup(name: str, on: dt.date, country: str, sector: str) -> None:
    hit = load_kb().lookup(name, on=on)
    assert hit is not None
    assert (hit.country, hit.sector) == (country, sector)


def test_historical_heads_cover_p5_and_g20() -> None:
    terms = bundled_terms()
    countries = ("USA", "GBR", "FRA", "RUS", "CHN", "DEU", "JPN", "ITA", "CAN", "AUS", "KOR", "IND", "IDN",
                 "BRA", "MEX", "ARG", "ZAF", "SAU", "TUR")
    for on in (dt.date(1985, 6, 1), dt.date(1995, 6, 1), dt.date(2005, 6, 1)):
        held = {t.country for t in terms if t.sector == "GOV" and t.start is not None and t.start <= on
                and (t.end is None or on <= t.end)}
        assert set(countries) <= held, (on, sorted(set(countries) - held))


def test_shared_names_across_countries_are_deliberate() -> None:
    """A name or alias of people of two countries makes both unknown; only truly ambiguous ones may."""
    by_key: dict[str, set[tuple[str, str]]] = {}
    for t in bundled_terms():
        for n in {t.name, *t.aliases}:
            by_key.setdefault(name_key(n), set()).add((name_key(t.name), t.country))
    shared = {k for k, v in by_key.items() if len({p for p, _ in v}) > 1 and len({c for _, c in v}) > 1}
    assert shared <= {"king abdullah"}  # Saudi Arabia's (2005-2015) and Jordan's (1999-)
    assert load_kb().lookup("King Abdullah", on=dt.date(2010, 1, 1)) is None


def test_no_person_holds_one_office_twice_at_once() -> None:
    terms: dict[tuple[str, str, str], list[Term]] = {}
    for t in bundled_terms():
        terms.setdefault((name_key(t.name), t.country, t.office), []).append(t)
    for key, ts in terms.items():
        ts.sort(key=lambda t: t.start or dt.date.min)
        for a, b in zip(ts, ts[1:], strict=False):
            assert a.end is not None and b.start is not None and a.end <= b.start, key


def test_close_spellings_match_only_one_clearly_closest_name() -> None:
    kb = KnowledgeBase([
        Term("Rodrigo Valdemoro", (), "URY", "President", "GOV", dt.date(2001, 1, 1), None),
        Term("Anna Kowalczyk", (), "POL", "Prime Minister", "GOV", dt.date(2010, 1, 1), None),
        Term("Anna Kowalczuk", (), "UKR", "Foreign Minister", "GOV", dt.date(2012, 1, 1), None),
    ])
    assert kb.close_name("Rodrigo Valdemorro") == "rodrigo valdemoro"
    hit = kb.lookup("Rodrigo Valdemorro", on=dt.date(2005, 1, 1), fuzzy=True)
    assert hit is not None and hit.country == "URY" and hit.rule.startswith("kb:close")
    assert kb.lookup("Rodrigo Valdemorro", on=dt.date(2005, 1, 1)) is None  # not without fuzzy
    assert kb.close_name("Anna Kowalczak") is None  # two different people about as close
    assert kb.close_name("Roberto Valdez") is None  # too different
    assert kb.close_name("Valdemorro") is None  # one word is never enough


def test_misspelt_titled_leader_resolves_untitled_stays_unknown(engine: Any) -> None:
    doc = engine.extract("President Abdelaziz Bouteflicka addressed parliament.", published="2005-01-01")
    assert [(a.country, a.sector) for a in doc.actors if a.kind == "person"] == [("DZA", "GOV")]
    doc = engine.extract("Abdelaziz Bouteflicka addressed parliament.", published="2005-01-01")
    assert all(a.country is None for a in doc.actors if a.kind == "person")
