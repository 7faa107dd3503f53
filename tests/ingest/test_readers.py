"""Readers: every supported format, and every kind of bad input as a per-document problem."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from bilateral.ingest import Article, InputProblem, read_inputs, read_path


def _one(path: Path) -> list[Article | InputProblem]:
    return list(read_path(path))


def test_txt_is_kept_character_for_character(tmp_path: Path) -> None:
    text = "Line one.\r\n\nLine “two” — ok.\n"
    p = tmp_path / "a.txt"
    p.write_bytes(text.encode("utf-8"))
    [art] = _one(p)
    assert isinstance(art, Article)
    assert art.text == text
    assert art.doc_id.startswith("doc-")


def test_jsonl_and_gzip_with_metadata(tmp_path: Path) -> None:
    rows = [{"id": "x1", "text": "Alpha.", "published": "2024-01-02", "title": "T"}, {"text": "Beta."}]
    data = "\n".join(json.dumps(r) for r in rows) + "\n"
    (tmp_path / "c.jsonl").write_text(data)
    (tmp_path / "d.jsonl.gz").write_bytes(gzip.compress(data.encode()))
    for name in ("c.jsonl", "d.jsonl.gz"):
        arts = _one(tmp_path / name)
        assert [a.text for a in arts if isinstance(a, Article)] == ["Alpha.", "Beta."]
        first = arts[0]
        assert isinstance(first, Article) and first.id == "x1" and first.published == "2024-01-02"
        assert first.origin.endswith(f"{name}:1")


def test_bad_jsonl_line_in_the_middle_names_file_and_line(tmp_path: Path) -> None:
    p = tmp_path / "bad.jsonl"
    p.write_text('{"text": "one"}\n{not json}\n["list"]\n{"id": 3}\n{"text": "five"}\n')
    items = _one(p)
    problems = [i for i in items if isinstance(i, InputProblem)]
    assert [a.text for a in items if isinstance(a, Article)] == ["one", "five"]
    assert [pr.origin for pr in problems] == [f"{p}:2", f"{p}:3", f"{p}:4"]
    assert [pr.code for pr in problems] == ["E110", "E111", "E112"]


def test_csv_rows_ragged_rows_and_missing_text_column(tmp_path: Path) -> None:
    p = tmp_path / "c.csv"
    p.write_text('id,text,published\n1,"Hello, world.",2024-05-01\n2,too,many,fields\n3,"Bye.",\n')
    items = _one(p)
    arts = [a for a in items if isinstance(a, Article)]
    assert [a.id for a in arts] == ["1", "3"]
    assert arts[0].published == "2024-05-01" and arts[1].published is None
    [prob] = [i for i in items if isinstance(i, InputProblem)]
    assert prob.code == "E115" and prob.origin.endswith(":3")
    q = tmp_path / "notext.csv"
    q.write_text("id,body\n1,hello\n")
    [prob] = _one(q)
    assert isinstance(prob, InputProblem) and prob.code == "E114" and "text" in prob.message


@pytest.mark.parametrize(("name", "content", "code"), [
    ("empty.txt", b"", "E107"),
    ("blank.txt", b"   \n\t\n", "E107"),
    ("binary.txt", b"\x00\x01\x02PNG\x00", "E106"),
    ("page.pdf", b"%PDF-1.4", "E103"),
    ("broken.jsonl.gz", b"not gzip at all", "E105"),
])
def test_bad_files_are_problems(tmp_path: Path, name: str, content: bytes, code: str) -> None:
    p = tmp_path / name
    p.write_bytes(content)
    [prob] = _one(p)
    assert isinstance(prob, InputProblem)
    assert prob.code == code
    assert str(p) in str(prob)


def test_invalid_utf8_is_replaced_with_a_warning(tmp_path: Path) -> None:
    p = tmp_path / "latin.txt"
    p.write_bytes("Café in São Paulo.".encode("latin-1"))
    [art] = _one(p)
    assert isinstance(art, Article)
    assert "\ufffd" in art.text
    assert any(w.startswith("W001") for w in art.warnings)


def test_missing_path_and_folder_recursion(tmp_path: Path) -> None:
    [prob] = list(read_path(tmp_path / "nope.txt"))
    assert isinstance(prob, InputProblem) and prob.code == "E101"
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "sub" / "b.txt").write_text("B text.")
    (tmp_path / "sub" / "deeper" / "a.txt").write_text("A text.")
    (tmp_path / "sub" / "notes.md").write_text("ignored")
    arts = list(read_inputs([tmp_path / "sub"]))
    assert [a.text for a in arts if isinstance(a, Article)] == ["B text.", "A text."] or \
        sorted(a.text for a in arts if isinstance(a, Article)) == ["A text.", "B text."]
    assert all(isinstance(a, Article) for a in arts)


def test_html_extracts_text_title_and_date_without_comments(tmp_path: Path) -> None:
    body = " ".join(["Vietnam and Australia agreed to expand trade and education links during talks in Hanoi."] * 4)
    html = f"""<html><head><title>Ties deepen</title>
    <meta property="article:published_time" content="2024-03-07T10:00:00Z"></head>
    <body><article><h1>Ties deepen</h1><p>{body}</p><p>{body}</p></article>
    <div class="comments" id="comments"><p>Reader comment: this is spam spam spam.</p></div></body></html>"""
    p = tmp_path / "page.html"
    p.write_text(html)
    [art] = _one(p)
    assert isinstance(art, Article)
    assert "Vietnam and Australia agreed" in art.text
    assert "spam" not in art.text
    assert art.title == "Ties deepen"
    assert art.published == "2024-03-07"


def test_duplicate_ids_in_one_run(tmp_path: Path) -> None:
    p = tmp_path / "dups.jsonl"
    p.write_text("\n".join(json.dumps(r) for r in [
        {"id": "a", "text": "First text."}, {"id": "a", "text": "First text."},
        {"id": "a", "text": "A different text."}, {"id": "b", "text": "Other."}]) + "\n")
    items = list(read_inputs([p]))
    arts = [i for i in items if isinstance(i, Article)]
    probs = [i for i in items if isinstance(i, InputProblem)]
    assert [(a.id, a.text) for a in arts] == [("a", "First text."), ("b", "Other.")]
    assert len(probs) == 1 and probs[0].code == "E116" and probs[0].origin.endswith(":3")
    assert f"{p}:1" in probs[0].message


def test_unterminated_csv_quote_is_reported_not_swallowed(tmp_path: Path) -> None:
    p = tmp_path / "q.csv"
    p.write_text('id,text\n1,"good"\n2,"unterminated\n3,more text\n4,"x"\n5,"after"\n')
    items = list(read_path(p))
    assert any(isinstance(i, InputProblem) and i.code == "E113" for i in items)
    texts = [i.text for i in items if isinstance(i, Article)]
    assert texts[0] == "good"
    assert not any("more text" in t for t in texts)


def test_gzip_bomb_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import bilateral.ingest.readers as readers

    monkeypatch.setattr(readers, "MAX_GUNZIP", 1000)
    p = tmp_path / "big.jsonl.gz"
    p.write_bytes(gzip.compress((json.dumps({"text": "x" * 5000}) + "\n").encode()))
    [prob] = list(read_path(p))
    assert isinstance(prob, InputProblem) and prob.code == "E117"
