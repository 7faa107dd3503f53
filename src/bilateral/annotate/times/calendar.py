"""Calendar arithmetic for TIMEX3 values: formats at a granularity, shifts, and the choice of
the year for a month, weekday, quarter or season given the tense of its clause.

Pure functions of dates; nothing here reads text.
"""

from __future__ import annotations

import datetime as dt
from calendar import monthrange

#: granularities, finest first
GRAINS = ("day", "week", "month", "quarter", "season", "year", "decade", "century")


def fmt(day: dt.date, grain: str) -> str:
    """``day`` written at a granularity: 2024-09-11, 2024-W37, 2024-09, 2024-Q3, 2024, 202, 20."""
    if grain == "day":
        return day.isoformat()
    if grain in ("week", "weekend"):
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}" + ("-WE" if grain == "weekend" else "")
    if grain == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if grain == "quarter":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if grain == "decade":
        return f"{day.year // 10:03d}"
    if grain == "century":
        return f"{day.year // 100:02d}"
    return f"{day.year:04d}"


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months, the day clipped to the month's length."""
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    year = min(max(year, 1), 9999)
    return dt.date(year, month + 1, min(day.day, monthrange(year, month + 1)[1]))


def shift(day: dt.date, amount: int, unit: str) -> dt.date:
    """``day`` moved by ``amount`` units (day, week, weekend, fortnight, month, quarter, year, decade, century)."""
    if unit == "day":
        return day + dt.timedelta(days=amount)
    if unit in ("week", "weekend"):
        return day + dt.timedelta(weeks=amount)
    if unit == "fortnight":
        return day + dt.timedelta(weeks=2 * amount)
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}.get(unit)
    if months is None:
        raise ValueError(f"no calendar shift for unit {unit!r}")
    return add_months(day, amount * months)


def grain_of(unit: str) -> str:
    """The granularity a value shifted by ``unit`` is written at ("two days ago" is a day)."""
    return {"fortnight": "week", "decade": "year", "century": "year"}.get(unit, unit)


def duration(amount: float | None, code: str, *, factor: int = 1, time: bool = False) -> str:
    """A TIMEX3 duration: P3Y, P10Y (a decade), PT16H, PXM (unknown amount), P1.5Y."""
    if amount is None:
        num = "X"
    else:
        value = amount * factor
        num = str(int(value)) if value == int(value) else f"{value:g}"
    return f"P{'T' if time else ''}{num}{code}"


#: a date without a year up to this many days after publication is read as coming up unless the
#: clause is past ("the offer runs to Nov. 20"); deadlines ("extended to Nov. 20") count as such
NEAR_FUTURE_DAYS = 62


def pick_year(candidates: dict[int, dt.date], ref: dt.date, tense: str | None) -> int:
    """Among dates for candidate years, the year the clause means: on or after ``ref`` for the
    future, on or before it for the past; when the tense is unknown or present, on or before
    ``ref`` unless that is most of a year back while a candidate lies within
    :data:`NEAR_FUTURE_DAYS` ahead."""
    items = sorted(candidates.items())
    before = [(y, d) for y, d in items if d <= ref]
    after = [(y, d) for y, d in items if d >= ref]
    if tense == "future":
        return after[0][0] if after else items[-1][0]
    if not before:
        return after[0][0]
    if tense != "past" and after and (after[0][1] - ref).days <= NEAR_FUTURE_DAYS \
            and (ref - before[-1][1]).days > 180:
        return after[0][0]
    return before[-1][0]


def month_day(month: int, day: int, ref: dt.date, tense: str | None, *, weekday: int | None = None) -> dt.date | None:
    """The date of "September 11" without a year, relative to ``ref``; a weekday given with
    it ("Saturday, April 25") keeps only the years where it falls on that weekday."""
    cands: dict[int, dt.date] = {}
    span = 4 if (month, day) == (2, 29) else 1  # a leap day: the nearest leap years
    for year in range(ref.year - span, ref.year + span + 1):
        if day <= monthrange(year, month)[1]:
            cands[year] = dt.date(year, month, day)
    if weekday is not None:
        cands = {y: d for y, d in cands.items() if d.isoweekday() == weekday} or cands
    if not cands:
        return None
    return cands[pick_year(cands, ref, tense)]


def month_only(month: int, ref: dt.date, tense: str | None) -> int:
    """The year of "in May" without a year: the most recent May on or before ``ref`` unless future."""
    cands = {y: dt.date(y, month, 1) for y in (ref.year - 1, ref.year, ref.year + 1)}
    return pick_year(cands, ref.replace(day=1), tense)


def quarter_only(quarter: int, ref: dt.date, tense: str | None) -> int:
    """The year of "the third quarter" without a year: the publication year, or the year before
    when a past-tense clause names a quarter still to come."""
    current = (ref.month - 1) // 3 + 1
    if tense == "past" and quarter > current:
        return ref.year - 1
    return ref.year


def season_only(code: str, ref: dt.date, tense: str | None, *, mod: str | None = None) -> int:
    """The year of "last summer" / "this winter" / "in the spring" relative to ``ref``."""
    starts = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
    # two years back: "last winter" in January 2000 is the winter that began in December 1998
    cands = {y: dt.date(y, starts[code], 1) for y in (ref.year - 2, ref.year - 1, ref.year, ref.year + 1)}
    current = _season_start(ref)
    if mod == "last":
        before = [y for y, d in sorted(cands.items()) if d < current]
        return before[-1]
    if mod == "next":
        after = [y for y, d in sorted(cands.items()) if d > current]
        return after[0]
    if mod == "this":
        return ref.year if not (code == "WI" and ref.month <= 2) else ref.year - 1
    return pick_year(cands, current, "future" if tense == "future" else "past")


def _season_start(day: dt.date) -> dt.date:
    if day.month <= 2:
        return dt.date(day.year - 1, 12, 1)
    return dt.date(day.year, {3: 3, 4: 3, 5: 3, 6: 6, 7: 6, 8: 6, 9: 9, 10: 9, 11: 9, 12: 12}[day.month], 1)


def weekday_date(weekday: int, ref: dt.date, tense: str | None, *, mod: str | None = None) -> dt.date:
    """The date of "Tuesday": the one on or before ``ref`` unless the clause is future (then the
    next one after ``ref``) or present ("arrives on Monday": the next one, ``ref`` included);
    "last"/"next"/"this" force the direction."""
    back = (ref.isoweekday() - weekday) % 7
    fwd = (weekday - ref.isoweekday()) % 7
    if mod in ("last", "past", "previous"):
        return ref - dt.timedelta(days=back or 7)
    if mod in ("next", "coming"):
        return ref + dt.timedelta(days=fwd or 7)
    if mod == "this":
        return ref + dt.timedelta(days=weekday - ref.isoweekday())
    if tense == "future":
        return ref + dt.timedelta(days=fwd or 7)
    if tense == "present":
        return ref + dt.timedelta(days=fwd)
    return ref - dt.timedelta(days=back)


def value_date(value: str | None) -> tuple[dt.date, str] | None:
    """A resolved TIMEX3 date value read back as (first day, granularity); None for partial ones."""
    if not value or "X" in value or not value[:4].isdigit():
        return None
    try:
        if len(value) >= 10 and value[4] == "-" and value[7] == "-":
            return dt.date.fromisoformat(value[:10]), "day"
        if len(value) >= 8 and value[5] == "W":
            return dt.date.fromisocalendar(int(value[:4]), int(value[6:8]), 1), "week"
        if len(value) == 7 and value[5] == "Q":
            return dt.date(int(value[:4]), 3 * int(value[6]) - 2, 1), "quarter"
        if len(value) == 7:
            return dt.date(int(value[:4]), int(value[5:7]), 1), "month"
        if len(value) == 4:
            return dt.date(int(value), 1, 1), "year"
    except ValueError:
        return None
    return None
