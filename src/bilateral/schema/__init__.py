"""The JSON Schema of the document record, shipped as package data."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=1)
def document_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``bilateral.document/1``."""
    text = resources.files(__package__).joinpath("document.schema.json").read_text(encoding="utf-8")
    return dict(json.loads(text))


def validate(record: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` when a record breaks the contract."""
    import jsonschema

    jsonschema.validate(record, document_schema(), cls=jsonschema.Draft202012Validator)
