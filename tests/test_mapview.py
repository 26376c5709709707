"""Map building: offline assets only, one marker per site, inert text."""

from __future__ import annotations

import json
import re

import pytest

from dashboard.assets import load_map_assets
from dashboard.mapview import (
    build_country_map,
    build_map,
    build_pick_map,
    choropleth_colour,
    legend_html,
    marker_style,
    site_tooltip,
)
from dashboard.markup import escape_html, escape_markdown, safe_url
from dashboard.store import SiteRow


def site(name: str = "Kant Air Base", kind: str = "installation") -> SiteRow:
    return SiteRow(id=f"x:{name}", name=name, kind=kind, lat=42.85, lon=74.85,
                   precision="site", geocoder="knowledge-base", operator="RUS", host="KGZ",
                   installation_type="air", mention_count=2)


def test_build_map_loads_nothing_from_the_network():
    html = build_map([site(), site("Moscow", "meeting_site")], load_map_assets(), None
                     ).get_root().render()
    remote = re.findall(r"""(?:src|href)=["'](https?://[^"']+)""", html)
    assert remote == []
    assert "data:text/javascript;base64," in html


def drawn(html: str) -> list[list]:
    """Return the marker rows of every compact layer in a rendered map."""
    return [row for found in re.findall(r"var rows = (\[.*?\]);\n", html)
            for row in json.loads(found)]


def test_build_map_draws_one_marker_per_site():
    fmap = build_map([site("A"), site("B"), site("C", "meeting_site")], load_map_assets(), None)
    html = fmap.get_root().render()
    assert [row[2] for row in drawn(html)] == ["A", "B", "C"]


def test_known_installations_are_a_separate_grey_layer():
    from dashboard.knowledge import read_installations
    from dashboard.settings import DATA_DIR

    known = read_installations(DATA_DIR / "installations")[:5]
    html = build_map([site()], load_map_assets(), None, known=known).get_root().render()
    assert len(drawn(html)) == 6
    assert all(row[4] == 3 for row in drawn(html)[:5])  # the curated layer's small dots
    assert "known, not in the news" in html


def test_tooltip_escapes_hostile_names():
    text = site_tooltip(site("<img src=x onerror=alert(1)> `${alert(2)}`"))
    assert "<img" not in text and "`" not in text and "${" not in text
    assert "&lt;img" in text


def test_escapers():
    assert escape_html("a`b$c\\") == "a&#96;b&#36;c&#92;"
    assert escape_markdown("[x](javascript:alert(1)) <b>") == (
        "\\[x\\]\\(javascript\\:alert\\(1\\)\\) \\<b\\>")
    assert safe_url("javascript:alert(1)") is None
    assert safe_url("https://example.org/a") == "https://example.org/a"


@pytest.mark.parametrize(("status", "precision", "expected"), [
    ("active", "site", {"fill_color": "#ef3b2c", "fill_opacity": 0.8, "weight": 3,
                        "dash_array": None}),
    ("planned", "settlement", {"fill_opacity": 0.1, "weight": 1.5, "dash_array": None}),
    ("closed", "region", {"fill_color": "#8c8c8c", "dash_array": "4 3"}),
    (None, "country", {"fill_color": "#ef3b2c", "dash_array": "1 4"}),
])
def test_marker_style_shows_status_and_precision(status, precision, expected):
    style = marker_style(site()._replace(status=status, precision=precision))
    assert expected.items() <= style.items()


def test_legend_names_every_status_and_precision():
    legend = legend_html(known=True)
    for word in ("planned", "closed", "active", "exact site", "region only", "country only",
                 "known, in the news", "known, not in the news"):
        assert word in legend


def test_tooltip_says_when_a_reported_installation_is_not_known():
    assert "not in the knowledge base" in site_tooltip(site())
    known = site()._replace(installation_id="rus-kant-air-base", status="active")
    assert "not in the knowledge base" not in site_tooltip(known)
    assert "active" in site_tooltip(known)


def test_known_layer_marks_installations_in_the_news():
    from dashboard.knowledge import read_installations
    from dashboard.settings import DATA_DIR

    known = [i for i in read_installations(DATA_DIR / "installations")
             if i.id in ("rus-kant-air-base", "rus-koy-sary-naval-test-base")]
    reported = site()._replace(installation_id="rus-kant-air-base", mention_count=3)
    html = build_map([reported], load_map_assets(), None, known=known).get_root().render()
    assert "in the news: 3 quotes" in html and "not in the news shown" in html


@pytest.mark.parametrize(("count", "colour"), [(0, "#f4f4f4"), (1, "#fcbba1"), (3, "#fb6a4a"),
                                               (4, "#de2d26"), (250, "#99000d")])
def test_choropleth_classes(count, colour):
    assert choropleth_colour(count) == colour


def test_country_map_shades_hosts_and_escapes_names():
    basemap = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "Kyrgyzstan", "iso3": "KGZ"},
         "geometry": {"type": "Point", "coordinates": [74.8, 42.8]}},
        {"type": "Feature", "properties": {"name": "<b>Nowhere</b>", "iso3": "XXX"},
         "geometry": {"type": "Point", "coordinates": [0, 0]}}]}
    fmap = build_country_map(basemap, {"KGZ": (2, "Russia 2")}, load_map_assets())
    html = fmap.get_root().render()
    assert '"sites": 2' in html and '"sites": 0' in html
    assert "<b>Nowhere" not in html and "\\u0026lt;b\\u0026gt;Nowhere" in html
    assert re.findall(r"""(?:src|href)=["'](https?://[^"']+)""", html) == []


def test_pick_map_centres_on_the_site_and_shows_the_proposed_place():
    fmap = build_pick_map(site()._replace(name="<b>Kant</b>"), load_map_assets(), None,
                          proposed=(42.9, 74.7))
    html = fmap.get_root().render()
    assert fmap.location == [42.85, 74.85] and fmap.options["zoom"] == 11
    assert html.count("L.circleMarker(") == 2
    assert "move here: 42.90000, 74.70000" in html
    assert "<b>Kant</b>" not in html and re.findall(r"(?:src|href)=[\"']https?://", html) == []
    assert build_pick_map(site(), load_map_assets(), None).get_root().render().count(
        "L.circleMarker(") == 1
