"""The reporting lexicon of the quotes stage, read from ``resources/reporting.tsv``.

Reads: the package data file. Writes: a frozen :class:`Reporting` (sets of lemmas by kind).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

KINDS = ("verb", "direct", "noun", "light", "prep", "phrasal", "medium", "media_name", "not_label")


@dataclass(frozen=True)
class Reporting:
    """Reporting verbs and nouns, media nouns and news-outlet words."""

    verbs: frozenset[str]
    """Lemmas that cue quotes and reported clauses (say, tell, note...)."""
    direct_only: frozenset[str]
    """Lemmas that cue only direct quotes (ask, continue...)."""
    nouns: frozenset[str]
    """Speech nouns carried by a light verb (hope in 'expressed hope that')."""
    light: frozenset[str]
    """Light verbs that carry a speech noun (express, voice...)."""
    preps: tuple[tuple[str, ...], ...]
    """Multi-word cues before the speaker, as lower-case word tuples (('according', 'to'),)."""
    phrasal: frozenset[tuple[str, str]]
    """Verb lemma and particle pairs (('point', 'out'),)."""
    media: frozenset[str]
    """Nouns that name a medium (post, statement, conference...)."""
    media_names: frozenset[str]
    """Words that make a proper name a news outlet (Post, Times, Reuters...)."""
    not_labels: frozenset[str] = frozenset()
    """Lower-case words that open a paragraph with a colon without naming a speaker (note, update...)."""

    @cached_property
    def prep_starts(self) -> frozenset[str]:
        """The first words of :attr:`preps` (most tokens start none)."""
        return frozenset(words[0] for words in self.preps if words)

    def cues_direct(self, lemma: str) -> bool:
        """Whether ``lemma`` can cue a direct quote."""
        return lemma in self.verbs or lemma in self.direct_only

    def cues_indirect(self, lemma: str) -> bool:
        """Whether ``lemma`` can cue a reported clause."""
        return lemma in self.verbs


def parse_lexicon(text: str) -> Reporting:
    """Build a :class:`Reporting` from the TSV text (``kind<TAB>form``, ``#`` comments)."""
    table: dict[str, list[str]] = {k: [] for k in KINDS}
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2 or parts[0] not in table:
            raise ValueError(f"reporting.tsv line {n}: expected 'kind<TAB>form' with kind in {KINDS}: {raw!r}")
        table[parts[0]].append(parts[1].strip())
    phrasal = set()
    for item in table["phrasal"]:
        verb, _, particle = item.partition(" ")
        phrasal.add((verb.lower(), particle.lower()))
    return Reporting(
        verbs=frozenset(w.lower() for w in table["verb"]),
        direct_only=frozenset(w.lower() for w in table["direct"]),
        nouns=frozenset(w.lower() for w in table["noun"]),
        light=frozenset(w.lower() for w in table["light"]),
        preps=tuple(tuple(p.lower().split()) for p in table["prep"]),
        phrasal=frozenset(phrasal),
        media=frozenset(w.lower() for w in table["medium"]),
        media_names=frozenset(table["media_name"]),
        not_labels=frozenset(w.lower() for w in table["not_label"]),
    )


@lru_cache(maxsize=1)
def reporting() -> Reporting:
    """The packaged lexicon (cached)."""
    text = resources.files("bilateral").joinpath("resources", "reporting.tsv").read_text(encoding="utf-8")
    return parse_lexicon(text)
