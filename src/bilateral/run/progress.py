"""Progress for long runs: a rich bar with count, rate (documents/s) and ETA, and a cheap count of
the documents under the input paths so the bar has a total.

Reads: input paths (counting only: lines of JSONL/CSV, files in folders). Writes: nothing.
"""

from __future__ import annotations

import csv
import gzip
import sys
from collections.abc import Iterable
from pathlib import Path

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text


class RateColumn(ProgressColumn):
    """Documents per second, averaged over rich's recent window."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("-- docs/s" if speed is None else f"{speed:,.1f} docs/s", style="progress.data.speed")


def progress_bar(console: Console) -> Progress:
    """The bar used by ``bilateral extract`` (transient: it disappears when the run ends)."""
    return Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    RateColumn(), TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                    console=console, transient=True, speed_estimate_period=60.0)


def count_documents(paths: Iterable[str | Path]) -> int | None:
    """How many documents the paths hold (for the bar's total); None when it cannot tell (stdin)."""
    total = 0
    for p in paths:
        if str(p) == "-":
            return None
        path = Path(p)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not child.name.startswith("."):
                    total += _count_file(child)
        elif path.is_file():
            total += _count_file(path)
    return total


def _count_file(p: Path) -> int:
    name = p.name.lower()
    try:
        if name.endswith(".jsonl.gz"):
            with gzip.open(p, "rb") as f:
                return sum(1 for line in f if line.strip())
        if name.endswith(".jsonl"):
            with open(p, "rb") as f:
                return sum(1 for line in f if line.strip())
        if name.endswith(".csv"):
            csv.field_size_limit(sys.maxsize)
            with open(p, encoding="utf-8", errors="replace", newline="") as f:
                rows = sum(1 for row in csv.reader(f) if row)
            return max(0, rows - 1)
        if name.endswith((".txt", ".html", ".htm")):
            return 1
    except (OSError, EOFError, csv.Error):
        return 0
    return 0
