"""Map building: offline assets only, one marker per site, inert text."""

from __future__ import annotations

import re

from dashboard.assets import load_map_assets
from dashboard.mapview import build_map, site_tooltip
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


def test_build_map_draws_one_marker_per_site():
    fmap = build_map([site("A"), site("B"), site("C", "meeting_site")], load_map_assets(), None)
    html = fmap.get_root().render()
    assert html.count("L.circleMarker(") == 3


def test_known_installations_are_a_separate_grey_layer():
    from dashboard.knowledge import read_installations
    from dashboard.settings import DATA_DIR

    known = read_installations(DATA_DIR / "installations")[:5]
    html = build_map([site()], load_map_assets(), None, known=known).get_root().render()
    assert html.count("L.circleMarker(") == 6
    assert "Known installations (curated)" in html


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
