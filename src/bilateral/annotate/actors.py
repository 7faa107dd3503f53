"""Actors stage: every actor mentioned, resolved once per document to a country and a sector.

Reads: ctx.doc, places. Writes: list of :class:`~bilateral.record.Actor` (ids a1, a2...),
whose ``mentions`` include names, titles and pronouns that refer to it.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..record import Actor, Place
from .context import Context


def resolve_actors(ctx: Context, *, places: Sequence[Place] = ()) -> list[Actor]:
    """Actors of the document (placeholder: none yet)."""
    return []
