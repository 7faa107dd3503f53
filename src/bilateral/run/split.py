"""Parse documents longer than spaCy's ``nlp.max_length``: split at paragraph boundaries, parse each
part, join the parsed parts back into one Doc whose text is the original text, character for character.

Reads: (text, context) pairs and a loaded ``Language``. Writes: (Doc, context) pairs in input order.
The stages then annotate the joined Doc, so every span is an offset into the original text and an
actor named in two parts is still one actor.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc

C = TypeVar("C")

#: where a part may end, best first: after a blank line, after a line break, after a sentence end,
#: after any white space. The last resort is a hard cut at the limit.
_CUTS = (re.compile(r"\n[ \t\r\f\v]*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?][\"'”’)\]]*\s+"),
         re.compile(r"\s+"))


def split_paragraphs(text: str, limit: int) -> list[str]:
    """Cut ``text`` into parts of at most ``limit`` characters whose concatenation is ``text``.

    Each part ends after the last paragraph break that fits (else a line break, a sentence end,
    white space, or the limit itself); the break's white space stays with the part before it.
    """
    if limit < 1:
        raise ValueError("limit must be at least 1")
    parts: list[str] = []
    start = 0
    n = len(text)
    while n - start > limit:
        window = text[start:start + limit]
        cut = 0
        for pattern in _CUTS:
            ends = [m.end() for m in pattern.finditer(window) if 0 < m.end() <= limit]
            if ends:
                cut = ends[-1]
                break
        if cut <= 0:
            cut = limit
        parts.append(text[start:start + cut])
        start += cut
    if start < n or not parts:
        parts.append(text[start:])
    return parts


def pipe_long(nlp: Language, pairs: Iterable[tuple[str, C]], *, batch_size: int) -> Iterator[tuple[Doc, C]]:
    """``nlp.pipe(pairs, as_tuples=True)`` that also accepts texts beyond ``nlp.max_length``.

    Short texts go through unchanged; a long one is split with :func:`split_paragraphs`, its parts
    are parsed in the same stream, and :meth:`Doc.from_docs` joins them (no white space added).
    """
    limit = int(nlp.max_length)

    def flat() -> Iterator[tuple[str, tuple[C, int, int]]]:
        for text, ctx in pairs:
            if len(text) <= limit:
                yield text, (ctx, 0, 1)
                continue
            parts = split_paragraphs(text, limit)
            for i, part in enumerate(parts):
                yield part, (ctx, i, len(parts))

    pending: list[Doc] = []
    for doc, (ctx, i, n) in nlp.pipe(flat(), as_tuples=True, batch_size=batch_size):
        if n == 1:
            yield doc, ctx
            continue
        pending.append(doc)
        if i == n - 1:
            joined = Doc.from_docs([d for d in pending if len(d)], ensure_whitespace=False)
            pending = []
            yield joined, ctx
