"""Shared fixtures: one loaded engine per session, and paths to ../shared (skipped when absent)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import bilateral

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def load_benchmark(name: str) -> Any:
    """A script of ``benchmarks/`` imported as a module (the floor tests reuse its scoring)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def engine() -> bilateral.Engine:
    return bilateral.load()


@pytest.fixture(scope="session")
def nlp(engine: bilateral.Engine) -> Any:
    return engine.nlp


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def seed_gold(shared: Path) -> dict[str, Any]:
    path = shared / "seed" / "gold.jsonl"
    if not path.is_file():
        pytest.skip("../shared/seed/gold.jsonl is not present")
    return json.loads(path.read_text(encoding="utf-8").splitlines()[0])


@pytest.fixture(scope="session")
def seed_record(engine: bilateral.Engine, seed_gold: dict[str, Any]) -> bilateral.Document:
    return engine.extract(seed_gold["text"], published=seed_gold["published"], id=seed_gold["id"],
                          title=seed_gold.get("title"), source=seed_gold.get("source"))
