"""Read corpora: ``.txt``, ``.html``/``.htm``, ``.jsonl``/``.jsonl.gz``, ``.csv``, folders, ``-`` (stdin).

Reads: paths. Writes: a stream of :class:`Article` and :class:`InputProblem` (one per document or
file that could not be read, naming the file and line). A problem never stops the stream.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import warning
from .article import Article
from .html_text import LXML_MAX_DEPTH, nesting_depth, visible_text

SUPPORTED = (".txt", ".html", ".htm", ".jsonl", ".jsonl.gz", ".csv")
FIELDS = ("id", "published", "title", "source", "url", "language")
#: bytes sniffed to tell binary files from text.
SNIFF = 8192
#: the most a ``.jsonl.gz`` file may decompress to (a guard against gzip bombs).
MAX_GUNZIP = 2 * 2**30
#: UTF-16 surrogate code points: JSON can carry them (``"\\ud800"``), UTF-8 cannot.
SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class InputProblem:
    """A document or file that could not be read; ``origin`` is ``path`` or ``path:line``."""

    origin: str
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: [{self.code}] {self.message}"


Item = Article | InputProblem


def read_inputs(paths: Iterable[str | Path]) -> Iterator[Item]:
    """Everything readable under ``paths``, in order; folders recursively, sorted.

    Ids are unique within one run: a document whose id was already read with a different text is a
    problem (E116, the first one is kept); the same id with the same text again is read once."""
    seen: dict[str, tuple[str, str]] = {}
    for p in paths:
        for item in read_path(p):
            if isinstance(item, Article):
                key = item.doc_id
                digest = item.content_hash
                if key in seen:
                    first_hash, first_origin = seen[key]
                    if first_hash != digest:
                        yield InputProblem(item.origin, "E116", f"duplicate id {key!r} with a different text "
                                           f"(first read at {first_origin}): skipped; give each document its own id")
                    continue
                seen[key] = (digest, item.origin)
            yield item


def read_path(path: str | Path) -> Iterator[Item]:
    """One path: a file, a folder or ``-`` for stdin."""
    if str(path) == "-":
        yield from _read_stdin()
        return
    p = Path(path)
    if not p.exists():
        yield InputProblem(str(p), "E101", "no such file or folder")
        return
    if p.is_dir():
        found = False
        for child in sorted(p.rglob("*")):
            if child.is_file() and _kind(child) is not None and not child.name.startswith("."):
                found = True
                yield from _read_file(child)
        if not found:
            yield InputProblem(str(p), "E102", f"folder holds no readable files ({', '.join(SUPPORTED)})")
        return
    yield from _read_file(p)


def _kind(p: Path) -> str | None:
    name = p.name.lower()
    for ext in (".jsonl.gz", ".jsonl", ".html", ".htm", ".txt", ".csv"):
        if name.endswith(ext):
            return ext
    return None


def _read_file(p: Path) -> Iterator[Item]:
    kind = _kind(p)
    if kind is None:
        yield InputProblem(str(p), "E103", f"unknown file type {p.suffix!r}: use one of {', '.join(SUPPORTED)}")
        return
    try:
        raw = p.read_bytes()
    except OSError as exc:
        yield InputProblem(str(p), "E104", f"cannot read file: {exc.strerror or exc}")
        return
    if kind == ".jsonl.gz":
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(raw)) as gz:
                raw = gz.read(MAX_GUNZIP + 1)
        except (OSError, EOFError) as exc:
            yield InputProblem(str(p), "E105", f"not a valid gzip file: {exc}")
            return
        if len(raw) > MAX_GUNZIP:
            yield InputProblem(str(p), "E117", f"decompresses to more than {MAX_GUNZIP // 2**20:,} MiB: not read "
                               "(split the corpus into smaller files)")
            return
    if b"\x00" in raw[:SNIFF]:
        yield InputProblem(str(p), "E106", "binary file (NUL bytes): not a text corpus")
        return
    text, warns = _decode(raw)
    if kind == ".txt":
        yield _article(text, origin=str(p), warns=warns, fallback_id=None)
    elif kind in (".html", ".htm"):
        yield _from_html(text, origin=str(p), warns=warns)
    elif kind in (".jsonl", ".jsonl.gz"):
        yield from _from_jsonl(text, origin=str(p), warns=warns)
    else:
        yield from _from_csv(text, origin=str(p), warns=warns)


def _decode(raw: bytes) -> tuple[str, list[str]]:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        return raw.decode("utf-8", errors="replace"), [
            warning("W001", f"invalid UTF-8 at byte {exc.start}: undecodable bytes were replaced by U+FFFD")]


def _article(text: str, *, origin: str, warns: list[str], fallback_id: str | None,
             meta: dict[str, Any] | None = None) -> Item:
    if not text.strip():
        return InputProblem(origin, "E107", "empty document (no text)")
    meta = meta or {}
    return without_surrogates(Article(
        text=text, id=_str(meta.get("id")) or fallback_id, published=_str(meta.get("published")),
        title=_str(meta.get("title")), source=_str(meta.get("source")), url=_str(meta.get("url")),
        language=_str(meta.get("language")), origin=origin, warnings=tuple(warns)))


def without_surrogates(article: Article) -> Article:
    """``article`` with lone UTF-16 surrogates (JSON escapes such as ``\\ud800``, which are not
    characters and cannot be written as UTF-8) replaced by U+FFFD, with warning W001; else itself."""
    values = {k: getattr(article, k) for k in ("text", *FIELDS)}
    if not any(v and SURROGATE.search(v) for v in values.values()):
        return article
    clean = {k: SURROGATE.sub("\ufffd", v) if v else v for k, v in values.items()}
    note = warning("W001", "lone surrogate escapes (\\ud800-\\udfff) are not characters: replaced by U+FFFD")
    return Article(**clean, origin=article.origin, warnings=(*article.warnings, note))


def _str(v: Any) -> str | None:
    if v is None:
        return None
    s = str(v).strip()
    return s or None


def article_from_html(html: str, *, origin: str = "<html>") -> Article | InputProblem:
    """An article from an HTML page: main text (comments excluded), title, date and url (trafilatura)."""
    return _from_html(html, origin=origin, warns=[])


def _from_html(html: str, *, origin: str, warns: list[str]) -> Item:
    import trafilatura

    try:
        result = trafilatura.bare_extraction(html, include_comments=False, with_metadata=True)
    except Exception as exc:  # noqa: BLE001 - a broken page is one document's problem
        return InputProblem(origin, "E108", f"HTML could not be parsed: {type(exc).__name__}: {exc}")
    try:
        depth = nesting_depth(html) if html.count("<") > LXML_MAX_DEPTH else 0
        deep_text, deep_title = visible_text(html) if depth > LXML_MAX_DEPTH else ("", None)
    except Exception as exc:  # noqa: BLE001 - html.parser is lenient, but a broken page is one document's problem
        return InputProblem(origin, "E108", f"HTML could not be parsed: {type(exc).__name__}: {exc}")
    if depth > LXML_MAX_DEPTH:
        # lxml drops what is nested deeper than its limit, silently: take all the visible text instead
        data = result.as_dict() if result is not None and hasattr(result, "as_dict") else dict(result or {})
        data["text"] = deep_text
        data["title"] = data.get("title") or deep_title
        warns = [*warns, warning("W002", f"the page nests {depth:,} elements deep (the HTML parser keeps "
                                 f"{LXML_MAX_DEPTH}): all its visible text was taken, boilerplate included")]
    elif result is None:
        return InputProblem(origin, "E109", "no article text found in the HTML page")
    else:
        data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    meta = {"title": data.get("title"), "published": data.get("date"), "url": data.get("url"),
            "source": data.get("sitename") or data.get("hostname")}
    return _article(data.get("text") or "", origin=origin, warns=warns, fallback_id=None, meta=meta)


def _from_jsonl(text: str, *, origin: str, warns: list[str]) -> Iterator[Item]:
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputProblem(where, "E110", f"line is not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        except RecursionError:
            yield InputProblem(where, "E110", "line is not usable JSON (nested too deeply)")
            continue
        if not isinstance(obj, dict):
            yield InputProblem(where, "E111", "line is not a JSON object")
            continue
        if not isinstance(obj.get("text"), str):
            yield InputProblem(where, "E112", "object has no 'text' string")
            continue
        yield _article(obj["text"], origin=where, warns=warns, fallback_id=None, meta=obj)


def _from_csv(text: str, *, origin: str, warns: list[str]) -> Iterator[Item]:
    csv.field_size_limit(sys.maxsize)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)  # an unterminated quote is an error
    try:
        header = next(reader)
    except StopIteration:
        yield InputProblem(origin, "E107", "empty CSV file")
        return
    except csv.Error as exc:
        yield InputProblem(origin, "E113", f"CSV header could not be read: {exc}")
        return
    cols = [h.strip().lower() for h in header]
    if "text" not in cols:
        yield InputProblem(origin, "E114", f"CSV has no 'text' column (columns: {', '.join(cols) or 'none'}); "
                           "rename the column that holds the article text to 'text'")
        return
    n = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            n += 1
            yield InputProblem(f"{origin}:{n}", "E113", f"CSV row could not be read: {exc}")
            continue
        n = reader.line_num
        if not row or not any(c.strip() for c in row):
            continue
        if len(row) != len(cols):
            yield InputProblem(f"{origin}:{n}", "E115", f"row has {len(row)} fields, header has {len(cols)}")
            continue
        rec = dict(zip(cols, row, strict=True))
        yield _article(rec["text"], origin=f"{origin}:{n}", warns=warns, fallback_id=None, meta=rec)


def _read_stdin() -> Iterator[Item]:
    data = sys.stdin.buffer.read()
    text, warns = _decode(data)
    stripped = text.lstrip()
    if stripped.startswith("{"):
        yield from _from_jsonl(text, origin="<stdin>", warns=warns)
    else:
        yield _article(text, origin="<stdin>", warns=warns, fallback_id=None)
