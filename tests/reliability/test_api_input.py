"""Inputs the API tests of ``tests/web`` do not cover, found by the reliability work: text that JSON can
carry but UTF-8 cannot (lone surrogates), and integers past SQLite's 64 bits. Each was a 500."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

import bilateral
from bilateral.web import ServeConfig, create_app
from bilateral.web.server import running


@pytest.fixture(scope="module")
def url(engine: bilateral.Engine, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("api-input") / "store.db"
    with running(create_app(ServeConfig(db=Path(db)), loader=lambda _settings: engine)) as base:
        yield base


def test_lone_surrogates_are_replaced_not_a_server_error(url: str) -> None:
    body = '{"id": "sur", "text": "Kenya \\ud800 agreed to expand trade with Ethiopia.", "title": "T\\udfff"}'
    resp = httpx.post(f"{url}/extract", content=body, headers={"Content-Type": "application/json"}, timeout=60)
    assert resp.status_code == 200, resp.text
    rec = resp.json()
    assert rec["text"] == "Kenya \ufffd agreed to expand trade with Ethiopia." and rec["title"] == "T\ufffd"
    assert any(w.startswith("W001") for w in rec["warnings"])
    assert resp.headers["X-Bilateral-Stored"] == "inserted"
    assert httpx.get(f"{url}/documents/sur", timeout=30).json() == rec


@pytest.mark.parametrize("offset", [2**63 - 1, 2**63, 10**30])
def test_offsets_past_64_bits_are_past_the_end(url: str, offset: int) -> None:
    for path in ("/documents", "/events", "/actors", "/quotes"):
        resp = httpx.get(f"{url}{path}", params={"offset": offset}, timeout=30)
        assert resp.status_code == 200, (path, resp.text)
        body = resp.json()
        assert (body["events"] if path == "/events" else body) == []


@pytest.mark.parametrize(("name", "body", "status"), [
    ("infinite number", b'{"text": "Chile praised Peru.", "published": 1e999}', 422),
    ("NaN", b'{"text": "Chile praised Peru.", "title": NaN}', 422),
    ("JSON nested 100,000 deep", b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", 400),
    ("integer of 5,000 digits", b'{"text": "x", "id": 1' + b"0" * 5000 + b"}", 400),
    ("invalid UTF-8", b'{"text": "\xff\xfe Chile"}', 400),
])
def test_hostile_bodies_are_client_errors(url: str, name: str, body: bytes, status: int) -> None:
    resp = httpx.post(f"{url}/extract?store=false", content=body, headers={"Content-Type": "application/json"},
                      timeout=60)
    assert resp.status_code == status, (name, resp.text)
    assert resp.json()["detail"]
