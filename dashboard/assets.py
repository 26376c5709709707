"""Offline map assets: Leaflet and jQuery from XStatic packages, country outlines for a basemap.

Scripts are handed to the browser as ``data:`` URLs, because Streamlit's static file server
sends ``.js`` as text/plain with ``nosniff`` and so cannot host them.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from dashboard.naturalearth import read_countries

BASEMAP_VERSION = "1"


@dataclass(frozen=True)
class MapAssets:
    """Data URLs for the scripts and styles a Leaflet map needs, keyed by folium's names."""

    js: tuple[tuple[str, str], ...]
    css: tuple[tuple[str, str], ...]


def _data_url(package: str, name: str, mime: str) -> str:
    content = resources.files(package).joinpath("data", name).read_bytes()
    return f"data:{mime};base64,{base64.b64encode(content).decode('ascii')}"


@lru_cache(maxsize=1)
def load_map_assets() -> MapAssets:
    """Load Leaflet, its marker-cluster plugin and jQuery from their registry packages."""
    js = (("leaflet", _data_url("xstatic.pkg.leaflet", "leaflet.js", "text/javascript")),
          ("jquery", _data_url("xstatic.pkg.jquery", "jquery.min.js", "text/javascript")),
          ("markerclusterjs", _data_url("xstatic.pkg.leaflet_markercluster",
                                        "leaflet.markercluster.js", "text/javascript")))
    css = (("leaflet_css", _data_url("xstatic.pkg.leaflet", "leaflet.css", "text/css")),
           ("markerclustercss", _data_url("xstatic.pkg.leaflet_markercluster",
                                          "MarkerCluster.css", "text/css")),
           ("markerclusterdefaultcss", _data_url("xstatic.pkg.leaflet_markercluster",
                                                 "MarkerCluster.Default.css", "text/css")))
    return MapAssets(js, css)


def _round(coords: Any) -> Any:
    if isinstance(coords, (list, tuple)) and coords and isinstance(coords[0], (int, float)):
        return [round(coords[0], 2), round(coords[1], 2)]
    return [_round(c) for c in coords]


def build_basemap(target: Path, tolerance: float = 0.08) -> None:
    """Write simplified Natural Earth country outlines as a compact GeoJSON file."""
    features = []
    for country in read_countries(simplify=tolerance):
        geometry = dict(country.geometry)
        geometry["coordinates"] = _round(geometry["coordinates"])
        features.append({"type": "Feature", "properties": {"name": country.name,
                                                           "iso3": country.iso3},
                         "geometry": geometry})
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    partial.write_text(json.dumps({"type": "FeatureCollection", "features": features},
                                  separators=(",", ":")), encoding="utf-8")
    partial.replace(target)


def load_basemap(cache_dir: Path) -> dict[str, Any]:
    """Return the country outlines, building them into the cache on first use."""
    target = cache_dir / f"basemap-{BASEMAP_VERSION}.geojson"
    if not target.exists():
        build_basemap(target)
    data: dict[str, Any] = json.loads(target.read_text(encoding="utf-8"))
    return data


#: Where Streamlit serves the files of ``dashboard/static`` (``enableStaticServing``).
STATIC_DIR = Path(__file__).resolve().parent / "static"


def publish_basemap(cache_dir: Path, static_dir: Path = STATIC_DIR) -> str:
    """Copy the country outlines where the app serves static files; return their path.

    The map then fetches them once per browser instead of carrying a megabyte of outlines
    in every page run. The path is relative to the app's address (``app/static/...``).
    """
    load_basemap(cache_dir)
    name = f"basemap-{BASEMAP_VERSION}.geojson"
    target = static_dir / name
    source = cache_dir / name
    if not target.exists() or target.stat().st_size != source.stat().st_size:
        static_dir.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".partial")
        partial.write_bytes(source.read_bytes())
        partial.replace(target)
    return f"app/static/{name}"
