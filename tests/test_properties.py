"""Property-based tests: readers never crash and keep text; extraction keeps every span sound."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import bilateral
from bilateral.check import problems
from bilateral.ingest import Article, InputProblem, read_path

NEWS_WORDS = ["Cambodia", "South Korea", "said", "met", "on", "Tuesday", "the", "president", "Hun Sen", "“", "”",
              "\"", "agreed", "to", "in", "May", "2024", "he", "she", "told", "The Post", ",", ".", "\n", "attacked",
              "Seoul", "may", "we", "next", "week", "three", "years", "ago", "minister", "Georgia", "Jordan",
              "requested", "not", "could", "according", "thanked", "Korea's", "-", ":", "'", "visit"]

news_text = st.lists(st.sampled_from(NEWS_WORDS), min_size=1, max_size=40).map(" ".join)
any_text = st.text(min_size=0, max_size=200)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.one_of(news_text, any_text), published=st.one_of(st.none(), st.dates().map(str)))
def test_extract_keeps_spans_sound(engine: bilateral.Engine, text: str, published: str | None) -> None:
    doc = engine.extract(text, published=published)
    assert doc.text == text
    assert problems(doc) == []


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(st.text(min_size=0, max_size=80), min_size=1, max_size=5))
def test_jsonl_reader_round_trips_any_text(tmp_path_factory: object, texts: list[str]) -> None:
    d = tmp_path_factory.mktemp("jsonl")  # type: ignore[attr-defined]
    p = Path(d) / "c.jsonl"
    p.write_text("".join(json.dumps({"id": str(i), "text": t}) + "\n" for i, t in enumerate(texts)), encoding="utf-8")
    items = list(read_path(p))
    assert len(items) == len(texts)
    for t, item in zip(texts, items, strict=True):
        if t.strip():
            assert isinstance(item, Article) and item.text == t
        else:
            assert isinstance(item, InputProblem) and item.code == "E107"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300), ext=st.sampled_from([".txt", ".jsonl", ".csv", ".html", ".jsonl.gz"]))
def test_readers_never_raise_on_random_bytes(tmp_path_factory: object, data: bytes, ext: str) -> None:
    d = tmp_path_factory.mktemp("bytes")  # type: ignore[attr-defined]
    p = Path(d) / f"f{ext}"
    p.write_bytes(data)
    for item in read_path(p):
        assert isinstance(item, Article | InputProblem)
        if isinstance(item, Article):
            assert item.text.strip()
