"""Inputs ``make fuzz`` (``scripts/fuzz.py``) found, kept as regression tests. A hang is turned into a
failure by an alarm (a guard against hanging CI, not a timing assertion)."""

from __future__ import annotations

import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

import bilateral
from bilateral.check import problems


class Hung(BaseException):
    """Raised by the alarm; a BaseException so the engine's per-stage guard does not swallow it."""


@contextmanager
def no_hang(seconds: int = 120) -> Iterator[None]:
    if sys.platform == "win32":
        yield
        return

    def alarm(*_: object) -> None:
        raise Hung(f"still running after {seconds} s")

    old = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


# A line break inside a quotation makes the parser take a noun as the sentence root and the cue
# "said" as its parataxis; the quotes stage climbed the heads until a verb with `head is not head`,
# which is always true for spaCy tokens (new objects on each access): an endless loop.
CASES = [
    "“We will not let our partnership be weakened by those who want to div\nide Ecrope,” Macron said at a "
    "news conference.\nScholz thanked France for its support during the energy crisis.",
    "The two leaders signed a declaration.\n“We will not let our partnership be weakened by those who want t\n\n"
    "o divide Europe,” Macron said at a news conference.",
]


@pytest.mark.parametrize("text", CASES)
def test_quote_cue_under_a_noun_root_terminates(engine: bilateral.Engine, text: str) -> None:
    with no_hang():
        doc = engine.extract(text, published="2024-09-13")
    assert problems(doc) == []
    assert not [w for w in doc.warnings if w.startswith("W300")]
