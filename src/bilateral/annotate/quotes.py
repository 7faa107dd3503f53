"""Quotes stage: direct quotes and reported speech, each with its speaker, cue, medium and date.

Reads: ctx.doc, actors, times. Writes: list of :class:`~bilateral.record.Quote` (ids q1...).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..record import Actor, Quote, Time
from .context import Context


def find_quotes(ctx: Context, *, actors: Sequence[Actor] = (), times: Sequence[Time] = ()) -> list[Quote]:
    """Statements of the document (placeholder: none yet)."""
    return []
