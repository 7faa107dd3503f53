"""The web page in headless Chromium: highlights, hover details, escaping, extraction, corpus views.

Checks UI behaviour against whatever record the page shows (hand-built ones, or what the engine
extracts today), never specific extraction results.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from bilateral.record import Document

from .conftest import Server
from .records import HOSTILE, article_record, hostile_record

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


def open_page(driver: Any, url: str) -> None:
    """Load the page afresh (a hash-only change would not reload it) and wait for its first route."""
    driver.get("about:blank")
    driver.get(url)
    wait(driver, "document.body && document.body.dataset.ready === 'true'")


def wait(driver: Any, script: str, timeout: float = 60) -> Any:
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(lambda d: d.execute_script(f"return {script}"))


def highlight_keys(driver: Any) -> set[str]:
    keys = driver.execute_script("return [...document.querySelectorAll('#doc-text .hl')].map(s => s.dataset.ann)")
    return {k for ann in keys for k in ann.split()}


def expected_keys(rec: dict[str, Any]) -> set[str]:
    keys = {f"actor:{a['id']}:{i}" for a in rec["actors"] for i, _ in enumerate(a["mentions"])}
    keys |= {f"{part}:{e['id']}" for e in rec["events"] for part in ("trigger", "evidence")}
    keys |= {f"quote:{q['id']}" for q in rec["quotes"]}
    keys |= {f"time:{t['id']}" for t in rec["times"] if t["span"][1] > t["span"][0]}
    keys |= {f"place:{p['id']}" for p in rec["places"]}
    return keys


def hover(driver: Any, key: str) -> str:
    """Hover the first text segment carrying annotation ``key``; return the tooltip's text."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    segments = [s for s in driver.find_elements(By.CSS_SELECTOR, "#doc-text .hl")
                if key in (s.get_attribute("data-ann") or "").split()]
    assert segments, f"no highlight for {key}"
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", segments[0])
    ActionChains(driver).move_to_element(segments[0]).perform()
    wait(driver, "!document.querySelector('#tip').hidden", timeout=10)
    return str(driver.execute_script("return document.querySelector('#tip').textContent"))


# -- the article view ----------------------------------------------------------------------------
def test_every_annotation_of_the_record_is_highlighted(browser: Any, server: Server) -> None:
    rec = article_record().to_dict()
    open_page(browser, f"{server.url}/#article/{rec['id']}")
    assert expected_keys(rec) <= highlight_keys(browser)
    # the text is shown whole and exact (code points: the flag emoji does not shift later spans)
    assert browser.execute_script("return document.querySelector('#doc-text').textContent") == rec["text"]
    hanoi = browser.execute_script(
        "return [...document.querySelectorAll('#doc-text .hl')].filter(s => s.dataset.ann.includes('place:p2'))"
        ".map(s => s.textContent).join('')")
    assert hanoi == "Hanoi"
    counts = browser.execute_script("return ['#list-events', '#list-quotes', '#list-actors']"
                                    ".map(id => document.querySelectorAll(id + ' li').length)")
    assert counts == [len(rec["events"]), len(rec["quotes"]), len(rec["actors"])]


@pytest.mark.parametrize("event_id", ["e1", "e3"])
def test_hovering_an_event_shows_its_codes_status_and_why(browser: Any, server: Server, event_id: str) -> None:
    rec = article_record().to_dict()
    event = next(e for e in rec["events"] if e["id"] == event_id)
    open_page(browser, f"{server.url}/#article/{rec['id']}")
    tip = hover(browser, f"trigger:{event_id}")
    assert event["why"] in tip
    assert event["type"] in tip and event["status"] in tip and str(event["quad"]) in tip


def test_hovering_an_actor_and_a_quote_shows_codes_and_speaker(browser: Any, server: Server) -> None:
    open_page(browser, f"{server.url}/#article/t-article")
    tip = hover(browser, "actor:a2:1")
    assert "Anthony Albanese" in tip and "AUS" in tip and "GOV" in tip
    tip = hover(browser, "quote:q1")
    assert "Pham Minh Chinh" in tip and "told" in tip


def test_article_text_and_record_strings_are_escaped(browser: Any, server: Server) -> None:
    rec = hostile_record().to_dict()
    open_page(browser, f"{server.url}/#article/{rec['id']}")
    assert browser.execute_script("return document.querySelector('#doc-text').textContent") == HOSTILE
    assert browser.execute_script("return document.querySelector('#doc-title').textContent") == rec["title"]
    found = browser.execute_script(
        "return document.querySelectorAll('main script, main img, main b, main i, #tip img').length")
    assert found == 0
    tip = hover(browser, "trigger:e1")
    assert rec["events"][0]["why"] in tip
    assert browser.execute_script("return document.querySelectorAll('#tip img, #tip b').length") == 0
    assert browser.execute_script("return window.__pwned === undefined")


# -- extracting in the page -------------------------------------------------------------------
def _extract_in_page(browser: Any, server: Server, *, text: str | None = None, file: Path | None = None) -> str:
    from selenium.webdriver.common.by import By

    open_page(browser, f"{server.url}/")
    if text is not None:
        browser.execute_script("document.querySelector('#f-text').value = arguments[0]", text)
    if file is not None:
        browser.find_element(By.ID, "f-file").send_keys(str(file))
    browser.find_element(By.ID, "f-published").send_keys("2024-05-06")
    browser.find_element(By.ID, "f-submit").click()
    wait(browser, "!document.querySelector('#article').hidden", timeout=120)
    return str(browser.execute_script("return document.querySelector('#article').dataset.doc"))


def test_pasted_article_is_extracted_stored_and_highlighted(browser: Any, server: Server) -> None:
    text = ("Japan condemned North Korea's missile launch on Monday. <script>window.__pwned = 9</script>\n"
            "Australian Prime Minister Anthony Albanese said Australia would give Vietnam 50 million dollars.")
    doc_id = _extract_in_page(browser, server, text=text)
    assert browser.execute_script("return document.querySelector('#doc-text').textContent") == text
    rec = httpx.get(f"{server.url}/documents/{doc_id}", timeout=10).json()
    assert rec["text"] == text
    assert expected_keys(rec) <= highlight_keys(browser)
    assert browser.execute_script("return window.__pwned === undefined")
    if rec["events"]:
        assert rec["events"][0]["why"] in hover(browser, f"trigger:{rec['events'][0]['id']}")


def test_uploaded_file_is_extracted(browser: Any, server: Server, tmp_path: Path) -> None:
    path = tmp_path / "upload.txt"
    path.write_text("Germany and France signed a defence agreement in Berlin on Tuesday.", encoding="utf-8")
    doc_id = _extract_in_page(browser, server, file=path)
    shown = browser.execute_script("return document.querySelector('#doc-text').textContent")
    assert shown == path.read_text(encoding="utf-8")
    assert httpx.get(f"{server.url}/documents/{doc_id}", timeout=10).status_code == 200


# -- corpus views ---------------------------------------------------------------------------------
def test_event_table_applies_the_filters(browser: Any, server: Server) -> None:
    from selenium.webdriver.common.by import By

    open_page(browser, f"{server.url}/#events")
    wait(browser, "document.querySelectorAll('#events-table tbody tr').length > 0")
    browser.find_element(By.CSS_SELECTOR, "#event-filters input[name=country]").send_keys("PHL")
    browser.find_element(By.CSS_SELECTOR, "#event-filters button").click()
    want = httpx.get(f"{server.url}/events", params={"country": "PHL"}, timeout=10).json()["total"]
    wait(browser, f"document.querySelectorAll('#events-table tbody tr').length === {want}")
    cells = browser.execute_script("return [...document.querySelectorAll('#events-table tbody td')]"
                                   ".map(td => td.textContent).join(' ')")
    assert "PHL" in cells and "VNM" not in cells
    # the hostile record's evidence shows as text in the table too
    assert "<b>exchanged</b>" in cells
    assert browser.execute_script("return document.querySelectorAll('#events-table b').length") == 0


def test_dyad_timeline_draws_relations_and_monthly_bars(browser: Any, server: Server) -> None:
    body = httpx.get(f"{server.url}/dyads/AUS/VNM", timeout=10).json()
    open_page(browser, f"{server.url}/#dyad/AUS/VNM")
    wait(browser, "document.querySelector('#dyad-chart svg') !== null")
    coop = browser.execute_script("return document.querySelectorAll('#dyad-chart rect.bar.coop').length")
    conflict = browser.execute_script("return document.querySelectorAll('#dyad-chart rect.bar.conflict').length")
    assert coop == sum(1 for m in body["months"] if m["cooperation"])
    assert conflict == sum(1 for m in body["months"] if m["conflict"])
    marks = browser.execute_script("return document.querySelectorAll('#dyad-chart .relation-mark').length")
    assert marks == len(body["history"]) > 0
    rows = browser.execute_script("return document.querySelectorAll('#dyad-relations tbody tr').length")
    assert rows == len(body["history"])


def test_network_and_map_draw_every_edge_and_place(browser: Any, server: Server) -> None:
    net = httpx.get(f"{server.url}/network", timeout=10).json()
    open_page(browser, f"{server.url}/#network")
    wait(browser, "document.querySelector('#network-chart svg') !== null")
    assert browser.execute_script("return document.querySelectorAll('#network-chart line.edge').length") == \
        len(net["edges"])
    places = httpx.get(f"{server.url}/event-places", timeout=10).json()
    open_page(browser, f"{server.url}/#map")
    wait(browser, "document.querySelector('#map-chart svg') !== null")
    assert browser.execute_script("return document.querySelectorAll('#map-chart circle.place-dot').length") == \
        len(places) > 0


def test_page_loads_nothing_from_elsewhere(browser: Any, server: Server, web_docs: list[Document]) -> None:
    open_page(browser, f"{server.url}/#article/t-article")
    urls = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert urls and all(u.startswith(server.url + "/") for u in urls), urls


def test_token_box_on_a_guarded_server(browser: Any, tmp_path: Path, engine: Any) -> None:
    from selenium.webdriver.common.by import By

    from bilateral.web import ServeConfig

    from .conftest import fill_store, serve

    db = fill_store(tmp_path / "guarded.db", [article_record()])
    with serve(ServeConfig(db=db, token="page-token"), loader=lambda _s: engine) as srv:
        open_page(browser, f"{srv.url}/")
        browser.execute_script("sessionStorage.clear()")
        assert browser.find_element(By.ID, "token-box").is_displayed()
        browser.execute_script("document.querySelector('#f-text').value = arguments[0]", "Japan met Korea.")
        browser.find_element(By.ID, "f-submit").click()
        wait(browser, "document.querySelector('#extract-error').textContent.includes('401')")
        assert browser.find_element(By.ID, "article").get_attribute("hidden") is not None
        token = browser.find_element(By.ID, "token")
        token.send_keys("page-token")
        browser.execute_script("arguments[0].dispatchEvent(new Event('change'))", token)
        browser.find_element(By.ID, "f-submit").click()
        wait(browser, "!document.querySelector('#article').hidden", timeout=120)
        assert browser.execute_script("return document.querySelector('#doc-text').textContent") == "Japan met Korea."
        browser.execute_script("sessionStorage.clear()")
