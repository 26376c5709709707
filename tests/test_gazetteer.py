"""The built place index: names, kinds, precision, and what counts as a place name."""

from __future__ import annotations

from dashboard.gazetteer import Gazetteer, read_capitals


def gazetteer(resources) -> Gazetteer:
    return resources.resolver.geocoder.gazetteer


def test_airports_are_sites_with_their_short_names(resources):
    index = gazetteer(resources)
    for name in ("Djibouti-Ambouli International Airport", "Djibouti-Ambouli Airport"):
        airport = next(p for p in index.lookup(name) if p.kind == "airport")
        assert airport.country == "DJI" and airport.precision == "site"
        assert abs(airport.lat - 11.547) < 0.02 and abs(airport.lon - 43.159) < 0.02


def test_a_town_keeps_its_own_entry_beside_its_airport(resources):
    places = gazetteer(resources).lookup("Djibouti")
    assert all(p.kind != "airport" for p in places)
    assert any(p.precision == "settlement" for p in places)


def test_airfield_names_do_not_count_as_place_names(resources):
    index = gazetteer(resources)
    assert index.lookup("Djibouti-Ambouli International Airport")
    assert not index.has_name("Djibouti-Ambouli International Airport")
    assert index.has_name("Djibouti") and index.has_name("Lake Issyk-Kul")


def test_capitals_come_by_country_code(resources):
    capitals = read_capitals()
    assert (capitals["KWT"], capitals["RWA"], capitals["PER"]) == ("Kuwait City", "Kigali", "Lima")
    assert resources.countries.capital("KWT") == "Kuwait City"
    assert resources.countries.capital(None) is None
