"""Quotes stage: direct quotes and reported speech, each with its speaker, cue, medium and date.

Reads: ctx.doc (text and parse), actors (to turn the speaker phrase into an actor id through
:class:`~bilateral.annotate.context.MentionIndex`), times (the date of the statement).
Writes: list of :class:`~bilateral.record.Quote` (ids q1...) in text order, and warnings on
``ctx.warnings`` for quote marks that cannot be paired.

How (details in the submodules):
* :mod:`.marks` pairs quote marks into quoted spans (straight and curly, nested, across paragraphs);
* :mod:`.statements` keeps the quoted spans that have a cue and finds reported clauses;
* :mod:`.speaker` reads the speaker phrase, medium and date from the cue's clause;
* :mod:`.lexicon` loads ``resources/reporting.tsv`` (reporting verbs and nouns, media).

A quote split around its cue ("“A,” he said, “B.”") is two quotes with the same cue and speaker.
``speaker_mention`` is always found from the parse; ``speaker`` is the actor whose mention covers it
(None while no actor covers it). Statements made through a medium ("said the post") take the
speaker of the medium's owner.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...errors import warning
from ...record import Actor, Mention, Quote, Time
from ..context import Context, MentionIndex, doc_text
from .lexicon import Reporting, reporting
from .marks import pair_marks
from .speaker import Attribution, attribute, phrase
from .statements import Found, direct_statements, labelled_statements, reported_statements

__all__ = ["find_quotes", "Reporting", "reporting"]


def find_quotes(ctx: Context, *, actors: Sequence[Actor] = (), times: Sequence[Time] = (),
                lexicon: Reporting | None = None) -> list[Quote]:
    """Statements of the document: direct quotes and reported speech with their speakers."""
    doc = ctx.doc
    text = doc_text(doc)
    lex = lexicon or reporting()
    quoted, problems = pair_marks(text)
    for p in problems:
        ctx.warnings.append(warning("W401", f"unbalanced quotation marks: {p}"))
    direct = direct_statements(doc, quoted, lex)
    labelled = labelled_statements(doc, quoted, direct, lex)
    reported = reported_statements(doc, quoted, direct + labelled, lex)
    found = sorted(direct + labelled + reported, key=lambda f: (f.start, f.end))
    index = ctx.mention_index(actors)
    owners: dict[str, tuple[int, int] | None] = {}
    quotes: list[Quote] = []
    last: tuple[Attribution, str | None] | None = None
    for f in found:
        if f.inherit and last is not None:
            att = Attribution(speaker=None, speaker_head=None)
            speaker_id = last[1]
        else:
            att = _attribution(f, lex, times=times, owners=owners)
            speaker_id = _actor_id(index, att)
        quotes.append(_record(ctx, f, att, speaker_id, n=len(quotes) + 1))
        last = (att, speaker_id)
    return quotes


def _attribution(f: Found, lex: Reporting, *, times: Sequence[Time],
                 owners: dict[str, tuple[int, int] | None]) -> Attribution:
    if f.cue_token is None:
        if f.subject is None:
            return Attribution()
        return Attribution(speaker=phrase(f.subject), speaker_head=f.subject.idx)
    return attribute(f.subject, f.cue_token, lex, times=times, content=(f.start, f.end), media_owners=owners)


def _actor_id(index: MentionIndex, att: Attribution) -> str | None:
    if att.speaker is None:
        return None
    actor = index.actor_at(att.speaker[0], att.speaker[1], head=att.speaker_head)
    return actor.id if actor is not None else None


def _mention(text: str, span: tuple[int, int] | None) -> Mention | None:
    return Mention(span=span, text=text[span[0]:span[1]]) if span is not None else None


def _record(ctx: Context, f: Found, att: Attribution, speaker_id: str | None, *, n: int) -> Quote:
    text = ctx.text
    mention = None if att.inherited else att.speaker
    return Quote(
        id=f"q{n}", kind=f.kind, text=text[f.start:f.end], span=(f.start, f.end), speaker=speaker_id,
        speaker_mention=_mention(text, mention), cue=_mention(text, f.cue),
        medium=text[att.medium[0]:att.medium[1]] if att.medium else None, date=att.date,
        sentence=ctx.sentence_index(f.start),
    )
