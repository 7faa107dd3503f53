"""Events stage: PLOVER events with actor, recipient, status, date, place and evidence.

Reads: ctx.doc (the dependency parse), actors (mentions -> ids and countries), quotes (who says
what), times and places. Writes: list of :class:`~bilateral.record.Event` (ids e1, e2...).

A trigger from the lexicon (``resources/event_lexicon.tsv``: verbs, phrasal verbs, event nouns
with their light verbs) gives the type, mode and CAMEO code; its argument frame says where the
source and the recipient are in the parse (subject or passive agent, object, prepositions, the
content clause of "asked Y to ...", "between X and Y"). No event is emitted without a trigger and
a source actor found in the trigger's own clause; the source has a country, except in a conflict act by a
group the text gives none whose recipient has one ("Insurgents shelled a Syrian army base"), and is the
host state for a passive state act placed in one state ("were arrested in Kenya"). Recipients the text
does not name may be implied (:mod:`.recipients`). A pair group ("Hungarian and Romanian
officials") acts through its sides, the country actors of its nationality words. A visit's recipient is
its destination (the object of "visit", "a visit to X", or of the movement verb a visit or talks
noun attaches to: "arrived in Amman on a visit"), never a place named only as the location of the
event; the destination must be an actor of the record. Status comes from
:mod:`.status`, date and place from the clause (:mod:`.situate`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ...record import Actor, Event, Place, Quote, Time
from ..context import Context
from .find import IMPLIED_AGENT_RULE, IMPLIED_PREFIX, Candidate, country_actor, find_candidates
from .lexicon import plover_types
from .recipients import implied_recipients
from .situate import dated_later, event_date, event_place, evidence_of
from .status import analyst_scope, clause_status, condition_mark, refusal

__all__ = ["code_events", "find_events"]

THREAT_MODE = {"SANCTION": "relations", "ASSAULT": "violence", "COERCE": "restrict", "MOBILIZE": "violence",
               "RETREAT": "relations"}
#: acts that harm their recipient: announced on a condition, they are threats
HARMFUL = frozenset({"SANCTION", "COERCE", "ASSAULT"})
COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})


def code_events(ctx: Context, *, actors: Sequence[Actor] = (), quotes: Sequence[Quote] = (),
                times: Sequence[Time] = (), places: Sequence[Place] = ()) -> tuple[list[Actor], list[Event]]:
    """The coded events of the document with their implied recipients (:mod:`.recipients`), and the actors
    with the implied recipients added. A conflict act on an object that is no actor ("outlawed the
    organization in Northern Ireland", "retook a village in Western Cambodia") is kept only when its clause
    or sentence names where it happened and a recipient is implied."""
    events, pending, acts = _code(ctx, actors=actors, quotes=quotes, times=times, places=places, open_objects=True)
    actors, events = _name_implied_agents(actors, events)
    actors2, events2 = implied_recipients(ctx, actors=actors, events=events, places=places, quotes=quotes,
                                          acts=acts)
    # located and with a recipient implied, or not at all ("Germany attacked the proposal" is no assault)
    kept = [e for e in events2 if not (e.id in pending and (e.target is None or e.place is None))]
    return actors2, [replace(e, id=f"e{i}") for i, e in enumerate(kept, 1)]


def _name_implied_agents(actors: Sequence[Actor], events: list[Event]) -> tuple[list[Actor], list[Event]]:
    """Give the implied host agents of :data:`.find.STATE_ACTS` real actor ids: the country actor the text
    names, if any, else one new country actor without mention per state."""
    out = list(actors)
    ids: dict[str, str] = {}
    for e in events:
        if e.source is None or not e.source.startswith(IMPLIED_PREFIX) or e.source in ids:
            continue
        actor, new = country_actor(out, e.source[len(IMPLIED_PREFIX):], rule=IMPLIED_AGENT_RULE)
        if new:
            out.append(actor)
        ids[e.source] = actor.id
    return out, [replace(e, source=ids[e.source]) if e.source in ids else e for e in events]


def find_events(ctx: Context, *, actors: Sequence[Actor] = (), quotes: Sequence[Quote] = (),
                times: Sequence[Time] = (), places: Sequence[Place] = ()) -> list[Event]:
    """The coded events of the document, in text order, without implied recipients."""
    return _code(ctx, actors=actors, quotes=quotes, times=times, places=places)[0]


def _code(ctx: Context, *, actors: Sequence[Actor], quotes: Sequence[Quote], times: Sequence[Time],
          places: Sequence[Place], open_objects: bool = False
          ) -> tuple[list[Event], set[str], dict[str, str]]:
    """Events, the ids of those kept only if a recipient is implied, and each event's act before PLOVER
    recoded it (a promised aid is AGREE, yet still aid; a threat of force threatens an ASSAULT)."""
    if not actors:
        return [], set(), {}
    pending: set[str] = set()
    acts: dict[str, str] = {}
    index = ctx.mention_index(actors)
    types = plover_types()
    events: list[Event] = []
    seen: set[tuple[str, str | None, str | None, int, str]] = set()
    for cand in find_candidates(ctx.doc, index, places=places):
        status, reason = clause_status(cand.trigger)
        if status == "asserted" and cand.entry.pos == "noun" and \
                dated_later(cand.trigger, times=times, published=ctx.published):
            status, reason = "future", "dated after publication"
        scope = analyst_scope(cand.trigger, index=index, quotes=quotes)
        if scope and status in ("asserted", "future"):
            status, reason = "hypothetical", scope
        etype, mode, cameo = cand.type, cand.mode, cand.cameo
        note = ""
        implied_only = False
        mark = condition_mark(cand.trigger)
        if status in ("hypothetical", "future") and reason.startswith(("modal", "under modal", "'would'")) \
                and mark and (etype in HARMFUL or (etype == "RETREAT" and mode == "withdraw" and mark == "unless")):
            # "may halt mediation if ...", "will withdraw its force unless ...": a conditional threat is a threat
            note = f"; {etype} on condition ('{mark}') coded THREATEN (PLOVER)"
            etype, mode, cameo = "THREATEN", THREAT_MODE.get(etype), "13"
            status, reason = "asserted", ""
        if status == "negated" and (etype in COOPERATIVE or etype == "AGREE") and refusal(cand.trigger) \
                and not cand.weak:
            note = f"; refused {etype} coded REJECT (PLOVER)"
            mode = "meet" if etype == "CONSULT" else "assist" if etype in ("AID", "COOPERATE") else "change"
            etype, cameo, status, reason = "REJECT", "12", "asserted", ""
        elif status == "future" and etype in COOPERATIVE:
            note = f"; future {etype} coded AGREE (PLOVER)"
            etype, mode, cameo = "AGREE", None, "03"
        elif status == "future" and types[etype].quad == 4:
            note = f"; announced {etype} coded THREATEN (PLOVER)"
            etype, mode, cameo = "THREATEN", THREAT_MODE.get(etype), "13"
        elif cand.weak:
            if not (open_objects and cand.open_object and types[etype].quad >= 3 and status == "asserted"):
                continue  # a transitive trigger without its recipient: not enough to code
            implied_only = True
        ptype = types[etype]
        sent_idx = ctx.sentence_index(cand.trigger.idx)
        key = (etype, cand.source.id, cand.target.id if cand.target else None, sent_idx, status)
        if key in seen:
            continue
        seen.add(key)
        quote = next((q.id for q in quotes if q.span[0] <= cand.trigger.idx < q.span[1]), None)
        avoid = [m.span for a in (cand.source, cand.target) if a is not None for m in a.mentions]
        recoded = "" if cand.type == cand.entry.type else f" (coded {cand.type} by its arguments)"
        why = (f"{cand.entry.pos} '{cand.entry.pattern}' -> {cand.entry.type}{recoded}; source: {cand.source_how}; "
               f"target: {cand.target_how or 'none'}{note}")
        if reason:
            why += f"; {status}: {reason}"
        confidence = 0.85 - (0.1 if cand.target is None else 0.0) - (0.05 if cand.entry.pos == "noun" else 0.0) \
            - (0.05 if "control" in cand.source_how or "light verb" in cand.source_how else 0.0)
        if implied_only:
            pending.add(f"e{len(events) + 1}")
        acts[f"e{len(events) + 1}"] = cand.threatened_act or cand.type
        events.append(Event(
            id=f"e{len(events) + 1}", type=etype, mode=mode, contexts=cand.entry.contexts, cameo=cameo,
            quad=ptype.quad, intensity=ptype.intensity, source=cand.source.id,
            target=cand.target.id if cand.target else None, status=status,
            date=event_date(cand.trigger, times=times, published=ctx.published, status=status),
            place=event_place(cand.trigger, places=places, avoid=avoid),
            sentence=sent_idx, trigger=cand.trigger_mention(), evidence=evidence_of(cand.trigger),
            confidence=round(max(0.3, confidence), 2), why=why, quote=quote,
        ))
    floor = ctx.settings.min_event_confidence
    return [e for e in events if e.confidence >= floor], pending, acts


__all__ += ["Candidate"]
