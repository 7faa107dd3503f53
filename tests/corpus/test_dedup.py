"""Deduplication across documents: one event, many sources; stable ids; counts."""

from __future__ import annotations

import dataclasses

import pytest

from bilateral.corpus.dedup import deduplicate, duplicate_pairs, event_id, singletons
from bilateral.record import Document, Mention, Time

from .make import doc


def test_one_event_many_sources() -> None:
    docs = [doc("post-1", "2024-09-12", [("CONSULT", "KHM", "KOR", "2024-09-11")]),
            doc("herald-1", "2024-09-12", [("CONSULT", "KOR", "KHM", "2024-09-11")]),  # symmetric meeting
            doc("post-2", "2024-09-13", [("CONSULT", "KHM", "KOR", "2024-09-11"),
                                         ("CONSULT", "KHM", "KOR", "2024-09-11")])]
    events = deduplicate(docs)
    assert len(events) == 1
    ev = events[0]
    assert (ev.mentions, ev.articles, ev.sources) == (4, 3, 2)
    assert ev.date == "2024-09-11" and ev.date_basis == "event"
    assert {r.doc_id for r in ev.reports} == {"post-1", "herald-1", "post-2"}
    assert all(r.evidence for r in ev.reports)
    assert (ev.first_published, ev.last_published) == ("2024-09-12", "2024-09-13")


@pytest.mark.parametrize(("second", "merged"), [
    (("REQUEST", "KHM", "KOR", "2024-09-12"), True),   # one day off: same event
    (("REQUEST", "KHM", "KOR", "2024-09-20"), False),  # outside the window
    (("REQUEST", "KOR", "KHM", "2024-09-11"), False),  # a request is directed
    (("ACCUSE", "KHM", "KOR", "2024-09-11"), False),   # another type
    (("REQUEST", "KHM", "VNM", "2024-09-11"), False),  # another dyad
    (("REQUEST", "KHM", "KOR", "2024-09"), True),      # a month-only date joins that month's cluster
])
def test_same_event_or_not(second: tuple[str, str, str, str], merged: bool) -> None:
    docs = [doc("a-1", "2024-09-12", [("REQUEST", "KHM", "KOR", "2024-09-11")]), doc("b-1", "2024-09-21", [second])]
    assert (len(deduplicate(docs)) == 1) is merged


def test_status_splits_and_negated_are_not_counted() -> None:
    docs = [doc("a-1", "2024-09-12", [("AID", "KOR", "KHM", "2024-09-11")]),
            doc("b-1", "2024-09-12", [("AID", "KOR", "KHM", "2024-09-11")], statuses={0: "future"}),
            doc("c-1", "2024-09-12", [("AID", "KOR", "KHM", "2024-09-11")], statuses={0: "negated"})]
    events = deduplicate(docs)
    assert sorted(e.status for e in events) == ["asserted", "future"]
    assert [e.status for e in deduplicate(docs, statuses=("negated",))] == ["negated"]


def test_undated_event_takes_the_publication_date() -> None:
    events = deduplicate([doc("a-1", "2024-03-02", [("SANCTION", "USA", "CHN", None)]),
                          doc("b-1", "2024-03-03", [("SANCTION", "USA", "CHN", None)])])
    assert len(events) == 1
    assert (events[0].date, events[0].date_basis) == ("2024-03-02", "published")


def test_ids_are_stable_and_order_free() -> None:
    docs = [doc("a-1", "2024-09-12", [("CONSULT", "KHM", "KOR", "2024-09-11")]),
            doc("b-1", "2024-09-14", [("CONSULT", "KHM", "KOR", "2024-09-12")]),
            doc("c-1", "2024-09-14", [("CONSULT", "KHM", "KOR", "2024-09-11")])]
    first = [e.id for e in deduplicate(docs)]
    assert first == [e.id for e in deduplicate(list(reversed(docs)))]
    assert first == [event_id(("KHM", "KOR"), "CONSULT", "asserted", "2024-09-11")]  # the most reported day
    assert first[0].startswith("ce-")


def test_singletons_and_pairs() -> None:
    docs = [doc("a-1", "2024-09-12", [("CONSULT", "KHM", "KOR", "2024-09-11")]),
            doc("b-1", "2024-09-12", [("CONSULT", "KHM", "KOR", "2024-09-11")]),
            doc("c-1", "2024-10-12", [("CONSULT", "KHM", "KOR", "2024-10-11")])]
    assert duplicate_pairs(deduplicate(docs)) == {("a-1", "b-1")}
    singles = singletons(docs)
    assert len(singles) == 3 and len({e.id for e in singles}) == 3
    assert duplicate_pairs(singles) == set()


def _partial(doc_id: str, src: str, date: str) -> Document:
    d = doc(doc_id, "2024-07-03", [("CONSULT", src, "KOR", date)])
    return dataclasses.replace(d, events=tuple(dataclasses.replace(e, target=None) for e in d.events))


def test_a_report_missing_one_side_joins_the_one_matching_event() -> None:
    full = doc("a-1", "2024-07-03", [("CONSULT", "CHN", "PHL", "2024-07-02")])
    events = deduplicate([full, _partial("b-1", "CHN", "2024-07-02")])
    assert len(events) == 1 and events[0].articles == 2 and events[0].target_country == "PHL"
    # two candidate events: ambiguous, the partial report stays on its own
    other = doc("c-1", "2024-07-03", [("CONSULT", "CHN", "VNM", "2024-07-02")])
    assert len(deduplicate([full, other, _partial("b-1", "CHN", "2024-07-02")])) == 3
    # another source country: no match
    assert len(deduplicate([full, _partial("b-1", "JPN", "2024-07-02")])) == 2


def test_symmetric_events_keep_names_with_their_countries() -> None:
    events = deduplicate([doc("a-1", "2024-11-20", [("COOPERATE", "KOR", "KHM", "2024-11-19")])])
    ev = events[0]
    assert (ev.source_country, ev.source_name, ev.target_country, ev.target_name) == \
        ("KHM", "Cambodia", "KOR", "South Korea")


@pytest.mark.parametrize(("phrase", "value", "kind", "end", "deadline"), [
    ("by 2028", "2028", "date", None, "2028"),
    ("within the next three years", "P3Y", "duration", "2027", "2027"),
    ("in 2023", "2023", "date", None, None),  # not a deadline word, and in the past
    ("by 2023", "2023", "date", None, None),  # before publication: not a deadline
])
def test_deadlines_stated_in_the_evidence(phrase: str, value: str, kind: str, end: str | None,
                                          deadline: str | None) -> None:
    base = doc("a-1", "2024-05-20", [("AGREE", "KOR", "KHM", "2024-05-20")], statuses={0: "future"})
    text = f"South Korea will provide Cambodia with loans {phrase}."
    start = text.index(phrase) + (3 if phrase.startswith(("by ", "in ")) else 0)
    t = Time(id="t1", text=text[start:text.index(phrase) + len(phrase)], span=(start, text.index(phrase) + len(phrase)),
             type=kind, value=value, anchor="published", end=end)
    ev = dataclasses.replace(base.events[0], evidence=Mention((0, len(text)), text),
                             trigger=Mention((17, 24), "provide"))
    d = dataclasses.replace(base, text=text, events=(ev,), times=(t,))
    assert deduplicate([d])[0].deadline == deadline
