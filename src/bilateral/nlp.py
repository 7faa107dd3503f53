"""Load the spaCy pipeline offline, and keep sentences inside paragraphs.

Reads: settings.model. Writes: a ``Language`` whose sentences never cross a line break.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .errors import MODEL_HELP, BilateralError
from .settings import DEFAULT_MODELS


@Language.component("bilateral_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break; the parser keeps preset boundaries."""
    for i, tok in enumerate(doc[:-1]):
        nxt = doc[i + 1]
        if "\n" in tok.text or "\n" in tok.whitespace_:
            if not nxt.is_space:
                nxt.is_sent_start = True
    return doc


def available_model(name: str | None = None) -> str:
    """The name of the pipeline to load: ``name`` if installed, else the first default found."""
    candidates = (name,) if name else DEFAULT_MODELS
    for cand in candidates:
        if cand and importlib.util.find_spec(cand) is not None:
            return cand
    if name:
        raise BilateralError("E001", f"spaCy pipeline {name!r} is not installed. " + MODEL_HELP)
    raise BilateralError("E001", MODEL_HELP)


@lru_cache(maxsize=4)
def load_pipeline(name: str | None = None) -> Language:
    """Load the pipeline (cached per name), with the paragraph rule before the parser."""
    model = available_model(name)
    nlp = spacy.load(model)
    if "bilateral_paragraphs" not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        if before:
            nlp.add_pipe("bilateral_paragraphs", before=before)
        else:
            nlp.add_pipe("bilateral_paragraphs", first=True)
    return nlp
