"""A small corpus written by hand for the run tests: short wire stories, several paragraphs each."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

SENTENCES = (
    "Kenya and Ethiopia agreed on Monday to expand trade.",
    "The two ministers met in Nairobi on Tuesday.",
    "\"We will not accept interference,\" Foreign Minister Amina Odhiambo told reporters.",
    "Police in Lima arrested 40 protesters after clashes near parliament.",
    "Japan accused South Korea of violating its airspace last week.",
    "Chile recalled its ambassador from Peru after a border dispute.",
    "Thousands of teachers marched through Athens demanding higher pay.",
    "Germany pledged 200 million euros in aid to Ukraine, the chancellor said.",
)


def story(i: int) -> str:
    """Document ``i``: 3-5 sentences in 2 paragraphs, different for every i."""
    n = 3 + i % 3
    picked = [SENTENCES[(i * 3 + k) % len(SENTENCES)] for k in range(n)]
    return " ".join(picked[:2]) + f"\n\nOn day {i + 1}, officials said. " + " ".join(picked[2:])


def write_corpus(path: Path, n: int) -> Path:
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            f.write(json.dumps({"id": f"t{i:04d}", "text": story(i), "published": "2024-05-01"}) + "\n")
    return path


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "corpus.jsonl", 24)
