"""Exports: section tables and POLECAT-like / GDELT-like event tables as CSV, JSONL and Parquet."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from bilateral.corpus.dedup import deduplicate
from bilateral.errors import BilateralError
from bilateral.record import Document
from bilateral.store.export import COLUMNS, EVENT_TABLES, SECTION_TABLES, export, gdelt_rows, polecat_rows

from ..corpus.make import doc, relation


def _docs() -> list[Document]:
    return [doc("post-1", "2024-05-17", [("CONSULT", "KHM", "KOR", "2024-05-16"), ("AID", "KOR", "KHM", "2024-05-16")],
                relations=(relation("KHM", "KOR", "strategic partnership", "established", date="2024-05"),)),
            doc("herald-1", "2024-05-18", [("CONSULT", "KOR", "KHM", "2024-05-16")])]


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_every_table_round_trips(tmp_path: Path, fmt: str) -> None:
    docs = _docs()
    paths = export(docs, tmp_path, fmt=fmt, events=deduplicate(docs))
    assert sorted(p.name for p in paths) == sorted(f"{t}.{fmt}" for t in (*SECTION_TABLES, *EVENT_TABLES))
    tables = {p.stem: _read(p, fmt) for p in paths}
    for name, rows in tables.items():
        assert all(list(r) == [c for c, _ in COLUMNS[name]] for r in rows), name
    assert len(tables["documents"]) == 2 and len(tables["events"]) == 3
    assert len(tables["corpus_events"]) == 2  # the meeting reported twice is one event
    consult = next(r for r in tables["gdelt"] if r["PLOVERType"] == "CONSULT")
    assert str(consult["NumArticles"]) == "2" and str(consult["SQLDATE"]) == "20240516"
    assert tables["relations"][0]["level"] == "strategic partnership"


def _read(path: Path, fmt: str) -> list[dict]:
    if fmt == "csv":
        with path.open(encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(fh))
    if fmt == "jsonl":
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    import pyarrow.parquet as pq

    return pq.read_table(path).to_pylist()


def test_parquet_types(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    docs = _docs()
    export(docs, tmp_path, fmt="parquet", events=deduplicate(docs), tables=["gdelt", "places"])
    schema = pq.read_schema(tmp_path / "gdelt.parquet")
    assert str(schema.field("SQLDATE").type) == "int64" and str(schema.field("GoldsteinScale").type) == "double"
    assert str(pq.read_schema(tmp_path / "places.parquet").field("lat").type) == "double"


def test_event_table_columns() -> None:
    events = deduplicate(_docs())
    p = next(r for r in polecat_rows(events) if r["Event Type"] == "consult")
    g = next(r for r in gdelt_rows(events) if r["PLOVERType"] == "CONSULT")
    assert (p["Event Type"], p["Actor Country"], p["Placename"], p["Latitude"]) == ("consult", "KHM", "Seoul", 37.566)
    assert (g["Actor1CountryCode"], g["Actor2CountryCode"], g["QuadClass"], g["ActionGeo_FeatureID"]) == \
        ("KHM", "KOR", 1, "1835848")
    assert g["MonthYear"] == 202405 and g["DATEADDED"] == 20240517


def test_event_tables_need_events(tmp_path: Path) -> None:
    with pytest.raises(BilateralError):
        export(_docs(), tmp_path, tables=["gdelt"])
    with pytest.raises(BilateralError):
        export(_docs(), tmp_path, tables=["nope"])


def test_duckdb_query_of_the_docs(tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    docs = _docs()
    export(docs, tmp_path, fmt="parquet", events=deduplicate(docs))
    sql = (Path(__file__).resolve().parents[2] / "docs" / "exports.md").read_text(encoding="utf-8")
    query = sql.split("```sql", 1)[1].split("```", 1)[0].replace("out/", f"{tmp_path}/")
    rows = duckdb.sql(query).fetchall()
    assert rows and rows[0][0] == "2024-05"
