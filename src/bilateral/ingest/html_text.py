"""Visible text of an HTML page with the standard library's parser, for pages lxml cannot read whole.

libxml2 (under lxml and trafilatura) silently drops everything nested deeper than 256 elements, so a
page of 5,000 nested ``div`` loses its article without an error. :func:`nesting_depth` tells such
pages apart, and :func:`visible_text` reads them with :mod:`html.parser`, which has no depth limit
(no boilerplate removal: all visible text, one paragraph per block element).

Reads: an HTML string. Writes: an int (depth), or the page's text and title.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

#: deepest element nesting libxml2's HTML parser keeps (deeper content is dropped).
LXML_MAX_DEPTH = 255
#: elements that close without an end tag (they do not nest).
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
#: elements whose content is not visible text.
HIDDEN = frozenset("script style noscript template head title svg".split())
#: elements that end a paragraph.
BLOCK = frozenset("p div br li h1 h2 h3 h4 h5 h6 tr article section blockquote pre header footer".split())


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.max_depth = 0
        self.hidden = 0
        self.parts: list[str] = []
        self.title: list[str] = []
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCK:
            self.parts.append("\n\n")
        if tag in VOID:
            return
        self.depth += 1
        self.max_depth = max(self.max_depth, self.depth)
        if tag in HIDDEN:
            self.hidden += 1
        self.in_title = tag == "title"

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        self.depth = max(0, self.depth - 1)
        if tag in HIDDEN and self.hidden:
            self.hidden -= 1
        self.in_title = False
        if tag in BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        if not self.hidden:
            self.parts.append(data)


def nesting_depth(html: str) -> int:
    """How deep the page's elements nest (end tags assumed where they are written)."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader.max_depth


def visible_text(html: str) -> tuple[str, str | None]:
    """The page's visible text (blocks as paragraphs, runs of spaces collapsed, no script or style) and
    its ``<title>``."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    paragraphs = (re.sub(r"[ \t\r\f\v\n]+", " ", p).strip() for p in "".join(reader.parts).split("\n\n"))
    title = " ".join("".join(reader.title).split())
    return "\n\n".join(p for p in paragraphs if p), title or None
