"""Geocoding through geopy's interface, offline, with precision and provenance."""

from __future__ import annotations

from geopy.location import Location

from dashboard.geocode import GazetteerGeocoder, PlaceResolver


def test_offline_geocoder_speaks_geopy(resources):
    geocoder = resources.resolver.geocoder
    assert isinstance(geocoder, GazetteerGeocoder)
    location = geocoder.geocode("Bishkek")
    assert isinstance(location, Location)
    assert location.raw["precision"] == "settlement"
    assert abs(location.latitude - 42.87) < 0.1
    assert geocoder.geocode("Nowhereville Qxz") is None


def test_resolver_uses_the_article_countries(resources):
    resolver: PlaceResolver = resources.resolver
    assert resolver.resolve("Kant", {"KGZ": 1.0}).country == "KGZ"
    assert resolver.resolve("Moscow", {}).country == "RUS"
    assert resolver.resolve("Alexandria", {"USA": 2.0}).country == "USA"


def test_regions_named_like_cities_give_the_city(resources):
    berlin = resources.resolver.resolve("Berlin", {})
    assert berlin.precision == "settlement" and berlin.country == "DEU"


def test_curated_features_and_venues(resources):
    lake = resources.resolver.resolve("Lake Issyk-Kul", {})
    assert lake.country == "KGZ" and lake.precision == "region"
    white_house = resources.resolver.resolve("White House", {})
    assert white_house.country == "USA" and white_house.precision == "site"


def test_nominatim_country_codes_become_alpha3():
    from dashboard.geocode import _alpha3

    assert _alpha3("kg") == "KGZ" and _alpha3("") is None and _alpha3("zz") is None
