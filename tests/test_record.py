"""The record contract: real output validates against the shipped JSON Schema and round-trips."""

from __future__ import annotations

import json

import bilateral
from bilateral.record import SCHEMA, Document
from bilateral.schema import document_schema, validate

TEXT = ("Japanese Prime Minister Shigeru Ishiba met Indian Prime Minister Narendra Modi in Tokyo on Friday.\n"
        "“Our two countries share a vision of a free and open Indo-Pacific,” Ishiba said.\n"
        "India and Japan agreed to expand defence cooperation, and Modi thanked Japan for its investment.")


def test_real_output_validates_and_round_trips(engine: bilateral.Engine) -> None:
    doc = engine.extract(TEXT, published="2025-08-30", id="jpn-ind")
    record = doc.to_dict()
    validate(record)
    assert list(record)[:2] == ["schema", "id"] and record["schema"] == SCHEMA
    assert set(document_schema()["required"]) == set(record)
    again = Document.from_dict(json.loads(json.dumps(record)))
    assert again == doc


def test_every_span_indexes_its_text(engine: bilateral.Engine) -> None:
    doc = engine.extract(TEXT, published="2025-08-30")
    text = doc.text
    spans = []
    for a in doc.actors:
        spans += [(m.span, m.text) for m in a.mentions]
    for e in doc.events:
        spans += [(e.trigger.span, e.trigger.text), (e.evidence.span, e.evidence.text)]
    for q in doc.quotes:
        spans.append((q.span, q.text))
        spans += [(m.span, m.text) for m in (q.speaker_mention, q.cue) if m]
    spans += [(t.span, t.text) for t in doc.times] + [(p.span, p.text) for p in doc.places]
    spans += [(r.evidence.span, r.evidence.text) for r in doc.relations]
    for (s, e), t in spans:
        assert text[s:e] == t
