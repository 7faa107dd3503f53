"""Resolve place mentions to gazetteer entries, using the document's other places as context.

Reads: the mentions of :mod:`.finder`. Writes: one entry (or None) per mention.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from ...resources.gazetteer import Entry
from .finder import Mention, name_key


# -- resolution --------------------------------------------------------------------------------
def prior(entry: Entry) -> float:
    """How likely an entry is before looking at the document: larger, national, capital first."""
    score = math.log10(entry.population + 10)
    if entry.feature == "country":
        score += 1.0
    if entry.capital:
        score += 1.0
    if entry.feature == "city" and entry.population >= 500_000:
        score += 0.5
    return score


def _prune(cands: Sequence[Entry]) -> list[Entry]:
    """A region that shares its name with a city inside it ("New York") means the city."""
    city_admin1 = {e.admin1 for e in cands if e.feature == "city" and e.admin1}
    return [e for e in cands if not (e.feature == "region" and e.admin1 in city_admin1)]


def _contains(outer: Entry, inner: Entry) -> bool:
    if outer.feature == "country":
        return inner.country == outer.country and inner is not outer
    if outer.feature == "region" and outer.admin1:
        return inner.feature == "city" and inner.admin1 == outer.admin1
    return False


def resolve(mentions: Sequence[Mention], *, passes: int = 2, context: Sequence[Counter[str]] = ()
            ) -> list[Entry | None]:
    """The gazetteer entry of each mention, using the other places of the document as context, and the
    countries its sentence names by adjective (``context[i]``: "Tripoli ... the north Lebanese port")."""
    cands = [_prune(m.entries) for m in mentions]
    keys = [name_key(m.text) for m in mentions]
    chosen: list[Entry | None] = [max(c, key=prior) if c else None for c in cands]
    for _ in range(passes):
        new: list[Entry | None] = []
        for i, cs in enumerate(cands):
            if len(cs) <= 1:
                new.append(cs[0] if cs else None)
                continue
            others = [(j, e) for j, e in enumerate(chosen) if e is not None and keys[j] != keys[i]]
            countries = Counter(e.country for _, e in others if e.country)
            admin1s = {e.admin1 for _, e in others if e.feature == "city" and e.admin1}
            regions = {e.admin1 for _, e in others if e.feature == "region" and e.admin1}
            appos = _apposition(i, mentions, chosen)
            named = context[i] if i < len(context) else None

            def score(e: Entry, countries: Counter[str] = countries, admin1s: set[str] = admin1s,
                      regions: set[str] = regions, appos: Entry | None = appos,
                      named: Counter[str] | None = named) -> float:
                s = prior(e)
                if named and e.country and named[e.country]:
                    s += 2.5  # named by its adjective: a stronger hint than another place of the country
                if e.country and countries[e.country]:
                    s += 1.0 + 0.25 * min(countries[e.country] - 1, 2)
                if e.feature == "region" and e.admin1 in admin1s:
                    s += 2.0
                if e.feature == "city" and e.admin1 in regions:
                    s += 2.0
                if appos is not None and _contains(appos, e):
                    s += 4.0
                return s

            new.append(max(cs, key=score))
        chosen = new
    return chosen


def _apposition(i: int, mentions: Sequence[Mention], chosen: Sequence[Entry | None]) -> Entry | None:
    """The place right after ``mentions[i]`` across a comma ("Paris, Texas"), if any."""
    if i + 1 >= len(mentions):
        return None
    nxt = mentions[i + 1]
    if nxt.start - mentions[i].end <= 3 and nxt.gap_before.strip() == ",":
        return chosen[i + 1]
    return None
