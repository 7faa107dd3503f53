"""``bilateral extract``: formats, the store, re-runs, and bad input in the middle of a batch."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bilateral.cli import main
from bilateral.schema import validate

ARTICLE = "Kenya and Ethiopia agreed on Monday to expand trade.\nThe two ministers met in Nairobi."


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_batch_with_bad_inputs_stores_the_rest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE)
    (corpus / "b.jsonl").write_text(json.dumps({"id": "b1", "text": "Japan thanked Korea.", "published": "2024-01-05"})
                                    + "\n{broken\n" + json.dumps({"id": "b3", "text": "Chile praised Peru."}) + "\n")
    (corpus / "empty.txt").write_text("")
    (corpus / "bin.txt").write_bytes(b"\x00\x01")
    db = tmp_path / "x.db"
    code, out, err = _run(capsys, "extract", str(corpus), str(tmp_path / "missing.txt"), "--db", str(db),
                          "--published", "2024-02-01")
    assert code == 1  # something failed
    records = [json.loads(line) for line in out.splitlines()]
    assert sorted(r["id"] for r in records if r["id"].startswith("b")) == ["b1", "b3"]
    assert len(records) == 3
    for r in records:
        validate(r)
    assert {r["id"]: r["published"] for r in records}["b1"] == "2024-01-05"
    assert {r["id"]: r["published"] for r in records}["b3"] == "2024-02-01"
    assert "b.jsonl:2" in err and "missing.txt" in err and "empty.txt" in err and "bin.txt" in err
    con = sqlite3.connect(db)
    assert con.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 3
    con.close()


def test_rerun_changes_nothing_and_changed_document_replaces_rows(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "c.jsonl"
    db = tmp_path / "s.db"
    src.write_text(json.dumps({"id": "k", "text": ARTICLE, "published": "2024-03-04"}) + "\n")
    assert _run(capsys, "extract", str(src), "--db", str(db), "-o", str(tmp_path / "o1.jsonl"))[0] == 0
    con = sqlite3.connect(db)
    before = con.execute("SELECT hash, stored_at, record FROM documents").fetchall()
    code, _, err = _run(capsys, "extract", str(src), "--db", str(db), "-o", str(tmp_path / "o2.jsonl"))
    assert code == 0 and "1 unchanged" in err
    assert con.execute("SELECT hash, stored_at, record FROM documents").fetchall() == before
    assert (tmp_path / "o1.jsonl").read_text() == (tmp_path / "o2.jsonl").read_text()
    src.write_text(json.dumps({"id": "k", "text": "Peru accused Chile of spying.", "published": "2024-03-04"}) + "\n")
    code, _, err = _run(capsys, "extract", str(src), "--db", str(db), "--no-store", "-o", str(tmp_path / "o3.jsonl"))
    assert con.execute("SELECT record FROM documents").fetchall() == [(before[0][2],)]  # --no-store wrote nothing
    code, _, err = _run(capsys, "extract", str(src), "--db", str(db), "-o", str(tmp_path / "o3.jsonl"))
    assert "1 updated" in err
    (record,) = con.execute("SELECT record FROM documents").fetchone()
    assert "Peru accused Chile" in record
    assert con.execute("SELECT COUNT(*) FROM times WHERE doc_id='k' AND text LIKE '%Monday%'").fetchone()[0] == 0
    con.close()


def test_json_and_table_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE)
    code, out, _ = _run(capsys, "extract", str(src), "--no-store", "--format", "json", "--published", "2024-01-01")
    assert code == 0
    [record] = json.loads(out)
    assert record["text"] == ARTICLE
    code, out, _ = _run(capsys, "extract", str(src), "--no-store", "--format", "table")
    assert code == 0
    for section in ("Actors", "Events", "Quotes", "Times", "Relations"):
        assert section in out


def test_stdin_through_the_installed_command(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "bilateral", "extract", "-", "--no-store", "--published",
                           "2024-06-01"], input=ARTICLE, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    [record] = [json.loads(x) for x in proc.stdout.splitlines()]
    assert record["text"] == ARTICLE and record["published"] == "2024-06-01"


def test_no_command_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "extract" in capsys.readouterr().out
