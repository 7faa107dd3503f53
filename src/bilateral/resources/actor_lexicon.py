"""Loaders for the actor tables: countries, sectors, organisations, elite modifiers, demonym stops.

Reads the TSV files beside this module (``countries.tsv``, ``sectors.tsv``, ``organisations.tsv``,
``elite_modifiers.tsv``, ``actor_stops.tsv``) through :mod:`importlib.resources`; every loader is cached.
Each file's header says where its rows come from.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

PACKAGE = "bilateral.resources"
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "–": "-", "—": "-"})


def norm_quotes(text: str) -> str:
    """Curly quotes and dashes to their ASCII forms (so "Phnom Penh’s" keys like "Phnom Penh's")."""
    if text.isascii() and "`" not in text:
        return text  # the common case, without a translate pass
    return text.translate(_QUOTES)


def read_table(name: str, *, delimiter: str = "\t") -> list[dict[str, str]]:
    """Rows of a package data table, skipping ``#`` comment lines; the first other line is the header."""
    raw = resources.files(PACKAGE).joinpath(name).read_text(encoding="utf-8")
    lines = [ln for ln in raw.splitlines() if ln.strip() and not ln.startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)), delimiter=delimiter,
                            quoting=csv.QUOTE_NONE if delimiter == "\t" else csv.QUOTE_MINIMAL)
    return [{k: (v or "").strip() for k, v in row.items()} for row in reader]


@dataclass(frozen=True, slots=True)
class CountryForm:
    """One surface form of a country: ``kind`` is name, adjective, people, capital or seat."""

    iso3: str
    kind: str
    surface: str
    sector: str | None
    flags: frozenset[str]


@dataclass(frozen=True, slots=True)
class SectorTerm:
    term: str
    sector: str
    kind: str  # person | group | organization


@dataclass(frozen=True, slots=True)
class Organisation:
    name: str
    surface: str
    country: str | None
    sector: str | None
    kind: str


@lru_cache(maxsize=1)
def country_forms() -> tuple[CountryForm, ...]:
    """Every surface form of every country (case-sensitive)."""
    out = []
    for row in read_table("countries.tsv"):
        flags = frozenset(f for f in row["flags"].split(";") if f)
        out.append(CountryForm(row["iso3"], row["kind"], row["surface"], row["sector"] or None, flags))
    return tuple(out)


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """ISO3 -> the country's display name (its first name row)."""
    names: dict[str, str] = {}
    for form in country_forms():
        if form.kind == "name" and form.iso3 not in names:
            names[form.iso3] = form.surface
    return names


@lru_cache(maxsize=1)
def country_flags() -> dict[str, frozenset[str]]:
    """ISO3 -> ambiguity flags of its main name (person_name, common_noun, us_state)."""
    return {f.iso3: f.flags for f in country_forms() if f.flags}


@lru_cache(maxsize=1)
def sector_terms() -> tuple[SectorTerm, ...]:
    return tuple(SectorTerm(r["term"].lower(), r["sector"], r["kind"]) for r in read_table("sectors.tsv"))


@lru_cache(maxsize=1)
def organisations() -> tuple[Organisation, ...]:
    out = []
    for row in read_table("organisations.tsv"):
        surfaces = [s.strip() for s in row["surfaces"].split(";") if s.strip()]
        for s in surfaces:
            out.append(Organisation(surfaces[0], s, row["country"] or None, row["sector"] or None, row["kind"]))
    return tuple(out)


@lru_cache(maxsize=1)
def elite_modifiers() -> frozenset[str]:
    return frozenset(r["word"].lower() for r in read_table("elite_modifiers.tsv"))


@lru_cache(maxsize=1)
def demonym_stops() -> tuple[tuple[str, str], ...]:
    """(phrase, reason) pairs: phrases where a country word is not a country cue ("Korean War")."""
    return tuple((r["phrase"], r["reason"]) for r in read_table("actor_stops.tsv"))


@lru_cache(maxsize=1)
def given_names() -> dict[str, str]:
    """Given name -> "f" or "m" (common names whose gender is clear; see ``given_names.tsv``)."""
    return {r["name"]: r["gender"] for r in read_table("given_names.tsv")}
