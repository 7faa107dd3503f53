"""Fuzz ``extract`` for a bounded time: random and mutated news text must never crash it, and every
record must keep its spans sound. Usage: ``python scripts/fuzz.py [--seconds 60] [--seed 0]``.
Exit code 1 and the failing input on the first problem."""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

import bilateral
from bilateral.check import problems

ROOT = Path(__file__).resolve().parent.parent


def corpus() -> list[str]:
    texts = [json.loads(line)["text"] for line in (ROOT / "examples" / "demo" / "articles.jsonl").read_text().splitlines()
             if line.strip()]
    return texts


def mutate(rng: random.Random, text: str) -> str:
    ops = rng.randint(1, 8)
    chars = list(text)
    for _ in range(ops):
        op = rng.choice(("delete", "insert", "dup", "swap", "quote", "newline", "unicode"))
        if not chars:
            chars = list("x")
        i = rng.randrange(len(chars))
        j = min(len(chars), i + rng.randint(1, 40))
        if op == "delete":
            del chars[i:j]
        elif op == "insert":
            chars[i:i] = list(rng.choice(["“", "”", "\"", "'", "\n\n", "said", " he ", "May", "—", "\u200b", "\x00"]))
        elif op == "dup":
            chars[i:i] = chars[i:j]
        elif op == "swap":
            k = rng.randrange(len(chars))
            chars[i], chars[k] = chars[k], chars[i]
        elif op == "quote":
            chars.insert(i, rng.choice("“”\"«»"))
        elif op == "newline":
            chars.insert(i, "\n")
        else:
            chars.insert(i, chr(rng.randint(0x80, 0x2FFF)))
    return "".join(chars)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    engine = bilateral.load()
    base = corpus()
    deadline = time.monotonic() + args.seconds
    n = 0
    while time.monotonic() < deadline:
        if rng.random() < 0.2:
            text = "".join(chr(rng.randint(1, 0x3000)) for _ in range(rng.randint(0, 300)))
        else:
            text = mutate(rng, rng.choice(base))
        published = rng.choice([None, "2024-09-13", "1999-12-31"])
        try:
            doc = engine.extract(text, published=published)
        except Exception as exc:  # noqa: BLE001
            print(f"CRASH after {n} inputs: {type(exc).__name__}: {exc}\ninput: {text!r}", file=sys.stderr)
            return 1
        bad = problems(doc)
        if bad:
            print(f"BROKEN RECORD after {n} inputs: {bad[:3]}\ninput: {text!r}", file=sys.stderr)
            return 1
        if any("stage failed" in w for w in doc.warnings):
            print(f"STAGE FAILURE after {n} inputs: {doc.warnings}\ninput: {text!r}", file=sys.stderr)
            return 1
        n += 1
    print(f"fuzz: {n} inputs in {args.seconds:.0f} s, no crash, every span sound")
    return 0


if __name__ == "__main__":
    sys.exit(main())
