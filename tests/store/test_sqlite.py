"""The SQLite store: idempotent upserts keyed on a content hash, each document all or nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bilateral.errors import BilateralError
from bilateral.record import Actor, Document, Event, Mention, Time
from bilateral.store import Store


def _doc(doc_id: str = "d1", text: str = "Japan praised Kenya.", n_events: int = 1) -> Document:
    a1 = Actor("a1", "Japan", "country", "JPN", None, None, (Mention((0, 5), "Japan"),), 0.9)
    a2 = Actor("a2", "Kenya", "country", "KEN", None, None, (Mention((14, 19), "Kenya"),), 0.9)
    ev = tuple(Event(f"e{i}", "SUPPORT", None, ("diplomatic",), "051", 1, 3.5, "a1", "a2", "asserted", "2024-01-01",
                     None, 0, Mention((6, 13), "praised"), Mention((0, len(text)), text), 0.8, "verb praise")
               for i in range(n_events))
    t = Time("t1", "2024", (0, 4), "date", "2024", None)
    return Document(id=doc_id, text=text, published="2024-01-02", actors=(a1, a2), events=ev, times=(t,))


def test_insert_unchanged_update(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with Store(db) as s:
        assert s.upsert(_doc(), "h1") == "inserted"
        assert s.upsert(_doc(), "h1") == "unchanged"
        assert s.count("events") == 1
        assert s.upsert(_doc(n_events=3), "h2") == "updated"
        assert s.count("events") == 3 and s.count("documents") == 1
        row = s.rows("SELECT source_country, target_country, type FROM events WHERE id = 'e0'")[0]
        assert row == {"source_country": "JPN", "target_country": "KEN", "type": "SUPPORT"}
        back = s.get("d1")
        assert back == _doc(n_events=3)


def test_failed_write_leaves_old_rows(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with Store(db) as s:
        s.upsert(_doc(), "h1")
        bad = _doc(n_events=2)
        # two events with the same id break the primary key mid-transaction
        dup = Document(**{**bad.__dict__, "events": (bad.events[0], bad.events[0])})
        with pytest.raises(BilateralError):
            s.upsert(dup, "h2")
        assert s.stored_hash("d1") == "h1"
        assert s.count("events") == 1


def test_readonly_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(BilateralError, match="no store"):
        Store(tmp_path / "none.db", readonly=True)


def test_wal_mode_and_concurrent_reader(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with Store(db) as s:
        s.upsert(_doc("d1"), "h1")
        reader = sqlite3.connect(db)
        assert reader.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        s.upsert(_doc("d2"), "h2")
        assert reader.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 2
        reader.close()


def test_batched_upserts_are_visible_to_others_only_after_commit(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with Store(db) as s:
        reader = sqlite3.connect(db)
        assert s.upsert(_doc("d1"), "h1", commit=False) == "inserted"
        assert s.upsert(_doc("d2"), "h2", commit=False) == "inserted"
        assert s.upsert(_doc("d2"), "h2", commit=False) == "unchanged"  # its own pending rows count
        assert reader.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 0
        s.commit()
        assert reader.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 2
        s.upsert(_doc("d3"), "h3", commit=False)
        reader.close()
    with Store(db) as s:  # close commits what was pending
        assert s.count("documents") == 3


def test_a_failed_document_in_a_batch_leaves_the_others(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with Store(db) as s:
        s.upsert(_doc("d1"), "h1", commit=False)
        bad = _doc("d2", n_events=2)
        dup = Document(**{**bad.__dict__, "events": (bad.events[0], bad.events[0])})
        with pytest.raises(BilateralError):
            s.upsert(dup, "h2", commit=False)
        s.upsert(_doc("d3"), "h3", commit=False)
        s.commit()
        assert s.stored_hash("d1") == "h1" and s.stored_hash("d2") is None and s.stored_hash("d3") == "h3"
        assert s.count("events") == 2  # d1 and d3: nothing of d2
