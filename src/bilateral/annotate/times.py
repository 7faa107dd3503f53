"""Times stage: find temporal expressions and normalize them against the publication date.

Reads: ctx.doc, ctx.published. Writes: list of :class:`~bilateral.record.Time` (ids t1, t2...).
"""

from __future__ import annotations

from ..record import Time
from .context import Context


def find_times(ctx: Context) -> list[Time]:
    """Every temporal expression of the document, normalized (placeholder: none yet)."""
    return []
