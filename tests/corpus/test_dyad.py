"""The dyad report: relation history, open proposals, requests and promises, monthly counts."""

from __future__ import annotations

from bilateral.corpus.dyad import dyad_report

from .make import doc, relation


def _docs() -> list:
    return [
        doc("post-1", "2024-05-17", [("CONSULT", "KHM", "KOR", "2024-05-16"), ("AID", "KOR", "KHM", "2024-05-16")],
            relations=(relation("KHM", "KOR", "strategic partnership", "established", date="2024-05"),)),
        doc("herald-1", "2024-05-18", [("CONSULT", "KOR", "KHM", "2024-05-16")],
            relations=(relation("KOR", "KHM", "strategic partnership", "established", date="2024-05-16"),
                       relation("KHM", "KOR", "diplomatic relations", "established", date="1997"))),
        doc("post-2", "2024-09-13", [("REQUEST", "KHM", "KOR", "2024-09-11"), ("ACCUSE", "KHM", "VNM", "2024-09-11"),
                                     ("AID", "KOR", "KHM", "2025-01")],
            statuses={2: "future"},
            relations=(relation("KHM", "KOR", "comprehensive strategic partnership", "proposed", target="2027"),
                       relation("KHM", "KOR", "diplomatic relations", "established", date="1997"))),
    ]


def test_history_merges_sources_and_orders_by_date() -> None:
    rep = dyad_report(_docs(), "KOR", "KHM")
    assert rep.countries == ("KHM", "KOR")
    steps = [(s.level, s.status, s.date or s.target_date) for s in rep.history]
    assert steps == [("diplomatic relations", "established", "1997"),
                     ("strategic partnership", "established", "2024-05-16"),
                     ("comprehensive strategic partnership", "proposed", "2027")]
    assert [len(s.sources) for s in rep.history] == [2, 2, 1]
    assert rep.current == "strategic partnership"
    assert [s.level for s in rep.open_proposals] == ["comprehensive strategic partnership"]


def test_a_later_establishment_closes_the_proposal() -> None:
    docs = [*_docs(), doc("post-3", "2027-06-01", relations=(
        relation("KHM", "KOR", "comprehensive strategic partnership", "established", date="2027-05"),))]
    rep = dyad_report(docs, "KHM", "KOR")
    assert rep.open_proposals == ()
    assert rep.current == "comprehensive strategic partnership"


def test_severance_ends_the_standing() -> None:
    docs = [doc("x-1", "2016-01-04", relations=(relation("IRN", "SAU", "diplomatic relations", "severed",
                                                          date="2016-01-03"),)),
            doc("x-0", "2015-01-04", relations=(relation("IRN", "SAU", "diplomatic relations", "established",
                                                          date="1929"),))]
    assert dyad_report(docs, "SAU", "IRN").current == "severed"


def test_requests_promises_and_months() -> None:
    rep = dyad_report(_docs(), "KHM", "KOR")
    assert [(e.type, e.source_country) for e in rep.requests] == [("REQUEST", "KHM")]
    assert [(e.type, e.date) for e in rep.promises] == [("AID", "2025-01")]
    assert rep.to_dict()["promises"][0]["deadline"] == "2025-01"  # type: ignore[index]
    months = {m.month: m for m in rep.months}
    assert sorted(months) == ["2024-05", "2024-09"]  # the ACCUSE against Vietnam is another dyad
    may = months["2024-05"]
    assert may.quads == (1, 1, 0, 0) and may.events == 2  # the meeting reported twice counts once
    assert may.mean_intensity == 5.5
    assert months["2024-09"].quads == (0, 0, 1, 0)
    assert rep.documents == 3
