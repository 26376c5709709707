"""The map view in the URL: parsed strictly, written by the map itself."""

from __future__ import annotations

import pytest

from dashboard.assets import load_map_assets
from dashboard.mapview import build_map
from dashboard.permalink import MapView, parse_view


@pytest.mark.parametrize(("params", "expected"), [
    ({"map.lat": "42.85", "map.lon": "74.85", "map.zoom": "6"}, MapView(42.85, 74.85, 6)),
    ({"map.lat": "0", "map.lon": "190", "map.zoom": "0"}, MapView(0.0, -170.0, 0)),
    ({"map.lat": "91", "map.lon": "0", "map.zoom": "3"}, None),
    ({"map.lat": "nan", "map.lon": "0", "map.zoom": "3"}, None),
    ({"map.lat": "10", "map.lon": "10", "map.zoom": "19"}, None),
    ({"map.lat": "10", "map.lon": "10", "map.zoom": "2.5"}, None),
    ({"map.lat": "<script>", "map.lon": "10", "map.zoom": "2"}, None),
    ({"map.lat": "10", "map.lon": "10"}, None),
    ({}, None),
])
def test_parse_view(params, expected):
    assert parse_view(params) == expected


def test_map_opens_at_the_view_and_writes_it_back():
    html = build_map([], load_map_assets(), None, view=MapView(42.85, 74.85, 6)
                     ).get_root().render()
    assert "[42.85, 74.85]" in html and '"zoom": 6' in html
    assert "history.replaceState" in html and "Copy link" in html
    assert "fitBounds" not in html
