"""The English check: other languages are recognised, English news is never rejected."""

from __future__ import annotations

import pytest

from bilateral.language import looks_english

ENGLISH = [
    "The foreign minister said on Tuesday that the two countries would expand trade and investment ties.",
    "Protesters gathered outside the parliament in Nairobi, and police fired tear gas at the crowd after talks.",
    "CAIRO (Reuters) - Egypt and Sudan signed an agreement on water sharing, officials said on Monday night.",
]
OTHER = [
    "Le ministre des affaires étrangères a déclaré mardi que les deux pays allaient renforcer leurs échanges.",
    "Der Außenminister sagte am Dienstag, dass beide Länder den Handel und die Investitionen ausweiten wollen.",
    "El ministro de Asuntos Exteriores dijo el martes que ambos países ampliarán el comercio y la inversión bilateral.",
    "Министр иностранных дел заявил во вторник, что две страны расширят торговлю и инвестиции между собой.",
    "外交部长周二表示，两国将扩大贸易和投资合作，并加强在地区安全问题上的协调与沟通，推动双边关系发展。",
]


@pytest.mark.parametrize("text", ENGLISH)
def test_english_is_english(text: str) -> None:
    assert looks_english(text)[0]


@pytest.mark.parametrize("text", OTHER)
def test_other_languages_are_not(text: str) -> None:
    ok, reason = looks_english(text)
    assert not ok and reason


def test_declared_language_wins_and_short_text_passes() -> None:
    assert not looks_english(ENGLISH[0], declared="fr")[0]
    assert looks_english(OTHER[0], declared="en-GB")[0]
    assert looks_english("Bonjour.")[0]
