"""The compact site layer: one row per site, shared styles, inert names."""

from __future__ import annotations

import json
import re

import folium
import pytest

from dashboard.markers import MAX_RADIUS, build_site_layer, marker_radius
from dashboard.store import SiteRow


def site(name: str, **changes: object) -> SiteRow:
    row = SiteRow(id=f"x:{name}", name=name, kind="installation", lat=42.851234567,
                  lon=74.85, precision="site", geocoder="knowledge-base", operator="RUS",
                  host="KGZ", installation_type="air", mention_count=2,
                  installation_id="rus-kant-air-base", status="active")
    return row._replace(**changes)


def rendered(sites: list[SiteRow], fit: bool = False) -> tuple[list, list, str]:
    fmap = folium.Map(tiles=None)
    build_site_layer(sites, fit=fit).add_to(fmap)
    html = fmap.get_root().render()
    rows = json.loads(re.search(r"var rows = (\[.*?\]);\n", html).group(1))
    styles = json.loads(re.search(r"var styles = (\[.*?\]);\n", html).group(1))
    return rows, styles, html


def test_sites_sharing_a_look_share_one_style():
    rows, styles, _ = rendered([site("A"), site("B"), site("C", kind="meeting_site",
                                                            installation_id=None)])
    assert [r[3] for r in rows] == [0, 0, 1]
    assert len(styles) == 2
    assert styles[0]["options"]["fillColor"] == "#ef3b2c"
    assert styles[1]["before"] == "Meeting site · active"


def test_rows_hold_position_name_size_and_count():
    rows, _, _ = rendered([site("Kant", mention_count=40)])
    assert rows == [[42.85123, 74.85, "Kant", 0, MAX_RADIUS, 40]]


def test_hostile_names_are_escaped_inside_the_script():
    rows, _, html = rendered([site("</script><img src=x onerror=alert(1)>\u2028")])
    assert "<img" not in html and "</script><img" not in html
    assert rows[0][2].startswith("&lt;/script&gt;")
    assert "\\u2028" in html


def test_unknown_installations_say_so_in_their_tooltip():
    _, styles, _ = rendered([site("A", installation_id=None)])
    assert styles[0]["after"] == "placed at site precision · not in the knowledge base"


@pytest.mark.parametrize(("quotes", "radius"), [(0, 6), (1, 6), (3, 8), (5, 10), (500, 10)])
def test_marker_radius_grows_with_quotes_but_stays_clickable(quotes, radius):
    assert marker_radius(quotes) == radius


def test_fitting_the_view_is_optional():
    assert "fitBounds" not in rendered([site("A")])[2]
    assert "fitBounds" in rendered([site("A")], fit=True)[2]
