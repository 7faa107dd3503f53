"""Events stage: PLOVER events with actor, recipient, status, date, place and evidence.

Reads: ctx.doc, actors, quotes, times, places. Writes: list of :class:`~bilateral.record.Event`.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..record import Actor, Event, Place, Quote, Time
from .context import Context


def find_events(ctx: Context, *, actors: Sequence[Actor] = (), quotes: Sequence[Quote] = (),
                times: Sequence[Time] = (), places: Sequence[Place] = ()) -> list[Event]:
    """Events of the document (placeholder: none yet)."""
    return []
