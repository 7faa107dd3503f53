"""Bad input in one mixed batch through ``bilateral extract``: every bad document gets its documented
behaviour (a coded problem or a coded warning), and the rest of the batch is extracted, written out
and stored. The table of behaviours is ``docs/reliability.md``."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest

from bilateral.cli import main
from bilateral.schema import validate
from bilateral.settings import Settings
from bilateral.store.sqlite import SECTIONS

ROOT = Path(__file__).resolve().parents[2]
GOOD = ("Kenya and Ethiopia agreed on Monday to expand trade. The two ministers met in Nairobi on Tuesday.\n\n"
        "\"We will not accept interference,\" Foreign Minister Amina Odhiambo told reporters.")
FRENCH = ("Le ministre des Affaires étrangères a rencontré son homologue à Paris pour discuter de la coopération "
          "entre les deux pays. Les deux gouvernements ont signé un accord sur le commerce et la sécurité dans "
          "la région, selon un communiqué publié par le ministère.")
#: a long single-line document: 10 MB of one paragraph with no line break.
HUGE_CHARS = 10_000_000
MAX_CHARS = 20_000
NESTING = 5_000


def _write_batch(folder: Path) -> dict[str, str]:
    """The mixed batch; returns {what: file name}."""
    folder.mkdir()
    files = {
        "good_txt": "a_good.txt",
        "empty": "b_empty.txt",
        "blank": "c_blank.txt",
        "binary": "d_binary.txt",
        "latin1": "e_latin1.txt",
        "huge": "f_huge.txt",
        "deep_html": "g_deep.html",
        "jsonl": "h_mixed.jsonl",
        "csv": "i_ragged.csv",
    }
    (folder / files["good_txt"]).write_text(GOOD, encoding="utf-8")
    (folder / files["empty"]).write_bytes(b"")
    (folder / files["blank"]).write_bytes(b"  \n\t \r\n  ")
    (folder / files["binary"]).write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (folder / files["latin1"]).write_bytes(("Chile recalled its ambassador from Peru after a border dispute, "
                                            "the ministry in Santiago said on Monday. Señor Pérez left.")
                                           .encode("latin-1"))
    sentence = "Japan accused South Korea of violating its airspace near the disputed islands last week. "
    huge = (sentence * (HUGE_CHARS // len(sentence) + 1))[:HUGE_CHARS]
    assert "\n" not in huge
    (folder / files["huge"]).write_text(huge, encoding="utf-8")
    (folder / files["deep_html"]).write_text(
        "<html><head><title>Deep</title></head><body>" + "<div>" * NESTING
        + "<p>Germany pledged 200 million euros in aid to Ukraine, the chancellor said in Berlin.</p>"
        + "</div>" * NESTING + "</body></html>", encoding="utf-8")
    rows = [
        json.dumps({"id": "j1", "text": GOOD, "published": "2024-05-01"}),
        "{\"id\": \"j2\", \"text\": \"cut off in the mid",  # malformed, in the middle
        json.dumps({"id": "j3", "text": FRENCH, "published": "2024-05-02"}),
        "[1, 2, 3]",
        json.dumps({"id": "j5", "text": "Police in Lima arrested 40 protesters after clashes near parliament."}),
        json.dumps({"id": "j6", "text": "Chile recalled its ambassador from Peru.", "published": "2024-05-03"}),
        json.dumps({"id": "j1", "text": "A different text under an id already used.", "published": "2024-05-04"}),
        json.dumps({"id": "j8", "title": "no text field"}),
        json.dumps({"id": "j9", "text": "Thousands of teachers marched through Athens.", "published": "2024-05-05"}),
        # a lone surrogate escape (valid JSON, not a character: cannot be written as UTF-8)
        '{"id": "j10", "text": "Kenya \\ud800 agreed to expand trade with Ethiopia.", "title": "T\\udfff"}',
        "[" * 100_000 + "]" * 100_000,  # JSON nested past Python's recursion limit
        json.dumps({"id": "j12", "text": "Chile praised Peru.", "published": "2024-05-06"}),
    ]
    (folder / files["jsonl"]).write_text("\n".join(rows) + "\n", encoding="utf-8")
    (folder / files["csv"]).write_text(
        'id,text,published\n'
        'c1,"Japan thanked South Korea for its help.",2024-06-01\n'
        'c2,too,many,fields,here\n'
        'c3\n'
        'c4,"Chile praised Peru, and the talks went on.",2024-06-02\n', encoding="utf-8")
    return files


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    tmp = tmp_path_factory.mktemp("bad-input")
    files = _write_batch(tmp / "corpus")
    db = tmp / "store.db"
    out = tmp / "out.jsonl"
    capture = pytest.MonkeyPatch()
    import io
    import sys

    err = io.StringIO()
    capture.setattr(sys, "stderr", err)
    try:
        code = main(["extract", str(tmp / "corpus"), "--db", str(db), "-o", str(out),
                     "--max-chars", str(MAX_CHARS)])
    finally:
        capture.undo()
    records = {r["id"]: r for r in (json.loads(line) for line in out.read_text(encoding="utf-8").splitlines())}
    return {"code": code, "err": err.getvalue(), "records": records, "db": db, "files": files,
            "corpus": tmp / "corpus"}


def _by_origin(batch: dict[str, object], name: str) -> dict[str, object]:
    """The record read from file ``name`` (the only one from that file)."""
    from bilateral.ingest import Article, read_path

    [art] = [a for a in read_path(Path(str(batch["corpus"])) / name) if isinstance(a, Article)]
    records = batch["records"]
    assert isinstance(records, dict)
    return records[art.doc_id]


def _problem_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("warning ")]


def test_bad_files_are_reported_with_their_code_and_the_batch_goes_on(batch: dict[str, object]) -> None:
    err = str(batch["err"])
    files = batch["files"]
    assert isinstance(files, dict)
    assert batch["code"] == 1  # input problems make the exit status 1, never a crash
    problems = _problem_lines(err)
    expected = {
        f"{files['empty']}: [E107]", f"{files['blank']}: [E107]", f"{files['binary']}: [E106]",
        f"{files['jsonl']}:2: [E110]", f"{files['jsonl']}:4: [E111]", f"{files['jsonl']}:7: [E116]",
        f"{files['jsonl']}:8: [E112]", f"{files['jsonl']}:11: [E110]", f"{files['csv']}:3: [E115]",
        f"{files['csv']}:4: [E115]",
    }
    for needle in expected:
        assert any(needle in line for line in problems), f"no problem {needle!r} in:\n{err}"
    assert "Traceback" not in err
    # the summary line counts them
    m = re.search(r"(\d+) input problem\(s\)", err)
    assert m is not None and int(m.group(1)) == len(problems)


def test_the_rest_of_the_batch_is_written_and_stored(batch: dict[str, object]) -> None:
    records = batch["records"]
    assert isinstance(records, dict)
    for rec in records.values():
        validate(rec)
    for doc_id in ("j1", "j3", "j5", "j6", "j9", "j10", "j12", "c1", "c4"):
        assert doc_id in records
    assert records["j1"]["text"] == json.loads(
        Path(str(batch["corpus"]), "h_mixed.jsonl").read_text(encoding="utf-8").splitlines()[0])["text"]
    con = sqlite3.connect(str(batch["db"]))
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = {row[0]: json.loads(row[1]) for row in con.execute("SELECT id, record FROM documents")}
        assert set(stored) == set(records)  # everything written out is stored, nothing else
        for doc_id, rec in records.items():
            assert stored[doc_id] == rec
            for table in SECTIONS:
                n = con.execute(f"SELECT COUNT(*) FROM {table} WHERE doc_id = ?", (doc_id,)).fetchone()[0]
                assert n == len(rec[table]), (doc_id, table)
    finally:
        con.close()


def test_invalid_utf8_is_replaced_and_warned(batch: dict[str, object]) -> None:
    rec = _by_origin(batch, "e_latin1.txt")
    assert "\ufffd" in rec["text"] and "Peru" in rec["text"]
    assert any(w.startswith("W001") for w in rec["warnings"])
    assert rec["events"]  # the readable rest is still annotated


def test_lone_surrogates_are_replaced_and_warned(batch: dict[str, object]) -> None:
    records = batch["records"]
    assert isinstance(records, dict)
    rec = records["j10"]
    assert rec["text"] == "Kenya \ufffd agreed to expand trade with Ethiopia." and rec["title"] == "T\ufffd"
    assert any(w.startswith("W001") for w in rec["warnings"])
    assert rec["events"]


def test_huge_single_line_document_is_cut_at_max_chars(batch: dict[str, object]) -> None:
    rec = _by_origin(batch, "f_huge.txt")
    assert len(rec["text"]) == MAX_CHARS
    [w101] = [w for w in rec["warnings"] if w.startswith("W101")]
    assert f"{HUGE_CHARS:,}" in w101 and f"{MAX_CHARS:,}" in w101
    for ev in rec["events"]:
        s, e = ev["evidence"]["span"]
        assert rec["text"][s:e] == ev["evidence"]["text"]


def test_deeply_nested_html_keeps_its_text(batch: dict[str, object]) -> None:
    # lxml drops content nested deeper than 256 elements, silently: the reader takes the visible text
    assert not [line for line in _problem_lines(str(batch["err"])) if "g_deep.html" in line]
    rec = _by_origin(batch, "g_deep.html")
    assert rec["text"].startswith("Germany pledged 200 million euros")
    assert any(w.startswith("W002") for w in rec["warnings"])
    assert rec["title"] == "Deep"


def test_non_english_text_is_warned_and_not_annotated(batch: dict[str, object]) -> None:
    records = batch["records"]
    assert isinstance(records, dict)
    rec = records["j3"]
    assert any(w.startswith("W104") for w in rec["warnings"])
    for section in ("events", "actors", "quotes", "relations"):
        assert rec[section] == [], section


def test_document_without_a_date_is_warned(batch: dict[str, object]) -> None:
    records = batch["records"]
    assert isinstance(records, dict)
    assert records["j5"]["published"] is None
    assert any(w.startswith("W201") for w in records["j5"]["warnings"])
    assert not any(w.startswith("W201") for w in records["j6"]["warnings"])


def test_duplicate_id_keeps_the_first_text(batch: dict[str, object]) -> None:
    records = batch["records"]
    assert isinstance(records, dict)
    assert records["j1"]["text"] == GOOD and records["j1"]["published"] == "2024-05-01"


def test_oversize_skip_is_a_warning_not_a_crash(engine: object, tmp_path: Path) -> None:
    import bilateral

    eng = bilateral.load(max_chars=100, oversize="skip")
    doc = eng.extract(GOOD * 3, published="2024-01-01")
    assert doc.text == "" and doc.events == ()
    assert any(w.startswith("W102") for w in doc.warnings)


def test_the_default_size_limit_is_documented() -> None:
    limit = Settings().max_chars
    doc = (ROOT / "docs" / "reliability.md").read_text(encoding="utf-8")
    assert f"{limit:,}" in doc and "--max-chars" in doc and "max_chars" in doc


@pytest.mark.parametrize("depth", [10, 250, 300, 5_000])
def test_nested_html_at_any_depth(depth: int) -> None:
    from bilateral.ingest import Article, article_from_html

    body = "<p>" + "Chile recalled its ambassador from Peru after a border dispute, officials said. " * 4 + "</p>"
    html = "<html><body>" + "<div>" * depth + body + "</div>" * depth + "</body></html>"
    art = article_from_html(html)
    assert isinstance(art, Article)
    assert "Chile recalled its ambassador" in art.text
    assert any(w.startswith("W002") for w in art.warnings) == (depth > 250)


@pytest.mark.parametrize("overrides", [{"max_chars": -5}, {"max_chars": 0}, {"oversize": "skp"}, {"batch_size": 0},
                                       {"codes": "gdelt"}])
def test_bad_limits_are_refused_not_applied(overrides: dict[str, object]) -> None:
    # --max-chars -5 used to cut the last five characters of every document, "the first -5 processed"
    from bilateral.errors import BilateralError

    with pytest.raises(BilateralError) as info:
        Settings().with_overrides(**overrides)
    assert info.value.code == "E013" and next(iter(overrides)) in str(info.value)


@pytest.mark.slow
def test_the_same_batch_with_two_worker_processes_gives_the_same_records(batch: dict[str, object],
                                                                        tmp_path: Path) -> None:
    out = tmp_path / "out2.jsonl"
    code = main(["extract", str(batch["corpus"]), "--db", str(tmp_path / "s2.db"), "-o", str(out),
                 "--max-chars", str(MAX_CHARS), "--jobs", "2", "--quiet"])
    assert code == 1
    records = {r["id"]: r for r in (json.loads(line) for line in out.read_text(encoding="utf-8").splitlines())}
    assert records == batch["records"]
