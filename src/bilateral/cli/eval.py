"""``bilateral eval GOLD.jsonl [--pred PRED.jsonl]``: score records against gold (record.md rules)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from .. import engine as engine_mod
from ..errors import BilateralError
from ..evaluate import score
from ..ingest import Article
from .common import add_engine_options, settings_from


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("eval", help="score extraction against a gold JSONL",
                       description="Run extraction on each gold document's text (or read predictions with --pred) "
                       "and score events, quotes, times, relations and actors as shared/spec/record.md says.")
    p.add_argument("gold", metavar="GOLD.jsonl")
    p.add_argument("--pred", metavar="PRED.jsonl", help="score these records instead of extracting")
    p.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    p.add_argument("--misses", action="store_true", help="list every miss and spurious event")
    p.add_argument("--save", metavar="FILE", help="also write the extracted records here (JSONL)")
    add_engine_options(p)
    p.set_defaults(func=run)


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    p = Path(path)
    if not p.is_file():
        raise BilateralError("E401", f"no such file: {p}")
    out = []
    for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise BilateralError("E402", f"{p}:{n} is not valid JSON: {exc.msg}") from exc
    return out


def predict(gold: list[dict[str, Any]], engine: engine_mod.Engine) -> dict[str, dict[str, Any]]:
    """Extract every gold document's text with its publication date."""
    arts = [Article(text=g["text"], id=str(g["id"]), published=g.get("published"), title=g.get("title"),
                    source=g.get("source")) for g in gold]
    return {d.id: d.to_dict() for d in engine.extract_articles(arts)}


def run(args: argparse.Namespace) -> int:
    gold = read_jsonl(args.gold)
    if args.pred:
        preds = {str(r.get("id")): r for r in read_jsonl(args.pred)}
    else:
        preds = predict(gold, engine_mod.load(settings=settings_from(args)))
        if args.save:
            with open(args.save, "w", encoding="utf-8") as fh:
                for r in preds.values():
                    fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    result = score(gold, preds)
    summary = result.summary()
    if args.json:
        print(json.dumps(summary))
        return 0
    console = Console(file=sys.stdout, highlight=False, soft_wrap=True)
    if args.misses:
        for m in result.misses:
            console.print("  " + m, markup=False)
    table = Table(title=f"{Path(args.gold).name}: {len(gold)} documents")
    table.add_column("metric")
    table.add_column("value", justify="right")
    for k, v in summary.items():
        table.add_row(k, str(v))
    console.print(table)
    return 0
