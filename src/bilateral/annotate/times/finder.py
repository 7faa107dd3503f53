"""Find temporal expressions: patterns built from the lexicon, then checks that reject traps
(the modal "may", "March" as a verb, weekdays inside names, counts that look like years).

Reads: the document text (and its spaCy tokens for the checks). Writes: :class:`Candidate` spans.
The finder never guesses values; :mod:`.resolve` does that.
"""

from __future__ import annotations

import bisect
import importlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.attrs import IDX
from spacy.tokens import Doc

from ..context import doc_text
from .lexicon import fragments, lexicon


@dataclass(frozen=True)
class Candidate:
    """A matched expression: ``rule`` names the pattern, ``groups`` its named parts."""

    start: int
    end: int
    rule: str
    groups: dict[str, str]
    starts: dict[str, int]  # where each named part begins in the text


YEAR = r"(?:1[6-9]|20)\d\d"


@lru_cache(maxsize=1)
def patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(rule, compiled pattern), in priority order for equal-length matches."""
    f = fragments()
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d,.:]\d)"
    opt_year = rf"(?:,?\s+(?P<year>{YEAR})(?![\d,.]\d))?"
    wd_prefix = rf"(?:(?P<wd>{f.weekday}),?\s+)?"
    rel_mod = r"(?P<mod>last|this|next|coming|past|previous|current)"
    the_mod = r"(?P<mod>the\s+(?:past|last|previous|coming|next|following|first|final|latest)|the)"
    num = rf"(?P<num>{f.number}|{f.vague})"
    src = [
        ("named", rf"(?<![\w/])(?P<name>{f.named})(?![\w/])"),
        ("iso", rf"\b(?P<year>{YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"),
        ("month_day", rf"\b{wd_prefix}(?P<month>{f.month})\s+{day}{opt_year}"),
        ("day_month", rf"\b{wd_prefix}(?:the\s+)?{day}\s+(?:of\s+)?(?P<month>{f.month}){opt_year}"),
        ("month_year", rf"\b(?:(?P<mod>early|late|mid|the\s+end\s+of|the\s+beginning\s+of)[\s-]+)?"
                       rf"(?P<month>{f.month})\s+(?:of\s+)?(?P<year>{YEAR})\b"),
        ("month", rf"\b(?:(?P<mod>last|next|this|early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of"
                  rf"|the\s+middle\s+of)[\s-]+)?(?P<month>{f.month_full})\b"),
        ("month_relyear", rf"\b(?P<month>{f.month_full})\s+(?:of\s+)?(?P<rel>last|this|next)\s+year\b"),
        ("weekday", rf"\b(?:(?P<mod>last|next|this|coming|past|previous)\s+)?(?P<wd>{f.weekday})"
                    rf"(?:\s+(?P<part>{f.day_part}))?\b"),
        ("relday", rf"\b(?:the\s+day\s+(?P<dir>before|after)\s+)?(?P<word>today|tonight|yesterday|tomorrow)"
                   rf"(?:\s+(?P<part>{f.day_part}))?\b"),
        ("relpart", rf"\b(?P<word>this|last)\s+(?P<part>{f.day_part})\b"),
        ("relunit", rf"\b(?:(?P<pre>earlier|later)\s+)?{rel_mod}\s+"
                    rf"(?P<unit>week|weekend|month|year|quarter|decade|century)\b"),
        ("ago", rf"\b{num}\s+(?P<unit>{f.unit})\s+(?P<dir>ago|earlier|later|from\s+now|hence)\b"),
        ("in_n", rf"\bin\s+{num}\s+(?P<unit>{f.unit})(?:['’]?s?\s+time)?\b"),
        ("anchored", r"\b(?P<det>the\s+same|that|the\s+following|the\s+next|the\s+previous|the\s+preceding|the\s+prior)"
                     r"\s+(?P<unit>day|week|month|year|morning|afternoon|evening|night)\b"),
        ("day_rel", r"\bthe\s+day\s+(?P<dir>before|after)\b(?=\s*(?:[.,;:!?)\"”]|$|and\b|but\b))"),
        ("the_unit", r"\bthe\s+(?:(?P<mod>latest|current|recent|past|same)\s+)?(?P<unit>quarter|weekend)\b"),
        ("within", rf"\b(?P<prep>within|inside)\s+{num}\s+(?P<unit>{f.unit})\b"),
        ("span_of", rf"\b(?:(?P<prep>within)\s+)?(?P<mod>the\s+(?:next|coming|following|past|last|previous|first|final"
                    rf"|latest))\s+(?:{num}\s+)?(?P<unit>{f.unit})\b"),
        ("duration", rf"\b(?:{the_mod}\s+)?{num}[\s-]+(?P<unit>{f.unit})(?:[\s-]+(?P<adj>long|old))?\b"),
        ("quarter", rf"\b(?:the\s+)?(?:(?P<year0>{YEAR})\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final)[\s-]+quarter"
                    rf"(?:\s+(?:of\s+)?(?P<year>{YEAR}))?\b"),
        ("q", rf"\b(?:(?P<year0>{YEAR})\s+)?(?P<q>Q[1-4])(?:\s+(?P<year>{YEAR}))?\b"),
        ("half", rf"\b(?:the\s+)?(?P<ord>first|second)\s+half\s+of\s+(?P<year>{YEAR})\b"),
        ("season", rf"\b(?:(?P<mod>last|next|this|early|late|mid|coming|past|the)[\s-]+)?(?P<season>{f.season})"
                   rf"(?:\s+(?:of\s+)?(?P<year>{YEAR}))?\b"),
        ("decade", r"\b(?:the\s+)?(?:(?P<mod>early|late|mid)[\s-]+)?(?:(?P<dec>(?:1[6-9]|20)\d)0|['’](?P<short>\d)0)"
                   r"['’]?s\b"),
        ("century", rf"\b(?:the\s+)?(?P<ord>{f.ordinal})[\s-]+century\b"),
        ("year", rf"(?<![\w$#€£.,/-])(?:(?P<mod>early|late|mid|fiscal|the\s+end\s+of|the\s+beginning\s+of|the\s+year)"
                 rf"[\s-]+)?(?P<year>{YEAR})\b(?!['’]?s\b|[-/.,:]\d|\s*%|\s+per\s*cent)"),
        ("ref", rf"\b(?P<ref>{f.reference})\b"),
        ("set_every", rf"\b(?:every|each)\s+(?:other\s+)?(?P<unit>day|week|month|year|morning|evening|night|weekend"
                      rf"|{f.weekday})\b"),
        ("set_adv", r"\b(?P<adv>daily|weekly|monthly|annually|yearly|nightly|hourly)\b"),
        ("set_freq", r"\b(?P<times>once|twice|\w+\s+times)\s+(?:a|an|per|each|every)\s+(?P<unit>day|week|month|year)\b"),
        ("clock_day", rf"\b(?P<clock>(?P<h>[01]?\d)(?::(?P<min>[0-5]\d))?\s*(?P<ampm>[ap]\.m\.|[ap]m\b)|noon|midday"
                      rf"|midnight)\s+(?:(?:[ECMP][SD]T|GMT|UTC)\s*,?\s+)?(?:on\s+)?(?:(?P<wd>{f.weekday})|"
                      rf"(?P<word>today|yesterday|tomorrow)|(?P<month>{f.month})\s+{day})(?![\w-])"),
        ("end_of", r"\b(?:the\s+)?(?P<pos>end|beginning|start|middle)\s+of\s+(?P<det>the|this|next|last)\s+"
                   r"(?P<unit>year|month|week|decade)\b"),
        ("clock", r"\b(?P<h>[01]?\d)(?::(?P<min>[0-5]\d))?\s*(?P<ampm>[ap]\.m\.|[ap]m\b)"),
    ]
    return tuple((name, re.compile(rx, re.IGNORECASE)) for name, rx in src)


#: the only characters for which matching a lower-cased pattern against the lower-cased text is not
#: the same as matching the pattern with IGNORECASE against the text: "İ" (lower-cases to two
#: characters), dotless "ı", long "ſ" and the Kelvin sign (IGNORECASE equates them with i, s and k).
#: Checked over every code point by ``tests/annotate/test_times.py``.
_CASE_TRAPS = frozenset("\u0130\u0131\u017f\u212a")
#: what :func:`lower_pattern` does not rewrite: inline flags, and escapes that name a character by number or name
_NOT_LOWERABLE = re.compile(r"\(\?[aiLmsux-]+[:)]|\\[xuUN0-7]")


def lower_pattern(source: str) -> str | None:
    """``source`` with its literal letters lower-cased (escapes and group names kept), or None when
    that would not be equivalent (a cased letter outside ASCII, a named character, inline flags)."""
    if _NOT_LOWERABLE.search(source) or any(not c.isascii() and c.lower() != c.upper() for c in source):
        return None
    out: list[str] = []
    i, n = 0, len(source)
    while i < n:
        c = source[i]
        if c == "\\":
            out.append(source[i:i + 2])
            i += 2
        elif source.startswith(("(?P<", "(?P="), i):
            j = source.index(">" if source[i + 3] == "<" else ")", i)
            out.append(source[i:j + 1])
            i = j + 1
        else:
            out.append(c.lower())
            i += 1
    return "".join(out)


def required_strings(source: str) -> frozenset[str] | None:
    """Strings of which every match of the (case-sensitive) pattern ``source`` holds at least one,
    read from its parse: runs of literal characters, alternatives of a group, the body of a repeat
    done at least once. None when nothing is certain (or the parse cannot be read)."""
    try:
        sre = importlib.import_module("re._constants")
        found = _required(list(importlib.import_module("re._parser").parse(source)), sre)
    except Exception:  # noqa: BLE001 - a private module: without it there is no pre-check, nothing else
        return None
    if found is None:
        return None
    return frozenset(s for s in found if not any(o != s and o in s for o in found))  # "day" covers "days"


def _required(seq: list[tuple[Any, Any]], sre: Any) -> frozenset[str] | None:
    best: frozenset[str] | None = None

    def consider(found: frozenset[str] | None) -> None:
        nonlocal best
        if found and (best is None or (min(map(len, found)), -len(found)) > (min(map(len, best)), -len(best))):
            best = found

    run: list[str] = []
    for op, av in seq:
        if op is sre.LITERAL:
            run.append(chr(av))
            continue
        if run:
            consider(frozenset({"".join(run)}))
            run = []
        if op is sre.SUBPATTERN:
            consider(_required(list(av[3]), sre))
        elif op is sre.BRANCH:
            alternatives = [_required(list(b), sre) for b in av[1]]
            if all(alternatives):
                consider(frozenset().union(*alternatives))  # type: ignore[arg-type]
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] >= 1:
            consider(_required(list(av[2]), sre))
    if run:
        consider(frozenset({"".join(run)}))
    return best


@lru_cache(maxsize=1)
def lowered_patterns() -> tuple[tuple[str, re.Pattern[str], frozenset[str] | None], ...] | None:
    """:func:`patterns` as case-sensitive patterns for lower-cased text (two to three times faster
    than IGNORECASE in Python's ``re``), each with the strings one of which a text must hold for it
    to match (:func:`required_strings`); None when one of them cannot be lowered exactly."""
    out = []
    for name, rx in patterns():
        low = lower_pattern(rx.pattern)
        if low is None:
            return None
        out.append((name, re.compile(low), required_strings(low)))
    return tuple(out)


def matches(text: str) -> Iterator[tuple[int, str, re.Match[str]]]:
    """(pattern order, rule, match) of every pattern over ``text``, pattern by pattern. The match
    may be over the lower-cased text: read its parts from ``text`` by position, never ``group()``."""
    lowered = lowered_patterns()
    low = text.lower()
    if lowered is None or len(low) != len(text) or not _CASE_TRAPS.isdisjoint(text):
        for order, (rule, rx) in enumerate(patterns()):
            for m in rx.finditer(text):
                yield order, rule, m
        return
    for order, (rule, rx, needs) in enumerate(lowered):
        if needs is not None and not any(s in low for s in needs):
            continue  # no match possible: skip the scan
        for m in rx.finditer(low):
            yield order, rule, m


def _capitalized(word: str | None) -> bool:
    return bool(word) and word[0].isupper()  # type: ignore[index]


def _words_before(text: str, start: int, n: int = 1) -> list[str]:
    return re.findall(r"[\w'’-]+|[-–]", text[max(0, start - 80):start])[-n:]


def _word_after(text: str, end: int) -> str:
    m = re.match(r"\s*([\w'’]+)", text[end:end + 40])
    return m.group(1) if m else ""


class Checker:
    """Rejects candidates that are not times; built once per document."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self._starts: list[int] | None = None  # token offsets, read on first use

    def token(self, char: int) -> int | None:
        """The token starting at character ``char``, if one does."""
        if self._starts is None:
            self._starts = self.doc.to_array(IDX).tolist()
        i = bisect.bisect_left(self._starts, char)
        return i if i < len(self._starts) and self._starts[i] == char else None

    def ok(self, cand: Candidate) -> bool:
        check = getattr(self, f"_check_{cand.rule}", None)
        g = cand.groups
        if g.get("month") and not _capitalized(g["month"]):
            return False
        if g.get("wd") and not _capitalized(g["wd"]):
            return False
        return True if check is None else bool(check(cand))

    # -- per-rule checks ----------------------------------------------------------------------------
    def _check_month(self, cand: Candidate) -> bool:
        lex = lexicon()
        g = cand.groups
        i = self.token(cand.starts["month"])
        tok = self.doc[i] if i is not None else None
        if tok is not None and tok.tag_ in ("MD", "VB", "VBP", "VBZ", "VBD", "VBG"):
            return False  # "May" the modal, "March" the verb
        if tok is not None and tok.ent_type_ in ("PERSON", "ORG", "WORK_OF_ART", "FAC", "GPE") and not g.get("mod"):
            return False  # "Theresa May"
        if g.get("mod"):
            return True
        before = _words_before(self.text, cand.start, 3)
        if not before:
            return False
        prev = before[-1].lower()
        if prev in ("and", "or", "-", "–"):  # "April and May", not "Mark and May"
            return any(w.lower() in lex.full_month_names for w in before[:-1])
        return prev in lex.month_context_before

    def _check_weekday(self, cand: Candidate) -> bool:
        lex = lexicon()
        before = _words_before(self.text, cand.start, 1)
        if before and before[0] in lex.weekday_name_before:
            return False  # "Good Friday", "Super Tuesday"
        after = _word_after(self.text, cand.end)
        if after in lex.weekday_name_after:
            return False  # "Sunday Times"
        i = self.token(cand.starts["wd"])
        if i is not None and self.doc[i].ent_type_ in ("ORG", "WORK_OF_ART", "EVENT", "FAC", "LAW", "PERSON"):
            return False
        return True

    def _check_year(self, cand: Candidate) -> bool:
        g = cand.groups
        if g.get("mod"):
            return True
        before = _words_before(self.text, cand.start, 1)
        prev = before[0].lower() if before else ""
        if prev in _LABEL_WORDS:
            return False  # "Route 2020", "Resolution 1973", "No. 1999"
        if (before and _capitalized(before[0]) and not before[0].endswith(("'s", "’s"))
                and prev not in lexicon().months and prev not in _YEAR_CONTEXT
                and not self._sentence_start(cand.start - len(before[0]) - 1)):
            return False  # a name: "Vision 2030", "Agenda 2063", "Euro 2024"
        i = self.token(cand.starts["year"])
        if i is None:
            return True
        tok = self.doc[i]
        nxt = self.doc[i + 1] if i + 1 < len(self.doc) else None
        prv = self.doc[i - 1] if i > 0 else None
        if nxt is not None and nxt.tag_ == "NNS" and (prv is None or prv.tag_ not in ("DT", "PRP$", "POS")):
            return False  # "2000 people", "some 1500 troops"
        if tok.ent_type_ in ("MONEY", "PERCENT", "QUANTITY", "CARDINAL"):
            return prev in _YEAR_CONTEXT  # the tagger saw a count; trust "in 1998", "since 2001"
        return True

    def _check_season(self, cand: Candidate) -> bool:
        g = cand.groups
        mod = (g.get("mod") or "").lower()
        if g.get("year") or mod in ("last", "next", "this", "early", "late", "mid", "coming", "past"):
            return True
        before = _words_before(self.text, cand.start, 1)
        if before and _capitalized(before[0]) and _capitalized(g["season"]):
            return False  # "Arab Spring"
        after = _word_after(self.text, cand.end).lower()
        if after in ("of", "'s", "’s") or self.text[cand.end:cand.end + 2] in ("'s", "’s"):
            return False  # "the fall of Rome"
        prev = before[0].lower() if before else ""
        return prev in ("in", "during", "since", "until", "by", "through", "over", "before", "after", "throughout")

    def _check_duration(self, cand: Candidate) -> bool:
        g = cand.groups
        num = (g.get("num") or "").lower()
        unit = g.get("unit", "").lower()
        if _capitalized(g.get("unit")) and not self._sentence_start(cand.start):
            return False  # "the Six-Day War"
        if (g.get("adj") or "").lower() == "old":
            return False  # ages: "a 6-year-old", "52 years old"
        if re.fullmatch(YEAR, num) and not unit.endswith("s"):
            return False  # "the 1988 second quarter": a year, not 1988 seconds
        if unit == "quarters" and "-" in self.text[cand.start:cand.end]:
            return False  # "three-quarters of the vote"
        if num in ("a", "an") and not g.get("mod") and not g.get("adj"):
            before = _words_before(self.text, cand.start, 1)
            prev = before[0].lower() if before else ""
            return prev in ("for", "within", "over", "about", "nearly", "almost", "than", "least", "only", "just",
                            "lasted", "lasting", "spent", "took", "takes", "half", "after")
        if num in lexicon().vague:
            return unit.endswith("s") or unit == "centuries"
        return True

    def _sentence_start(self, char: int) -> bool:
        return not self.text[:char].strip() or self.text[:char].rstrip()[-1] in ".!?\"'“”\n"

    def _check_span_of(self, cand: Candidate) -> bool:
        g = cand.groups
        if _capitalized(g.get("unit")) and not self._sentence_start(cand.start):
            return False
        mod = g["mod"].lower().split()[-1]
        return bool(g.get("num")) or mod not in ("first", "final", "latest")  # "the first day of talks"

    def _check_relunit(self, cand: Candidate) -> bool:
        return not _capitalized(cand.groups["unit"])  # "This Week", a programme

    def _check_the_unit(self, cand: Candidate) -> bool:
        return not _capitalized(cand.groups["unit"])  # "the Latin Quarter"

    def _check_set_adv(self, cand: Candidate) -> bool:
        return not _capitalized(cand.groups["adv"]) or self._sentence_start(cand.start)  # not "Daily Mail"


_LABEL_WORDS = frozenset({"no", "number", "route", "road", "roads", "routes", "highway", "flight", "resolution",
                          "article", "section", "page", "room", "model", "version", "chapter", "rule", "bill", "act"})
_YEAR_CONTEXT = frozenset({"in", "since", "until", "by", "of", "from", "during", "before", "after", "year", "fiscal",
                           "between", "and", "to", "early", "late", "mid", "through", "till"})


def candidates(doc: Doc) -> Iterator[Candidate]:
    """Every accepted, non-overlapping candidate in text order: longest first, then rule order."""
    text = doc_text(doc)
    checker = Checker(doc)
    found: list[tuple[int, int, Candidate]] = []
    for order, rule, m in matches(text):
        if m.end() <= m.start():
            continue
        spans = {k: m.span(k) for k, v in m.groupdict().items() if v is not None}
        cand = Candidate(start=m.start(), end=m.end(), rule=rule,
                         groups={k: text[s:e] for k, (s, e) in spans.items()},
                         starts={k: s for k, (s, _) in spans.items()})
        if checker.ok(cand):
            found.append((order, m.end() - m.start(), cand))
    found.sort(key=lambda x: (-x[1], x[0], x[2].start))
    taken: list[tuple[int, int]] = []
    chosen: list[Candidate] = []
    for _, _, cand in found:
        if any(cand.start < e and s < cand.end for s, e in taken):
            continue
        taken.append((cand.start, cand.end))
        chosen.append(cand)
    return iter(sorted(chosen, key=lambda c: c.start))
