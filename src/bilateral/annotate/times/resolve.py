"""Turn a found expression into a TIMEX3 value, relative to the publication date or to the
last date resolved before it.

Reads: a :class:`~.finder.Candidate`, the tense of its clause (asked lazily), the publication
date and the dates resolved so far. Writes: :class:`Resolved` (type, value, anchor, end).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from . import calendar as cal
from .finder import Candidate
from .lexicon import lexicon, parse_number, parse_ordinal


@dataclass(frozen=True)
class Resolved:
    type: str  # date | duration | set
    value: str | None
    anchor: str | None  # "published" | "time:tN" | None
    end: str | None = None
    relative: bool = False  # needed the publication date (to warn when there is none)


@dataclass
class State:
    """What resolution of one document knows: the publication date and the dates so far."""

    published: dt.date | None
    tense: Callable[[Candidate], str | None]
    dates: list[tuple[str, dt.date, str]] = field(default_factory=list)  # (time id, first day, grain)
    text: str = ""
    #: whether an expression comes before the verb it modifies ("in three years, they will ...")
    fronted: Callable[[Candidate], bool] = lambda c: False

    def last(self, grain: str) -> tuple[str, dt.date, str] | None:
        """The most recent date resolved at ``grain`` or finer."""
        order = ("day", "week", "month", "quarter", "year")
        limit = order.index(grain) if grain in order else len(order) - 1
        for item in reversed(self.dates):
            if item[2] in order and order.index(item[2]) <= limit:
                return item
        return None


_PUB = "published"
_BACK = ("last", "past", "previous")
_FWD = ("next", "coming")


def _unit(word: str) -> str:
    return lexicon().units[word.lower()].name


def _month(word: str) -> int:
    return lexicon().months[word.lower().rstrip(".")]


def _mod(c: Candidate) -> str:
    return " ".join((c.groups.get("mod") or "").lower().split())


def _relative(pub: dt.date | None, value: Callable[[dt.date], str], *, partial: str | None = None,
              kind: str = "date") -> Resolved:
    if pub is None:
        return Resolved(kind, partial, None, relative=True)
    return Resolved(kind, value(pub), _PUB)


def r_named(c: Candidate, st: State) -> Resolved | None:
    name = " ".join(c.groups["name"].lower().split())
    return Resolved("date", lexicon().named_dates[name], None)


def r_iso(c: Candidate, st: State) -> Resolved | None:
    g = c.groups
    try:
        day = dt.date(int(g["year"]), int(g["m"]), int(g["d"]))
    except ValueError:
        return None
    return Resolved("date", day.isoformat(), None)


_DEADLINE = re.compile(r"\b(?:until|till|to|by|through|before)\s+(?:(?:early|late|mid)[\s-]+)?$", re.IGNORECASE)


def _date_tense(c: Candidate, st: State) -> str | None:
    """The clause tense, except that a deadline ("extended to Nov. 20", "by May") is not read
    as past: the date may still be ahead."""
    tense = st.tense(c)
    if tense == "past" and _DEADLINE.search(st.text[max(0, c.start - 30):c.start]):
        return None
    return tense


def r_month_day(c: Candidate, st: State) -> Resolved | None:
    g = c.groups
    month, day = _month(g["month"]), int(g["day"])
    if not 1 <= day <= 31:
        return None
    if g.get("year"):
        try:
            return Resolved("date", dt.date(int(g["year"]), month, day).isoformat(), None)
        except ValueError:
            return None
    if day > (29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31):
        return None
    pub = st.published
    if pub is None:
        return Resolved("date", f"XXXX-{month:02d}-{day:02d}", None, relative=True)
    weekday = lexicon().weekdays.get((g.get("wd") or "").lower())
    tense = _date_tense(c, st)
    # a full date with a present-tense verb is a schedule: "the law takes effect on 1 January"
    found = cal.month_day(month, day, pub, "future" if tense == "present" else tense, weekday=weekday)
    return Resolved("date", found.isoformat(), _PUB) if found else None


r_day_month = r_month_day


def r_month_year(c: Candidate, st: State) -> Resolved | None:
    return Resolved("date", f"{int(c.groups['year']):04d}-{_month(c.groups['month']):02d}", None)


def r_month(c: Candidate, st: State) -> Resolved | None:
    month, mod = _month(c.groups["month"]), _mod(c)
    pub = st.published
    if pub is None:
        return Resolved("date", f"XXXX-{month:02d}", None, relative=True)
    if mod == "last":
        year = pub.year if month < pub.month else pub.year - 1
    elif mod == "next":
        year = pub.year if month > pub.month else pub.year + 1
    elif mod == "this":
        year = pub.year
    else:
        year = cal.month_only(month, pub, _date_tense(c, st))
    return Resolved("date", f"{year:04d}-{month:02d}", _PUB)


def r_month_relyear(c: Candidate, st: State) -> Resolved | None:
    month = _month(c.groups["month"])
    step = {"last": -1, "this": 0, "next": 1}[c.groups["rel"].lower()]
    return _relative(st.published, lambda p: f"{p.year + step:04d}-{month:02d}", partial=f"XXXX-{month:02d}")


def _part(c: Candidate) -> str:
    """The TIMEX3 part-of-day suffix ("TMO") of "Tuesday morning", "" when none."""
    part = (c.groups.get("part") or "").lower()
    return "T" + lexicon().day_parts[part] if part else ""


def r_weekday(c: Candidate, st: State) -> Resolved | None:
    wd = lexicon().weekdays[c.groups["wd"].lower()]
    pub = st.published
    if pub is None:
        return Resolved("date", f"XXXX-WXX-{wd}", None, relative=True)
    mod = _mod(c)
    day = cal.weekday_date(wd, pub, None if mod else st.tense(c), mod=mod or None)
    return Resolved("date", day.isoformat() + _part(c), _PUB)


def r_relday(c: Candidate, st: State) -> Resolved | None:
    offsets = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
    off = offsets[c.groups["word"].lower()]
    direction = (c.groups.get("dir") or "").lower()
    off += {"before": -1, "after": 1}.get(direction, 0)
    return _relative(st.published, lambda p: (p + dt.timedelta(days=off)).isoformat() + _part(c))


def r_relpart(c: Candidate, st: State) -> Resolved | None:
    off = -1 if c.groups["word"].lower() == "last" else 0
    return _relative(st.published, lambda p: (p + dt.timedelta(days=off)).isoformat() + _part(c))


def r_relunit(c: Candidate, st: State) -> Resolved | None:
    unit, mod = c.groups["unit"].lower(), _mod(c)
    step = -1 if mod in _BACK else 1 if mod in _FWD else 0
    grain = "weekend" if unit == "weekend" else unit
    return _relative(st.published, lambda p: cal.fmt(cal.shift(p, step, unit), grain))


def r_the_unit(c: Candidate, st: State) -> Resolved | None:
    """ "the quarter" (in reports: the one just ended), "the weekend" (the last one, unless future)."""
    unit, pub = c.groups["unit"].lower(), st.published
    if pub is None:
        return Resolved("date", None, None, relative=True)
    future = st.tense(c) == "future"
    if unit == "quarter":
        return Resolved("date", cal.fmt(cal.shift(pub, 0 if future else -1, "quarter"), "quarter"), _PUB)
    saturday = pub + dt.timedelta(days=6 - pub.isoweekday())
    if not future and pub.isoweekday() < 6:
        saturday -= dt.timedelta(days=7)
    return Resolved("date", cal.fmt(saturday, "weekend"), _PUB)


def _amount(c: Candidate) -> float | None:
    return parse_number(c.groups.get("num") or "one")


def r_ago(c: Candidate, st: State) -> Resolved | None:
    unit = _unit(c.groups["unit"])
    amount = _amount(c)
    direction = " ".join(c.groups["dir"].lower().split())
    sign = 1 if direction in ("later", "from now", "hence") else -1
    if amount is None:
        return _relative(st.published, lambda p: "PAST_REF" if sign < 0 else "FUTURE_REF")
    if lexicon().units[unit].time:
        unit, amount = "day", 0
    if amount != int(amount):
        return Resolved("date", None, None)
    grain = cal.grain_of(unit)
    if direction in ("earlier", "later"):  # counted from the last date told, never from publication
        prior = st.last("year")
        if prior is None:
            return Resolved("date", None, None)
        return Resolved("date", cal.fmt(cal.shift(prior[1], sign * int(amount), unit), grain), f"time:{prior[0]}")
    return _relative(st.published, lambda p: cal.fmt(cal.shift(p, sign * int(amount), unit), grain))


_DURATION_BEFORE = re.compile(r"(?:first|last|highest|lowest|biggest|largest|best|worst|most|least|once|twice|times"
                              r"|time|since)\W+(?:\w+\W+){0,3}$", re.IGNORECASE)


def _duration_value(c: Candidate, amount: float | None = None) -> str:
    unit = lexicon().units[c.groups["unit"].lower()]
    return cal.duration(amount, unit.code, factor=unit.factor, time=unit.time)


def r_in_n(c: Candidate, st: State) -> Resolved | None:
    amount = _amount(c)
    unit = _unit(c.groups["unit"])
    dur = _duration_value(c, amount)
    before = st.text[max(0, c.start - 60):c.start]
    # "built it in three years" is a duration; "in three years, as we celebrate ..." looks ahead
    if (amount is None or st.published is None or _DURATION_BEFORE.search(before)
            or st.text[c.end:c.end + 4].lower().startswith(" of") or (st.tense(c) == "past" and not st.fronted(c))
            or amount != int(amount) or lexicon().units[unit].time):
        return Resolved("duration", dur, None)
    pub = st.published
    return Resolved("date", cal.fmt(cal.shift(pub, int(amount), unit), cal.grain_of(unit)), _PUB)


def r_span_of(c: Candidate, st: State) -> Resolved | None:
    mod = _mod(c).removeprefix("the ").strip()
    unit = _unit(c.groups["unit"])
    plural = c.groups["unit"].lower() != unit
    amount = _amount(c) if c.groups.get("num") else None if plural else 1
    if not c.groups.get("num") and c.groups["unit"].lower() == "quarter" and not c.groups.get("prep"):
        step = 1 if mod in ("next", "coming", "following") else -1
        return _relative(st.published, lambda p: cal.fmt(cal.shift(p, step, "quarter"), "quarter"))
    dur = _duration_value(c, amount)
    if mod in ("next", "coming", "following") and amount is not None and amount == int(amount) \
            and not lexicon().units[unit].time:
        base: tuple[dt.date, str] | None = None
        if mod == "following":
            prior = st.last("year")
            if prior is not None:
                base = (prior[1], f"time:{prior[0]}")
        elif st.published is not None:
            base = (st.published, _PUB)
        if base is not None:
            end = cal.fmt(cal.shift(base[0], int(amount), unit), cal.grain_of(unit))
            return Resolved("duration", dur, base[1], end=end)
        return Resolved("duration", dur, None, relative=True)
    return Resolved("duration", dur, None)


def r_within(c: Candidate, st: State) -> Resolved | None:
    """ "within three years": a duration, and unless the clause is past, a deadline from publication."""
    amount, unit = _amount(c), _unit(c.groups["unit"])
    dur = _duration_value(c, amount)
    if amount is None or amount != int(amount) or lexicon().units[unit].time or st.tense(c) == "past":
        return Resolved("duration", dur, None)
    if st.published is None:
        return Resolved("duration", dur, None, relative=True)
    end = cal.fmt(cal.shift(st.published, int(amount), unit), cal.grain_of(unit))
    return Resolved("duration", dur, _PUB, end=end)


def r_duration(c: Candidate, st: State) -> Resolved | None:
    return Resolved("duration", _duration_value(c, _amount(c)), None)


def _quarter(c: Candidate, st: State, q: int) -> Resolved | None:
    year = c.groups.get("year") or c.groups.get("year0")
    if year:
        return Resolved("date", f"{int(year):04d}-Q{q}", None)
    pub = st.published
    if pub is None:
        return Resolved("date", f"XXXX-Q{q}", None, relative=True)
    return Resolved("date", f"{cal.quarter_only(q, pub, st.tense(c)):04d}-Q{q}", _PUB)


def r_quarter(c: Candidate, st: State) -> Resolved | None:
    word = c.groups["ord"].lower()
    q = 4 if word == "final" else parse_ordinal(word)
    return _quarter(c, st, q) if q and 1 <= q <= 4 else None


def r_q(c: Candidate, st: State) -> Resolved | None:
    if c.groups["q"][0] != "Q":
        return None
    return _quarter(c, st, int(c.groups["q"][1]))


def r_half(c: Candidate, st: State) -> Resolved | None:
    return Resolved("date", f"{int(c.groups['year']):04d}-H{1 if c.groups['ord'].lower() == 'first' else 2}", None)


def r_season(c: Candidate, st: State) -> Resolved | None:
    code = lexicon().seasons[c.groups["season"].lower()]
    if c.groups.get("year"):
        return Resolved("date", f"{int(c.groups['year']):04d}-{code}", None)
    pub = st.published
    if pub is None:
        return Resolved("date", f"XXXX-{code}", None, relative=True)
    mod = _mod(c)
    year = cal.season_only(code, pub, st.tense(c), mod=mod if mod in ("last", "next", "this") else None)
    return Resolved("date", f"{year:04d}-{code}", _PUB)


def r_decade(c: Candidate, st: State) -> Resolved | None:
    if c.groups.get("dec"):
        return Resolved("date", c.groups["dec"], None)
    digit = int(c.groups["short"])
    pub_year = st.published.year if st.published else 1999
    century = 20 if 2000 + 10 * digit <= pub_year else 19
    return Resolved("date", f"{century}{digit}", None)


def r_century(c: Candidate, st: State) -> Resolved | None:
    n = parse_ordinal(c.groups["ord"])
    return Resolved("date", f"{n - 1:02d}", None) if n and 1 <= n <= 30 else None


def r_year(c: Candidate, st: State) -> Resolved | None:
    return Resolved("date", f"{int(c.groups['year']):04d}", None)


def r_ref(c: Candidate, st: State) -> Resolved | None:
    key = " ".join(c.groups["ref"].lower().split())
    return Resolved("date", lexicon().references[key], None)


def _anchored(st: State, unit: str, step: int) -> Resolved | None:
    unit = {"morning": "day", "afternoon": "day", "evening": "day", "night": "day"}.get(unit, unit)
    prior = st.last(unit)
    if prior is None:
        return Resolved("date", None, None)
    return Resolved("date", cal.fmt(cal.shift(prior[1], step, unit), unit), f"time:{prior[0]}")


def r_anchored(c: Candidate, st: State) -> Resolved | None:
    det = " ".join(c.groups["det"].lower().split())
    step = 1 if det in ("the following", "the next") else -1 if det in ("the previous", "the preceding",
                                                                         "the prior") else 0
    return _anchored(st, c.groups["unit"].lower(), step)


def r_day_rel(c: Candidate, st: State) -> Resolved | None:
    return _anchored(st, "day", -1 if c.groups["dir"].lower() == "before" else 1)


def r_set_every(c: Candidate, st: State) -> Resolved | None:
    word = c.groups["unit"].lower()
    lex = lexicon()
    if word in lex.weekdays:
        return Resolved("set", f"XXXX-WXX-{lex.weekdays[word]}", None)
    code = {"day": "1D", "morning": "1D", "evening": "1D", "night": "1D", "week": "1W", "weekend": "1W",
            "month": "1M", "year": "1Y"}[word]
    return Resolved("set", f"P{code}", None)


def r_set_adv(c: Candidate, st: State) -> Resolved | None:
    code = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y",
            "yearly": "P1Y", "hourly": "PT1H"}[c.groups["adv"].lower()]
    return Resolved("set", code, None)


def r_set_freq(c: Candidate, st: State) -> Resolved | None:
    unit = lexicon().units[c.groups["unit"].lower()]
    return Resolved("set", cal.duration(1, unit.code, time=unit.time), None)


def r_clock_day(c: Candidate, st: State) -> Resolved | None:
    g = c.groups
    if g.get("wd"):
        day = r_weekday(c, st)
    elif g.get("word"):
        day = r_relday(c, st)
    else:
        day = r_month_day(c, st)
    if day is None:
        return None
    clock = _clock(c)
    if clock is None:
        return day
    value = day.value[:10] + clock if day.value and "W" not in day.value else day.value
    return Resolved("date", value, day.anchor, relative=day.relative)


def r_end_of(c: Candidate, st: State) -> Resolved | None:
    unit = c.groups["unit"].lower()
    step = {"the": 0, "this": 0, "next": 1, "last": -1}[c.groups["det"].lower()]
    return _relative(st.published, lambda p: cal.fmt(cal.shift(p, step, unit), unit))


def _clock(c: Candidate) -> str | None:
    """The "T22:00" of "10 p.m.", "noon", "midnight"; None when the hour is impossible."""
    word = (c.groups.get("clock") or "").lower()
    if word in ("noon", "midday"):
        return "T12:00"
    if word == "midnight":
        return "T24:00"
    hour = int(c.groups["h"])
    if not 1 <= hour <= 12:
        return None
    pm = c.groups["ampm"].lower().startswith("p")
    return f"T{hour % 12 + (12 if pm else 0):02d}:{c.groups.get('min') or '00'}"


def r_clock(c: Candidate, st: State) -> Resolved | None:
    clock = _clock(c)
    if clock is None:
        return None
    prior = st.last("day")
    if prior is not None and prior[2] == "day":
        return Resolved("date", prior[1].isoformat() + clock, f"time:{prior[0]}")
    return _relative(st.published, lambda p: p.isoformat() + clock, partial="XXXX-XX-XX" + clock)


RESOLVERS: dict[str, Callable[[Candidate, State], Resolved | None]] = {
    name.removeprefix("r_"): fn for name, fn in list(globals().items()) if name.startswith("r_") and callable(fn)
}
