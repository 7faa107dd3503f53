"""Relations stage: statements about the standing of a relation between two countries.

Reads: ctx.doc, actors, times, events. Writes: list of :class:`~bilateral.record.Relation`.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..record import Actor, Event, Relation, Time
from .context import Context


def find_relations(ctx: Context, *, actors: Sequence[Actor] = (), times: Sequence[Time] = (),
                   events: Sequence[Event] = ()) -> list[Relation]:
    """Relation statements of the document (placeholder: none yet)."""
    return []
