"""Geocoders behind geopy's interface, and context-aware choice among their candidates.

The offline default answers from the local gazetteer; Nominatim is an opt-in online
alternative. Every answer carries the geocoder that produced it and its precision.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import pycountry
from geopy.exc import GeopyError
from geopy.geocoders import Nominatim
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from dashboard.errors import ConfigError, GeocodeError
from dashboard.gazetteer import Gazetteer
from dashboard.models import Place, Precision
from dashboard.settings import Settings
from dashboard.textnorm import normalize_name

_NOMINATIM_PRECISION: dict[str, Precision] = {
    "country": "country", "state": "region", "region": "region", "province": "region",
    "county": "region", "city": "settlement", "town": "settlement", "village": "settlement",
    "hamlet": "settlement", "suburb": "settlement", "municipality": "settlement",
}


def place_from_location(location: Location, geocoder: str) -> Place:
    """Turn a geopy Location carrying our ``raw`` fields into a Place."""
    raw: dict[str, Any] = dict(location.raw)
    return Place(key=str(raw.get("key") or f"{geocoder}:{location.address}"),
                 name=str(raw.get("name") or location.address), lat=location.latitude,
                 lon=location.longitude, country=raw.get("country"),
                 kind=str(raw.get("kind") or "place"), precision=raw.get("precision", "site"),
                 population=int(raw.get("population") or 0), geocoder=geocoder,
                 exact=bool(raw.get("exact", True)))


class GazetteerGeocoder(Geocoder):
    """Answer ``geocode`` from the offline gazetteer index; never touches the network."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        super().__init__(scheme="https", timeout=1)
        self.gazetteer = gazetteer

    def geocode(self, query: str, *, exactly_one: bool = True,
                country_codes: tuple[str, ...] = ()) -> Location | list[Location] | None:
        """Return the most populous place called ``query`` (or all of them)."""
        places = self.gazetteer.lookup(query)
        if country_codes:
            places = [p for p in places if p.country in country_codes]
        locations = [Location(p.name, (p.lat, p.lon), {**p.__dict__}) for p in places]
        if not locations:
            return None
        return locations[0] if exactly_one else locations


class NominatimGeocoder(Nominatim):
    """OpenStreetMap's Nominatim (online): only when a deployment opts in."""

    def geocode(self, query: str, *, exactly_one: bool = True,
                country_codes: tuple[str, ...] = ()) -> Location | list[Location] | None:
        """Ask Nominatim and attach precision and country to each answer."""
        try:
            found = super().geocode(query, exactly_one=False, addressdetails=True, limit=5)
        except GeopyError as exc:
            raise GeocodeError(f"Nominatim failed for {query!r}: {exc}") from exc
        if not found:
            return None
        locations = []
        for item in found:
            raw = dict(item.raw)
            address = raw.get("address", {})
            raw.update(key=f"osm:{raw.get('osm_type')}:{raw.get('osm_id')}", name=item.address,
                       precision=_NOMINATIM_PRECISION.get(raw.get("addresstype", ""), "site"),
                       country=_alpha3(address.get("country_code") or ""),
                       kind=raw.get("addresstype", "place"))
            locations.append(Location(item.address, (item.latitude, item.longitude), raw))
        return locations[0] if exactly_one else locations


def _alpha3(alpha2: str) -> str | None:
    """Turn Nominatim's two-letter country code into ISO 3166-1 alpha-3."""
    country = pycountry.countries.get(alpha_2=alpha2.upper()) if alpha2 else None
    return country.alpha_3 if country else None


GEOCODER_NAMES: dict[str, str] = {"offline": "gazetteer", "nominatim": "nominatim"}


def make_geocoder(settings: Settings, gazetteer: Gazetteer) -> Geocoder:
    """Build the geocoder a deployment chose (offline unless it opts in)."""
    if settings.geocoder == "offline":
        return GazetteerGeocoder(gazetteer)
    if settings.geocoder == "nominatim":
        return NominatimGeocoder(user_agent=settings.user_agent, timeout=10)
    raise ConfigError(f"unknown geocoder {settings.geocoder!r}")


def score_place(place: Place, context: Mapping[str, float]) -> float:
    """Rank a candidate: article countries first, then size, then exact names."""
    score = math.log10(place.population + 10)
    score += 2.2 * context.get(place.country or "", 0.0)
    if place.exact:
        score += 1.0
    if place.kind == "country":
        score += 1.0
    if place.key.startswith("feature:"):
        score += 5.0  # curated on purpose: a name in the supplement means that feature
    return score


class PlaceResolver:
    """Choose the right place for a name, given the countries an article is about."""

    def __init__(self, geocoder: Geocoder, name: str) -> None:
        self.geocoder = geocoder
        self.name = name
        self._cache: dict[str, list[Place]] = {}

    def candidates(self, name: str) -> list[Place]:
        """Return every place the geocoder knows by ``name``."""
        if name not in self._cache:
            found = self.geocoder.geocode(name, exactly_one=False) or []
            places = [place_from_location(loc, self.name) for loc in found]
            self._cache[name] = places
        return self._cache[name]

    def resolve(self, name: str, context: Mapping[str, float]) -> Place | None:
        """Return the best candidate for ``name`` in this context, or None."""
        places = self.candidates(name)
        if not places:
            return None
        best = max(places, key=lambda p: score_place(p, context))
        if best.precision == "region":
            # A region named like its main city (Berlin, Bishkek, Ankara) means the city.
            key = normalize_name(best.name)
            cities = [p for p in places if p.precision == "settlement"
                      and p.country == best.country and normalize_name(p.name) == key]
            if cities:
                return max(cities, key=lambda p: p.population)
        return best
