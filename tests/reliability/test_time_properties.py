"""Time normalization properties, on generated dates: the calendar arithmetic of ``annotate/times``
(pure functions) and the stage end to end on generated sentences (explicit dates, "N days ago",
weekdays, months) against any publication date."""

from __future__ import annotations

import calendar as stdcal
import datetime as dt
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from bilateral.annotate.context import Context
from bilateral.annotate.times import calendar, find_times
from bilateral.ingest.article import Article
from bilateral.record import Time
from bilateral.settings import Settings

DATES = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31))
TENSES = st.sampled_from([None, "past", "present", "future"])
WEEKDAYS = st.integers(min_value=1, max_value=7)  # ISO: Monday is 1
MONTHS = st.integers(min_value=1, max_value=12)
FAST = settings(max_examples=300, deadline=None)
SLOW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


# -- calendar arithmetic ----------------------------------------------------------------------------
@FAST
@given(weekday=WEEKDAYS, ref=DATES, tense=TENSES, mod=st.sampled_from([None, "last", "next", "this"]))
def test_weekday_date_is_that_weekday_within_a_week(weekday: int, ref: dt.date, tense: str | None,
                                                    mod: str | None) -> None:
    day = calendar.weekday_date(weekday, ref, tense, mod=mod)
    assert day.isoweekday() == weekday
    offset = (day - ref).days
    if mod == "last":
        assert -7 <= offset < 0
    elif mod == "next":
        assert 0 < offset <= 7
    elif mod == "this":
        assert day.isocalendar()[:2] == ref.isocalendar()[:2]  # the same ISO week
    elif tense == "future":
        assert 0 < offset <= 7
    elif tense == "present":
        assert 0 <= offset < 7
    else:
        assert -7 < offset <= 0


@FAST
@given(ref=DATES, month=MONTHS, day=st.integers(min_value=1, max_value=31), tense=TENSES)
def test_month_day_without_a_year_is_near_and_on_the_right_side(ref: dt.date, month: int, day: int,
                                                                tense: str | None) -> None:
    got = calendar.month_day(month, day, ref, tense)
    window = 4 if (month, day) == (2, 29) else 1  # a leap day reaches the nearest leap years
    fits = [y for y in range(ref.year - window, ref.year + window + 1) if day <= stdcal.monthrange(y, month)[1]]
    if not fits:
        assert got is None
        return
    assert got is not None and (got.month, got.day) == (month, day)
    assert abs(got.year - ref.year) <= window
    if tense == "future" and any(dt.date(y, month, day) >= ref for y in fits):
        assert got >= ref
    if tense == "past" and any(dt.date(y, month, day) <= ref for y in fits):
        assert got <= ref


@FAST
@given(day=DATES, grain=st.sampled_from(["day", "week", "month", "quarter", "year"]))
def test_a_formatted_value_reads_back_as_its_period(day: dt.date, grain: str) -> None:
    value = calendar.fmt(day, grain)
    back = calendar.value_date(value)
    assert back is not None
    first, got_grain = back
    assert got_grain == grain
    assert first <= day
    if grain == "day":
        assert first == day
    elif grain == "week":
        assert first.isoweekday() == 1 and (day - first).days < 7
    elif grain == "month":
        assert first == day.replace(day=1)
    elif grain == "quarter":
        assert first.year == day.year and first.month == 3 * ((day.month - 1) // 3) + 1 and first.day == 1
    else:
        assert first == dt.date(day.year, 1, 1)
    assert calendar.fmt(first, grain) == value


@FAST
@given(day=DATES, n=st.integers(min_value=-600, max_value=600),
       unit=st.sampled_from(["day", "week", "fortnight", "month", "quarter", "year"]))
def test_shifts_move_by_the_amount_and_back(day: dt.date, n: int, unit: str) -> None:
    moved = calendar.shift(day, n, unit)
    if unit in ("day", "week", "fortnight"):
        assert (moved - day).days == n * {"day": 1, "week": 7, "fortnight": 14}[unit]
        assert calendar.shift(moved, -n, unit) == day
    else:
        months = n * {"month": 1, "quarter": 3, "year": 12}[unit]
        assert (moved.year * 12 + moved.month) - (day.year * 12 + day.month) == months
        assert moved.day == min(day.day, stdcal.monthrange(moved.year, moved.month)[1])
        if day.day <= 28:
            assert calendar.shift(moved, -n, unit) == day


@FAST
@given(ref=DATES, code=st.sampled_from(["SP", "SU", "FA", "WI"]))
def test_last_season_comes_before_next_season(ref: dt.date, code: str) -> None:
    last = calendar.season_only(code, ref, None, mod="last")
    this = calendar.season_only(code, ref, None, mod="this")
    nxt = calendar.season_only(code, ref, None, mod="next")
    assert last < nxt and last <= this <= nxt and nxt - last <= 2


# -- the stage, end to end ---------------------------------------------------------------------------
def _times(nlp: Any, text: str, published: dt.date) -> list[Time]:
    ctx = Context(doc=nlp(text), article=Article(text=text), settings=Settings(), published=published)
    times = find_times(ctx)
    for t in times:
        assert text[t.span[0]:t.span[1]] == t.text
    return times


@SLOW
@given(day=DATES, published=DATES)
def test_an_explicit_date_is_itself_whatever_the_publication_date(nlp: Any, day: dt.date, published: dt.date) -> None:
    written = f"{stdcal.month_name[day.month]} {day.day}, {day.year}"
    times = _times(nlp, f"The two ministers signed the agreement on {written} in Nairobi.", published)
    assert [(t.text, t.value) for t in times] == [(written, day.isoformat())]


@SLOW
@given(n=st.integers(min_value=2, max_value=60), published=DATES)
def test_n_days_ago_is_n_days_before_publication(nlp: Any, n: int, published: dt.date) -> None:
    times = _times(nlp, f"Police arrested the protesters {n} days ago, officials said.", published)
    assert [t.value for t in times if "ago" in t.text] == [(published - dt.timedelta(days=n)).isoformat()]


@SLOW
@given(weekday=WEEKDAYS, published=DATES)
def test_a_past_weekday_is_the_last_one_on_or_before_publication(nlp: Any, weekday: int, published: dt.date) -> None:
    name = stdcal.day_name[weekday - 1]
    times = _times(nlp, f"The foreign minister met his counterpart on {name} in Lima.", published)
    [t] = [t for t in times if t.text.endswith(name)]
    assert t.value is not None
    day = dt.date.fromisoformat(t.value)
    assert day.isoweekday() == weekday and 0 <= (published - day).days < 7


@SLOW
@given(month=MONTHS, year=st.integers(min_value=1950, max_value=2090), published=DATES)
def test_a_month_and_year_is_that_month(nlp: Any, month: int, year: int, published: dt.date) -> None:
    assume(month != 5)  # "May" is also a modal verb; tested in tests/annotate/test_times.py
    name = stdcal.month_name[month]
    times = _times(nlp, f"Chile recalled its ambassador in {name} {year}, the ministry said.", published)
    assert [t.value for t in times] == [f"{year:04d}-{month:02d}"]


RELATIVE = st.sampled_from([
    "last winter", "this winter", "next winter", "last spring", "next summer", "this autumn", "last fall",
    "in the spring", "last week", "next month", "last year", "this quarter", "the third quarter", "on Monday",
    "last Tuesday", "next Friday", "on February 29", "on December 31", "in January", "two weeks ago",
    "the following day", "the same day", "within the next three years", "earlier this month", "in the 1990s",
])


@SLOW
@given(expressions=st.lists(RELATIVE, min_size=1, max_size=4), published=DATES)
def test_relative_times_never_fail_the_stage(engine: Any, expressions: list[str], published: dt.date) -> None:
    # "last winter" in a January article raised IndexError: the whole times stage was lost (W300)
    text = " ".join(f"Officials said the talks happened {e}." for e in expressions)
    doc = engine.extract(text, published=published.isoformat())
    assert not [w for w in doc.warnings if w.startswith("W300")]
    assert len(doc.times) >= 1
