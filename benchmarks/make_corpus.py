"""Write a bench corpus of N news-like documents as JSONL (one object per line: id, text, published,
title, source), streamed to disk. Never commit its output: generate it at bench time.

Sources:
- ``shared``: the stories of ``../shared/data/ngec_synthetic_events`` (read at bench time, never
  copied into the project), cycled when N is larger, each with its own id;
- ``synthetic``: wire stories assembled from sentence templates and word lists below, seeded, so
  any N is possible without ../shared and every document has fresh numbers and name pairings;
- ``auto`` (default): ``shared`` when present, else ``synthetic``.

    python benchmarks/make_corpus.py --docs 2000 -o /tmp/bench.jsonl
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import tempfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED_STORIES = ROOT.parent / "shared" / "data" / "ngec_synthetic_events" / "gold.jsonl"

COUNTRIES = ("Kenya", "Ethiopia", "Japan", "South Korea", "Chile", "Peru", "Germany", "France", "Brazil",
             "Argentina", "India", "Pakistan", "Turkey", "Greece", "Egypt", "Sudan", "Mexico", "Canada",
             "Poland", "Ukraine", "Vietnam", "the Philippines", "Nigeria", "Ghana", "Indonesia", "Australia")
CAPITALS = ("Nairobi", "Addis Ababa", "Tokyo", "Seoul", "Santiago", "Lima", "Berlin", "Paris", "Brasilia",
            "Buenos Aires", "New Delhi", "Islamabad", "Ankara", "Athens", "Cairo", "Khartoum", "Mexico City",
            "Ottawa", "Warsaw", "Kyiv", "Hanoi", "Manila", "Abuja", "Accra", "Jakarta", "Canberra")
FIRST = ("Amina", "Kenji", "Maria", "Olusegun", "Anna", "Rahul", "Fatima", "Jean", "Lucas", "Mei", "Pedro",
         "Sofia", "Yusuf", "Ingrid", "Tomas", "Aisha", "Daniel", "Leila", "Marco", "Chen")
LAST = ("Odhiambo", "Tanaka", "Silva", "Adeyemi", "Kowalski", "Sharma", "Haddad", "Dupont", "Moreira",
        "Wang", "Castillo", "Petrova", "Demir", "Larsen", "Novak", "Bello", "Cohen", "Nasser", "Rossi", "Li")
TITLES = ("Foreign Minister", "President", "Prime Minister", "Defence Minister", "Trade Minister",
          "opposition leader", "central bank governor", "army spokesman", "Interior Minister")
GROUPS = ("teachers", "farmers", "doctors", "students", "truck drivers", "miners", "nurses", "dock workers")
TEMPLATES = (
    "{c1} and {c2} agreed on {day} to expand trade and cooperation on energy, officials said.",
    "{title1} {p1} of {c1} met {p2}, {c2}'s {title2}, in {cap1} on {day}.",
    "\"We will not accept any interference in our internal affairs,\" {p1} told reporters in {cap1}.",
    "{c1} accused {c2} of violating its airspace {n} times since {month}, the ministry said in a statement.",
    "Thousands of {group} marched through {cap1} on {day}, demanding higher wages and better conditions.",
    "Police in {cap2} arrested {n} people after clashes with protesters near the parliament.",
    "{c1} recalled its ambassador from {cap2} after a row over a disputed border crossing.",
    "The {title2} said {c2} would send {n} tonnes of food aid to {c1} within the next {k} weeks.",
    "{p2} warned that {c2} could impose sanctions if {c1} did not release the detained journalists.",
    "Talks between {c1} and {c2} on a new security pact will resume in {cap2} in {month}, diplomats said.",
    "{c1}'s parliament voted {n} to {k} to approve a {k}-year defence agreement with {c2}.",
    "Officials in {cap1} said the two governments had signed {k} memoranda on investment and migration.",
    "{p1} denied reports that {c1} had threatened to cut gas supplies to {c2}.",
    "Rebels attacked an army post near the {c2} border on {day}, killing {k} soldiers, the military said.",
    "The {title1} praised {c2} for its help after floods displaced {n} families in the north of {c1}.",
)
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


def synthetic(n: int, *, seed: int = 13) -> Iterator[dict[str, str]]:
    """``n`` wire stories of 2-4 paragraphs, 6-12 sentences, deterministic for a seed."""
    rng = random.Random(seed)
    start = dt.date(2024, 1, 1)
    for i in range(n):
        c1, c2 = rng.sample(range(len(COUNTRIES)), 2)
        slots = {"c1": COUNTRIES[c1], "c2": COUNTRIES[c2], "cap1": CAPITALS[c1], "cap2": CAPITALS[c2],
                 "p1": f"{rng.choice(FIRST)} {rng.choice(LAST)}", "p2": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                 "title1": rng.choice(TITLES), "title2": rng.choice(TITLES), "group": rng.choice(GROUPS),
                 "day": rng.choice(DAYS), "month": rng.choice(MONTHS), "n": f"{rng.randint(2, 9999):,}",
                 "k": str(rng.randint(2, 12))}
        sentences = [rng.choice(TEMPLATES).format(**slots) for _ in range(rng.randint(6, 12))]
        sentences = [s[0].upper() + s[1:] for s in sentences]
        cuts = sorted(rng.sample(range(1, len(sentences)), rng.randint(1, 3)))
        paras = [" ".join(sentences[a:b]) for a, b in zip([0, *cuts], [*cuts, len(sentences)], strict=True)]
        yield {"id": f"bench-{i:06d}", "text": "\n\n".join(paras),
               "published": (start + dt.timedelta(days=i % 600)).isoformat(),
               "title": f"{slots['c1']} and {slots['c2']}", "source": "bench-synthetic"}


def shared(n: int) -> Iterator[dict[str, str]]:
    """``n`` stories read from ../shared (cycled past its end), each with a bench id and date."""
    start = dt.date(2024, 1, 1)
    i = 0
    while i < n:
        with open(SHARED_STORIES, encoding="utf-8") as f:
            for line in f:
                if i >= n:
                    return
                obj = json.loads(line)
                if not isinstance(obj.get("text"), str) or not obj["text"].strip():
                    continue
                yield {"id": f"bench-{i:06d}", "text": obj["text"],
                       "published": (start + dt.timedelta(days=i % 600)).isoformat(),
                       "title": str(obj.get("title") or ""), "source": "bench-shared"}
                i += 1


def make_corpus(n: int, out: Path, *, source: str = "auto") -> tuple[str, int, int]:
    """Write ``n`` documents to ``out``; return (source used, documents, words)."""
    if source == "auto":
        source = "shared" if SHARED_STORIES.is_file() else "synthetic"
    docs = shared(n) if source == "shared" else synthetic(n)
    words = count = 0
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
            words += len(d["text"].split())
            count += 1
    return source, count, words


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--source", choices=("auto", "shared", "synthetic"), default="auto")
    ap.add_argument("-o", "--output", type=Path, help="JSONL file to write (without it: generate to a "
                    "temporary file, print the counts, delete it; `make bench` runs it so)")
    args = ap.parse_args()
    if args.output is None:
        with tempfile.TemporaryDirectory() as tmp:
            source, count, words = make_corpus(args.docs, Path(tmp) / "corpus.jsonl", source=args.source)
        print(f"bench corpus: {count} documents, {words} words ({source}); give -o FILE to keep it")
        return
    source, count, words = make_corpus(args.docs, args.output, source=args.source)
    print(f"{count} documents, {words} words ({source}) -> {args.output}")


if __name__ == "__main__":
    main()
