"""Fixtures for the web tests: a store of hand-built records, a real uvicorn server on loopback,
and headless Chromium driven by Selenium (skipped, with the reason, when either is missing)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import bilateral
from bilateral.record import Document
from bilateral.store import Store
from bilateral.web import ServeConfig, create_app
from bilateral.web.server import running

from .records import article_record, corpus, hostile_record

CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage",
                  "--window-size=1400,1000")


def fill_store(path: Path, docs: list[Document]) -> Path:
    with Store(path) as store:
        for doc in docs:
            store.upsert(doc, f"test-{doc.id}")
    return path


@dataclass
class Server:
    url: str
    db: Path
    config: ServeConfig


@contextmanager
def serve(config: ServeConfig, *, loader: Callable[[Any], bilateral.Engine] | None = None) -> Iterator[Server]:
    """Run the app with uvicorn in a thread, on 127.0.0.1 and a free port; stop it afterwards."""
    with running(create_app(config, loader=loader)) as url:
        yield Server(url=url, db=Path(config.db), config=config)


@pytest.fixture(scope="session")
def web_docs() -> list[Document]:
    return [article_record(), hostile_record(), *corpus()[1:]]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, web_docs: list[Document],
           engine: bilateral.Engine) -> Iterator[Server]:
    """A writable server over a store of the hand-built records; extraction uses the session engine."""
    db = fill_store(tmp_path_factory.mktemp("web") / "store.db", web_docs)
    with serve(ServeConfig(db=db), loader=lambda _settings: engine) as srv:
        yield srv


def _chromium() -> str | None:
    for name in ("/usr/bin/chromium", shutil.which("chromium") or "", shutil.which("chromium-browser") or ""):
        if name and os.access(name, os.X_OK):
            return name
    return None


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Headless Debian Chromium through chromedriver; skips when either, or selenium, is missing."""
    chromium = _chromium()
    if chromium is None:
        pytest.skip("chromium not found (/usr/bin/chromium): run `make browser` or scripts/install-browser.sh")
    driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    if not os.access(driver_path, os.X_OK):
        pytest.skip("chromedriver not found: install Debian's chromium-driver (scripts/install-browser.sh)")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        pytest.skip("selenium is not installed in this environment: run scripts/install-browser.sh")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(executable_path=driver_path))
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()
