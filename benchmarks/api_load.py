"""The HTTP API under load on loopback: a real ``bilateral serve`` on 127.0.0.1 over a store made from
``examples/corpus``, hit by concurrent clients mixing every GET endpoint with some ``POST /extract``
(``?store=false``, with the token), some that store their record while the reads go on, and a few
writes without the token (expected 401). Every stored extraction must be in the store afterwards.

    python benchmarks/api_load.py                          # 2,000 requests, 8 clients
    python benchmarks/api_load.py --requests 10000 --clients 16

Prints the counts by status, p50/p99/max latency overall and per endpoint, and fails (exit 1) on any
5xx or any status other than the expected one. Writes ``benchmarks/results/api_load.json``.
Only 127.0.0.1 is contacted. The store and the server live in a temporary folder, deleted after.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "examples" / "corpus" / "articles.jsonl"
RESULTS = Path(__file__).resolve().parent / "results" / "api_load.json"
TOKEN = "load-test-token"
HOST = "127.0.0.1"
ARTICLES = (
    "Cambodia and South Korea signed an agreement on labour migration in Phnom Penh on Monday.",
    "Vietnam accused China of ramming a fishing boat near the Paracel Islands, the foreign ministry said.",
    "\"We will defend our sovereignty,\" Philippine President Ferdinand Marcos told reporters in Manila.",
    "Saudi Arabia and Iran agreed to reopen their embassies within two months, officials said on Friday.",
)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def _requests(rng: random.Random, doc_ids: list[str]) -> list[tuple[str, str, str, dict[str, Any] | None, int]]:
    """(label, method, path, json body, expected status) choices with their weights applied."""
    gets = [
        ("health", "/health"), ("vocabulary", "/vocabulary"), ("documents", "/documents?limit=20"),
        ("documents?text", "/documents?text=Cambodia"), ("events", "/events?limit=50"),
        ("events?dyad", "/events?country=KHM&country=KOR"), ("events?type", "/events?type=AGREE&from=2024"),
        ("actors", "/actors?limit=50"), ("quotes", "/quotes?limit=50"), ("dyad", "/dyads/KHM/KOR"),
        ("dyad", "/dyads/VNM/USA"), ("network", "/network"), ("event-places", "/event-places"),
    ]
    out: list[tuple[str, str, str, dict[str, Any] | None, int]] = [
        (label, "GET", path, None, 200) for label, path in gets]
    out += [("document", "GET", f"/documents/{d}", None, 200) for d in rng.sample(doc_ids, min(8, len(doc_ids)))]
    out.append(("document 404", "GET", "/documents/no-such-id", None, 404))
    return out


def run_load(base: str, *, n: int, clients: int, extract_share: float, store_share: float, seed: int,
             doc_ids: list[str]) -> dict[str, Any]:
    rng = random.Random(seed)
    choices = _requests(rng, doc_ids)
    plan: list[tuple[str, str, str, dict[str, Any] | None, int, dict[str, str]]] = []
    auth = {"Authorization": f"Bearer {TOKEN}"}
    for i in range(n):
        r = rng.random()
        if r < extract_share:
            body = {"text": rng.choice(ARTICLES), "published": "2024-05-01", "id": f"load-{i}"}
            plan.append(("POST /extract", "POST", "/extract?store=false", body, 200, auth))
        elif r < extract_share + store_share:
            body = {"text": f"{rng.choice(ARTICLES)} (report {i})", "published": "2024-05-02", "id": f"stored-{i}"}
            plan.append(("POST /extract stored", "POST", "/extract", body, 200, auth))
        elif r < extract_share + store_share + 0.01:
            plan.append(("POST no token", "POST", "/extract", {"text": ARTICLES[0]}, 401, {}))
        else:
            label, method, path, body, want = rng.choice(choices)
            plan.append((label, method, path, body, want, {}))
    lock = threading.Lock()
    latencies: dict[str, list[float]] = defaultdict(list)
    statuses: Counter[int] = Counter()
    unexpected: list[str] = []
    cursor = iter(range(len(plan)))

    def client() -> None:
        with httpx.Client(base_url=base, timeout=120) as http:
            while True:
                with lock:
                    i = next(cursor, None)
                if i is None:
                    return
                label, method, path, body, want, headers = plan[i]
                t0 = time.perf_counter()
                try:
                    resp = http.request(method, path, json=body, headers=headers)
                    status = resp.status_code
                except httpx.HTTPError as exc:
                    status = 0
                    label = f"{label} ({type(exc).__name__})"
                dt = time.perf_counter() - t0
                with lock:
                    latencies[label].append(dt)
                    statuses[status] += 1
                    if status != want:
                        unexpected.append(f"{method} {path}: {status} (expected {want})")

    t0 = time.perf_counter()
    threads = [threading.Thread(target=client, name=f"client-{k}") for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    every = sorted(x for xs in latencies.values() for x in xs)

    def pct(xs: list[float], q: float) -> float:
        xs = sorted(xs)
        return round(1000 * xs[min(len(xs) - 1, int(q * len(xs)))], 1)

    per = {label: {"n": len(xs), "p50_ms": pct(xs, 0.5), "p99_ms": pct(xs, 0.99), "max_ms": round(1000 * max(xs), 1)}
           for label, xs in sorted(latencies.items())}
    return {"requests": len(every), "clients": clients, "wall_s": round(wall, 1),
            "requests_per_s": round(len(every) / wall, 1), "statuses": {str(k): v for k, v in sorted(statuses.items())},
            "server_errors": sum(v for k, v in statuses.items() if k >= 500 or k == 0),
            "unexpected": unexpected[:20], "n_unexpected": len(unexpected),
            "p50_ms": pct(every, 0.5), "p99_ms": pct(every, 0.99), "max_ms": round(1000 * every[-1], 1),
            "mean_ms": round(1000 * statistics.fmean(every), 1), "per_endpoint": per}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--extract-share", type=float, default=0.05, help="share of POST /extract (default 0.05)")
    ap.add_argument("--store-share", type=float, default=0.02,
                    help="share of POST /extract that store their record, while the reads go on (default 0.02)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--no-write", action="store_true", help=f"do not write {RESULTS.name}")
    args = ap.parse_args()
    bilateral = [sys.executable, "-m", "bilateral"]
    with tempfile.TemporaryDirectory(prefix="bilateral-load-") as tmp:
        db = Path(tmp) / "load.db"
        subprocess.run([*bilateral, "extract", str(CORPUS), "--db", str(db), "-o", os.devnull, "--quiet"], check=True)
        doc_ids = [json.loads(line)["id"] for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
        port = _free_port()
        log = open(Path(tmp) / "serve.log", "w+", encoding="utf-8")  # noqa: SIM115
        server = subprocess.Popen([*bilateral, "serve", "--db", str(db), "--host", HOST, "--port", str(port),
                                   "--token", TOKEN], stdout=log, stderr=subprocess.STDOUT)
        base = f"http://{HOST}:{port}"
        try:
            deadline = time.monotonic() + 180
            while True:  # up, and the engine loaded (so the first extraction does not count its loading)
                assert server.poll() is None, "bilateral serve exited"
                try:
                    health = httpx.get(f"{base}/health", timeout=5).json()
                    if health.get("engine_loaded"):
                        break
                except httpx.HTTPError:
                    pass
                if time.monotonic() > deadline:
                    raise SystemExit("bilateral serve did not become ready in 180 s")
                time.sleep(0.25)
            result = run_load(base, n=args.requests, clients=args.clients, extract_share=args.extract_share,
                              store_share=args.store_share, seed=args.seed, doc_ids=doc_ids)
            result["documents_in_store"] = health["documents"]
            after = httpx.get(f"{base}/health", timeout=30).json()["documents"]
            stored = result["per_endpoint"].get("POST /extract stored", {}).get("n", 0)
            result["documents_after"] = after
            if after != health["documents"] + stored:  # every stored extraction is in the store, once
                result["unexpected"].append(f"store has {after} documents, expected {health['documents'] + stored}")
                result["n_unexpected"] += 1
        finally:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
            log.seek(0)
            server_log = log.read()
            log.close()
    tracebacks = server_log.count("Traceback")
    result["server_tracebacks"] = tracebacks
    print(f"{result['requests']} requests from {result['clients']} clients in {result['wall_s']} s "
          f"({result['requests_per_s']}/s) against {base}, store of {result['documents_in_store']} documents "
          f"({result['documents_after']} after)")
    print(f"statuses: {result['statuses']}; 5xx or failed: {result['server_errors']}; unexpected: "
          f"{result['n_unexpected']}; server tracebacks: {tracebacks}")
    print(f"latency: p50 {result['p50_ms']} ms, p99 {result['p99_ms']} ms, max {result['max_ms']} ms")
    print(f"{'endpoint':<22}{'n':>6}{'p50 ms':>9}{'p99 ms':>9}{'max ms':>9}")
    for label, row in result["per_endpoint"].items():
        print(f"{label:<22}{row['n']:>6}{row['p50_ms']:>9}{row['p99_ms']:>9}{row['max_ms']:>9}")
    for line in result["unexpected"]:
        print(f"  unexpected: {line}")
    if not args.no_write:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 1 if result["server_errors"] or result["n_unexpected"] or tracebacks else 0


if __name__ == "__main__":
    sys.exit(main())
