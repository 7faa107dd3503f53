"""The event lexicon and the PLOVER table, loaded from ``resources/`` and validated.

Reads: ``plover.tsv`` (the 16 types), ``event_lexicon.tsv`` (triggers with their argument frames) and
``event_cues.yaml`` (status cues, light verbs, analyst words). Writes nothing: pure loaders, cached.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml
from spacy.tokens import Token

from ...errors import BilateralError

FLAGS = frozenset({"recip", "swap", "need_target", "climb", "intent", "joint", "nomod", "light_only", "stative",
                   "conflict_content"})


@dataclass(frozen=True)
class PloverType:
    """One PLOVER event type: quad class, CAMEO roots (first is the default), intensity, modes."""

    name: str
    quad: int
    cameo: tuple[str, ...]
    intensity: float
    modes: frozenset[str]


@dataclass(frozen=True)
class Entry:
    """One trigger: ``lemma`` with the ``requires`` child lemmas, coded as ``type``/``mode``/``cameo``."""

    pos: str
    lemma: str
    requires: tuple[str, ...]
    type: str
    mode: str | None
    cameo: str
    targets: tuple[str, ...]
    flags: frozenset[str]
    contexts: tuple[str, ...]

    @property
    def pattern(self) -> str:
        return "+".join((self.lemma, *self.requires))


@dataclass(frozen=True)
class Lexicon:
    """Entries by part of speech and lemma, the most specific first."""

    verbs: dict[str, tuple[Entry, ...]]
    nouns: dict[str, tuple[Entry, ...]]


@dataclass(frozen=True)
class Cues:
    """Word lists that decide status and scope (see ``event_cues.yaml``)."""

    lists: dict[str, frozenset[str]]

    def __getattr__(self, name: str) -> frozenset[str]:
        try:
            return self.lists[name]
        except KeyError:
            raise AttributeError(name) from None


def _rows(name: str) -> list[list[str]]:
    text = resources.files("bilateral.resources").joinpath(name).read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return rows[1:]  # the header


def _dash(value: str) -> str | None:
    value = value.strip()
    return None if value in ("", "-") else value


@lru_cache(maxsize=1)
def plover_types() -> dict[str, PloverType]:
    """The 16 PLOVER types by name."""
    out: dict[str, PloverType] = {}
    for row in _rows("plover.tsv"):
        name, quad, cameo, intensity, modes = (c.strip() for c in row)
        out[name] = PloverType(name=name, quad=int(quad), cameo=tuple(cameo.split(",")),
                               intensity=float(intensity),
                               modes=frozenset() if modes == "-" else frozenset(modes.split(",")))
    if len(out) != 16:
        raise BilateralError("E401", f"plover.tsv must list the 16 PLOVER types, found {len(out)}")
    return out


def validate_entry(entry: Entry, types: dict[str, PloverType]) -> None:
    """Raise when an entry names an unknown type, mode, flag or a CAMEO code outside its type's roots."""
    where = f"event_lexicon.tsv entry {entry.pos} {entry.pattern!r}"
    ptype = types.get(entry.type)
    if ptype is None:
        raise BilateralError("E402", f"{where}: unknown PLOVER type {entry.type!r}")
    if entry.mode is not None and entry.mode not in ptype.modes:
        raise BilateralError("E402", f"{where}: mode {entry.mode!r} is not a mode of {entry.type}")
    if not any(entry.cameo.startswith(root) for root in ptype.cameo):
        raise BilateralError("E402", f"{where}: CAMEO {entry.cameo} is outside {entry.type}'s roots {ptype.cameo}")
    bad = entry.flags - FLAGS
    if bad:
        raise BilateralError("E402", f"{where}: unknown flag(s) {sorted(bad)}")
    if entry.pos not in ("verb", "noun"):
        raise BilateralError("E402", f"{where}: pos must be verb or noun")


#: prepositions and particles a pattern may require ("call+on", "pull+out"): less specific than an object
_PARTICLES = frozenset({"from", "to", "on", "upon", "for", "with", "off", "out", "up", "down", "in", "into", "at",
                        "by", "over", "back", "away", "of", "about", "against"})


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The trigger lexicon, validated against the PLOVER table."""
    types = plover_types()
    verbs: dict[str, list[Entry]] = {}
    nouns: dict[str, list[Entry]] = {}
    for row in _rows("event_lexicon.tsv"):
        pos, pattern, typ, mode, cameo, targets, flags, contexts = (c.strip() for c in row)
        words = pattern.lower().split("+")
        entry = Entry(pos=pos, lemma=words[0], requires=tuple(words[1:]), type=typ, mode=_dash(mode),
                      cameo=cameo, targets=() if targets == "-" else tuple(targets.split(",")),
                      flags=frozenset() if flags == "-" else frozenset(flags.split(",")),
                      contexts=() if contexts == "-" else tuple(contexts.split(",")))
        validate_entry(entry, types)
        (verbs if pos == "verb" else nouns).setdefault(entry.lemma, []).append(entry)

    def ordered(table: dict[str, list[Entry]]) -> dict[str, tuple[Entry, ...]]:
        # more required words first; among as many, a required object before a bare preposition or particle
        # ("withdraw [inspectors] from" is SANCTION, not the generic "withdraw from")
        return {k: tuple(sorted(v, key=lambda e: (-len(e.requires), all(w in _PARTICLES for w in e.requires))))
                for k, v in table.items()}

    return Lexicon(verbs=ordered(verbs), nouns=ordered(nouns))


@lru_cache(maxsize=1)
def cues() -> Cues:
    """The cue word lists."""
    text = resources.files("bilateral.resources").joinpath("event_cues.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    return Cues(lists={k: frozenset(str(w).lower() for w in v) for k, v in data.items()})


#: lemmas the small English pipeline gets wrong, by surface form (checked over every verb of the
#: lexicon and the light verbs in all their inflections: only "stage" is lemmatized "stag").
LEMMA_FIXES = {"stag": "stage"}
#: irregular past forms the pipeline sometimes leaves as their own lemma ("Yoruba leaders forgave ...")
IRREGULAR_PAST = {"forgave": "forgive", "overran": "overrun", "overthrew": "overthrow", "withdrew": "withdraw",
                  "forbade": "forbid", "struck": "strike", "fled": "flee", "sought": "seek", "froze": "freeze",
                  "undertook": "undertake", "withheld": "withhold", "upheld": "uphold", "overtook": "overtake",
                  "broke": "break", "fought": "fight", "swore": "swear", "threw": "throw", "tore": "tear",
                  "sank": "sink", "stole": "steal", "spoke": "speak", "shot": "shoot", "sent": "send",
                  "held": "hold", "met": "meet", "sold": "sell", "dealt": "deal", "hid": "hide", "shut": "shut",
                  "forgiven": "forgive", "overthrown": "overthrow", "withdrawn": "withdraw", "forbidden": "forbid",
                  "stricken": "strike", "frozen": "freeze", "undertaken": "undertake", "broken": "break",
                  "sworn": "swear", "thrown": "throw", "torn": "tear", "sunk": "sink",
                  "stolen": "steal", "spoken": "speak"}


def lemma(tok: Token) -> str:
    """The lower-case lemma of a token, with the pipeline's known lemmatizer errors fixed."""
    lem = tok.lemma_.lower()
    if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
        return LEMMA_FIXES.get(lem) or IRREGULAR_PAST.get(lem, lem)
    return lem
