"""Is this text English? A cheap, offline check run before the English pipeline.

The English stages on other languages produce garbage events; a document that is not English gets a
warning and an empty set of annotations instead. The check uses the share of very common English
function words and of Latin letters; it needs no model.
"""

from __future__ import annotations

import re

#: the most frequent English function words (closed class; written by the bilateral developers).
FUNCTION_WORDS = frozenset(
    "the of and to in a is that for on with as was said by it at from his he be are has have had were "
    "not but an they this which will would its their who been or after also we she her our more than "
    "about over into two new one there when what all if can could other up out so no".split()
)
#: frequent function words of other languages written in Latin script (French, Spanish, Portuguese,
#: Italian, German, Dutch, Indonesian, Turkish), none of them common English words.
OTHER_FUNCTION_WORDS = frozenset(
    "le la les des du une est dans pour qui avec sur pas par au aux ces et "
    "el los las del por que con una para como se al lo "
    "os da do dos das em um uma não "
    "il della di che per con gli nel è "
    "der die das und den dem ist nicht mit sich auf für ein eine zu im "
    "het een van en is dat op niet "
    "yang dan di dengan untuk dari ini itu "
    "ve bir bu da için ile".split()
) - FUNCTION_WORDS
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")
#: fewer words than this: too short to judge, assume English.
MIN_WORDS = 12


def looks_english(text: str, *, declared: str | None = None) -> tuple[bool, str]:
    """``(is_english, reason)``. A declared language (``"en"``, ``"fr-FR"``) wins when given."""
    if declared:
        code = declared.strip().lower().replace("_", "-").split("-")[0]
        if code and code not in ("en", "eng", "english"):
            return False, f"the document declares language {declared!r}"
        return True, "declared English"
    words = WORD.findall(text[:20000])
    letters = [ch for w in words for ch in w]
    if len(letters) >= 40:
        latin = sum(1 for ch in letters if LATIN.match(ch)) / len(letters)
        if latin < 0.5:
            return False, f"only {latin:.0%} of its letters are Latin"
    if len(words) < MIN_WORDS:
        return True, "too short to judge"
    lowered = [w.lower() for w in words]
    share = sum(1 for w in lowered if w in FUNCTION_WORDS) / len(words)
    other = sum(1 for w in lowered if w in OTHER_FUNCTION_WORDS) / len(words)
    if other >= 0.08 and other > 2 * share:
        return False, f"{other:.0%} of its words are function words of another language, {share:.0%} English ones"
    if share < 0.02 and len(words) >= 20:
        return False, f"only {share:.0%} of its words are common English words"
    return True, f"{share:.0%} common English words"
