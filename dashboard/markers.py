"""Draw thousands of sites as one compact layer that the map can swap without reloading.

A folium ``CircleMarker`` per site repeats its options and tooltip in generated JavaScript,
which makes a 10,000-site page of about 12 MB. Here the sites travel as one array of
``[lat, lon, name, style, quotes]`` rows and a short loop draws them on a canvas; the styles
and tooltip words are sent once per distinct combination. The layer is a ``FeatureGroup``,
so the map page hands it to ``st_folium(feature_group_to_add=...)`` and a filter change
replaces the markers in the open map instead of remounting it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

import folium
from branca.element import MacroElement
from jinja2 import Template

from dashboard.markup import escape_html
from dashboard.models import Installation
from dashboard.store import SiteRow
from dashboard.symbols import KIND_STYLE, KNOWN_IN_NEWS, KNOWN_QUIET, marker_style

#: Leaflet keeps markers of radius 10 px or less reporting their own position on a click,
#: which is how the page tells which site was clicked; so the largest marker is 10 px.
MAX_RADIUS = 10
_CAMEL = {"color": "color", "fill": "fill", "fill_color": "fillColor",
          "fill_opacity": "fillOpacity", "weight": "weight", "dash_array": "dashArray"}


def marker_radius(mention_count: int) -> int:
    """Return a marker's radius in pixels: larger for more quotes, at most ``MAX_RADIUS``."""
    return 5 + min(max(mention_count, 1), MAX_RADIUS - 5)


class CompactMarkers(MacroElement):
    """Circle markers from rows ``[lat, lon, label, style, quotes]`` and a style table."""

    _template = Template("""{% macro script(this, kwargs) %}
(function (group, map) {
  var styles = {{ this.styles_json }};
  var rows = {{ this.rows_json }};
  var renderer = L.canvas({padding: 0.5});
  var points = [];
  for (var i = 0; i < rows.length; i++) {
    var row = rows[i], style = styles[row[3]];
    var options = Object.assign({renderer: renderer, radius: row[4]}, style.options);
    var tip = row[2];
    if (style.before) { tip += " · " + style.before; }
    if (row[5] !== undefined) {
      tip += " · " + row[5] + (row[5] === 1 ? " quote" : " quotes");
    }
    if (style.after) { tip += " · " + style.after; }
    L.circleMarker([row[0], row[1]], options).bindTooltip(tip).addTo(group);
    points.push([row[0], row[1]]);
  }
  {% if this.fit %}
  // Frame the markers once, on the first drawing; later filter changes keep the view.
  if (points.length && !window.__dashboardFramed) {
    window.__dashboardFramed = true;
    map.fitBounds(L.latLngBounds(points).pad(0.1), {maxZoom: 6});
  }
  {% endif %}
})({{ this._parent.get_name() }}, {{ this._parent._parent.get_name() }});
{% endmacro %}""")

    def __init__(self, rows: Sequence[Sequence[Any]], styles: Sequence[Mapping[str, Any]],
                 fit: bool = False) -> None:
        super().__init__()
        self._name = "CompactMarkers"
        # ensure_ascii keeps U+2028 and friends escaped inside the script.
        self.rows_json = json.dumps(list(rows), separators=(",", ":"), ensure_ascii=True)
        self.styles_json = json.dumps(list(styles), separators=(",", ":"), ensure_ascii=True)
        self.fit = fit


def _style_entry(options: Mapping[str, Any], before: str, after: str) -> dict[str, Any]:
    return {"options": {_CAMEL[k]: v for k, v in options.items() if v is not None},
            "before": escape_html(before), "after": escape_html(after)}


def build_site_layer(sites: Sequence[SiteRow], fit: bool = False) -> folium.FeatureGroup:
    """Return one layer drawing every site, its style and tooltip shared with its kind."""
    styles: list[dict[str, Any]] = []
    index: dict[tuple[str, str | None, str, bool], int] = {}
    rows: list[list[Any]] = []
    for site in sites:
        unknown = site.kind == "installation" and not site.installation_id
        key = (site.kind, site.status, site.precision, unknown)
        if key not in index:
            kind = str(KIND_STYLE.get(site.kind, KIND_STYLE["installation"])["label"])
            after = f"placed at {site.precision} precision" \
                + (" · not in the knowledge base" if unknown else "")
            index[key] = len(styles)
            styles.append(_style_entry(marker_style(site),
                                       " · ".join(filter(None, (kind, site.status))), after))
        rows.append([round(site.lat, 5), round(site.lon, 5), escape_html(site.name), index[key],
                     marker_radius(site.mention_count), site.mention_count])
    group = folium.FeatureGroup(name="sites", control=False)
    CompactMarkers(rows, styles, fit=fit).add_to(group)
    return group


def build_known_layer(known: Sequence[Installation], in_news: Mapping[str, int]
                      ) -> folium.FeatureGroup:
    """Return the curated installations as a small grey layer, those in the news darker."""
    styles = [_style_entry({"color": colour, "fill": True, "fill_color": colour,
                            "fill_opacity": 0.7, "weight": 1}, "", "")
              for colour in (KNOWN_QUIET, KNOWN_IN_NEWS)]
    rows = []
    for item in known:
        quotes = in_news.get(item.id, 0)
        news = f"in the news: {quotes} quote{'s' if quotes != 1 else ''}" if quotes else \
            "not in the news shown"
        label = escape_html(f"{item.name} · known {item.operator} installation in {item.host} "
                            f"· {item.status} · {news}")
        rows.append([round(item.lat, 5), round(item.lon, 5), label, 1 if quotes else 0, 3])
    group = folium.FeatureGroup(name="Known installations (curated)", control=False)
    CompactMarkers(rows, styles).add_to(group)
    return group
