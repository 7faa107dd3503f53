"""What every stage reads: the parsed Doc, the article, the settings and the publication date.

Also the lookup from a character span to the actor mentioned there, which quotes, events
and relations use to turn a phrase of the parse into an actor id.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..ingest.article import Article
from ..record import Actor
from ..settings import Settings


def doc_text(doc: Doc) -> str:
    """``doc.text``, read once per Doc (spaCy rebuilds the string from the tokens on every call)."""
    cached = doc.user_data.get("bilateral_text")
    if cached is None:
        cached = doc.text
        doc.user_data["bilateral_text"] = cached
    return str(cached)


@dataclass
class Context:
    """The inputs shared by all stages of one document. ``warnings`` collects per-document problems."""

    doc: Doc
    article: Article
    settings: Settings
    published: dt.date | None
    warnings: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The document text (``doc.text`` rebuilds the string on every call: this reads it once)."""
        return doc_text(self.doc)

    def mention_index(self, actors: Sequence[Actor]) -> MentionIndex:
        """The :class:`MentionIndex` of ``actors``, built once per document: quotes, events and
        relations get the same actor list from the engine and share it."""
        cached = getattr(self, "_mentions", None)
        if cached is not None and cached[0] is actors and cached[1] == len(actors):
            return cached[2]
        index = MentionIndex(actors)
        self._mentions = (actors, len(actors), index)
        return index

    def sentence_index(self, char: int) -> int:
        """The index of the sentence holding character ``char``."""
        starts = self._sent_starts()
        return max(0, bisect.bisect_right(starts, char) - 1)

    def _sent_starts(self) -> list[int]:
        cached = getattr(self, "_starts", None)
        if cached is None:
            cached = [s.start_char for s in self.doc.sents]
            self._starts = cached
        return cached


class MentionIndex:
    """Find the actor mentioned at a character span."""

    def __init__(self, actors: Sequence[Actor]) -> None:
        items = []
        for actor in actors:
            for m in actor.mentions:
                items.append((m.span[0], m.span[1], actor))
        items.sort(key=lambda x: (x[0], -x[1]))
        self._items = items
        self._starts = [i[0] for i in items]
        self._longest = max((e - s for s, e, _ in items), default=0)
        self.by_id = {a.id: a for a in actors}

    def covering(self, start: int, end: int) -> list[tuple[int, int, Actor]]:
        """Mentions overlapping ``[start, end)`` (a bisect window, not a scan of the document)."""
        lo = bisect.bisect_left(self._starts, start - self._longest)
        hi = bisect.bisect_left(self._starts, end)
        return [it for it in self._items[lo:hi] if it[1] > start]

    def actor_at(self, start: int, end: int, *, head: int | None = None) -> Actor | None:
        """The actor best matching ``[start, end)``: one whose mention covers ``head`` if given,
        else the longest mention inside the span, else any overlapping one."""
        hits = self.covering(start, end)
        if not hits:
            return None
        if head is not None:
            on_head = [h for h in hits if h[0] <= head < h[1]]
            if on_head:
                return max(on_head, key=lambda h: h[1] - h[0])[2]
        inside = [h for h in hits if h[0] >= start and h[1] <= end]
        pool = inside or hits
        return max(pool, key=lambda h: h[1] - h[0])[2]

    def actor_for_token(self, token: Token) -> Actor | None:
        """The actor whose mention covers this token."""
        return self.actor_at(token.idx, token.idx + len(token.text), head=token.idx)

    def actors_in(self, span: Span | tuple[int, int]) -> list[Actor]:
        """Distinct actors mentioned inside a span, in text order."""
        start, end = (span.start_char, span.end_char) if isinstance(span, Span) else span
        seen: dict[str, Actor] = {}
        for s, e, a in self.covering(start, end):
            if s >= start and e <= end and a.id not in seen:
                seen[a.id] = a
        return list(seen.values())
