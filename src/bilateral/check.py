"""Integrity checks of a record: every span indexes the text it claims, ids resolve.

Used by the tests, the fuzz target and ``bilateral extract --check`` style tooling.
"""

from __future__ import annotations

from collections.abc import Iterator

from .record import Document, Mention


def _mentions(doc: Document) -> Iterator[tuple[str, tuple[int, int], str]]:
    for a in doc.actors:
        for m in a.mentions:
            yield f"actor {a.id}", m.span, m.text
    for e in doc.events:
        yield f"event {e.id} trigger", e.trigger.span, e.trigger.text
        yield f"event {e.id} evidence", e.evidence.span, e.evidence.text
    for q in doc.quotes:
        yield f"quote {q.id}", q.span, q.text
        for name, qm in (("speaker_mention", q.speaker_mention), ("cue", q.cue)):
            if isinstance(qm, Mention):
                yield f"quote {q.id} {name}", qm.span, qm.text
    for t in doc.times:
        yield f"time {t.id}", t.span, t.text
    for p in doc.places:
        yield f"place {p.id}", p.span, p.text
    for i, r in enumerate(doc.relations):
        yield f"relation {i}", r.evidence.span, r.evidence.text


def problems(doc: Document) -> list[str]:
    """Everything wrong with a record's spans and references (empty when sound)."""
    out = []
    n = len(doc.text)
    for where, (start, end), text in _mentions(doc):
        if not (0 <= start <= end <= n):
            out.append(f"{where}: span {start}:{end} outside the text (length {n})")
        elif doc.text[start:end] != text:
            out.append(f"{where}: span {start}:{end} is {doc.text[start:end]!r}, record says {text!r}")
    actor_ids = {a.id for a in doc.actors}
    place_ids = {p.id for p in doc.places}
    for e in doc.events:
        for role, ref in (("source", e.source), ("target", e.target)):
            if ref is not None and ref not in actor_ids:
                out.append(f"event {e.id}: {role} {ref} is not an actor of the record")
        if e.place is not None and e.place not in place_ids:
            out.append(f"event {e.id}: place {e.place} is not a place of the record")
    for q in doc.quotes:
        if q.speaker is not None and q.speaker not in actor_ids:
            out.append(f"quote {q.id}: speaker {q.speaker} is not an actor of the record")
    for kind, ids in (("actor", [a.id for a in doc.actors]), ("event", [e.id for e in doc.events]),
                      ("quote", [q.id for q in doc.quotes]), ("time", [t.id for t in doc.times]),
                      ("place", [p.id for p in doc.places])):
        if len(ids) != len(set(ids)):
            out.append(f"duplicate {kind} ids: {sorted(ids)}")
    return out
