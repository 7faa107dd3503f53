#!/usr/bin/env python3
"""Screenshots of the web page for the docs: ``docs/article.png`` (an example article with its
highlights and one event's hover card) and ``docs/dyad.png`` (a dyad timeline).

Rerunnable: extracts ``examples/demo`` and ``examples/corpus`` with the installed engine into a
temporary store, serves it on a loopback port and drives Debian's headless Chromium (Selenium and
chromedriver; ``scripts/install-browser.sh`` installs them). Nothing is downloaded.

    .venv/bin/python scripts/screenshots.py [--out docs] [--article demo-vnm-aus] [--dyad KHM KOR]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage", "--hide-scrollbars",
         "--force-device-scale-factor=1")


def build_store(db: Path) -> None:
    import bilateral
    from bilateral.ingest import read_inputs
    from bilateral.run.local import extract_to

    engine = bilateral.load()
    paths = [ROOT / "examples" / "demo" / "articles.jsonl", ROOT / "examples" / "corpus" / "articles.jsonl"]
    stats = extract_to(engine, read_inputs([p for p in paths if p.is_file()]), out=None, db=db)
    print(f"extracted {stats.documents} document(s), {stats.events} event(s) into {db}", file=sys.stderr)


def browser(width: int, height: int) -> Any:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    for path in (chromium, driver_path):
        if not Path(path).exists():
            sys.exit(f"{path} not found: run scripts/install-browser.sh (Debian's chromium and chromium-driver)")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in (*FLAGS, f"--window-size={width},{height}"):
        options.add_argument(flag)
    return webdriver.Chrome(options=options, service=Service(executable_path=driver_path))


def wait(driver: Any, script: str, timeout: float = 60) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, timeout).until(lambda d: d.execute_script(f"return {script}"))


def open_page(driver: Any, url: str) -> None:
    driver.get("about:blank")
    driver.get(url)
    wait(driver, "document.body && document.body.dataset.ready === 'true'")


def fit_height(driver: Any, width: int, *, minimum: int = 600, extra: int = 0) -> None:
    """Grow the window to the page's height so one screenshot holds it all."""
    height = int(driver.execute_script("return document.documentElement.scrollHeight"))
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": max(minimum, height + extra), "deviceScaleFactor": 1, "mobile": False})
    time.sleep(0.3)


def shoot_article(driver: Any, base: str, doc_id: str, out: Path, width: int) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    open_page(driver, f"{base}/#article/{doc_id}")
    wait(driver, "document.querySelector('#article') && !document.querySelector('#article').hidden")
    driver.execute_script("document.querySelector('#extract-form').hidden = true")  # the article, not the form
    fit_height(driver, width, minimum=1000, extra=40)
    triggers = driver.find_elements(By.CSS_SELECTOR, "#doc-text .hl.trigger")
    if triggers:  # show one event's hover card: codes, status and why
        ActionChains(driver).move_to_element(triggers[0]).perform()
        wait(driver, "!document.querySelector('#tip').hidden", timeout=10)
    driver.save_screenshot(str(out))


def shoot_dyad(driver: Any, base: str, pair: tuple[str, str] | None, out: Path, width: int) -> None:
    import json
    import urllib.request

    if pair is None:  # the pair with the most relation steps and counted months
        with urllib.request.urlopen(f"{base}/network") as r:  # noqa: S310 - our own loopback server
            edges = json.load(r)["edges"]
        best, score = None, -1
        for e in edges[:12]:
            with urllib.request.urlopen(f"{base}/dyads/{e['a']}/{e['b']}") as r:  # noqa: S310
                d = json.load(r)
            s = 2 * len(d["history"]) + len(d["months"])
            if s > score:
                best, score = (e["a"], e["b"]), s
        if best is None:
            sys.exit("no dyad with events in the example corpus: is the engine finding actors and events?")
        pair = best
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False})
    open_page(driver, f"{base}/#dyad/{pair[0]}/{pair[1]}")
    wait(driver, "document.querySelector('#dyad-chart svg, #dyad-chart .empty') !== null")
    fit_height(driver, width, extra=20)
    driver.save_screenshot(str(out))
    print(f"dyad {pair[0]}-{pair[1]}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=ROOT / "docs", help="folder for article.png and dyad.png")
    ap.add_argument("--article", default="demo-vnm-aus", help="document id for the article view")
    ap.add_argument("--dyad", nargs=2, metavar="ISO3", help="country pair (default: the richest in the corpus)")
    ap.add_argument("--width", type=int, default=1360)
    args = ap.parse_args(argv)

    from bilateral.web import ServeConfig, create_app
    from bilateral.web.server import running

    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="bilateral-shots-") as tmp:
        db = Path(tmp) / "examples.db"
        build_store(db)
        app = create_app(ServeConfig(db=db, read_only=True))
        with running(app) as base:
            driver = browser(args.width, 900)
            try:
                shoot_article(driver, base, args.article, args.out / "article.png", args.width)
                shoot_dyad(driver, base, tuple(args.dyad) if args.dyad else None, args.out / "dyad.png", args.width)
            finally:
                driver.quit()
    print(f"wrote {args.out / 'article.png'} and {args.out / 'dyad.png'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
