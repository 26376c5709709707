"""Build the folium map: offline assets, a country basemap and one marker per site."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import folium
from folium.plugins import MarkerCluster

from dashboard.assets import MapAssets
from dashboard.markup import escape_html
from dashboard.models import Installation
from dashboard.store import SiteRow

KIND_STYLE = {
    "installation": {"color": "#b2182b", "fill_color": "#ef3b2c", "label": "Installation"},
    "meeting_site": {"color": "#08519c", "fill_color": "#4292c6", "label": "Meeting site"},
}
PRECISION_DASH = {"site": None, "settlement": None, "region": "4 3", "country": "2 4"}
_LEGEND = (
    '<div style="position:fixed;bottom:24px;right:10px;z-index:9999;background:#fff;'
    'padding:6px 8px;border:1px solid #999;border-radius:4px;font:12px sans-serif">'
    '<span style="color:#ef3b2c">&#9679;</span> installation &nbsp;'
    '<span style="color:#4292c6">&#9679;</span> meeting site{known}<br>'
    'dashed ring: placed at region level only</div>'
)
_KNOWN_LEGEND = ' &nbsp;<span style="color:#636363">&#9679;</span> known installation'


def add_known_layer(fmap: folium.Map, known: Sequence[Installation]) -> None:
    """Draw curated installations as a small grey reference layer, apart from the news."""
    group = folium.FeatureGroup(name="Known installations (curated)", show=True)
    for item in known:
        label = escape_html(f"{item.name} · known {item.operator} installation in {item.host} "
                            f"· {item.status}")
        folium.CircleMarker(location=(item.lat, item.lon), radius=3, color="#636363",
                            fill=True, fill_color="#969696", fill_opacity=0.7, weight=1,
                            tooltip=folium.Tooltip(label)).add_to(group)
    group.add_to(fmap)
    folium.LayerControl(collapsed=True).add_to(fmap)


def _offline(element: Any, assets: MapAssets) -> None:
    element.default_js = list(assets.js)
    element.default_css = list(assets.css)


def site_tooltip(site: SiteRow) -> str:
    """Describe a site in one escaped line."""
    style = KIND_STYLE.get(site.kind, KIND_STYLE["installation"])
    count = f"{site.mention_count} quote{'s' if site.mention_count != 1 else ''}"
    return escape_html(f"{site.name} · {style['label']} · {count}")


def build_map(sites: Sequence[SiteRow], assets: MapAssets, basemap: dict[str, Any] | None,
              tiles: str = "", cluster: bool = False,
              known: Sequence[Installation] = ()) -> folium.Map:
    """Return a map with one circle marker per site, drawn without any network request."""
    fmap = folium.Map(location=(30, 40), zoom_start=2, tiles=None, control_scale=True,
                      prefer_canvas=True, world_copy_jump=True)
    _offline(fmap, assets)
    root: Any = fmap.get_root()
    root.header.add_child(folium.Element(
        "<style>.leaflet-container{background:#d4e6f1}</style>"))
    if tiles:
        folium.TileLayer(tiles=tiles, attr="configured tiles", name="tiles").add_to(fmap)
    if basemap:
        folium.GeoJson(basemap, name="countries", control=False, tooltip=None,
                       style_function=lambda _f: {"color": "#9e9e9e", "weight": 0.6,
                                                  "fillColor": "#eeeeee", "fillOpacity": 1.0},
                       ).add_to(fmap)
    if known:
        add_known_layer(fmap, known)
    layer: Any = fmap
    if cluster:
        layer = MarkerCluster(name="sites", disable_clustering_at_zoom=6)
        _offline(layer, assets)
        layer.add_to(fmap)
    for site in sites:
        style = KIND_STYLE.get(site.kind, KIND_STYLE["installation"])
        folium.CircleMarker(
            location=(site.lat, site.lon), radius=6 + min(site.mention_count, 10),
            color=style["color"], fill=True, fill_color=style["fill_color"], fill_opacity=0.8,
            weight=2, dash_array=PRECISION_DASH.get(site.precision),
            tooltip=folium.Tooltip(site_tooltip(site)),
            popup=folium.Popup(site_tooltip(site), max_width=300),
        ).add_to(layer)
    root.html.add_child(folium.Element(_LEGEND.format(known=_KNOWN_LEGEND if known else "")))
    if sites:
        lats = [s.lat for s in sites]
        lons = [s.lon for s in sites]
        fmap.fit_bounds([(min(lats) - 2, min(lons) - 2), (max(lats) + 2, max(lons) + 2)],
                        max_zoom=6)
    return fmap
