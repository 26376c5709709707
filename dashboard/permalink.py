"""The map's centre and zoom in the URL, and the control that copies a link to the view.

Panning and zooming never rerun the app: the map writes its view into the page's URL itself
(``map.lat``, ``map.lon``, ``map.zoom``), beside the filters and the selected site that
Streamlit keeps there, so the address bar and the copied link always reproduce the view.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

VIEW_KEYS = ("map.lat", "map.lon", "map.zoom")


@dataclass(frozen=True)
class MapView:
    """Where the map looks: its centre and zoom level."""

    lat: float
    lon: float
    zoom: int


def parse_view(params: Mapping[str, str]) -> MapView | None:
    """Read a map view from query parameters; None when absent or not a valid view."""
    try:
        lat, lon = float(params["map.lat"]), float(params["map.lon"])
        zoom = int(params["map.zoom"])
    except (KeyError, TypeError, ValueError):
        return None
    if not (math.isfinite(lat) and math.isfinite(lon)):
        return None
    if not (-90 <= lat <= 90 and -540 <= lon <= 540 and 0 <= zoom <= 18):
        return None
    return MapView(lat, ((lon + 180) % 360) - 180, zoom)


#: Jinja text of the script folium adds to the map; ``{{ map }}`` is the map's JS name.
VIEW_SCRIPT = """
(function () {
  var map = {{ map }};
  var touched = false;
  function viewUrl() {
    var url = new URL(window.parent.location.href);
    var centre = map.getCenter().wrap();
    url.searchParams.set("map.lat", centre.lat.toFixed(4));
    url.searchParams.set("map.lon", centre.lng.toFixed(4));
    url.searchParams.set("map.zoom", String(map.getZoom()));
    return url.toString();
  }
  function remember() {
    if (!touched) { return; }
    try {
      window.parent.history.replaceState(window.parent.history.state, "", viewUrl());
    } catch (err) { /* a page that embeds us from elsewhere keeps its own URL */ }
  }
  ["mousedown", "wheel", "touchstart", "keydown", "dblclick"].forEach(function (name) {
    map.getContainer().addEventListener(name, function () { touched = true; },
                                        {capture: true, passive: true});
  });
  map.on("moveend", remember);
  var CopyLink = L.Control.extend({
    options: {position: "topleft"},
    onAdd: function () {
      var bar = L.DomUtil.create("div", "leaflet-bar leaflet-control");
      var button = L.DomUtil.create("a", "copy-view-link", bar);
      button.href = "#";
      button.title = "Copy a link to this view";
      button.setAttribute("role", "button");
      button.textContent = "Copy link";
      button.style.width = "auto";
      button.style.padding = "0 6px";
      button.style.font = "12px sans-serif";
      L.DomEvent.disableClickPropagation(bar);
      L.DomEvent.on(button, "click", function (event) {
        L.DomEvent.preventDefault(event);
        touched = true;
        remember();
        var link = viewUrl();
        var said = function (text) {
          button.textContent = text;
          setTimeout(function () { button.textContent = "Copy link"; }, 2500);
        };
        var ask = function () { window.prompt("Copy this link to the view:", link); };
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(link).then(function () { said("Link copied"); }, ask);
        } else {
          ask();
        }
      });
      return bar;
    }
  });
  map.addControl(new CopyLink());
})();
"""
