"""MentionIndex: span lookups of actors (used by quotes, events and relations)."""

from __future__ import annotations

from bilateral.annotate.context import MentionIndex
from bilateral.record import Actor, Mention


def _actor(aid: str, *spans: tuple[int, int]) -> Actor:
    return Actor(aid, aid, "person", None, None, None, tuple(Mention(s, "x" * (s[1] - s[0])) for s in spans), 1.0)


def test_lookup_prefers_head_then_longest_inside() -> None:
    idx = MentionIndex([_actor("a1", (0, 16), (100, 102)), _actor("a2", (17, 30)), _actor("a3", (500, 540))])
    assert idx.actor_at(0, 30, head=20).id == "a2"  # type: ignore[union-attr]
    assert idx.actor_at(0, 30).id == "a1"  # type: ignore[union-attr]
    assert idx.actor_at(99, 103).id == "a1"  # type: ignore[union-attr]
    assert idx.actor_at(31, 99) is None
    assert idx.actor_at(530, 531).id == "a3"  # type: ignore[union-attr]  (a long mention starting far before)
    assert [a.id for a in idx.actors_in((0, 200))] == ["a1", "a2"]


def test_covering_matches_a_full_scan() -> None:
    import random

    rng = random.Random(3)
    actors = []
    for i in range(40):
        spans = []
        for _ in range(5):
            s = rng.randrange(0, 2000)
            spans.append((s, s + rng.randint(1, 60)))
        actors.append(_actor(f"a{i}", *spans))
    idx = MentionIndex(actors)
    every = [(m.span[0], m.span[1], a) for a in actors for m in a.mentions]
    for _ in range(300):
        s = rng.randrange(0, 2100)
        e = s + rng.randint(0, 80)
        want = sorted((x[0], x[1], x[2].id) for x in every if x[0] < e and x[1] > s)
        got = sorted((x[0], x[1], x[2].id) for x in idx.covering(s, e))
        assert got == want


def test_one_mention_index_per_document_and_actor_list() -> None:
    import spacy

    from bilateral.annotate.context import Context
    from bilateral.ingest.article import Article
    from bilateral.settings import Settings

    text = "Ann met Bob."
    ctx = Context(doc=spacy.blank("en")(text), article=Article(text=text), settings=Settings(), published=None)
    actors = [_actor("a1", (0, 3)), _actor("a2", (8, 11))]
    first = ctx.mention_index(actors)
    assert ctx.mention_index(actors) is first  # quotes, events and relations share it
    assert first.actor_at(8, 11).id == "a2"  # type: ignore[union-attr]
    other = [_actor("a3", (0, 3))]
    assert ctx.mention_index(other).actor_at(0, 3).id == "a3"  # type: ignore[union-attr]  (another list: rebuilt)
    actors.append(_actor("a4", (4, 7)))
    assert ctx.mention_index(actors).actor_at(4, 7).id == "a4"  # type: ignore[union-attr]  (grown: rebuilt)
