"""The shared query layer: one filter spec -> rows, for events, actors and quotes."""

from __future__ import annotations

import dataclasses

import pytest

from bilateral.errors import BilateralError
from bilateral.query import EVENT_COLUMNS, Filter, actor_rows, event_rows, quote_rows
from bilateral.record import Document, Mention, Quote

from .corpus.make import doc


def _docs() -> list[Document]:
    base = [doc("post-1", "2024-05-17", [("CONSULT", "KHM", "KOR", "2024-05-16"), ("AID", "KOR", "KHM", "2024-05-16")]),
            doc("herald-1", "2024-05-18", [("CONSULT", "KOR", "KHM", "2024-05-16")]),
            doc("wire-1", "2024-06-18", [("ASSAULT", "CHN", "PHL", "2024-06-17"), ("ACCUSE", "PHL", "CHN", "2024-06-18")],
                statuses={1: "negated"})]
    quote = Quote(id="q1", kind="direct", text="We will expand cooperation", span=(0, 26), speaker="a1",
                  speaker_mention=Mention((0, 2), "he"), cue=Mention((0, 4), "said"), medium=None, date="2024-05-16")
    base[0] = dataclasses.replace(base[0], quotes=(quote,))
    return base


@pytest.mark.parametrize(("kw", "expected"), [
    ({}, {"CONSULT", "AID", "ASSAULT"}),
    ({"countries": ["PHL"]}, {"ASSAULT"}),
    ({"countries": ["kor", "KHM"]}, {"CONSULT", "AID"}),
    ({"countries": ["KHM", "PHL"]}, set()),
    ({"type": "aid"}, {"AID"}),
    ({"quad": 4}, {"ASSAULT"}),
    ({"status": "negated"}, {"ACCUSE"}),
    ({"date_from": "2024-06"}, {"ASSAULT"}),
    ({"date_to": "2024-05-16"}, {"CONSULT", "AID"}),
    ({"place": "seoul"}, {"CONSULT", "AID", "ASSAULT"}),
    ({"text": "herald consult"}, {"CONSULT"}),
    ({"sector": "MIL"}, set()),
])
def test_event_filters(kw: dict, expected: set[str]) -> None:
    rows = event_rows(_docs(), Filter.make(**kw))
    assert {r["type"] for r in rows} == expected


def test_events_are_deduplicated_by_default() -> None:
    rows = event_rows(_docs(), Filter.make(type="CONSULT"))
    assert len(rows) == 1
    assert rows[0]["articles"] == 2 and rows[0]["documents"] == "post-1;herald-1"
    assert set(rows[0]) == set(EVENT_COLUMNS)
    undeduped = event_rows(_docs(), Filter.make(type="CONSULT", dedup=False))
    assert len(undeduped) == 2 and {r["id"] for r in undeduped} == {"post-1/e1", "herald-1/e1"}


@pytest.mark.parametrize("kw", [{"countries": ["Cambodia"]}, {"quad": 5}, {"status": "maybe"},
                                {"date_from": "May 2024"}, {"countries": ["KHM", "KOR", "VNM"]}])
def test_bad_filters_are_refused(kw: dict) -> None:
    with pytest.raises(BilateralError):
        Filter.make(**kw)


def test_actor_rows_merge_across_documents() -> None:
    rows = actor_rows(_docs(), Filter.make(countries=["KHM"]))
    assert [(r["name"], r["documents"], r["first_published"], r["last_published"]) for r in rows] == \
        [("Cambodia", 2, "2024-05-17", "2024-05-18")]


def test_quote_rows_by_speaker() -> None:
    assert [r["text"] for r in quote_rows(_docs(), Filter.make(speaker="cambodia"))] == ["We will expand cooperation"]
    assert quote_rows(_docs(), Filter.make(speaker="Yoon")) == []
    assert len(quote_rows(_docs(), Filter.make(limit=1))) == 1
