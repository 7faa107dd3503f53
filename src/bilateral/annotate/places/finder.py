"""Find place mentions in a parsed Doc: spans, gazetteer candidates and a confidence by usage.

Reads: doc.ents, tokens and the dependency parse; the gazetteer; ``resources/places.yaml``.
Writes: :class:`Mention` objects in text order, not overlapping, not yet resolved.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml
from spacy.tokens import Doc, Span, Token

from ...resources.gazetteer import Entry, Gazetteer, norm
from ..context import doc_text

PLACE_LABELS = {"GPE", "LOC", "FAC"}
#: words that make a place name a part of a place ("Western Cambodia", "Northern Iraq")
DIRECTIONS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                        "northeastern", "northwestern", "southeastern", "southwestern", "north-eastern",
                        "north-western", "south-eastern", "south-western", "upper", "lower"})
MISLABELS = {"PERSON", "NORP", "ORG"}  # labels the small model gives to towns after "in"
CONNECTORS = {"of", "de", "del", "la", "le", "les", "upon", "on", "and", "-", "el", "al", "da", "do", "dos"}
POSSESSIVE = {"'s", "’s", "'", "’"}
SCAN_MIN_CITY = 100_000  # a bare name outside any entity must be a country, a region or a city this big

#: the gazetteer key of a name, remembered (place names recur from one document to the next)
name_key = lru_cache(maxsize=8192)(norm)


@dataclass(frozen=True)
class Mention:
    """A candidate place: ``text == doc_text(doc)[start:end]``; ``entries`` largest first."""

    start: int
    end: int
    text: str
    entries: tuple[Entry, ...]
    confidence: float
    source: str  # ner | ner-part | org | embedded | scan
    gap_before: str = ""  # the text between the previous mention and this one


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """``resources/places.yaml``: person-name traps, verbs, prepositions and confidences."""
    text = (resources.files("bilateral") / "resources" / "places.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    for key in ("person_names", "person_verbs", "person_pronouns", "person_titles", "locative_preps",
                "stative_verbs", "event_place_preps", "relational_preps", "relational_verbs", "generic_names", "common_word_names", "name_suffixes", "region_suffixes"):
        data[key] = {str(w).lower() for w in data[key]}
    return dict(data)


def find_mentions(doc: Doc, gaz: Gazetteer) -> list[Mention]:
    """Place mentions of ``doc``: entities, names inside organisations, and bare gazetteer names."""
    conf = lexicon()["confidence"]
    found: list[tuple[Span, tuple[Entry, ...], float, str]] = []
    taken = [False] * len(doc)
    info = _Tokens(doc)
    ents = list(doc.ents)
    k = 0
    while k < len(ents):
        ent = ents[k]
        for t in range(ent.start, ent.end):
            taken[t] = True
        if ent.label_ in PLACE_LABELS:
            nxt = ents[k + 1] if k + 1 < len(ents) else None
            if nxt is not None and nxt.label_ in PLACE_LABELS and doc_text(doc)[ent.end_char:nxt.start_char] == ", ":
                merged = doc[ent.start:nxt.end]
                entries = tuple(gaz.lookup(merged.text, alt=False))
                if entries:  # "Washington, D.C." as one name
                    for t in range(nxt.start, nxt.end):
                        taken[t] = True
                    found.append((merged, entries, conf["literal"], "ner"))
                    k += 2
                    continue
            span = _trim(ent)
            entries = tuple(gaz.lookup(span.text)) if span is not None else ()
            if span is not None and not entries and len(span) > 1 and span[0].lower_ in DIRECTIONS:
                # "Western Cambodia", "Eastern Ukraine": a part of a place the gazetteer names whole
                span = span[1:]  # (of a country or a city: "Central Asia" is no part of Asia to geocode)
                entries = tuple(e for e in gaz.lookup(span.text, alt=False) if e.country and (
                    e.feature != "city" or e.population >= SCAN_MIN_CITY)) if span[0].text[:1].isupper() else ()
            if span is not None and entries:
                found.append((span, entries, conf["literal"], "ner"))
            elif ent.label_ == "GPE":
                found += [(s, e, conf["literal"], "ner-part") for s, e in _scan(doc, info, ent.start, ent.end, gaz)]
        elif ent.label_ in MISLABELS and (fixed := _mislabelled(ent, gaz)) is not None:
            found.append((fixed[0], fixed[1], conf["literal"], "ner-fix"))
        elif ent.label_ == "ORG":
            span = _trim(ent)
            entries = tuple(e for e in gaz.lookup(span.text, alt=False)
                            if e.feature == "country" or e.feature == "city" and e.population >= SCAN_MIN_CITY) \
                if span is not None else ()
            if span is not None and entries:  # "Washington" tagged as an organisation
                found.append((span, entries, conf["literal"] if _dateline(span) else conf["organisation"], "org"))
            else:
                found += [(s, e, conf["embedded"], "embedded")
                          for s, e in _scan(doc, info, ent.start, ent.end, gaz, min_city=SCAN_MIN_CITY)]
        k += 1
    i = 0
    while i < len(doc):
        if taken[i] or not info.capitalized[i]:
            i += 1
            continue
        hit = _match_at(doc, info, i, len(doc), gaz, taken=taken, strict=True)
        if hit is None:
            i += 1
            continue
        found.append((hit[0], hit[1], conf["literal"], "scan"))
        i = hit[0].end
    mentions = []
    person_tokens = {t.lower_ for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
    for span, entries, confidence, source in found:
        checked = _check_name(span, entries, source)
        if checked is None or _is_person(span, doc, person_tokens):
            continue
        span, entries = checked
        mentions.append(Mention(start=span.start_char, end=span.end_char, text=span.text, entries=entries,
                                confidence=_usage(span, confidence, source), source=source))
    return _ordered(mentions, doc_text(doc))


def _check_name(span: Span, entries: tuple[Entry, ...],
                source: str) -> tuple[Span, tuple[Entry, ...]] | None:
    """Reject names that are generic words, part of a longer name ("Orange County"), a common word
    without a locative cue ("Mobile"), or a town after "the"; take a region's suffix ("Oaxaca State")."""
    lex = lexicon()
    doc = span.doc
    key = name_key(span.text)
    if key in lex["generic_names"]:
        return None
    nxt = doc[span.end] if span.end < len(doc) else None
    prev = doc[span.start - 1] if span.start > 0 else None
    if nxt is not None and _capitalized(nxt) and nxt.lower_ in lex["region_suffixes"]:
        regions = tuple(e for e in entries if e.feature == "region")
        if regions:
            return doc[span.start:span.end + 1], regions
    if nxt is not None and _capitalized(nxt) and nxt.lower_ in lex["name_suffixes"]:
        return None
    if source in ("ner-part", "embedded") and nxt is not None and nxt.ent_iob_ == "I" and _capitalized(nxt) \
            and nxt.is_alpha:
        return None  # inside an entity, followed by more of its name: "Dubai World Trade Centre"
    if source in ("ner-part", "embedded") and prev is not None and prev.ent_iob_ != "O" and \
            span.start > prev.sent.start and doc[span.start].ent_iob_ == "I" and _capitalized(prev) and prev.is_alpha:
        return None  # "West Wales": a name inside a longer one
    if key in lex["common_word_names"] and not _place_cue(span):
        return None
    if prev is not None and prev.lower_ == "the" and all(e.feature == "city" for e in entries):
        return None  # "the Post", "the Orange line"
    return span, entries


def _place_cue(span: Span) -> bool:
    """A locative preposition before the span, or a comma and a place after it."""
    doc = span.doc
    prev = doc[span.start - 1] if span.start > 0 else None
    if prev is not None and prev.lower_ in lexicon()["locative_preps"]:
        return True
    return span.end + 1 < len(doc) and doc[span.end].text == "," and doc[span.end + 1].ent_type_ in PLACE_LABELS


def _mislabelled(ent: Span, gaz: Gazetteer) -> tuple[Span, tuple[Entry, ...]] | None:
    """A gazetteer name tagged as a person, group or organisation right after a locative preposition
    ("in Dewsbury", "to Cirencester"): a place. Names of people ("to Jordan") need "in", "at"..."""
    span = _trim(ent)
    if span is None:
        return None
    i = span.start - 1
    while i >= 0 and ent.doc[i].lower_ == "the":
        i -= 1
    if i < 0:
        return None
    prev = ent.doc[i].lower_
    lex = lexicon()
    if prev not in lex["locative_preps"] or prev in ("to", "from", "into") and name_key(span.text) in lex["person_names"]:
        return None
    entries = tuple(gaz.lookup(span.text, alt=False))
    return (span, entries) if entries else None


def _dateline(span: Span) -> bool:
    """"TORONTO (Reuters) -", "MEXICO CITY, April 3 -": an upper-case place opening a paragraph."""
    doc = span.doc
    text = span.text
    if not (text.isupper() and len(text) > 2):
        return False
    before = doc_text(doc)[:span.start_char]
    after = doc_text(doc)[span.end_char:span.end_char + 3].lstrip()
    return (before.strip() == "" or before.rstrip(" ").endswith("\n")) and after[:1] in ("(", ",", "-", "—", "–", ":")


def _trim(span: Span) -> Span | None:
    """Drop a leading article and a trailing possessive or punctuation."""
    start, end = span.start, span.end
    while start < end and (span.doc[start].lower_ == "the" or span.doc[start].is_punct):
        start += 1
    while end > start and (span.doc[end - 1].text in POSSESSIVE or span.doc[end - 1].is_punct
                           and span.doc[end - 1].text != "."):
        end -= 1
    return span.doc[start:end] if end > start else None


def _capitalized(tok: Token) -> bool:
    return tok.text[:1].isupper()


class _Tokens:
    """What :func:`_match_at` reads of the tokens, read once per document (not once per window)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text: list[str] = []
        self.idx: list[int] = []
        for t in doc:
            self.text.append(t.text)
            self.idx.append(t.idx)
        self.capitalized = [w[:1].isupper() for w in self.text]
        self._inner: list[bool | None] = [None] * len(self.text)
        self._common: list[bool | None] = [None] * len(self.text)

    def inner(self, i: int) -> bool:
        """A word that may sit inside a name: capitalized, a connector ("of", "de") or punctuation."""
        known = self._inner[i]
        if known is None:
            t = self.doc[i]
            known = self._inner[i] = self.capitalized[i] or t.lower_ in CONNECTORS or t.is_punct
        return known

    def common(self, i: int) -> bool:
        """A word a name outside any entity may not hold: an alphabetic word the tagger did not call
        a proper noun (unless all capitals), other than a connector."""
        known = self._common[i]
        if known is None:
            t = self.doc[i]
            known = self._common[i] = (t.is_alpha and t.pos_ != "PROPN" and not (t.is_upper and len(t) > 1)
                                       and t.lower_ not in CONNECTORS)
        return known


def _match_at(doc: Doc, info: _Tokens, i: int, limit: int, gaz: Gazetteer, *, taken: list[bool] | None = None,
              strict: bool, min_city: int = SCAN_MIN_CITY) -> tuple[Span, tuple[Entry, ...]] | None:
    """The longest gazetteer name starting at token ``i`` (before ``limit``), if any.

    A name is tokens ``[i, j)``: none taken, every word capitalized, a connector or punctuation (and,
    when ``strict``, no common word), the last capitalized or ".". The first conditions hold for
    ``[i, j)`` only if they hold for every shorter window, so they bound ``j`` in one pass."""
    if not info.capitalized[i]:
        return None
    longest = min(limit, i + gaz.max_words + 3)
    bound = i
    while bound < longest and not (taken is not None and taken[bound]) and info.inner(bound) \
            and not (strict and info.common(bound)):
        bound += 1
    words, text_of = info.text, doc_text(doc)
    for j in range(bound, i, -1):
        if not (info.capitalized[j - 1] or words[j - 1] == "."):
            continue
        text = text_of[info.idx[i]:info.idx[j - 1] + len(words[j - 1])]
        if text.endswith(".") and len(text) <= 6 and not _after_comma_place(doc, i):
            continue  # "Pa.", "Ind.": state abbreviations only in "Scranton, Pa."
        entries = tuple(e for e in gaz.lookup(text, alt=False)
                        if e.feature != "city" or e.population >= min_city)
        if entries:
            return doc[i:j], entries
    return None


def _after_comma_place(doc: Doc, i: int) -> bool:
    return i >= 2 and doc[i - 1].text == "," and doc[i - 2].ent_type_ in PLACE_LABELS


def _scan(doc: Doc, info: _Tokens, start: int, end: int, gaz: Gazetteer, *,
          min_city: int = 0) -> list[tuple[Span, tuple[Entry, ...]]]:
    """Gazetteer names inside an entity (``[start, end)`` tokens), left to right, longest first."""
    out = []
    i = start
    while i < end:
        hit = _match_at(doc, info, i, end, gaz, strict=False, min_city=min_city)
        if hit is None:
            i += 1
            continue
        out.append(hit)
        i = hit[0].end
    return out


def _is_person(span: Span, doc: Doc, person_tokens: set[str]) -> bool:
    """A place-like name used for a person: "Jordan scored", "Georgia said she", "Ms. Chad"."""
    lex = lexicon()
    key = name_key(span.text)
    nxt = doc[span.end:span.end + 2]
    if len(nxt) == 2 and nxt[0].text == "," and nxt[1].lower_ == "who":
        return True  # "Jordan, who scored": places are not "who"
    if key not in lex["person_names"] and key not in person_tokens:
        return False
    prev = doc[span.start - 1] if span.start > 0 else None
    if prev is not None and prev.lower_ in lex["locative_preps"]:
        return False
    if prev is not None and prev.lower_.rstrip(".") in lex["person_titles"]:
        return True
    if key in person_tokens:  # "Michael Jordan ... Jordan said"
        return True
    root = span.root
    if root.dep_ in ("nsubj", "nsubjpass"):
        if root.head.lemma_.lower() in lex["person_verbs"]:
            return True
        after = doc[span.end:span.sent.end]
        if any(t.lower_ in lex["person_pronouns"] for t in after):
            return True
    return False


def _usage(span: Span, confidence: float, source: str) -> float:
    """Lower the confidence of a place used as an agent (metonymy), a possessor ("China's economy")
    or a modifier ("U.S. officials"): such uses name whose, not where."""
    if source == "embedded" or _dateline(span):
        return confidence
    lex = lexicon()
    conf = lex["confidence"]
    root = span.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    if root.dep_ == "nsubj" and root.head.pos_ in ("VERB", "AUX") and \
            root.head.lemma_.lower() not in lex["stative_verbs"]:
        return min(confidence, float(conf["metonymic"]))
    if root.dep_ == "pobj" and root.head.lower_ in lex["relational_preps"] or \
            root.dep_ in ("dobj", "dative") and root.head.lemma_.lower() in lex["relational_verbs"]:
        return min(confidence, float(conf["metonymic"]))
    if root.dep_ == "poss":
        return min(confidence, float(conf["possessive"]))
    if root.dep_ in ("compound", "amod", "nmod") and root.head.pos_ in ("NOUN", "PROPN") \
            and root.head.i > root.i and root.head.ent_type_ not in PLACE_LABELS:
        return min(confidence, float(conf["modifier"]))
    return confidence


def _ordered(mentions: list[Mention], text: str) -> list[Mention]:
    """Sort by position, drop overlaps (the earlier, longer one stays), record the gaps."""
    mentions.sort(key=lambda m: (m.start, -(m.end - m.start)))
    out: list[Mention] = []
    for m in mentions:
        if out and m.start < out[-1].end:
            continue
        gap = text[out[-1].end:m.start] if out else ""
        out.append(replace(m, gap_before=gap))
    return out
