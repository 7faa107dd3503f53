"""The input unit: one article's text and metadata, before any NLP."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Article:
    """One document to extract. ``text`` is kept character for character."""

    text: str
    id: str | None = None
    published: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    language: str | None = None
    #: where it came from, for messages: ``path`` or ``path:line``.
    origin: str = "<text>"
    #: problems found while reading it (become record warnings).
    warnings: tuple[str, ...] = field(default=())

    @property
    def content_hash(self) -> str:
        """A stable hash of the text and the metadata that changes the record."""
        h = hashlib.sha256()
        for part in (self.text, self.published or "", self.title or "", self.source or "", self.url or ""):
            h.update(part.encode("utf-8", "surrogatepass"))
            h.update(b"\x00")
        return h.hexdigest()

    @property
    def doc_id(self) -> str:
        """The given id, or one derived from the content."""
        if self.id:
            return str(self.id)
        return "doc-" + hashlib.sha256(self.text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
