"""Places stage: find place mentions and geocode them from the embedded gazetteer.

Reads: ctx.doc. Writes: list of :class:`~bilateral.record.Place` (ids p1, p2...).
"""

from __future__ import annotations

from ..record import Place
from .context import Context


def find_places(ctx: Context) -> list[Place]:
    """Every place mention of the document, geocoded (placeholder: none yet)."""
    return []
