"""Quotes stage: quote forms, reported speech, speakers, media, dates, traps, and the seed article."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bilateral.annotate.context import Context
from bilateral.annotate.quotes import find_quotes
from bilateral.annotate.quotes.lexicon import parse_lexicon, reporting
from bilateral.annotate.quotes.marks import pair_marks
from bilateral.ingest.article import Article
from bilateral.record import Actor, Mention, Quote, Time
from bilateral.settings import load_settings


def run(nlp: Any, text: str, *, actors: tuple[Actor, ...] = (), times: tuple[Time, ...] = ()) -> tuple[
        list[Quote], list[str]]:
    ctx = Context(doc=nlp(text), article=Article(text=text), settings=load_settings(),
                  published=dt.date(2024, 9, 13))
    return find_quotes(ctx, actors=actors, times=times), ctx.warnings


def actor(aid: str, name: str, text: str, *phrases: str, kind: str = "person") -> Actor:
    """An actor with a mention at every occurrence of each phrase in ``text``."""
    mentions = []
    for p in phrases:
        start = text.find(p)
        while start >= 0:
            mentions.append(Mention(span=(start, start + len(p)), text=p))
            start = text.find(p, start + 1)
    return Actor(id=aid, name=name, kind=kind, country=None, sector=None, title=None,
                 mentions=tuple(mentions), confidence=1.0)


# -- quote marks ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, contents, n_warnings", [
    ('He said "we will win." Then he left.', ["we will win."], 0),
    ("He said “we will win.” Then he left.", ["we will win."], 0),
    ('“Mixed marks,” he said, "straight and curly."', ["Mixed marks", "straight and curly."], 0),
    ("“She told me ‘never again’ last year,” he said.", ["She told me ‘never again’ last year"], 0),
    ("“First paragraph of it.\n“Second paragraph,” she said.", ["First paragraph of it.\n“Second paragraph"], 0),
    ("“Opened and never closed.\nThe next paragraph is narration.", [], 1),
    ("A stray closing mark” here.", [], 1),
    ("It’s the workers’ union.", [], 0),
    ("He said ''we are ready,'' and left.", ["we are ready"], 0),
    ("Critics call it ‘a farce from start to finish’ and leave.", ["a farce from start to finish"], 0),
])
def test_pair_marks(text: str, contents: list[str], n_warnings: int) -> None:
    quoted, warnings = pair_marks(text)
    assert [text[q.start:q.end] for q in quoted] == contents
    assert len(warnings) == n_warnings


# -- direct quotes --------------------------------------------------------------------------------

DIRECT = [
    # (text, content, speaker mention, cue)
    ("“We will not accept these terms,” the minister said.", "We will not accept these terms",
     "the minister", "said"),
    ('"We will not accept these terms," said Ambassador Lee.', "We will not accept these terms",
     "Ambassador Lee", "said"),
    ("The minister said: “We will not accept these terms.”", "We will not accept these terms.",
     "The minister", "said"),
    ("Smith told reporters, “The border will stay closed until further notice.”",
     "The border will stay closed until further notice.", "Smith", "told"),
    ("“Will the talks resume in May?” asked the foreign minister.", "Will the talks resume in May?",
     "the foreign minister", "asked"),
    ("“Talks failed. Both sides walked out early,” a spokesperson for the ministry said.",
     "Talks failed. Both sides walked out early", "a spokesperson for the ministry", "said"),
    ("The prime minister continued:\n“We have done everything we could for peace.”",
     "We have done everything we could for peace.", "The prime minister", "continued"),
    ("According to the senator, “the bill is dead on arrival in the chamber.”",
     "the bill is dead on arrival in the chamber.", "the senator", "According to"),
    ("The president called the proposal “a cynical attempt to divide us.”",
     "a cynical attempt to divide us.", "The president", "called"),
]


@pytest.mark.parametrize("text, content, mention, cue", DIRECT)
def test_direct_quote_forms(nlp: Any, text: str, content: str, mention: str, cue: str) -> None:
    quotes, _ = run(nlp, text)
    direct = [q for q in quotes if q.kind == "direct"]
    assert [q.text for q in direct] == [content]
    q = direct[0]
    assert text[q.span[0]:q.span[1]] == q.text
    assert q.speaker_mention is not None and q.speaker_mention.text == mention
    assert q.cue is not None and q.cue.text == cue


@pytest.mark.parametrize("text, content, mention, cue", [
    ("WALLACE: Let us start with the news on the debate story.", "Let us start with the news on the debate story.",
     "WALLACE", ":"),
    ("“He does not speak for me or for my family.” ― Jane Doe", "He does not speak for me or for my family.",
     "Jane Doe", "―"),
])
def test_labels_and_signatures(nlp: Any, text: str, content: str, mention: str, cue: str) -> None:
    quotes, _ = run(nlp, text)
    assert [(q.text, q.speaker_mention and q.speaker_mention.text, q.cue and q.cue.text) for q in quotes] == [
        (content, mention, cue)]


@pytest.mark.parametrize("text", [
    "Update: The story was corrected on Monday to add the vote count.",
    "Photo: The minister arrives at the summit in Seoul on Monday.",
])
def test_section_labels_are_not_speakers(nlp: Any, text: str) -> None:
    quotes, _ = run(nlp, text)
    assert quotes == []


def test_parenthetical_cue_keeps_the_whole_clause(nlp: Any) -> None:
    text = "The difference now, he told me on Friday, is that he runs a news program."
    quotes, _ = run(nlp, text)
    assert len(quotes) == 1 and quotes[0].text.startswith("The difference now")
    assert quotes[0].text.endswith("runs a news program") and quotes[0].cue is not None
    assert quotes[0].cue.text == "told"


def test_split_quote_is_two_statements_with_one_cue(nlp: Any) -> None:
    text = "“We came in good faith,” she said, “and we leave disappointed.”"
    quotes, _ = run(nlp, text)
    assert [q.text for q in quotes] == ["We came in good faith", "and we leave disappointed."]
    assert quotes[0].cue == quotes[1].cue and quotes[0].speaker_mention == quotes[1].speaker_mention


def test_quote_continues_over_paragraphs(nlp: Any) -> None:
    text = ("“The first part of the plan is to rebuild the roads.\n"
            "“The second part is to reopen the schools,” the governor said.")
    quotes, warnings = run(nlp, text)
    assert len(quotes) == 1 and "rebuild the roads" in quotes[0].text and "reopen the schools" in quotes[0].text
    assert not warnings


def test_uncued_quote_after_a_statement_keeps_its_speaker(nlp: Any) -> None:
    text = "“We are ready,” Lee said. “The army has been waiting for this order for weeks.”"
    lee = actor("a1", "Lee", text, "Lee")
    quotes, _ = run(nlp, text, actors=(lee,))
    assert [q.speaker for q in quotes] == ["a1", "a1"]
    assert quotes[1].cue is None and quotes[1].speaker_mention is None


@pytest.mark.parametrize("text", [
    "Cambodia and Korea elevated relations to a “strategic partnership” in May.",
    "The slogan “NO WAY” was painted on the wall of the office.",
    "Critics called it a 'victory' for nobody, and the vote went ahead on Monday.",
    "The army moved troops to the border on Sunday and closed two crossings.",
])
def test_no_statement_without_cue(nlp: Any, text: str) -> None:
    quotes, _ = run(nlp, text)
    assert quotes == []


@pytest.mark.parametrize("text", [
    "", '"', "“", "”””", "''''", '"a" "b" "c', "He said: “", "“\n“\n“", "‘’‘’", "said said said",
    "“Yes,” he said, “", '"""He said," she said."', "According to", "— he said",
])
def test_odd_text_never_crashes_and_spans_hold(nlp: Any, text: str) -> None:
    quotes, _ = run(nlp, text)
    for q in quotes:
        assert text[q.span[0]:q.span[1]] == q.text and q.text
        for m in (q.cue, q.speaker_mention):
            assert m is None or text[m.span[0]:m.span[1]] == m.text


def test_unbalanced_marks_warn_and_do_not_crash(nlp: Any) -> None:
    text = "“This quote is never closed, the minister said.\nThe talks went on for hours."
    quotes, warnings = run(nlp, text)
    assert all(q.kind == "indirect" for q in quotes)
    assert any(w.startswith("W401") for w in warnings)


# -- reported speech ------------------------------------------------------------------------------

INDIRECT = [
    ("The minister said that the border would reopen next week.", "the border would reopen next week",
     "The minister", "said"),
    ("The minister said the border would reopen next week.", "the border would reopen next week",
     "The minister", "said"),
    ("The border would reopen next week, the minister said.", "The border would reopen next week",
     "the minister", "said"),
    ("According to the ministry, the border will reopen next week.", "the border will reopen next week",
     "the ministry", "According to"),
    ("The border will reopen next week, according to officials.", "The border will reopen next week",
     "officials", "according to"),
    ("Lee told The Post that the vote had been rigged by the army.", "the vote had been rigged by the army",
     "Lee", "told"),
    ("She noted that exports had doubled since the agreement.", "exports had doubled since the agreement",
     "She", "noted"),
    ("He emphasised that both nations are key players in the region.",
     "both nations are key players in the region", "He", "emphasised"),
    ("The envoy warned that sanctions would follow any attack.", "sanctions would follow any attack",
     "The envoy", "warned"),
    ("Park added that the talks would continue in Seoul.", "the talks would continue in Seoul", "Park", "added"),
    ("The president expressed hope that the two countries would sign the deal.",
     "the two countries would sign the deal", "The president", "expressed hope"),
    ("The senator, who said the bill was unconstitutional, voted against it.", "the bill was unconstitutional",
     "The senator", "said"),
    ("The ministry issued a statement, saying the strikes had hit military targets.",
     "the strikes had hit military targets", "The ministry", "saying"),
]


@pytest.mark.parametrize("text, content, mention, cue", INDIRECT)
def test_reported_speech(nlp: Any, text: str, content: str, mention: str, cue: str) -> None:
    quotes, _ = run(nlp, text)
    assert [q.text for q in quotes] == [content]
    q = quotes[0]
    assert q.kind == "indirect" and text[q.span[0]:q.span[1]] == q.text
    assert q.speaker_mention is not None and q.speaker_mention.text == mention
    assert q.cue is not None and q.cue.text == cue


@pytest.mark.parametrize("text", [
    "The minister did not say that the border would reopen.",
    "The talks, which began in May, are expected to end soon.",
    "Officials requested that the vote be delayed until June.",
])
def test_no_reported_speech(nlp: Any, text: str) -> None:
    quotes, _ = run(nlp, text)
    assert quotes == []


def test_partial_quote_inside_reported_clause_is_one_statement(nlp: Any) -> None:
    text = "The senator said the deal was “a disaster for workers” and should be dropped."
    quotes, _ = run(nlp, text)
    assert len(quotes) == 1 and quotes[0].kind == "indirect"
    assert "a disaster for workers" in quotes[0].text


# -- speakers, media, dates -----------------------------------------------------------------------

@pytest.mark.parametrize("text, phrases, mention", [
    ("“We will respond,” Kim Jong Un said.", ("Kim Jong Un",), "Kim Jong Un"),
    ("“We will respond,” the president said.", ("the president",), "the president"),
    ("Kim arrived on Monday. “We will respond,” he said.", ("Kim", "he"), "he"),
    ("“We will respond,” the Foreign Ministry said in a statement.", ("the Foreign Ministry",),
     "the Foreign Ministry"),
])
def test_speaker_actor_from_mention(nlp: Any, text: str, phrases: tuple[str, ...], mention: str) -> None:
    a = actor("a7", "X", text, *phrases)
    quotes, _ = run(nlp, text, actors=(a,))
    assert len(quotes) == 1
    assert quotes[0].speaker == "a7"
    assert quotes[0].speaker_mention is not None and quotes[0].speaker_mention.text == mention


def test_medium_owner_is_the_speaker(nlp: Any) -> None:
    text = ("“We asked for more flights,” stated a post on Hun Sen’s social media.\n"
            "“We also discussed workers,” said the post.")
    hs = actor("a1", "Hun Sen", text, "Hun Sen")
    quotes, _ = run(nlp, text, actors=(hs,))
    assert [q.speaker for q in quotes] == ["a1", "a1"]
    assert quotes[0].medium == "a post on Hun Sen’s social media"
    assert quotes[0].speaker_mention is not None and quotes[0].speaker_mention.text == "Hun Sen"
    assert quotes[1].medium == "the post" and quotes[1].speaker_mention is None


def test_medium_and_date_from_cue_clause(nlp: Any) -> None:
    text = "“Trade will double,” Mengdavid told The Post on September 12, a day after the forum of May 3."
    s = text.find("September 12")
    t1 = Time(id="t1", text="September 12", span=(s, s + 12), type="date", value="2024-09-12", anchor="published")
    quotes, _ = run(nlp, text, times=(t1,))
    assert quotes[0].medium == "The Post"
    assert quotes[0].date == "2024-09-12"


@pytest.mark.parametrize("text, medium", [
    ("The ministry said in a statement that the border would reopen on Monday.", "a statement"),
    ("“We will respond,” the minister said at a news conference in Seoul.", "a news conference in Seoul"),
    ("The envoy told Reuters that the talks had stalled over the weekend.", "Reuters"),
    ("The envoy told reporters that the talks had stalled over the weekend.", None),
])
def test_medium(nlp: Any, text: str, medium: str | None) -> None:
    quotes, _ = run(nlp, text)
    assert len(quotes) == 1 and quotes[0].medium == medium


def test_time_inside_content_is_not_the_statement_date(nlp: Any) -> None:
    text = "The minister said the vote would be held on September 20."
    s = text.find("September 20")
    t1 = Time(id="t1", text="September 20", span=(s, s + 12), type="date", value="2024-09-20", anchor="published")
    quotes, _ = run(nlp, text, times=(t1,))
    assert quotes[0].date is None


def test_cue_inside_a_direct_quote_is_not_a_second_statement(nlp: Any) -> None:
    text = "“The general said that the war would end by June,” the spokesman told reporters."
    quotes, _ = run(nlp, text)
    assert len(quotes) == 1 and quotes[0].speaker_mention is not None
    assert quotes[0].speaker_mention.text == "the spokesman"


# -- lexicon --------------------------------------------------------------------------------------

def test_lexicon_has_core_cues() -> None:
    lex = reporting()
    for verb in ("say", "tell", "note", "emphasise", "emphasize", "add", "warn", "state"):
        assert lex.cues_indirect(verb)
    assert ("according", "to") in lex.preps and "hope" in lex.nouns and "post" in lex.media


def test_lexicon_rejects_bad_lines() -> None:
    with pytest.raises(ValueError):
        parse_lexicon("verb say extra\n")


# -- the seed article -----------------------------------------------------------------------------

def test_seed_statements(seed_gold: dict[str, Any], seed_record: Any) -> None:
    """All seven gold statements found; speaker mention always; speaker actor right once actors exist."""
    quotes = seed_record.quotes
    actors = {a.id: a for a in seed_record.actors}
    for gq in seed_gold["quotes"]:
        hits = [q for q in quotes if gq["contains"] in q.text]
        assert hits, f"missed: {gq['contains']}"
        q = hits[0]
        assert q.kind == gq["kind"]
        assert q.speaker_mention is not None or q.medium is not None
        if actors:
            a = actors.get(q.speaker or "")
            assert a is not None, f"no speaker for: {gq['contains']}"
            names = [a.name, a.title or ""] + [m.text for m in a.mentions]
            assert any(gq["speaker"] in n for n in names), f"wrong speaker for: {gq['contains']}"
    for q in quotes:
        assert seed_record.text[q.span[0]:q.span[1]] == q.text


def _marks_reference(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The character-by-character scan that ``marks._marks`` speeds up (it jumps between candidates)."""
    from bilateral.annotate.quotes.marks import DOUBLE

    out = []
    i = start
    while i < end:
        ch = text[i]
        if ch in DOUBLE:
            out.append((i, 1))
        elif ch in "'`" and i + 1 < end and text[i + 1] == ch and (i + 2 >= end or text[i + 2] != ch):
            out.append((i, 2))
            i += 1
        i += 1
    return out


@given(st.lists(st.sampled_from(["a", " ", "'", "''", "'''", "`", "``", '"', "“", "”", "‘", "’", "\n", "«", "»",
                                 ".", ","]), max_size=30), st.integers(0, 40), st.integers(0, 40))
def test_mark_scan_matches_the_character_scan(parts: list[str], a: int, b: int) -> None:
    from bilateral.annotate.quotes.marks import _marks

    text = "".join(parts)
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    assert _marks(text, start, end) == _marks_reference(text, start, end)
    assert _marks(text, 0, len(text)) == _marks_reference(text, 0, len(text))
