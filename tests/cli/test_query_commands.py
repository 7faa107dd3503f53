"""The store query commands: events, actors, quotes, dyad, export (thin wrappers over query/corpus)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from bilateral.cli import main
from bilateral.store import Store

from ..corpus.make import doc, relation


@pytest.fixture()
def db(tmp_path: Path) -> str:
    path = tmp_path / "t.db"
    docs = [doc("post-1", "2024-05-17", [("CONSULT", "KHM", "KOR", "2024-05-16"), ("REQUEST", "KHM", "KOR", "2024-05-16")],
                relations=(relation("KHM", "KOR", "strategic partnership", "established", date="2024-05"),
                           relation("KHM", "KOR", "comprehensive strategic partnership", "proposed", target="2027"))),
            doc("herald-1", "2024-05-18", [("CONSULT", "KOR", "KHM", "2024-05-16")]),
            doc("wire-1", "2024-06-18", [("ASSAULT", "CHN", "PHL", "2024-06-17")])]
    with Store(path) as store:
        for d in docs:
            store.upsert(d, d.id)
    return str(path)


def test_events_jsonl_deduplicated(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["events", "--db", db, "--format", "jsonl", "--country", "KHM", "--country", "KOR"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert sorted((r["type"], r["articles"]) for r in rows) == [("CONSULT", 2), ("REQUEST", 1)]


def test_events_csv_and_table(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["events", "--db", db, "--format", "csv", "--quad", "4"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["type"], r["source_country"]) for r in rows] == [("ASSAULT", "CHN")]
    assert main(["events", "--db", db, "--no-dedup"]) == 0
    assert "4 event(s)" in capsys.readouterr().out


def test_bad_filter_is_an_error(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["events", "--db", db, "--country", "Cambodia"]) == 2
    assert "E301" in capsys.readouterr().err


def test_missing_store_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["actors", "--db", str(tmp_path / "none.db")]) == 2
    assert "E201" in capsys.readouterr().err


def test_actors_and_quotes(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["actors", "--db", db, "--format", "jsonl", "--country", "PHL"]) == 0
    assert [json.loads(x)["name"] for x in capsys.readouterr().out.splitlines()] == ["Philippines"]
    assert main(["quotes", "--db", db, "--format", "jsonl", "--speaker", "Hun Sen"]) == 0
    assert capsys.readouterr().out == ""


def test_dyad(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["dyad", "KOR", "KHM", "--db", db, "--format", "json"]) == 0
    rep = json.loads(capsys.readouterr().out)
    assert rep["current"] == "strategic partnership"
    assert [p["level"] for p in rep["open_proposals"]] == ["comprehensive strategic partnership"]
    assert [r["type"] for r in rep["requests"]] == ["REQUEST"]
    assert rep["months"] == [{"month": "2024-05", "quad1": 1, "quad2": 0, "quad3": 1, "quad4": 0, "events": 2,
                              "mean_intensity": 0.0}]
    assert main(["dyad", "KHM", "KOR", "--db", db]) == 0
    assert "relation history" in capsys.readouterr().out


def test_export(db: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["export", "--db", db, "--out", str(out), "--format", "jsonl", "--table", "gdelt"]) == 0
    rows = [json.loads(x) for x in (out / "gdelt.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(r["NumArticles"] for r in rows) == [1, 1, 2]
