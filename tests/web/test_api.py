"""The HTTP API over a real uvicorn server and a real SQLite file: contracts, filters, guards."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import jsonschema
import pytest

import bilateral
from bilateral.record import Document
from bilateral.store import Store
from bilateral.web import ServeConfig

from .conftest import Server, fill_store, serve
from .records import article_record

SCHEMA = json.loads((Path(bilateral.__file__).parent / "schema" / "document.schema.json").read_text())
TEXT = "Japan condemned the missile launch on Monday. Australia signed a trade agreement with Vietnam."


def get(server: Server, path: str, **params: Any) -> Any:
    r = httpx.get(server.url + path, params=params, timeout=30)
    assert r.status_code == 200, r.text
    return r.json()


# -- service ----------------------------------------------------------------------------------
def test_health_reports_the_store_and_guards(server: Server, web_docs: list[Document]) -> None:
    body = get(server, "/health")
    assert body["status"] == "ok"
    assert body["documents"] == len(web_docs)
    assert body["read_only"] is False and body["token_required"] is False


def test_openapi_lists_every_endpoint(server: Server) -> None:
    paths = get(server, "/openapi.json")["paths"]
    for path in ("/health", "/extract", "/documents", "/documents/{doc_id}", "/events", "/actors", "/quotes",
                 "/dyads/{a}/{b}", "/network", "/event-places", "/vocabulary"):
        assert path in paths, path
    assert "post" in paths["/extract"]
    assert {p["name"] for p in paths["/events"]["get"]["parameters"]} >= {
        "country", "sector", "type", "quad", "status", "from", "to", "place", "text", "dedup"}


def test_page_and_assets_are_served_from_the_package_with_a_strict_policy(server: Server) -> None:
    page = httpx.get(server.url + "/", timeout=10)
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "default-src 'self'" in page.headers["content-security-policy"]
    for asset in ("app.js", "article.js", "charts.js", "app.css"):
        r = httpx.get(f"{server.url}/static/{asset}", timeout=10)
        assert r.status_code == 200, asset
        text = r.text.replace("http://www.w3.org/2000/svg", "")  # the SVG namespace name, not a URL fetched
        assert "http://" not in text and "https://" not in text and "//cdn" not in text, asset
    assert "http" not in page.text.replace("http-equiv", "")


# -- reading ------------------------------------------------------------------------------------
def test_document_round_trips_the_stored_record(server: Server) -> None:
    rec = get(server, "/documents/t-article")
    assert rec == article_record().to_dict()
    assert httpx.get(server.url + "/documents/nope", timeout=10).status_code == 404


def test_documents_list_has_metadata_and_counts(server: Server) -> None:
    rows = {d["id"]: d for d in get(server, "/documents")}
    assert rows["t-article"]["n_events"] == 3 and rows["t-article"]["title"].startswith("Vietnam")
    assert [d["id"] for d in get(server, "/documents", text="hostile")] == ["t-hostile"]
    assert "text" not in rows["t-article"]


@pytest.mark.parametrize(("params", "expected"), [
    ({}, {"t-article/e1", "t-article/e2", "t-hostile/e1", "c1/e1", "c2/e1", "c3/e1", "c4/e1", "c5/e1",
          "c6/e1"}),
    ({"country": "PHL"}, {"t-hostile/e1", "c4/e1", "c5/e1", "c6/e1"}),
    ({"country": ["PHL", "chn"], "type": "REJECT"}, {"c5/e1"}),
    ({"quad": 4}, {"c4/e1", "c6/e1"}),
    ({"status": "hypothetical"}, {"t-article/e3"}),
    ({"from": "2025-02-01", "to": "2025-03"}, {"c3/e1", "t-article/e1", "t-article/e2"}),
    ({"to": "2025-01"}, {"c1/e1", "c2/e1"}),
    ({"place": "hanoi"}, {"c2/e1", "c3/e1"}),
    ({"place": "Canberra", "country": "VNM"}, {"t-article/e1", "c1/e1"}),
    ({"text": "trusted"}, set()),
    ({"text": "elevated ties"}, {"t-article/e2"}),
    ({"sector": "GOV", "country": "CHN"}, {"t-hostile/e1", "c4/e1", "c5/e1", "c6/e1"}),
])
def test_event_filters_one_row_per_report(server: Server, params: dict[str, Any], expected: set[str]) -> None:
    body = get(server, "/events", dedup="false", **params)
    assert {e["id"] for e in body["events"]} == expected
    assert body["total"] == len(expected)


def test_events_are_deduplicated_across_articles_by_default(server: Server) -> None:
    rows = get(server, "/events", country=["CHN", "PHL"], type="PROTEST")["events"]
    assert len(rows) == 1 and rows[0]["articles"] == 2
    assert set(rows[0]["documents"].split(";")) == {"c4", "c6"}


def test_event_rows_carry_names_places_and_documents(server: Server) -> None:
    (row,) = get(server, "/events", country="AUS", type="CONSULT")["events"]
    assert {row["source_name"], row["target_name"]} == {"Pham Minh Chinh", "Anthony Albanese"}
    assert {row["source_country"], row["target_country"]} == {"VNM", "AUS"}
    assert row["place"] == "Canberra" and row["documents"] == "t-article" and row["evidence"]


@pytest.mark.parametrize("params", [{"quad": 7}, {"status": "rumoured"}, {"limit": 0}, {"country": "XX"},
                                    {"from": "2025/01"}, {"country": ["AUS", "VNM", "CHN"]}])
def test_bad_filter_values_are_422_with_a_message(server: Server, params: dict[str, Any]) -> None:
    r = httpx.get(server.url + "/events", params=params, timeout=10)
    assert r.status_code == 422
    assert r.json()["detail"]


def test_dyad_timeline_counts_months_and_orders_relations(server: Server) -> None:
    body = get(server, "/dyads/vnm/AUS")
    assert body["countries"] == ["AUS", "VNM"]
    months = {m["month"]: m for m in body["months"]}
    assert months["2025-01"]["cooperation"] == 2 and months["2025-01"]["conflict"] == 0
    assert months["2025-02"]["conflict"] == 1
    # the hypothetical COERCE of March is not counted; the CONSULT and AGREE are
    assert months["2025-03"]["cooperation"] == 2 and months["2025-03"]["events"] == 2
    assert [r["level"] for r in body["history"]] == ["strategic partnership", "comprehensive strategic partnership"]
    assert body["history"][1]["rank"] > body["history"][0]["rank"]
    assert body["current"] == "comprehensive strategic partnership"
    assert httpx.get(server.url + "/dyads/AUS/AUS", timeout=10).status_code == 422


def test_network_and_map(server: Server) -> None:
    net = get(server, "/network")
    edges = {(e["a"], e["b"]): e for e in net["edges"]}
    assert edges[("AUS", "VNM")]["events"] == 5 and edges[("CHN", "PHL")]["conflict"] == 2
    assert edges[("CHN", "PHL")]["events"] == 3  # the PROTEST reported twice counts once
    assert {n["id"] for n in net["nodes"]} == {"AUS", "VNM", "CHN", "PHL"}
    places = {p["name"]: p for p in get(server, "/event-places")}
    assert places["Hanoi"]["events"] == 2 and places["Manila"]["lat"] == pytest.approx(14.6)


def test_actors_and_quotes(server: Server) -> None:
    names = {a["name"] for a in get(server, "/actors", country="VNM")}
    assert "Pham Minh Chinh" in names and "Anthony Albanese" not in names
    (q,) = get(server, "/quotes", speaker="Chinh")
    assert q["speaker"] == "Pham Minh Chinh" and q["speaker_country"] == "VNM" and "trusted partners" in q["text"]


# -- extraction -----------------------------------------------------------------------------------
def test_extract_returns_a_valid_record_and_stores_it(server: Server) -> None:
    payload = {"text": TEXT, "published": "2024-05-06", "title": "T", "source": "S", "id": "api-1"}
    r = httpx.post(server.url + "/extract", json=payload, timeout=120)
    assert r.status_code == 200, r.text
    rec = r.json()
    jsonschema.validate(rec, SCHEMA)
    assert rec["text"] == TEXT and rec["id"] == "api-1" and rec["published"] == "2024-05-06"
    assert r.headers["x-bilateral-stored"] == "inserted"
    assert get(server, "/documents/api-1") == rec
    again = httpx.post(server.url + "/extract", json=payload, timeout=120)
    assert again.headers["x-bilateral-stored"] == "unchanged"


def test_extract_with_store_false_does_not_write(server: Server) -> None:
    r = httpx.post(server.url + "/extract", params={"store": "false"}, json={"text": TEXT, "id": "api-2"}, timeout=120)
    assert r.status_code == 200 and r.headers["x-bilateral-stored"] == "no"
    assert httpx.get(server.url + "/documents/api-2", timeout=10).status_code == 404


def test_extract_html_takes_the_page_text(server: Server) -> None:
    html = ("<html><head><title>Ties</title></head><body><nav>Home | World</nav><article><h1>Ties</h1>"
            f"<p>{TEXT}</p><p>{TEXT}</p></article></body></html>")
    r = httpx.post(server.url + "/extract", params={"store": "false"}, json={"html": html}, timeout=120)
    assert r.status_code == 200, r.text
    assert "Australia signed a trade agreement" in r.json()["text"] and "<p>" not in r.json()["text"]


@pytest.mark.parametrize(("body", "needle"), [
    (b"{not json", "not valid JSON"),
    (b'{"title": "no text"}', "exactly one of 'text' or 'html'"),
    (b'{"text": "a", "html": "<p>b</p>"}', "exactly one of 'text' or 'html'"),
    (b'{"text": "   "}', "empty"),
    (b'{"text": "x", "colour": "red"}', "colour"),
    (b'{"text": 5}', "text"),
    (b"[1, 2]", "body"),
])
def test_bad_requests_are_422_with_a_message(server: Server, body: bytes, needle: str) -> None:
    r = httpx.post(server.url + "/extract", content=body, headers={"content-type": "application/json"}, timeout=30)
    assert r.status_code == 422
    detail = r.json()["detail"]
    assert isinstance(detail, str) and needle in detail


# -- guards ------------------------------------------------------------------------------------
@pytest.fixture()
def small_store(tmp_path: Path) -> Path:
    return fill_store(tmp_path / "small.db", [article_record()])


@pytest.fixture()
def guarded(small_store: Path, engine: bilateral.Engine) -> Iterator[Server]:
    with serve(ServeConfig(db=small_store, token="s3cret", max_bytes=2000), loader=lambda _s: engine) as srv:
        yield srv


@pytest.mark.parametrize("header", [None, "Bearer wrong", "s3cret", "Basic s3cret", "Bearer", "bearer s3cret2"])
def test_token_is_required_for_post(guarded: Server, header: str | None) -> None:
    headers = {"Authorization": header} if header is not None else {}
    r = httpx.post(guarded.url + "/extract", json={"text": TEXT}, headers=headers, timeout=30)
    assert r.status_code == 401
    assert r.headers["www-authenticate"] == "Bearer" and "token" in r.json()["detail"]


def test_token_lets_post_through_and_reads_stay_open(guarded: Server) -> None:
    r = httpx.post(guarded.url + "/extract", params={"store": "false"}, json={"text": TEXT},
                   headers={"Authorization": "Bearer s3cret"}, timeout=120)
    assert r.status_code == 200, r.text
    assert httpx.get(guarded.url + "/events", timeout=10).status_code == 200
    assert get(guarded, "/health")["token_required"] is True


def test_body_over_the_limit_is_413(guarded: Server) -> None:
    auth = {"Authorization": "Bearer s3cret"}
    r = httpx.post(guarded.url + "/extract", json={"text": "x" * 5000}, headers=auth, timeout=30)
    assert r.status_code == 413 and "limit" in r.json()["detail"]

    def chunks() -> Iterator[bytes]:  # no Content-Length: the server must count
        yield b'{"text": "'
        for _ in range(10):
            yield b"y" * 500
        yield b'"}'

    r = httpx.post(guarded.url + "/extract", content=chunks(), headers={**auth, "content-type": "application/json"},
                   timeout=30)
    assert r.status_code == 413


def test_read_only_server_refuses_to_store_but_extracts(small_store: Path, engine: bilateral.Engine) -> None:
    with serve(ServeConfig(db=small_store, read_only=True), loader=lambda _s: engine) as srv:
        r = httpx.post(srv.url + "/extract", json={"text": TEXT}, timeout=30)
        assert r.status_code == 403 and "read-only" in r.json()["detail"]
        r = httpx.post(srv.url + "/extract", params={"store": "false"}, json={"text": TEXT}, timeout=120)
        assert r.status_code == 200 and r.headers["x-bilateral-stored"] == "no"
        assert get(srv, "/health")["read_only"] is True
    with Store(small_store, readonly=True) as store:
        assert store.count() == 1


def test_read_only_needs_an_existing_store(tmp_path: Path) -> None:
    with pytest.raises(bilateral.BilateralError, match="no store"):
        with serve(ServeConfig(db=tmp_path / "missing.db", read_only=True)):
            pass
    assert not (tmp_path / "missing.db").exists()


def test_corpus_views_follow_writes_made_beside_the_server(small_store: Path) -> None:
    from .records import corpus

    with serve(ServeConfig(db=small_store)) as srv:
        before = get(srv, "/events", dedup="false")["total"]
        with Store(small_store) as store:  # another process, e.g. `bilateral extract`, writes meanwhile
            store.upsert(corpus()[1], "other-writer")
        after = get(srv, "/events", dedup="false")
        assert after["total"] == before + 1
        assert "c1/e1" in {e["id"] for e in after["events"]}


def test_loopback_server_refuses_other_host_names(small_store: Path) -> None:
    from bilateral.web.app import LOOPBACK_HOSTS

    with serve(ServeConfig(db=small_store, allowed_hosts=LOOPBACK_HOSTS)) as srv:
        assert httpx.get(srv.url + "/health", timeout=10).status_code == 200
        port = srv.url.rsplit(":", 1)[1]
        assert httpx.get(srv.url + "/health", headers={"Host": f"localhost:{port}"}, timeout=10).status_code == 200
        r = httpx.get(srv.url + "/health", headers={"Host": f"evil.example:{port}"}, timeout=10)
        assert r.status_code == 421 and "127.0.0.1" in r.json()["detail"]
        r = httpx.post(srv.url + "/extract", json={"text": TEXT}, headers={"Host": "rebound.example"}, timeout=10)
        assert r.status_code == 421


@pytest.mark.parametrize(("header", "host"), [("127.0.0.1:8000", "127.0.0.1"), ("LocalHost", "localhost"),
                                              ("[::1]:8000", "::1"), ("::1", "::1"), ("example.org", "example.org")])
def test_host_name_drops_the_port(header: str, host: str) -> None:
    from bilateral.web.security import host_name

    assert host_name(header) == host


def test_json_body_sent_as_plain_text_is_refused(server: Server) -> None:
    """A cross-site form or `text/plain` fetch (no CORS preflight) cannot make the server extract or store."""
    r = httpx.post(server.url + "/extract", content=json.dumps({"text": TEXT}).encode(),
                   headers={"content-type": "text/plain"}, timeout=10)
    assert r.status_code == 422 and "Content-Type: application/json" in r.json()["detail"]


def test_document_ids_with_slashes(tmp_path: Path) -> None:
    doc = article_record()
    odd = Document(**{**doc.__dict__, "id": "feeds/2025/03 a&b"})
    with serve(ServeConfig(db=fill_store(tmp_path / "odd.db", [odd]))) as srv:
        for path in ("feeds%2F2025%2F03%20a%26b", "feeds/2025/03%20a%26b"):  # as the page encodes it, and raw
            r = httpx.get(f"{srv.url}/documents/{path}", timeout=10)
            assert r.status_code == 200 and r.json()["id"] == "feeds/2025/03 a&b"


def test_every_endpoint_is_documented(server: Server) -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "web.md").read_text(encoding="utf-8")
    paths = get(server, "/openapi.json")["paths"]
    for path in paths:
        shown = path.replace("{doc_id}", "{id}").replace("{a}/{b}", "{A}/{B}")
        assert f" {shown}" in doc, f"{path} is not in docs/web.md"
