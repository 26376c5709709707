"""Build the folium map: offline assets, a country basemap and one marker per site."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import folium
from branca.element import MacroElement
from folium.plugins import MarkerCluster
from jinja2 import Template

from dashboard.assets import MapAssets
from dashboard.markup import escape_html
from dashboard.models import Installation
from dashboard.permalink import VIEW_SCRIPT, MapView
from dashboard.store import SiteRow

KIND_STYLE = {
    "installation": {"color": "#b2182b", "fill_color": "#ef3b2c", "label": "Installation"},
    "meeting_site": {"color": "#08519c", "fill_color": "#4292c6", "label": "Meeting site"},
}
#: Outline by precision: solid and heavy for an exact site, dashed or dotted when coarse.
PRECISION_STYLE: dict[str, dict[str, Any]] = {
    "site": {"weight": 3, "dash_array": None, "label": "exact site"},
    "settlement": {"weight": 1.5, "dash_array": None, "label": "settlement"},
    "region": {"weight": 2, "dash_array": "4 3", "label": "region only"},
    "country": {"weight": 2, "dash_array": "1 4", "label": "country only"},
}
#: Fill by status: planned sites are hollow, closed ones grey.
STATUS_STYLE: dict[str, dict[str, Any]] = {
    "active": {"fill_opacity": 0.8, "grey": False, "label": "active"},
    "planned": {"fill_opacity": 0.1, "grey": False, "label": "planned"},
    "closed": {"fill_opacity": 0.8, "grey": True, "label": "closed"},
}
_GREY = "#8c8c8c"
KNOWN_IN_NEWS = "#252525"
KNOWN_QUIET = "#bdbdbd"


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
        _swatch("#b2182b", _GREY if v["grey"] else "#ef3b2c", v["fill_opacity"]) + " " + v["label"]
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


def add_known_layer(fmap: folium.Map, known: Sequence[Installation],
                    in_news: Mapping[str, int] | None = None) -> None:
    """Draw curated installations as a small reference layer, those in the news darker."""
    in_news = in_news or {}
    group = folium.FeatureGroup(name="Known installations (curated)", show=True)
    for item in known:
        quotes = in_news.get(item.id, 0)
        news = f"in the news: {quotes} quote{'s' if quotes != 1 else ''}" if quotes else \
            "not in the news shown"
        label = escape_html(f"{item.name} · known {item.operator} installation in {item.host} "
                            f"· {item.status} · {news}")
        colour = KNOWN_IN_NEWS if quotes else KNOWN_QUIET
        folium.CircleMarker(location=(item.lat, item.lon), radius=3, color=colour,
                            fill=True, fill_color=colour, fill_opacity=0.7, weight=1,
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
    parts = [site.name, str(style["label"]), count, f"placed at {site.precision} precision"]
    if site.status:
        parts.insert(2, site.status)
    if site.kind == "installation" and not site.installation_id:
        parts.append("not in the knowledge base")
    return escape_html(" · ".join(parts))


def marker_style(site: SiteRow) -> dict[str, Any]:
    """Return the circle-marker options that show a site's kind, status and precision."""
    kind = KIND_STYLE.get(site.kind, KIND_STYLE["installation"])
    status = STATUS_STYLE.get(site.status or "active", STATUS_STYLE["active"])
    outline = PRECISION_STYLE.get(site.precision, PRECISION_STYLE["settlement"])
    return {"color": kind["color"], "fill": True,
            "fill_color": _GREY if status["grey"] else kind["fill_color"],
            "fill_opacity": status["fill_opacity"], "weight": outline["weight"],
            "dash_array": outline["dash_array"]}


class ViewInUrl(MacroElement):
    """Keep the map's centre and zoom in the page URL and offer a copy-link control."""

    _template = Template("{% macro script(this, kwargs) %}"
                         + VIEW_SCRIPT.replace("{{ map }}", "{{ this._parent.get_name() }}")
                         + "{% endmacro %}")

    def __init__(self) -> None:
        super().__init__()
        self._name = "ViewInUrl"


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


def build_map(sites: Sequence[SiteRow], assets: MapAssets, basemap: dict[str, Any] | None,
              tiles: str = "", cluster: bool = False,
              known: Sequence[Installation] = (), view: MapView | None = None) -> folium.Map:
    """Return a map with one circle marker per site, drawn without any network request."""
    fmap = _blank_map(assets, tiles, view)
    root: Any = fmap.get_root()
    if basemap:
        folium.GeoJson(basemap, name="countries", control=False, tooltip=None,
                       style_function=lambda _f: {"color": "#9e9e9e", "weight": 0.6,
                                                  "fillColor": "#eeeeee", "fillOpacity": 1.0},
                       ).add_to(fmap)
    if known:
        in_news: dict[str, int] = {}
        for site in sites:
            if site.installation_id:
                in_news[site.installation_id] = in_news.get(site.installation_id, 0) \
                    + site.mention_count
        add_known_layer(fmap, known, in_news)
    layer: Any = fmap
    if cluster:
        layer = MarkerCluster(name="sites", disable_clustering_at_zoom=6)
        _offline(layer, assets)
        layer.add_to(fmap)
    for site in sites:
        folium.CircleMarker(
            location=(site.lat, site.lon), radius=6 + min(site.mention_count, 10),
            **marker_style(site), tooltip=folium.Tooltip(site_tooltip(site)),
            popup=folium.Popup(site_tooltip(site), max_width=300),
        ).add_to(layer)
    root.html.add_child(folium.Element(legend_html(known=bool(known))))
    ViewInUrl().add_to(fmap)
    if sites and view is None:
        lats = [s.lat for s in sites]
        lons = [s.lon for s in sites]
        fmap.fit_bounds([(min(lats) - 2, min(lons) - 2), (max(lats) + 2, max(lons) + 2)],
                        max_zoom=6)
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
