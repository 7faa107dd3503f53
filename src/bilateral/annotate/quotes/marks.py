"""Pair quotation marks into quoted spans, across paragraphs where the typography says so.

Reads: the document text. Writes: :class:`Quoted` spans and warning messages for marks that
cannot be paired. Works on characters only (no parse), so it never depends on tokenisation.

Rules:
* double marks (straight ``"``, curly “ ” „, guillemets « », and the typewriter pairs ``''`` and
  ````` `` `````) are paired; a straight mark is an
  opener or a closer by what stands on either side of it, and a curly mark by its shape unless
  its sides clearly say the opposite (mixed ``“...,"`` pairs are common in news copy);
* single marks inside a double-quoted span are a quote within the quote (kept in its content);
  at top level ‘...’ is paired only inside one paragraph, straight ``'`` never (apostrophes);
* a paragraph that opens a quote without closing it continues into the next paragraph when that
  one starts with an opening mark (the news convention); otherwise the mark is unbalanced: the
  quote is dropped and a warning says where (no guessing where it might end).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPEN_SHAPES = "“„«"
CLOSE_SHAPES = "”»"
STRAIGHT = '"'
DOUBLE = OPEN_SHAPES + CLOSE_SHAPES + STRAIGHT
BEFORE_OPEN = "([{—–―-/:;"
AFTER_CLOSE = ".,;:!?)]}—–―-…’'" + DOUBLE
_MARK_CHAR = re.compile("[" + re.escape(DOUBLE + "'`") + "]")  # where a double mark may be
_SINGLE_CHAR = re.compile("[‘’]")


@dataclass(frozen=True)
class Quoted:
    """One quoted span: ``open``/``close`` are the mark positions, ``[start, end)`` the content."""

    open: int
    close: int
    start: int
    end: int
    single: bool = False
    close_len: int = 1

    @property
    def after(self) -> int:
        """The first character after the closing mark."""
        return self.close + self.close_len


def _marks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Double marks in ``[start, end)`` as (position, length)."""
    out = []
    i = start
    while i < end:
        found = _MARK_CHAR.search(text, i, end)  # the characters in between are never marks
        if found is None:
            break
        i = found.start()
        ch = text[i]
        if ch in DOUBLE:
            out.append((i, 1))
        elif ch in "'`" and i + 1 < end and text[i + 1] == ch and (i + 2 >= end or text[i + 2] != ch):
            out.append((i, 2))
            i += 1
        i += 1
    return out


def _role(text: str, i: int, n: int = 1) -> str:
    """'open', 'close' or 'either' for the double mark of length ``n`` at ``i``."""
    ch = text[i]
    prev = text[i - 1] if i > 0 else ""
    nxt = text[i + n] if i + n < len(text) else ""
    can_open = bool(nxt) and not nxt.isspace() and (not prev or prev.isspace() or prev in BEFORE_OPEN)
    can_close = bool(prev) and not prev.isspace() and (not nxt or nxt.isspace() or nxt in AFTER_CLOSE)
    if ch in OPEN_SHAPES or ch == "`":
        return "close" if can_close and not can_open else "open"
    if ch in CLOSE_SHAPES:
        return "open" if can_open and not can_close else "close"
    if can_open and not can_close:
        return "open"
    if can_close and not can_open:
        return "close"
    return "either"


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-blank lines as ``[start, end)``."""
    out = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _content(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim whitespace and a trailing comma from the content of a quote."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def _first_char(text: str, para: tuple[int, int]) -> int:
    i = para[0]
    while i < para[1] and text[i].isspace():
        i += 1
    return i


def pair_marks(text: str) -> tuple[list[Quoted], list[str]]:
    """Quoted spans of ``text`` in order, and warnings for marks that could not be paired."""
    quotes: list[Quoted] = []
    warnings: list[str] = []
    paras = _paragraphs(text)
    open_at: int | None = None  # position of the opening mark of the quote in progress
    open_len = 1
    for pi, para in enumerate(paras):
        marks = _marks(text, para[0], para[1])
        if open_at is not None and marks and marks[0][0] == _first_char(text, para):
            marks = marks[1:]  # the mark that re-opens a quote continued from the last paragraph
        for i, n in marks:
            role = _role(text, i, n)
            if open_at is None:
                if role == "close":
                    warnings.append(f"closing quote mark at character {i} has no opening mark: ignored")
                else:
                    open_at, open_len = i, n
            elif role == "open":
                warnings.append(f"quote opened at character {open_at} is not closed before another opens at "
                                f"character {i}: the first is ignored")
                open_at, open_len = i, n
            else:
                s, e = _content(text, open_at + open_len, i)
                if e > s:
                    quotes.append(Quoted(open_at, i, s, e, close_len=n))
                open_at = None
        if open_at is not None:
            nxt = paras[pi + 1] if pi + 1 < len(paras) else None
            first_marks = _marks(text, _first_char(text, nxt), nxt[1]) if nxt else []
            first = first_marks[0] if first_marks and first_marks[0][0] == _first_char(text, nxt or (0, 0)) else None
            if not (first and _role(text, *first) != "close"):
                warnings.append(f"quote opened at character {open_at} is never closed: ignored")
                open_at = None
    quotes.extend(_single_quotes(text, paras, quotes))
    quotes.sort(key=lambda q: q.open)
    return quotes, warnings


def _single_quotes(text: str, paras: list[tuple[int, int]], doubles: list[Quoted]) -> list[Quoted]:
    """Top-level ‘...’ pairs inside one paragraph, outside every double-quoted span."""
    out: list[Quoted] = []
    covered = bytearray(len(text) + 1)
    for q in doubles:
        covered[q.open:q.after] = b"\x01" * (q.after - q.open)
    for para in paras:
        opener: int | None = None
        for found in _SINGLE_CHAR.finditer(text, para[0], para[1]):
            i = found.start()
            if covered[i]:
                continue
            ch = text[i]
            prev = text[i - 1] if i > para[0] else ""
            nxt = text[i + 1] if i + 1 < para[1] else ""
            if ch == "‘" and nxt and not nxt.isspace() and (not prev or prev.isspace() or prev in BEFORE_OPEN):
                opener = i
            elif ch == "’" and opener is not None and prev and not prev.isspace() and not nxt.isalnum():
                s, e = _content(text, opener + 1, i)
                if e > s:
                    out.append(Quoted(opener, i, s, e, single=True))
                opener = None
    return out
