"""Long documents: cut at paragraph boundaries, parsed per part, joined back with exact spans."""

from __future__ import annotations

from typing import Any

import pytest

import bilateral
from bilateral.run.split import split_paragraphs

CASES = [
    # (text, limit, expected parts)
    ("aaa\n\nbbb\n\nccc", 6, ["aaa\n\n", "bbb\n\n", "ccc"]),
    ("aaa\n\nbbb\n\nccc", 11, ["aaa\n\nbbb\n\n", "ccc"]),
    ("short", 10, ["short"]),
    ("", 10, [""]),
    # a blank line wins over a later single line break
    ("ab\n\ncd\nef", 8, ["ab\n\n", "cd\nef"]),
    # no paragraph break: a line break, then a sentence end, then any space, then a hard cut
    ("one two\nthree four", 12, ["one two\n", "three four"]),
    ("One. Two three. Four", 12, ["One. ", "Two three. ", "Four"]),
    ("alpha beta gamma", 12, ["alpha beta ", "gamma"]),
    ("abcdefghij", 4, ["abcd", "efgh", "ij"]),
    # Windows line ends and spaces on the blank line stay with the part before
    ("aa\r\n \r\nbb\r\n\r\ncc", 9, ["aa\r\n \r\n", "bb\r\n\r\ncc"]),
]


@pytest.mark.parametrize(("text", "limit", "expected"), CASES)
def test_split_paragraphs(text: str, limit: int, expected: list[str]) -> None:
    parts = split_paragraphs(text, limit)
    assert parts == expected
    assert "".join(parts) == text
    assert all(len(p) <= limit for p in parts)


def test_split_rejects_a_zero_limit() -> None:
    with pytest.raises(ValueError):
        split_paragraphs("abc", 0)


def _spans(obj: Any, text: str) -> int:
    """Check every {span, text} pair of a record; return how many there were."""
    n = 0
    if isinstance(obj, dict):
        if "span" in obj and isinstance(obj.get("text"), str) and obj["span"] is not None:
            s, e = obj["span"]
            assert text[s:e] == obj["text"], obj
            n += 1
        for v in obj.values():
            n += _spans(v, text)
    elif isinstance(obj, list):
        for v in obj:
            n += _spans(v, text)
    return n


PARAS = [
    "Kenya and Ethiopia agreed on Monday to expand trade, officials in Nairobi said.",
    "Foreign Minister Amina Odhiambo met her Ethiopian counterpart in Addis Ababa on Tuesday.",
    "\"We will work together on energy,\" Odhiambo told reporters after the talks.",
    "Police in Lima arrested 40 protesters on Friday after clashes near the parliament.",
] * 6


def test_document_beyond_max_length_is_split_and_spans_stay_right(engine: bilateral.Engine,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    text = "\n\n".join(PARAS) + "\n"
    whole = engine.extract(text, published="2024-05-01", id="long").to_dict()
    monkeypatch.setattr(engine.nlp, "max_length", 400)
    assert len(text) > 4 * 400
    record = engine.extract(text, published="2024-05-01", id="long").to_dict()
    assert record["text"] == text
    assert _spans(record, text) > 10
    # paragraphs are parsed alone in both cases (sentences never cross a line break), so the
    # places and times found are the same as for the unsplit parse
    assert [p["span"] for p in record["places"]] == [p["span"] for p in whole["places"]]
    assert [t["span"] for t in record["times"]] == [t["span"] for t in whole["times"]]
    # one actor across parts, not one per part
    names = [a["name"] for a in record["actors"]]
    assert len(names) == len(set(names))
