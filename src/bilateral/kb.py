"""The knowledge base of office-holders: who held which office, for which country, when.

Reads: the bundled ``resources/leaders.csv``, the user's imported KB (``user_kb_path()``, written by
``bilateral kb import``) and any files given as ``settings.actor_files`` (``--actors FILE``: CSV with the
columns of ``leaders.csv``, or YAML: a list of mappings with the same keys). Writes nothing at run time;
:func:`import_wikidata` turns a Wikidata SPARQL export (JSON or CSV) into a KB CSV.

The KB is a fallback: the actors stage uses it only when the text gives no country or no sector for a
named person ("Senate president Hun Sen"). An office that ended before the publication date makes the
person ELI (a former official); without a publication date the person's latest office counts (an
undated article may be from any time, so nobody is made "former" by today's date). Names match on
the full name or a curated alias ("Putin"); a surname is never derived, since "Martin" or "Harris" alone
is too often somebody else. ``bilateral kb query`` prints :data:`WIKIDATA_QUERY`.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
import json
import os
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .errors import BilateralError

COLUMNS = ("name", "aliases", "country", "office", "sector", "start", "end")

#: The query a user runs at https://query.wikidata.org (then "Download" as JSON or CSV) to refresh the KB:
#: heads of state (P35) and of government (P6) of every country with an ISO code, and holders of foreign
#: minister posts (P39 of a subclass of "minister of foreign affairs"), since 2000, with English aliases.
WIKIDATA_QUERY = """\
SELECT ?personLabel ?iso3 ?positionLabel ?start ?end
       (GROUP_CONCAT(DISTINCT ?alias; separator="|") AS ?aliases)
WHERE {
  ?country wdt:P298 ?iso3 .
  {
    ?country p:P35 ?st . ?st ps:P35 ?person . BIND(wd:Q48352 AS ?position)
  } UNION {
    ?country p:P6 ?st . ?st ps:P6 ?person . BIND(wd:Q2285706 AS ?position)
  } UNION {
    ?person p:P39 ?st . ?st ps:P39 ?position .
    ?position wdt:P279* wd:Q7330070 ; wdt:P1001 ?country .
  }
  ?st pq:P580 ?start .
  OPTIONAL { ?st pq:P582 ?end . }
  FILTER(?start >= "2000-01-01T00:00:00Z"^^xsd:dateTime)
  ?person rdfs:label ?personLabel . FILTER(LANG(?personLabel) = "en")
  ?position rdfs:label ?positionLabel . FILTER(LANG(?positionLabel) = "en")
  OPTIONAL { ?person skos:altLabel ?alias . FILTER(LANG(?alias) = "en") }
}
GROUP BY ?personLabel ?iso3 ?positionLabel ?start ?end
"""
_QUOTES = str.maketrans({"’": "'", "‘": "'", "–": "-", "—": "-"})


@dataclass(frozen=True, slots=True)
class Term:
    """One office held by one person from ``start`` to ``end`` (None: still held)."""

    name: str
    aliases: tuple[str, ...]
    country: str
    office: str
    sector: str
    start: dt.date | None
    end: dt.date | None
    source: str = "bundled"


@dataclass(frozen=True, slots=True)
class Hit:
    """What the KB says about a name on a date."""

    name: str
    country: str
    sector: str | None
    office: str
    current: bool
    rule: str


def name_key(text: str) -> str:
    """The lookup key of a name: accents, case, quotes and hyphens folded, spaces collapsed."""
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower().replace("-", " ").replace(".", "")
    return " ".join(text.split())


def parse_partial_date(value: str | None, *, end: bool = False) -> dt.date | None:
    """'2024', '2024-05' or '2024-05-03' (or a datetime) to a date; a partial date reads as its first
    day, or for ``end`` its last day. Empty is None."""
    if not value:
        return None
    text = str(value).strip()[:10]
    parts = text.split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
        month = int(parts[1])
        if len(parts) == 2:
            if end:
                nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
                return nxt - dt.timedelta(days=1)
            return dt.date(year, month, 1)
        return dt.date(year, month, int(parts[2]))
    except ValueError as exc:
        raise BilateralError("E040", f"not a date in the actor KB: {value!r} (use YYYY, YYYY-MM or "
                             "YYYY-MM-DD)") from exc


def _term(row: dict[str, Any], source: str) -> Term:
    name = str(row.get("name") or "").strip()
    country = str(row.get("country") or "").strip().upper()
    if not name or not country:
        raise BilateralError("E041", f"an actor KB row needs 'name' and 'country' ({source}: {row!r})")
    aliases = row.get("aliases") or ()
    if isinstance(aliases, str):
        aliases = [a for a in aliases.split(";") if a.strip()]
    return Term(name=name, aliases=tuple(str(a).strip() for a in aliases), country=country,
                office=str(row.get("office") or "").strip(), sector=str(row.get("sector") or "").strip().upper(),
                start=parse_partial_date(row.get("start")), end=parse_partial_date(row.get("end"), end=True),
                source=source)


def read_terms_csv(text: str, *, source: str) -> list[Term]:
    """Terms from CSV text with the columns of ``leaders.csv`` (``#`` lines are comments)."""
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)))
    missing = {"name", "country"} - set(reader.fieldnames or ())
    if missing:
        raise BilateralError("E042", f"{source}: the actor file needs columns {', '.join(COLUMNS)} "
                             f"(missing {', '.join(sorted(missing))})")
    return [_term(row, source) for row in reader]


def read_terms_file(path: str | Path) -> list[Term]:
    """Terms from a user file: ``.csv`` or ``.yaml``/``.yml``."""
    p = Path(path)
    if not p.is_file():
        raise BilateralError("E043", f"actor file not found: {p}")
    text = p.read_text(encoding="utf-8")
    if p.suffix.lower() in (".yaml", ".yml"):
        data = yaml.safe_load(text) or []
        if isinstance(data, dict):
            data = data.get("actors") or data.get("leaders") or []
        if not isinstance(data, list):
            raise BilateralError("E044", f"{p}: a YAML actor file is a list of mappings with keys "
                                 f"{', '.join(COLUMNS)}")
        return [_term(dict(item), str(p)) for item in data]
    return read_terms_csv(text, source=str(p))


def user_kb_path() -> Path:
    """Where ``bilateral kb import`` writes: $BILATERAL_KB, else ~/.local/share/bilateral/leaders.csv."""
    env = os.environ.get("BILATERAL_KB")
    if env:
        return Path(env)
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "bilateral" / "leaders.csv"


@lru_cache(maxsize=1)
def bundled_terms() -> tuple[Term, ...]:
    text = resources.files("bilateral.resources").joinpath("leaders.csv").read_text(encoding="utf-8")
    return tuple(read_terms_csv(text, source="bundled"))


class KnowledgeBase:
    """Terms indexed by every name and alias."""

    def __init__(self, terms: Iterable[Term]) -> None:
        self.terms = list(terms)
        self._by_key: dict[str, list[Term]] = defaultdict(list)
        for t in self.terms:
            for n in {t.name, *t.aliases}:
                self._by_key[name_key(n)].append(t)
        self._initials: dict[tuple[str, ...], list[str]] | None = None
        # one-word names come only from the curated aliases ("Putin", "Erdogan"): a surname derived from
        # a full name ("Martin", "Harris") is too often somebody else's name.

    def __len__(self) -> int:
        return len(self.terms)

    def knows(self, name: str) -> bool:
        key = name_key(name)
        return key in self._by_key

    def names(self) -> list[str]:
        """Every full name and alias (for finding names in text)."""
        return sorted({n for t in self.terms for n in (t.name, *t.aliases)})

    def close_name(self, name: str, *, cutoff: float = 0.9) -> str | None:
        """The one KB name (key) spelled almost like ``name`` ("Francois Mitterand" -> "francois mitterrand"):
        two or more words of the same count, the same initials, a similarity of ``cutoff`` or more, and no
        other name as close. None otherwise."""
        key = name_key(name)
        words = key.split()
        if len(words) < 2 or len(key) < 10:
            return None
        initials = [w[0] for w in words]
        pool = self._by_initials().get(tuple(initials), ())
        scored = sorted(((difflib.SequenceMatcher(None, key, k).ratio(), k) for k in pool if k != key), reverse=True)
        if not scored or scored[0][0] < cutoff:
            return None
        if len(scored) > 1 and scored[1][0] >= scored[0][0] - 0.03 and \
                {t.name for t in self._by_key[scored[1][1]]} != {t.name for t in self._by_key[scored[0][1]]}:
            return None  # two different people about as close
        return scored[0][1]

    def _by_initials(self) -> dict[tuple[str, ...], list[str]]:
        if self._initials is None:
            self._initials = defaultdict(list)
            for k in self._by_key:
                words = k.split()
                if len(words) >= 2:
                    self._initials[tuple(w[0] for w in words)].append(k)
        return self._initials

    def lookup(self, name: str, *, on: dt.date | None = None, fuzzy: bool = False) -> Hit | None:
        """Country and sector of ``name`` on date ``on``; None when unknown or ambiguous. With ``fuzzy``, a
        name the KB does not know may match one spelled almost alike (:meth:`close_name`; rule "kb:close")."""
        key = name_key(name)
        terms = self._by_key.get(key)
        if not terms and fuzzy:
            close = self.close_name(name)
            if close is not None:
                hit = self.lookup(close, on=on)
                return None if hit is None else Hit(hit.name, hit.country, hit.sector, hit.office, hit.current,
                                                    hit.rule.replace("kb:name", "kb:close"))
        if not terms:
            return None
        people = {name_key(t.name) for t in terms}
        countries = {t.country for t in terms}
        if len(people) > 1 and len(countries) > 1:
            return None  # two different people of different countries share this name
        rule = "kb:name"
        if on is None:
            latest = max(terms, key=lambda t: (t.start or dt.date.min))
            return Hit(latest.name, latest.country, latest.sector or None, latest.office, latest.end is None,
                       rule + ":latest")
        active = [t for t in terms if (t.start is None or t.start <= on) and (t.end is None or on <= t.end)]
        if active:
            best = max(active, key=lambda t: (t.start or dt.date.min))
            return Hit(best.name, best.country, best.sector or None, best.office, True, rule + ":in-office")
        past = [t for t in terms if t.end is not None and t.end < on]
        if past:
            last = max(past, key=lambda t: t.end or dt.date.min)
            return Hit(last.name, last.country, "ELI", "former " + last.office, False, rule + ":former")
        first = min(terms, key=lambda t: (t.start or dt.date.min))
        return Hit(first.name, first.country, None, "", False, rule + ":before-office")


@lru_cache(maxsize=8)
def load_kb(actor_files: tuple[str, ...] = (), *, user_kb: str | None = None) -> KnowledgeBase:
    """The bundled KB, plus the imported user KB (if present), plus ``actor_files``."""
    terms: list[Term] = list(bundled_terms())
    path = Path(user_kb) if user_kb else user_kb_path()
    if path.is_file():
        terms.extend(read_terms_file(path))
    for f in actor_files:
        terms.extend(read_terms_file(f))
    return KnowledgeBase(terms)


# -- Wikidata import ----------------------------------------------------------------------------------

def _value(cell: Any) -> str:
    if isinstance(cell, dict):
        return str(cell.get("value") or "")
    return "" if cell is None else str(cell)


def _rows_of_export(text: str) -> list[dict[str, str]]:
    """Rows of a SPARQL results export: JSON (``results.bindings``) or CSV/TSV with a header."""
    stripped = text.lstrip()
    if stripped.startswith("{") or stripped.startswith("["):
        data = json.loads(text)
        rows = data["results"]["bindings"] if isinstance(data, dict) else data
        return [{k.lstrip("?"): _value(v) for k, v in r.items()} for r in rows]
    dialect = "excel-tab" if "\t" in text.splitlines()[0] else "excel"
    return [{k.lstrip("?"): (v or "") for k, v in r.items()} for r in csv.DictReader(io.StringIO(text), dialect=dialect)]


def office_sector(office: str) -> str:
    """The PLOVER sector of an office's label, from the sector terms ("Minister of Defence" -> GOV)."""
    from .resources.actor_lexicon import sector_terms

    low = f" {office.lower()} "
    best: tuple[int, str] | None = None
    for term in sector_terms():
        if term.kind == "person" and f" {term.term} " in low:
            if best is None or len(term.term) > best[0]:
                best = (len(term.term), term.sector)
    return best[1] if best else "GOV"


def import_wikidata(text: str, *, source: str = "wikidata") -> list[Term]:
    """Terms from a Wikidata export with columns personLabel, iso3, positionLabel, start, end, aliases."""
    terms = []
    for row in _rows_of_export(text):
        name = row.get("personLabel") or row.get("name") or ""
        iso3 = (row.get("iso3") or row.get("country") or "").upper()
        office = row.get("positionLabel") or row.get("office") or ""
        if not name or not iso3 or name.startswith("Q") and name[1:].isdigit():
            continue
        aliases = tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip() and a.strip() != name)
        terms.append(Term(name=name, aliases=aliases, country=iso3, office=office, sector=office_sector(office),
                          start=parse_partial_date(row.get("start") or None),
                          end=parse_partial_date(row.get("end") or None, end=True), source=source))
    return terms


def write_terms_csv(terms: Sequence[Term], *, header: str = "") -> str:
    """CSV text in the columns of ``leaders.csv`` (with ``#`` provenance lines first)."""
    out = io.StringIO()
    for line in header.splitlines():
        out.write(f"# {line}\n")
    w = csv.writer(out, lineterminator="\n")
    w.writerow(COLUMNS)
    seen = set()
    for t in terms:
        row = (t.name, ";".join(t.aliases), t.country, t.office, t.sector,
               t.start.isoformat() if t.start else "", t.end.isoformat() if t.end else "")
        if row not in seen:
            seen.add(row)
            w.writerow(row)
    return out.getvalue()
