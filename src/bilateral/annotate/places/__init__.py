"""Places stage: find place mentions and geocode them from the embedded gazetteer.

Reads: ctx.doc (tokens, parse, spaCy entities). Writes: a list of :class:`~bilateral.record.Place`
in text order, ids p1, p2... Each place is an exact span of the text resolved to a gazetteer entry
(country, first-level region or city; continents are regions without a country).

Finding (:mod:`.finder`): spaCy GPE/LOC/FAC entities, plus gazetteer names
spaCy missed when every word is a capitalized proper noun; never inside a person's or a group's
name, never a demonym ("Korean"). Place names that are also given names ("Jordan", "Chad",
"Georgia") are dropped when the parse shows a person. A place inside an organisation's name
("Royal University of Phnom Penh") is kept at low confidence (0.6): it is where the organisation
is, not where anything happens. A place as the agent of a verb ("Beijing summoned", "Washington
said") is metonymic: kept at confidence 0.5 (the actors stage makes it an actor).

Resolving (:mod:`.resolve`): each candidate entry is scored by a prior (log population, a bonus for countries,
national capitals and large cities) plus the document's context: other places in the same country
or first-level region, countries named by adjective ("the north Lebanese port"), and a following
apposition ("Paris, Texas"; "Seoul, South Korea").
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from spacy.tokens import Doc

from ...record import Place
from ...resources.actor_lexicon import country_forms
from ...resources.gazetteer import load_gazetteer
from ..context import Context
from .finder import find_mentions, lexicon
from .resolve import resolve

__all__ = ["find_places", "place_in_span"]

SPECIFICITY = {"city": 3, "region": 2, "country": 1}


@lru_cache(maxsize=1)
def _adjectives() -> dict[str, str]:
    """One-word nationality adjectives and peoples ("Lebanese", "Libyans") -> ISO3, where unambiguous."""
    seen: dict[str, set[str]] = {}
    for form in country_forms():
        if form.kind in ("adjective", "people") and " " not in form.surface and "-" not in form.surface:
            seen.setdefault(form.surface, set()).add(form.iso3)
    return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}


def adjective_countries(doc: Doc, starts: Sequence[int]) -> list[Counter[str]]:
    """For each character offset in ``starts``, the countries its sentence names by adjective or people
    ("Tripoli ... the north Lebanese port"): context for telling one Tripoli from the other."""
    if not starts:
        return []
    table = _adjectives()
    bounds: list[int] = []
    counts: list[Counter[str]] = []
    for sent in doc.sents:
        bounds.append(sent.start_char)
        counts.append(Counter(table[t.text] for t in sent if t.text in table))
    return [counts[max(0, bisect_right(bounds, at) - 1)] for at in starts]


def find_places(ctx: Context, *, gazetteer_path: str | None = None) -> list[Place]:
    """Every place mention of the document, geocoded, in text order (ids p1, p2...)."""
    gaz = load_gazetteer(gazetteer_path)
    mentions = find_mentions(ctx.doc, gaz)
    chosen = resolve(mentions, context=adjective_countries(ctx.doc, [m.start for m in mentions]))
    places: list[Place] = []
    for m, entry in zip(mentions, chosen, strict=True):
        if entry is None:
            continue
        places.append(Place(
            id=f"p{len(places) + 1}", text=m.text, span=(m.start, m.end), name=entry.name,
            country=entry.country, lat=entry.lat, lon=entry.lon, geonameid=entry.geonameid,
            feature=entry.feature, confidence=m.confidence,
        ))
    return places


# -- for the events stage ----------------------------------------------------------------------
def place_in_span(places: Sequence[Place], start: int, end: int, *, text: str | None = None,
                  min_confidence: float = 0.7) -> Place | None:
    """The place of a clause ``[start, end)``: the most specific place inside it (city over region
    over country), preferring places after a locative preposition ("in", "at", "to"...) when ``text`` is
    given. Places below ``min_confidence`` (metonymic agents, names of organisations) are skipped."""
    preps = lexicon()["event_place_preps"]
    best: tuple[tuple[int, int, int], Place] | None = None
    for p in places:
        if p.span[0] < start or p.span[1] > end or p.confidence < min_confidence:
            continue
        after_prep = 0
        if text is not None:
            words = text[max(0, p.span[0] - 30):p.span[0]].replace("the ", " ").split()
            after_prep = int(bool(words) and words[-1].lower() in preps)
        key = (after_prep, SPECIFICITY.get(p.feature, 0), -p.span[0])
        if best is None or key > best[0]:
            best = (key, p)
    return best[1] if best else None
