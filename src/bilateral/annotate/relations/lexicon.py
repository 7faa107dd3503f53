"""The relations stage's vocabulary: the ordered tiers (``resources/relation_levels.tsv``) and the cue
words (``resources/relation_cues.tsv``), loaded once."""

from __future__ import annotations

import csv
import functools
import importlib.resources
import re
from dataclasses import dataclass

GENERIC = "relations"
DEFAULT_LEVEL = "diplomatic relations"

@dataclass(frozen=True)
class Tier:
    rank: int
    level: str
    variants: tuple[str, ...]


def _rows(name: str) -> list[list[str]]:
    text = importlib.resources.files("bilateral.resources").joinpath(name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    rows = list(csv.reader(lines[1:], delimiter="\t"))  # first line is the header
    return [r + [""] * (3 - len(r)) for r in rows]


@functools.lru_cache(maxsize=1)
def load_tiers() -> tuple[Tier, ...]:
    """The ordered vocabulary of relation tiers (lowest rank first)."""
    tiers = [Tier(int(r[0]), r[1].strip(), tuple(v.strip() for v in r[2].split("|") if v.strip()))
             for r in _rows("relation_levels.tsv")]
    return tuple(sorted(tiers, key=lambda t: t.rank))


def level_rank(level: str) -> int | None:
    """The rank of a normalized level in the ordered vocabulary, None if unknown."""
    for tier in load_tiers():
        if tier.level == level:
            return tier.rank
    return None


def normalize_level(surface: str) -> str | None:
    """The normalized level of a surface form ("strategic partners" -> "strategic partnership")."""
    key = _squash(surface)
    for tier in load_tiers():
        if any(_squash(v) == key for v in tier.variants):
            return tier.level
    return None


def _squash(text: str) -> str:
    return re.sub(r"[\s\-]+", " ", text.lower().replace("’", "'")).strip()


@functools.lru_cache(maxsize=1)
def tier_regex() -> re.Pattern[str]:
    forms = sorted({v for t in load_tiers() if t.rank > 0 for v in t.variants}, key=len, reverse=True)
    alts = [r"[\s\-]+".join(re.escape(w).replace("'", "['’]") for w in v.split()) for v in forms]
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])", re.I)


@dataclass(frozen=True)
class Cues:
    status: dict[str, str]
    tier_only: dict[str, str]
    proposal: frozenset[str]
    hedge: frozenset[str]
    negation: frozenset[str]
    modifier: frozenset[str]
    link: frozenset[str]
    number: dict[str, int]
    generic: frozenset[str]
    background: frozenset[str]
    anchor: frozenset[str]


@functools.lru_cache(maxsize=1)
def load_cues() -> Cues:
    """The cue words of ``resources/relation_cues.tsv``."""
    by: dict[str, dict[str, str]] = {}
    for kind, word, value in (r[:3] for r in _rows("relation_cues.tsv")):
        by.setdefault(kind.strip(), {})[word.strip().lower()] = value.strip()
    generic = next(t for t in load_tiers() if t.rank == 0).variants
    return Cues(
        status=by.get("status", {}), tier_only=by.get("tier_only", {}),
        proposal=frozenset(by.get("proposal", {})), hedge=frozenset(by.get("hedge", {})),
        negation=frozenset(by.get("negation", {})), modifier=frozenset(by.get("modifier", {})),
        link=frozenset(by.get("link", {})), number={k: int(v) for k, v in by.get("number", {}).items()},
        generic=frozenset(v.lower() for v in generic) | {"relation"},
        background=frozenset(by.get("background", {})),
        anchor=frozenset(by.get("anchor", {})),
    )


