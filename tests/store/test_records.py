"""The fast record serializer (store/records.py) writes exactly what ``Document.to_dict`` writes."""

from __future__ import annotations

import json
from pathlib import Path

import bilateral
from bilateral.record import Actor, Document, Event, Mention, Place, Quote, Relation, Time
from bilateral.store.records import record_dict, record_json

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "corpus" / "articles.jsonl"


def _full_document() -> Document:
    """Every section filled, every optional field set (or None), a non-ASCII text."""
    m = Mention(span=(0, 5), text="Kenya")
    return Document(
        id="d1", text="Kenya and Ethiopia signed a pact in Nairobi on Monday — “a new era”.", published="2024-01-02",
        title="Pact", source="Wire", url="https://example.org/a",
        actors=(Actor(id="a1", name="Kenya", kind="country", country="KEN", sector="GOV", title=None,
                      mentions=(m, Mention(span=(10, 18), text="Ethiopia")), confidence=0.9, rule="country:name"),),
        events=(Event(id="e1", type="AGREE", mode=None, contexts=("economic", "diplomatic"), cameo="057", quad=1,
                      intensity=4.5, source="a1", target=None, status="asserted", date="2024-01-01", place="p1",
                      sentence=0, trigger=Mention(span=(19, 25), text="signed"), evidence=m, confidence=0.8,
                      why="verb", quote="q1"),),
        quotes=(Quote(id="q1", kind="direct", text="a new era", span=(58, 67), speaker=None, speaker_mention=None,
                      cue=m, medium=None, date=None, sentence=1),),
        times=(Time(id="t1", text="Monday", span=(47, 53), type="date", value="2024-01-01", anchor="published",
                    rule="weekday", end=None),),
        places=(Place(id="p1", text="Nairobi", span=(36, 43), name="Nairobi", country="KE", lat=-1.28, lon=36.8,
                      geonameid=184745, feature="city", confidence=1.0),),
        relations=(Relation(countries=("KEN", "ETH"), level="embassy", status="established", date=None,
                            target_date="2025", evidence=m, surface="ties"),),
        warnings=("W201 no publication date",),
    )


def test_same_dict_and_key_order_as_to_dict() -> None:
    doc = _full_document()
    assert record_dict(doc) == doc.to_dict()
    assert list(record_dict(doc)) == list(doc.to_dict())
    assert record_json(doc) == json.dumps(doc.to_dict(), ensure_ascii=False)
    empty = Document(id="x", text="", published=None)
    assert record_json(empty) == json.dumps(empty.to_dict(), ensure_ascii=False)


def test_same_json_as_to_dict_on_extracted_records(engine: bilateral.Engine) -> None:
    items = [json.loads(line) for line in EXAMPLES.read_text(encoding="utf-8").splitlines() if line.strip()][:8]
    docs = list(engine.extract_many(items))
    assert any(d.events for d in docs) and any(d.quotes for d in docs)
    for doc in docs:
        assert record_json(doc) == json.dumps(doc.to_dict(), ensure_ascii=False)


def test_lists_are_fresh_objects() -> None:
    doc = _full_document()
    out = record_dict(doc)
    out["events"][0]["contexts"].append("changed")
    assert doc.events[0].contexts == ("economic", "diplomatic")
