"""Schemathesis against the OpenAPI spec of a real server on loopback: generated requests for every
operation, valid ones (positive) and invalid ones (negative), must never get a server error.
``POST /extract`` runs with ``store=false`` and the token. Bounded: a modest number of examples per
operation and mode. (The pytest integration of schemathesis 4 does not run under pytest 9, so the
operations' strategies are driven with hypothesis directly.)"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable

import bilateral
from bilateral.store import Store
from bilateral.web import ServeConfig, create_app
from bilateral.web.server import running

from ..run.conftest import story

schemathesis = pytest.importorskip("schemathesis")

TOKEN = "schemathesis-token"
MAX_EXAMPLES = int(os.environ.get("SCHEMATHESIS_EXAMPLES", "20"))


@pytest.fixture(scope="module")
def api(engine: bilateral.Engine, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Any]]:
    """A server over a store of a few real records, and its schema."""
    db = tmp_path_factory.mktemp("schemathesis") / "store.db"
    with Store(db) as store:
        for i in range(8):
            doc = engine.extract(story(i), published="2024-05-01", id=f"s{i}")
            store.upsert(doc, f"h{i}")
    app = create_app(ServeConfig(db=db, token=TOKEN), loader=lambda _settings: engine)
    with running(app) as url:
        yield url, schemathesis.openapi.from_url(f"{url}/openapi.json")


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["positive", "negative"])
def test_no_server_error_on_any_operation(api: tuple[str, Any], mode: str) -> None:
    from schemathesis import GenerationMode
    from schemathesis.checks import not_a_server_error

    url, schema = api
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10
    calls: dict[str, int] = {}
    for op in operations:
        query = {"store": "false"} if op.method.upper() == "POST" else None
        strategy = op.as_strategy(GenerationMode(mode), query=query)

        @given(case=strategy)
        @settings(max_examples=MAX_EXAMPLES, deadline=None, database=None, derandomize=True,
                  suppress_health_check=list(HealthCheck))
        def run(case: Any) -> None:
            if case.method.upper() == "POST":
                case.query = {**(case.query or {}), "store": "false"}
            response = case.call(base_url=url, headers={"Authorization": f"Bearer {TOKEN}"})
            label = f"{case.method.upper()} {case.path}"
            calls[label] = calls.get(label, 0) + 1
            assert response.status_code < 500, f"{case.method} {case.formatted_path}: {response.status_code}"
            case.validate_response(response, checks=[not_a_server_error])

        try:
            run()
        except Unsatisfiable:  # an operation with no invalid inputs to generate
            assert mode == "negative", op.label
    print(mode, calls)
    assert sum(calls.values()) >= len(operations) * 2 if mode == "positive" else sum(calls.values()) > 0


def test_the_spec_lists_every_endpoint(tmp_path: Path) -> None:
    app = create_app(ServeConfig(db=tmp_path / "s.db"))
    paths = set(app.openapi()["paths"])
    assert {"/health", "/extract", "/documents", "/events", "/actors", "/quotes", "/network"} <= paths
