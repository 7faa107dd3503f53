"""Times stage: dates, relative expressions, durations, anchors and traps, on sentences written
for these tests; the seed article; a pinned floor on TBAQ (skipped without ../shared)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bilateral.annotate.context import Context
from bilateral.annotate.times import calendar, find_anniversaries, find_times, origin_year
from bilateral.annotate.times.finder import patterns
from bilateral.annotate.times.resolve import RESOLVERS
from bilateral.ingest.article import Article
from bilateral.record import Time
from bilateral.settings import Settings
from tests.conftest import load_benchmark

PUB = dt.date(2024, 9, 13)  # a Friday


def run(nlp: Any, text: str, published: dt.date | None = PUB) -> tuple[list[Time], Context]:
    ctx = Context(doc=nlp(text), article=Article(text=text), settings=Settings(), published=published)
    return find_times(ctx), ctx


def values(nlp: Any, text: str, published: dt.date | None = PUB) -> dict[str, str | None]:
    times, _ = run(nlp, text, published)
    return {t.text: t.value for t in times}


# (sentence, expected {text: value}); every expression of the sentence must be listed
CASES = [
    ("The summit opened on September 11, 2001 in Paris.", {"September 11, 2001": "2001-09-11"}),
    ("The deal was signed on 5 March 2019.", {"5 March 2019": "2019-03-05"}),
    ("The report is dated 2023-11-02.", {"2023-11-02": "2023-11-02"}),
    ("Talks resumed on Sept. 3.", {"Sept. 3": "2024-09-03"}),
    ("Ministers met on Tuesday.", {"Tuesday": "2024-09-10"}),
    ("Ministers will meet on Tuesday.", {"Tuesday": "2024-09-17"}),
    ("The two leaders met last Friday.", {"last Friday": "2024-09-06"}),
    ("The two sides agreed in May to resume trade.", {"May": "2024-05"}),
    ("Elections will be held in November.", {"November": "2024-11"}),
    ("The accord was signed in October.", {"October": "2023-10"}),
    ("Parliament passed the law in March 2020.", {"March 2020": "2020-03"}),
    ("Troops withdrew in 1998.", {"1998": "1998"}),
    ("President Yoon's 2022 election changed the policy.", {"2022": "2022"}),
    ("The region was at war in the 1990s.", {"the 1990s": "199"}),
    ("Sales fell in Q3.", {"Q3": "2024-Q3"}),
    ("Profit rose in the third quarter of 2022.", {"the third quarter of 2022": "2022-Q3"}),
    ("The minister visited Hanoi last week.", {"last week": "2024-W36"}),
    ("Negotiators will return next month.", {"next month": "2024-10"}),
    ("The embassy closed two days ago.", {"two days ago": "2024-09-11"}),
    ("The ceasefire collapsed last year.", {"last year": "2023"}),
    ("The rebels attacked yesterday.", {"yesterday": "2024-09-12"}),
    ("The vote is due tomorrow.", {"tomorrow": "2024-09-14"}),
    ("Fighting continued this morning.", {"this morning": "2024-09-13TMO"}),
    ("The blockade lasted three months.", {"three months": "P3M"}),
    ("The hearing lasted 16 hours.", {"16 hours": "PT16H"}),
    ("The talks have stalled for several years.", {"several years": "PXY"}),
    ("The offer ends within the next three years.", {"within the next three years": "P3Y"}),
    ("The old port will reopen in two years.", {"in two years": "2026"}),
    ("The harvest was poor last summer.", {"last summer": "2024-SU"}),
    ("The parties met in July last year.", {"July last year": "2023-07"}),
    ("Observers visit every week.", {"every week": "P1W"}),
    ("The ministry publishes figures daily.", {"daily": "P1D"}),
    ("Prices are currently rising.", {"currently": "PRESENT_REF"}),
    ("Saturday, September 7, the talks broke down.", {"Saturday, September 7": "2024-09-07"}),
    ("The 21st century brought new rivals.", {"The 21st century": "20"}),
    ("A decade ago the border was closed.", {"A decade ago": "2014"}),
    ("The meeting is scheduled for 10 a.m. on Monday.", {"10 a.m. on Monday": "2024-09-16T10:00"}),
    ("The plant will be ready by the end of the year.", {"the end of the year": "2024"}),
    ("The ministry will decide in the coming weeks.", {"the coming weeks": "PXW"}),
    ("The law takes effect on 1 January.", {"1 January": "2025-01-01"}),
    ("The offer was extended to Sept. 30.", {"Sept. 30": "2024-09-30"}),
    ("For the first time in five years, the leaders met.", {"in five years": "P5Y"}),
    ("Officials met on Friday.", {"Friday": "2024-09-13"}),
    ("The president arrives on Monday for talks.", {"Monday": "2024-09-16"}),
    ("He said on Monday that the ministers would meet in October.", {"Monday": "2024-09-09", "October": "2024-10"}),
    ("Since the September 11 attacks, security has tightened.", {"September 11 attacks": "2001-09-11"}),
    ("Two weeks later, the deal collapsed.", {"Two weeks later": None}),
    ("The envoy arrived on May 2. Two weeks later, the deal collapsed.",
     {"May 2": "2024-05-02", "Two weeks later": "2024-W20"}),
    ("The vote was postponed to November.", {"November": "2024-11"}),
    ("Fighting raged from April to June.", {"April": "2024-04", "June": "2024-06"}),
    ("Seoul wants a deal within three years.", {"within three years": "P3Y"}),
    ("Officials met on Sunday.", {"Sunday": "2024-09-08"}),
    ("Officials will meet on Sunday.", {"Sunday": "2024-09-15"}),
    ("The rebels attacked on Tuesday night.", {"Tuesday night": "2024-09-10TNI"}),
]

# sentences that hold no temporal expression at all
TRAPS = [
    "We may see a deal, the minister said.",
    "We will protest, we said.",
    "Thousands will March on the capital.",
    "Protesters march to the parliament.",
    "The Sunday Times reported the leak.",
    "Theresa May resigned as party leader.",
    "Korea helped repair National Roads 3, 48 and 21.",
    "The company employs 2000 workers.",
    "Resolution 1973 authorised the use of force.",
    "May God protect the nation, she said.",
    "Good Friday Agreement talks were cited.",
    "The fall of the regime surprised observers.",
    "A 6-year-old boy was injured.",
    "Turnout reached three-quarters of voters.",
    "The Arab Spring changed the region.",
    "Veterans of the Six-Day War gathered.",
    "The first day of talks ended without a deal.",
    "The bill passed 52-48 in the Senate.",
    "Wed the two parties, we say.",
    "Ministers Mark and May spoke.",
    "Saudi Arabia's Vision 2030 plan was discussed.",
    "June Smith said the plan was sound.",
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_values(nlp: Any, text: str, expected: dict[str, str]) -> None:
    assert values(nlp, text) == expected


@pytest.mark.parametrize("text", TRAPS)
def test_no_false_times(nlp: Any, text: str) -> None:
    assert values(nlp, text) == {}


@pytest.mark.parametrize(("text", "kind"), [
    ("The offer ends within the next three years.", "duration"),
    ("The hearing lasted 16 hours.", "duration"),
    ("Observers visit every week.", "set"),
    ("Talks resumed on Sept. 3.", "date"),
])
def test_types(nlp: Any, text: str, kind: str) -> None:
    times, _ = run(nlp, text)
    assert [t.type for t in times] == [kind]


def test_every_rule_has_a_resolver() -> None:
    assert {name for name, _ in patterns()} <= set(RESOLVERS)


def test_duration_keeps_its_deadline(nlp: Any) -> None:
    times, _ = run(nlp, "Seoul hopes to finish the line within the next three years.")
    assert (times[0].value, times[0].end, times[0].anchor) == ("P3Y", "2027", "published")


def test_same_day_is_anchored_to_the_last_date(nlp: Any) -> None:
    times, _ = run(nlp, "The envoy arrived on September 2. Talks began the same day, and ended the next day.")
    assert [(t.text, t.value, t.anchor) for t in times] == [
        ("September 2", "2024-09-02", "published"),
        ("the same day", "2024-09-02", "time:t1"),
        ("the next day", "2024-09-03", "time:t2"),
    ]


def test_no_publication_date_leaves_relative_values_partial(nlp: Any) -> None:
    times, ctx = run(nlp, "They met in May and on September 11, 2001, and again last week.", published=None)
    got = {t.text: (t.value, t.anchor) for t in times}
    assert got == {"May": ("XXXX-05", None), "September 11, 2001": ("2001-09-11", None), "last week": (None, None)}
    assert sum(w.startswith("W201") for w in ctx.warnings) == 1


@pytest.mark.parametrize(("text", "expected"), [
    ("Profit rose in the third quarter.", {"the third quarter": "XXXX-Q3"}),
    ("Ministers met on Tuesday.", {"Tuesday": "XXXX-WXX-2"}),
    ("Talks resumed on Sept. 3.", {"Sept. 3": "XXXX-09-03"}),
    ("The embassy closed two days ago.", {"two days ago": None}),
    ("The offer ends within the next three years.", {"within the next three years": "P3Y"}),
    ("The accord was signed in 1997.", {"1997": "1997"}),
])
def test_without_publication_date(nlp: Any, text: str, expected: dict[str, str | None]) -> None:
    assert values(nlp, text, published=None) == expected


def test_every_span_indexes_the_text(nlp: Any) -> None:
    text = "On Tuesday, Sept. 3, and again two days ago, envoys met; in the 1990s, within the next five years."
    times, _ = run(nlp, text)
    assert times and all(text[t.span[0]:t.span[1]] == t.text for t in times)
    assert [t.id for t in times] == [f"t{i}" for i in range(1, len(times) + 1)]


def test_anniversary_gives_the_founding_year(nlp: Any) -> None:
    text = "In two years, the countries will celebrate the 30th anniversary of diplomatic relations."
    times, ctx = run(nlp, text)
    (ann,) = find_anniversaries(ctx, times)
    assert (ann.ordinal, ann.subject, ann.year, ann.origin) == (30, "diplomatic relations", 2026, 1996)
    assert origin_year(50, 2024) == 1974


@pytest.mark.parametrize(("value", "expected"), [
    ("2024-09-11", (dt.date(2024, 9, 11), "day")), ("2024-05", (dt.date(2024, 5, 1), "month")),
    ("2024", (dt.date(2024, 1, 1), "year")), ("2024-Q3", (dt.date(2024, 7, 1), "quarter")),
    ("XXXX-05", None), ("PAST_REF", None), ("P3Y", None),
])
def test_value_date(value: str, expected: Any) -> None:
    assert calendar.value_date(value) == expected


# -- the seed article ------------------------------------------------------------------------------

def test_seed_times(nlp: Any, seed_gold: dict[str, Any]) -> None:
    text = seed_gold["text"]
    times, ctx = run(nlp, text, dt.date.fromisoformat(seed_gold["published"]))
    for gold in seed_gold["times"]:
        start = text.index(gold["text"])
        end = start + len(gold["text"])
        hits = [t for t in times if t.span[0] < end and start < t.span[1]]
        assert hits, gold["text"]
        accepted = gold["value"] if isinstance(gold["value"], list) else [gold["value"]]
        assert hits[0].value in accepted or hits[0].end in accepted, (gold, hits[0])
    origins = {a.origin for a in find_anniversaries(ctx, times) if a.subject and "diplomatic" in a.subject}
    assert origins == {1997}


# -- TBAQ floor (a pinned subset; the benchmark runs the full corpus) ---------------------------------

def _benchmark() -> Any:
    return load_benchmark("times_tbaq")


@pytest.mark.shared
@pytest.mark.slow
def test_tbaq_floor(nlp: Any, shared: Path) -> None:
    gold = shared / "data" / "tbaq_timex" / "gold.jsonl"
    if not gold.is_file():
        pytest.skip("tbaq_timex is not present")
    bench = _benchmark()
    rows = bench.load_gold(gold, limit=40)
    results = bench.run(nlp, Settings(), rows)
    ours, base = results["bilateral"][0], results["spacy+dateparser"][0]
    # measured 0.922 and 0.883 on these 40 documents (baseline 0.895 and 0.536)
    assert ours["F1"] >= 0.90 and ours["value_acc"] >= 0.86
    assert ours["F1"] > base["F1"] and ours["value_acc"] > base["value_acc"]


# -- property: any text ----------------------------------------------------------------------------

WORDS = st.sampled_from(["May", "may", "we", "March", "Tuesday", "last", "next", "week", "in", "three", "years",
                         "the", "same", "day", "1998", "Q3", "30th", "anniversary", "of", "ago", "2,000", "-", ",",
                         "Sept.", "11", "within", "1990s", "'80s", "Sunday", "Times", "every", "quarter"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(st.one_of(WORDS, st.text(max_size=8)), max_size=25),
       published=st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31))))
def test_any_text(nlp: Any, words: list[str], published: dt.date | None) -> None:
    text = " ".join(words)
    times, ctx = run(nlp, text, published)
    for t in times:
        assert text[t.span[0]:t.span[1]] == t.text
        assert t.type in ("date", "duration", "set")
    find_anniversaries(ctx, times)


# -- the fast path: lower-cased patterns over lower-cased text ------------------------------------------
def test_lowered_patterns_exist_for_every_rule() -> None:
    from bilateral.annotate.times.finder import lowered_patterns

    lowered = lowered_patterns()
    assert lowered is not None
    assert [name for name, _, _ in lowered] == [name for name, _ in patterns()]
    assert all(not rx.flags & __import__("re").IGNORECASE for _, rx, _ in lowered)


def test_lower_pattern_keeps_escapes_and_group_names() -> None:
    from bilateral.annotate.times.finder import lower_pattern

    assert lower_pattern(r"(?P<Day>MON)\S\b(?P=Day)[A-Z]") == r"(?P<Day>mon)\S\b(?P=Day)[a-z]"
    assert lower_pattern(r"(?i:May)") is None  # inline flags: not rewritten
    assert lower_pattern(r"\x4Day") is None  # a character by number
    assert lower_pattern("Ümit") is None  # a cased letter outside ASCII


def test_case_traps_are_the_only_characters_where_lowering_differs() -> None:
    """Over every code point: lower-casing changes the length, the \\w, \\s or \\d class, or meets an
    ASCII letter under IGNORECASE only for the four characters the fast path refuses."""
    import re

    from bilateral.annotate.times.finder import _CASE_TRAPS

    classes = [re.compile(k).match for k in (r"\w", r"\s", r"\d")]
    ascii_letter = re.compile("[a-z]", re.IGNORECASE).match
    found = set()
    for cp in range(128, 0x110000):
        c = chr(cp)
        low = c.lower()
        if low != c and (len(low) != 1 or any((m(c) is None) != (m(low) is None) for m in classes)):
            found.add(c)
        elif ascii_letter(c):
            found.add(c)
    assert found == set(_CASE_TRAPS)


@pytest.mark.parametrize("text", [
    "ON MONDAY the Minister said NEXT WEEK's vote, set for March 3, 2021, was moved to the Third Quarter.",
    "The İzmir talks of Tuesday, three days ago, ended; ſome 1999 records were lost.",  # traps: slow path
    "Officials met on monday and again Two Weeks Later, in the 1990s, every Friday night.",
])
def test_fast_and_slow_paths_find_the_same_matches(text: str) -> None:
    from bilateral.annotate.times.finder import matches

    slow = [(order, rule, m.span(), {k: m.span(k) for k in m.groupdict()})
            for order, (rule, rx) in enumerate(patterns()) for m in rx.finditer(text)]
    fast = [(order, rule, m.span(), {k: m.span(k) for k in m.groupdict()}) for order, rule, m in matches(text)]
    assert fast == slow
    assert slow  # every sentence has times


def test_group_text_keeps_the_original_case(nlp: Any) -> None:
    times, _ = run(nlp, "Ministers met on Tuesday and again in MARCH 2020.")
    assert [t.text for t in times] == ["Tuesday", "MARCH 2020"]


def test_required_strings_of_a_pattern() -> None:
    from bilateral.annotate.times.finder import required_strings

    assert required_strings(r"\bin\s+(?:day|days|week)s?\b") == {"day", "week"}
    assert required_strings(r"(?:the\s+)?(?P<n>\d+)\s+years?\s+ago") == {"year"}  # the longest certain run
    assert required_strings(r"(?:once|twice)?\s+a\s+year") == {"year"}  # optional parts are never required
    assert required_strings(r"(?:x+|y)z?") == {"x", "y"}
    assert required_strings(r"\d+") is None


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(["the", "next", "three", "weeks", "Monday", "5", "March", "2021", "ago", "-",
                                 "Q3", "once", "a", "year", "in", "1990s", "10", "a.m.", "quarter", ",", "of",
                                 "century", "every", "day", "2024-01-02", "last", "spring", "later"]),
                min_size=1, max_size=14))
def test_every_match_holds_one_of_its_required_strings(words: list[str]) -> None:
    from bilateral.annotate.times.finder import lowered_patterns

    low = " ".join(words).lower()
    lowered = lowered_patterns()
    assert lowered is not None
    for _, rx, needs in lowered:
        for m in rx.finditer(low):
            assert needs is None or any(s in m.group() for s in needs), (rx.pattern, m.group())
