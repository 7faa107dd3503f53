"""``--dask local:2``: a real LocalCluster (2 worker processes) gives the records of a local run."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bilateral.cli import main
from bilateral.errors import BilateralError
from bilateral.run.dask import open_client


@pytest.mark.slow
def test_local_cluster_gives_the_same_records_parts_and_store(corpus: Path, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(corpus), "--db", str(tmp_path / "one.db"), "-o", str(tmp_path / "one.jsonl"),
                 "--quiet"]) == 0
    db = tmp_path / "dask.db"
    assert main(["extract", str(corpus), "--db", str(db), "-o", str(tmp_path / "dask.jsonl"),
                 "--dask", "local:2"]) == 0
    err = capsys.readouterr().err
    assert "24 new" in err
    expected = (tmp_path / "one.jsonl").read_text(encoding="utf-8")
    assert (tmp_path / "dask.jsonl").read_text(encoding="utf-8") == expected
    parts = sorted((tmp_path / "dask.parts").glob("part-*.jsonl"))  # partitioned JSONL beside the store
    assert parts and "".join(p.read_text(encoding="utf-8") for p in parts) == expected
    con = sqlite3.connect(db)
    one = sqlite3.connect(tmp_path / "one.db")
    q = "SELECT id, hash, record FROM documents ORDER BY id"
    assert con.execute(q).fetchall() == one.execute(q).fetchall()
    con.close()
    one.close()


@pytest.mark.parametrize("address", ["local:0", "local:two"])
def test_bad_local_cluster_sizes_are_explained(address: str) -> None:
    with pytest.raises(BilateralError, match="local:N"):
        open_client(address)
