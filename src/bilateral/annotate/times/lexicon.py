"""The times lexicon (``resources/times.yaml``) and the regular-expression pieces built from it.

Reads: package data only. Writes: a cached :class:`Lexicon`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml


@dataclass(frozen=True)
class Unit:
    """A calendar unit: its TIMEX3 duration letter, how many of that letter one unit is."""

    name: str
    code: str
    factor: int
    time: bool


@dataclass(frozen=True)
class Lexicon:
    months: dict[str, int]  # lower-case name or abbreviation -> 1..12
    weekdays: dict[str, int]  # lower-case name -> ISO weekday
    seasons: dict[str, str]
    day_parts: dict[str, str]
    units: dict[str, Unit]  # singular and plural lower-case forms
    numbers: dict[str, int]
    vague: frozenset[str]
    ordinals: dict[str, int]
    references: dict[str, str]
    named_dates: dict[str, str]
    weekday_name_before: frozenset[str]
    weekday_name_after: frozenset[str]
    month_context_before: frozenset[str]
    future_governors: frozenset[str]
    future_markers: frozenset[str]
    full_month_names: frozenset[str]


def _alt(words: Any) -> str:
    """A regex alternation, longest first, spaces matching any run of spaces."""
    items = sorted({str(w) for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Load ``resources/times.yaml`` once."""
    text = (resources.files("bilateral") / "resources" / "times.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    months: dict[str, int] = {}
    for name, (num, abbrs) in data["months"].items():
        months[name.lower()] = int(num)
        for ab in abbrs:
            months[ab.lower()] = int(num)
    units: dict[str, Unit] = {}
    for name, spec in data["units"].items():
        unit = Unit(name=name, code=spec["code"], factor=int(spec.get("factor", 1)), time=bool(spec.get("time")))
        units[name] = unit
        units[spec["plural"]] = unit
    numbers = {str(k).lower(): int(v) for k, v in data["numbers"].items()}
    return Lexicon(
        months=months,
        weekdays={k.lower(): int(v) for k, v in data["weekdays"].items()},
        seasons={k.lower(): v for k, v in data["seasons"].items()},
        day_parts={k.lower(): v for k, v in data["day_parts"].items()},
        units=units,
        numbers=numbers,
        vague=frozenset(str(v).lower() for v in data["vague_numbers"]),
        ordinals={str(k).lower(): int(v) for k, v in data["ordinals"].items()},
        references={str(k).lower(): v for k, v in data["references"].items()},
        named_dates={str(k).lower(): str(v) for k, v in data["named_dates"].items()},
        weekday_name_before=frozenset(data["weekday_name_before"]),
        weekday_name_after=frozenset(data["weekday_name_after"]),
        month_context_before=frozenset(str(w).lower() for w in data["month_context_before"]),
        future_governors=frozenset(str(w).lower() for w in data["future_governors"]),
        future_markers=frozenset(str(w).lower() for w in data["future_markers"]),
        full_month_names=frozenset(k.lower() for k in data["months"]),
    )


@dataclass(frozen=True)
class Fragments:
    """Regex source pieces (no groups of their own unless named in the docstring)."""

    month: str  # a month name or abbreviation with optional period
    month_full: str  # a full month name
    weekday: str
    season: str
    day_part: str
    unit: str  # singular or plural, optional hyphen-free
    number: str  # digits, number words, "twenty-five", "a couple of"
    vague: str
    ordinal: str  # "third", "3rd", "30th"
    reference: str
    named: str


@lru_cache(maxsize=1)
def fragments() -> Fragments:
    """The regex pieces the finder composes."""
    lex = lexicon()
    full = [m for m in lex.months if m in lex.full_month_names]
    abbr = [m for m in lex.months if m not in lex.full_month_names]
    month = rf"(?:{_alt(full)}|(?:{_alt(abbr)})\.?)(?![a-z])"
    tens = [w for w, v in lex.numbers.items() if v % 10 == 0 and 20 <= v <= 90]
    ones = [w for w, v in lex.numbers.items() if 1 <= v <= 9 and w not in ("a", "an")]
    compound = rf"(?:{_alt(tens)})[-\s](?:{_alt(ones)})"
    number = rf"(?:\d+(?:\.\d+)?|{compound}|{_alt(lex.numbers)})(?:\s+and\s+a\s+half)?"
    ords = rf"(?:\d+(?:st|nd|rd|th)|{_alt(lex.ordinals)})"
    return Fragments(
        month=month,
        month_full=_alt(full),
        weekday=_alt(lex.weekdays),
        season=_alt(lex.seasons),
        day_part=_alt(lex.day_parts),
        unit=_alt(lex.units),
        number=number,
        vague=_alt(lex.vague),
        ordinal=ords,
        reference=_alt(lex.references),
        named=_alt(lex.named_dates),
    )


def parse_number(text: str) -> int | float | None:
    """The value of a number phrase ("three", "twenty-five", "2", "a couple of"); None when vague."""
    lex = lexicon()
    t = " ".join(text.lower().replace("-", " ").split())
    half = 0.0
    if t.endswith(" and a half"):
        half, t = 0.5, t[: -len(" and a half")]
    try:
        value: float = float(t)
    except ValueError:
        if t in lex.numbers:
            value = lex.numbers[t]
        else:
            parts = t.split()
            if len(parts) == 2 and parts[0] in lex.numbers and parts[1] in lex.numbers:
                value = lex.numbers[parts[0]] + lex.numbers[parts[1]]
            else:
                return None
    value += half
    return int(value) if value == int(value) else value


def parse_ordinal(text: str) -> int | None:
    """The value of "third", "3rd", "30th"; None when not an ordinal."""
    t = text.lower()
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", t)
    if m:
        return int(m.group(1))
    return lexicon().ordinals.get(t)
