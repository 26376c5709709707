"""Build the folium map: offline assets, a country basemap and one marker per site."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

import folium
from branca.element import MacroElement
from jinja2 import Template

from dashboard.assets import MapAssets
from dashboard.markers import build_known_layer, build_site_layer
from dashboard.markup import escape_html
from dashboard.models import Installation
from dashboard.permalink import VIEW_SCRIPT, MapView
from dashboard.store import SiteRow
from dashboard.symbols import (
    GREY,
    KIND_STYLE,
    KNOWN_IN_NEWS,
    KNOWN_QUIET,
    PRECISION_STYLE,
    STATUS_STYLE,
    marker_style,
    site_tooltip,
)


def _swatch(stroke: str, fill: str, opacity: float = 0.8, dash: str = "", width: float = 2
            ) -> str:
    return (f'<svg width="14" height="14"><circle cx="7" cy="7" r="5" stroke="{stroke}" '
            f'stroke-width="{width}" stroke-dasharray="{dash}" fill="{fill}" '
            f'fill-opacity="{opacity}"/></svg>')


def legend_html(known: bool = False) -> str:
    """Describe the marker styles: kind by colour, status by fill, precision by outline."""
    rows = [" ".join(_swatch(v["color"], v["fill_color"]) + " " + str(v["label"]).lower()
                     for v in KIND_STYLE.values())]
    rows.append(" ".join(
        _swatch("#b2182b", GREY if v["grey"] else "#ef3b2c", v["fill_opacity"]) + " " + v["label"]
        for v in STATUS_STYLE.values()))
    rows.append(" ".join(
        _swatch("#333", "#fff", 0.0, v["dash_array"] or "", v["weight"]) + " " + v["label"]
        for v in PRECISION_STYLE.values()))
    if known:
        rows.append(_swatch(KNOWN_IN_NEWS, KNOWN_IN_NEWS, 0.7, width=1) + " known, in the news "
                    + _swatch(KNOWN_QUIET, KNOWN_QUIET, 0.7, width=1) + " known, not in the news")
    return _legend_box(rows)


def _legend_box(rows: Sequence[str]) -> str:
    return ('<div class="map-legend" style="position:fixed;bottom:24px;right:10px;z-index:9999;'
            'background:#fff;padding:6px 8px;border:1px solid #999;border-radius:4px;'
            'font:12px sans-serif;line-height:18px">' + "<br>".join(rows) + "</div>")


def _offline(element: Any, assets: MapAssets) -> None:
    element.default_js = list(assets.js)
    element.default_css = list(assets.css)


class ViewInUrl(MacroElement):
    """Keep the map's centre and zoom in the page URL and offer a copy-link control."""

    _template = Template("{% macro script(this, kwargs) %}"
                         + VIEW_SCRIPT.replace("{{ map }}", "{{ this._parent.get_name() }}")
                         + "{% endmacro %}")

    def __init__(self) -> None:
        super().__init__()
        self._name = "ViewInUrl"


class Basemap(MacroElement):
    """Grey country outlines under everything, drawn by Leaflet with one shared style.

    Given a link (the app's static files), the browser fetches the outlines once and the
    page carries only the link; otherwise they are inlined. folium's ``GeoJson`` is not
    used: it would run a style function per country on every page run.
    """

    _template = Template("""{% macro script(this, kwargs) %}
(function (map) {
  var style = {color: "#9e9e9e", weight: 0.6, fillColor: "#eeeeee", fillOpacity: 1.0};
  // Their own pane under the markers, deaf to the mouse, however late they arrive.
  var pane = map.createPane("basemap");
  pane.style.zIndex = 350;
  pane.style.pointerEvents = "none";
  function draw(outlines) {
    L.geoJSON(outlines, {interactive: false, style: style, pane: "basemap",
                         renderer: L.canvas({pane: "basemap"})}).addTo(map);
  }
  {% if this.link %}
  var base;
  try { base = window.parent.document.baseURI; } catch (err) { base = window.location.href; }
  fetch(new URL({{ this.link }}, base)).then(function (r) { return r.json(); }).then(draw);
  {% else %}
  draw({{ this.data }});
  {% endif %}
})({{ this._parent.get_name() }});
{% endmacro %}""")

    def __init__(self, basemap: dict[str, Any] | None = None, link: str = "") -> None:
        super().__init__()
        self._name = "Basemap"
        self.link = json.dumps(link) if link else ""
        self.data = json.dumps(basemap or {"type": "FeatureCollection", "features": []},
                               separators=(",", ":"), ensure_ascii=True)


def _blank_map(assets: MapAssets, tiles: str, view: MapView | None = None) -> folium.Map:
    centre, zoom = ((view.lat, view.lon), view.zoom) if view else ((30.0, 40.0), 2)
    fmap = folium.Map(location=centre, zoom_start=zoom, tiles=None, control_scale=True,
                      prefer_canvas=True, world_copy_jump=True)
    _offline(fmap, assets)
    root: Any = fmap.get_root()
    root.header.add_child(folium.Element(
        "<style>.leaflet-container{background:#d4e6f1}</style>"))
    if tiles:
        folium.TileLayer(tiles=tiles, attr="configured tiles", name="tiles").add_to(fmap)
    return fmap


def build_base_map(assets: MapAssets, basemap: dict[str, Any] | str | None, tiles: str = "",
                   view: MapView | None = None, known: bool = False) -> folium.Map:
    """Return the map without its sites: basemap (outlines or their link), legend, view."""
    fmap = _blank_map(assets, tiles, view)
    if isinstance(basemap, str):
        Basemap(link=basemap).add_to(fmap)
    elif basemap:
        Basemap(basemap).add_to(fmap)
    root: Any = fmap.get_root()
    root.html.add_child(folium.Element(legend_html(known=known)))
    ViewInUrl().add_to(fmap)
    return fmap


def build_layers(sites: Sequence[SiteRow], known: Sequence[Installation] = (),
                 fit: bool = True) -> list[folium.FeatureGroup]:
    """Return the layers that change with the filters: the sites, and the curated ones."""
    layers = []
    if known:
        in_news: dict[str, int] = {}
        for site in sites:
            if site.installation_id:
                in_news[site.installation_id] = in_news.get(site.installation_id, 0) \
                    + site.mention_count
        layers.append(build_known_layer(known, in_news))
    layers.append(build_site_layer(sites, fit=fit))
    return layers


def build_map(sites: Sequence[SiteRow], assets: MapAssets, basemap: dict[str, Any] | None,
              tiles: str = "", known: Sequence[Installation] = (),
              view: MapView | None = None) -> folium.Map:
    """Return a whole map with one circle marker per site, drawn without any network request."""
    fmap = build_base_map(assets, basemap, tiles, view, known=bool(known))
    for layer in build_layers(sites, known, fit=view is None):
        layer.add_to(fmap)
    return fmap


#: Upper bounds of the choropleth classes (sites hosted) and their colours.
CHOROPLETH_CLASSES = ((0, "#f4f4f4", "none"), (1, "#fcbba1", "1"), (3, "#fb6a4a", "2–3"),
                      (9, "#de2d26", "4–9"), (10**9, "#99000d", "10 or more"))


def choropleth_colour(count: int) -> str:
    """Return the fill colour of a country hosting ``count`` foreign installation sites."""
    return next(colour for bound, colour, _ in CHOROPLETH_CLASSES if count <= bound)


def build_country_map(basemap: dict[str, Any], hosted: Mapping[str, tuple[int, str]],
                      assets: MapAssets, tiles: str = "") -> folium.Map:
    """Shade each country by the foreign installation sites it hosts (``iso3 -> (n, who)``)."""
    fmap = _blank_map(assets, tiles)
    features = []
    for feature in basemap.get("features", []):
        iso3 = feature["properties"].get("iso3", "")
        count, who = hosted.get(iso3, (0, ""))
        properties = {"iso3": iso3, "name": escape_html(str(feature["properties"]["name"])),
                      "sites": count, "foreign": escape_html(who or "none")}
        features.append({**feature, "properties": properties})
    folium.GeoJson(
        {"type": "FeatureCollection", "features": features}, name="host countries",
        style_function=lambda f: {"color": "#7f7f7f", "weight": 0.6, "fillOpacity": 0.9,
                                  "fillColor": choropleth_colour(f["properties"]["sites"])},
        tooltip=folium.GeoJsonTooltip(fields=["name", "sites", "foreign"],
                                      aliases=["Host", "Foreign installation sites",
                                               "Operated by"]),
    ).add_to(fmap)
    rows = [_swatch("#7f7f7f", colour, 0.9, width=1) + " " + label
            for _, colour, label in CHOROPLETH_CLASSES]
    root: Any = fmap.get_root()
    root.html.add_child(folium.Element(_legend_box(["foreign installation sites", *rows])))
    return fmap


def build_pick_map(site: SiteRow, assets: MapAssets, basemap: dict[str, Any] | None,
                   proposed: tuple[float, float] | None = None, tiles: str = "") -> folium.Map:
    """Return a small map of one site where a click proposes new coordinates (lat, lon)."""
    zoom = {"site": 11, "settlement": 9, "region": 6, "country": 4}.get(site.precision, 6)
    fmap = _blank_map(assets, tiles, MapView(site.lat, site.lon, zoom))
    if basemap:
        Basemap(basemap).add_to(fmap)
    folium.CircleMarker(location=(site.lat, site.lon), radius=8, **marker_style(site),
                        tooltip=folium.Tooltip(site_tooltip(site))).add_to(fmap)
    if proposed is not None:
        # A circle, not folium's pin: the pin's image would come from a CDN.
        folium.CircleMarker(location=proposed, radius=7, color="#000000", weight=2,
                            fill=True, fill_color="#ffd700", fill_opacity=0.9,
                            tooltip=folium.Tooltip(escape_html(
                                f"move here: {proposed[0]:.5f}, {proposed[1]:.5f}"))).add_to(fmap)
    return fmap
