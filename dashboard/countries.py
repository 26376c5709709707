"""Countries: names, demonyms and metonyms to ISO 3166-1 alpha-3, with representative points."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import pycountry

from dashboard.errors import DataError
from dashboard.naturalearth import CountryShape
from dashboard.textnorm import normalize_name

_SUFFIX = r"(?:['’]s\b|-(?:led|backed|based|operated|run|built|funded|controlled|owned|made|"
_SUFFIX += r"trained|allied|leaning|friendly)\b)?"


@dataclass(frozen=True)
class CountryRef:
    """A country named in text: by name, demonym (``Russian``) or metonym (``the Kremlin``)."""

    start: int
    end: int
    iso3: str
    kind: str
    text: str


@dataclass(frozen=True)
class CountryIndex:
    """Look countries up by any of their names and find them in text."""

    names: dict[str, str]
    points: dict[str, tuple[float, float]]
    display: dict[str, str]
    pattern: re.Pattern[str]
    kinds: dict[str, str]
    capitals: dict[str, str] = field(default_factory=dict)

    def lookup(self, name: str) -> str | None:
        """Return the ISO3 code for a country name, or None."""
        return self.names.get(normalize_name(name))

    def point(self, iso3: str) -> tuple[float, float] | None:
        """Return the representative point (lat, lon) of a country."""
        return self.points.get(iso3)

    def capital(self, iso3: str | None) -> str | None:
        """Return the name of a country's capital city, or None when unknown."""
        return self.capitals.get(iso3 or "")

    def label(self, iso3: str | None) -> str:
        """Return the country's English short name (the code itself when unknown)."""
        return self.display.get(iso3 or "", iso3 or "")

    def find(self, text: str) -> list[CountryRef]:
        """Find every country reference in text, longest match first, without overlaps."""
        refs = []
        for match in self.pattern.finditer(text):
            term = match.group("term")
            key = term if term in self.kinds else normalize_name(term)
            iso3 = self.names.get(normalize_name(term))
            if iso3 is None:
                continue
            kind = self.kinds.get(key, "name")
            refs.append(CountryRef(match.start(), match.end(), iso3, kind, match.group(0)))
        return refs


def read_centroids(curated: Path | None = None) -> dict[str, tuple[float, float]]:
    """Read country centre points: GeoNames' own (curated in data/), else countryinfo's."""
    points: dict[str, tuple[float, float]] = {}
    for entry in resources.files("countryinfo").joinpath("data").iterdir():
        if not entry.name.endswith(".json"):
            continue
        try:
            data = json.loads(entry.read_text(encoding="utf-8"))
        except ValueError:
            continue
        iso3 = (data.get("ISO") or {}).get("alpha3")
        latlng = data.get("latlng")
        if iso3 and isinstance(latlng, list) and len(latlng) == 2:
            points[iso3] = (float(latlng[0]), float(latlng[1]))
    if curated is not None and curated.exists():
        with curated.open(encoding="utf-8", newline="") as handle:
            for line, row in enumerate(csv.DictReader(handle), start=2):
                try:
                    points[row["iso3"]] = (float(row["lat"]), float(row["lon"]))
                except (KeyError, ValueError) as exc:
                    raise DataError(f"{curated}:{line}: bad country point {row}") from exc
    return points


def read_country_terms(path: Path) -> list[tuple[str, str, str]]:
    """Read the curated names, demonyms and metonyms: (term, iso3, kind)."""
    rows = []
    with path.open(encoding="utf-8", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            term, iso3, kind = row.get("term", ""), row.get("country", ""), row.get("kind", "")
            if not term or len(iso3) != 3 or kind not in ("name", "demonym", "metonym"):
                raise DataError(f"{path}:{line}: expected term, ISO3 country and kind, got {row}")
            rows.append((term, iso3, kind))
    return rows


def build_country_index(shapes: Iterable[CountryShape], terms: list[tuple[str, str, str]],
                        centroids: dict[str, tuple[float, float]] | None = None,
                        capitals: dict[str, str] | None = None) -> CountryIndex:
    """Combine Natural Earth, pycountry and the curated terms into one index."""
    names: dict[str, str] = {}
    points: dict[str, tuple[float, float]] = {}
    display: dict[str, str] = {}
    populations: dict[str, int] = {}
    surface: dict[str, str] = {}
    centroids = read_centroids() if centroids is None else centroids
    for item in shapes:
        if item.population >= populations.get(item.iso3, -1):
            populations[item.iso3] = item.population
            points[item.iso3] = centroids.get(item.iso3, (item.label_lat, item.label_lon))
            display.setdefault(item.iso3, item.name)
        for name in item.names:
            names.setdefault(normalize_name(name), item.iso3)
        for name in item.english:
            if name[:1].isupper() and len(name) > 3:
                surface.setdefault(name, "name")
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names.setdefault(normalize_name(value), country.alpha_3)
                surface.setdefault(value, "name")
        display.setdefault(country.alpha_3, getattr(country, "common_name", country.name))
    kinds: dict[str, str] = {}
    for term, iso3, kind in terms:
        names[normalize_name(term)] = iso3
        surface[term] = kind
        kinds[term] = kind
    alternation = "|".join(re.escape(t) for t in sorted(surface, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w-])(?P<term>{alternation}){_SUFFIX}(?![\w])")
    for term, kind in surface.items():
        kinds.setdefault(term, kind)
    return CountryIndex(names, points, display, pattern, kinds, dict(capitals or {}))


def language_name(code: str) -> str:
    """Return a language's English name from its ISO 639-1 code (the code when unknown)."""
    found = pycountry.languages.get(alpha_2=code)
    return str(found.name) if found else code
