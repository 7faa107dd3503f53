"""Implied recipients: whom an event acts on when its text names nobody (rules: docs/record.md).

"Egyptian demonstrators rioted", "the union called off its strike": an analyst codes a domestic event with
the source's own state as recipient (EGY->EGY); "Turkish jets bombed targets in northern Iraq": an act on a
foreign territory against its host (TUR->IRQ). The PLOVER and CAMEO gold records code them so, and users
count domestic unrest apart from international conflict this way.

The rules are narrow and visible. Domestic: the source is a state's own actor (not the state named as a
whole, not its military, not an international body), the act is no cooperation of a state with an unnamed
partner, and the sentence names no other country outside the attribution of a reported statement ("...,
Thai police said" does not count; "..., Uganda said" does). Host: the act is done on a territory (a threat
only when it threatens force) and its own clause places it in one other state, with no third country in the
sentence. The recipient is the country actor the text names, else one country actor with no mention
(``rule`` ``implied:domestic-recipient`` / ``implied:host-recipient``) shared by the document's events; the
event's ``why`` says so and its confidence drops by 0.1. A named recipient with no country that a state's own
actor acts on at home takes that state (``+country:domestic-event``). ``Settings.implied_recipients`` turns
all of it off.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from ...record import Actor, Event, Place, Quote
from ...resources.actor_lexicon import country_names
from ..actors import EXILE_WORDS
from ..context import Context
from .find import THREAT_OF_FORCE, country_actor
from .situate import scope_places

__all__ = ["IMPLIED_RULE", "implied_recipients"]

IMPLIED_RULE = "implied:domestic-recipient"
IMPLIED_HOST_RULE = "implied:host-recipient"
#: sectors that act abroad as often as at home: their events take a recipient from a place, never by default
ABROAD = frozenset({"MIL", "SPY"})
#: cooperative acts a state does with another state
PARTNERED = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID"})
#: sectors of the non-state groups whose cooperative acts are with their own state
NON_STATE = frozenset({"OPP", "REB", "LAB", "CVL", "EDU", "PTY", "SOC", "AGR", "MED", "JRN", "BUS", "REL", "CRM",
                       "ELI"})
#: sectors of an unnamed recipient with no country that a state's own actor acts on at home (not armed groups,
#: whom states fight abroad too: "the French government condemned the rebels")
DOMESTIC_TARGETS = frozenset({"COP", "JUD", "GOV", "LEG", "OPP", "CVL", "SOC", "LAB", "EDU", "PTY", "AGR", "MED",
                              "JRN", "BUS", "REL", "ELI"})
#: acts done on a territory: abroad, the state where they happen is their recipient ("fired at targets in
#: Syria" -> SYR). Talks, statements and agreements are not done *to* their host.
ON_TERRITORY = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "RETREAT", "AID", "CONCEDE", "SANCTION"})


def _inside(span: tuple[int, int], bounds: tuple[int, int]) -> bool:
    return bounds[0] <= span[0] and span[1] <= bounds[1]


def _foreign_named(country: str | tuple[str, ...], bounds: tuple[int, int], actors: Sequence[Actor], places: Sequence[Place],
                   skip: tuple[int, int] | None) -> bool:
    """Whether the text within ``bounds`` names a country other than ``country``: outside ``skip`` (the
    attribution of a reported statement) only a state speaking for itself counts ("Bhutan said ..." makes the
    statement international; "..., Thai police said" does not)."""
    own = (country,) if isinstance(country, str) else country

    def counts(span: tuple[int, int], state: bool = False) -> bool:
        return _inside(span, bounds) and (state or skip is None or _inside(span, skip))

    for a in actors:
        # a state by its name or its capital ("Uganda said", "Kampala said"), not an adjective ("Thai sources")
        state = a.rule.startswith(("country:name", "country:capital", "country:seat"))
        if a.country and a.country not in own and any(counts(m.span, state) for m in a.mentions):
            return True
    return any(p.country and p.country not in own and counts(p.span) for p in places)


def _clause_place(ctx: Context, event: Event, places: Sequence[Place], avoid: Sequence[tuple[int, int]]
                  ) -> Place | None:
    """The place named in the event's own phrase or clause (not the rest of its sentence)."""
    span = ctx.doc.char_span(*event.trigger.span, alignment_mode="expand")
    if span is None:
        return None
    inside = scope_places(span.root, places=places, avoid=avoid, clause_only=True)
    return inside[0] if inside else None


def implied_recipients(ctx: Context, *, actors: Sequence[Actor], events: Sequence[Event],
                       places: Sequence[Place] = (), quotes: Sequence[Quote] = (),
                       acts: Mapping[str, str] | None = None) -> tuple[list[Actor], list[Event]]:
    """``actors`` and ``events`` with recipients filled in where the rules above allow. ``acts``: each event's
    act before PLOVER recoded it (a promised aid coded AGREE is still aid on a territory; a threat of force
    threatens an ASSAULT); an event not in it is its own type."""
    if not ctx.settings.implied_recipients:
        return list(actors), list(events)
    by_id = {a.id: a for a in actors}
    states = country_names()
    quote_of = {q.id: q for q in quotes}
    sentences = list(ctx.doc.sents)
    added: dict[str, Actor] = {}
    out: list[Event] = []
    # "US and British activists staged a protest": each side's event may name the other side's country
    sides: dict[tuple[int, int], set[str]] = {}
    for e in events:
        c = by_id[e.source].country if e.source in by_id else None
        if c:
            sides.setdefault(e.trigger.span, set()).add(c)
    sources = {e.source for e in events if e.source}
    for e in events:
        source = by_id.get(e.source or "")
        country = source.country if source else None
        target = by_id.get(e.target or "")
        if target is not None and not target.country and target.kind in ("group", "organization") \
                and target.sector in DOMESTIC_TARGETS and country in states and source is not None \
                and source.sector not in ABROAD and 0 <= e.sentence < len(sentences) \
                and not any(w in EXILE_WORDS for m in target.mentions for w in m.text.lower().split()):
            # "warned that police will no longer tolerate rallies": the police of the state that warns
            sent = sentences[e.sentence]
            quote = quote_of.get(e.quote or "")
            bounds = (sent.start_char, sent.end_char)
            skip = quote.span if quote is not None and _inside(quote.span, bounds) else None
            if not _foreign_named(country, bounds, actors, places, skip):
                by_id[target.id] = replace(target, country=country, confidence=min(target.confidence, 0.5),
                                           rule=target.rule + "+country:domestic-event")
                out.append(replace(e, why=e.why + f"; the recipient is taken to be of {country}: a domestic "
                                   "event (the sentence names no other country)"))
                continue
        if e.target is not None or not country or not (0 <= e.sentence < len(sentences)):
            out.append(e)
            continue
        sent = sentences[e.sentence]
        bounds = (sent.start_char, sent.end_char)
        quote = quote_of.get(e.quote or "")
        skip = quote.span if quote is not None and _inside(quote.span, bounds) else None
        host = None
        # international bodies have no home territory: only the host rule applies to them
        abroad = source is not None and (source.sector in ABROAD or country not in states)
        own = tuple(sides.get(e.trigger.span, {country}) | {country})
        # a state's cooperation, aid or agreement is with another state, named elsewhere in the story ("Seoul
        # would expand cooperation"); a domestic group's is with its own state ("the opposition agreed to
        # postpone the demonstration")
        partnered = e.type in PARTNERED and (source is None or source.sector not in NON_STATE)
        # a state named as a whole ("China declined to comment", "Qatar cut off some aid") acts on others; its
        # people, police, courts and government act at home
        whole = source is not None and source.kind == "country" and source.rule.startswith("country:name")
        if abroad or partnered or whole or len(own) > 1 or _foreign_named(own, bounds, actors, places, skip):
            if source is None or (acts or {}).get(e.id, e.type) not in ON_TERRITORY:
                out.append(e)
                continue
            place = _clause_place(ctx, e, places, [m.span for m in source.mentions])
            host = place.country if place is not None else None
            if host is None or (host == country and not abroad) or host not in states or (len(own) > 1 and host in own) \
                    or _foreign_named((*own, host), bounds, actors, places, skip):
                out.append(e)
                continue
        recipient = host or country
        actor = added.get(recipient)
        if actor is None:  # the country as the text names it ("... imposed in Sudan"), if it is no source
            actor, _ = country_actor([*by_id.values(), *added.values()], recipient,
                                     rule=IMPLIED_HOST_RULE if host else IMPLIED_RULE, avoid=sources)
            added[recipient] = actor
        how = (f"implied host recipient {host} (the event's clause places it in {host}; no named recipient)"
               if host else f"implied domestic recipient {country} (no named recipient; the sentence names no "
               "other country outside its attribution)")
        out.append(replace(e, target=actor.id, confidence=round(max(0.3, e.confidence - 0.1), 2),
                           why=e.why.replace(f"target: {THREAT_OF_FORCE}", f"target: {how}", 1)
                           .replace("target: none", f"target: {how}", 1)))
    return [by_id[a.id] for a in actors] + [a for a in added.values() if a.id not in by_id], out
