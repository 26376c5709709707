"""Time building the map page for many sites, the compact layer against one marker each.

Usage: python benchmarks/mapload.py [--sites 10000] [--mentions 1000000]

Both ways build what ``st_folium`` sends to the browser (map script, header, HTML, the
layer script and the offline Leaflet assets) for the same synthetic sites, whose quote
counts add up to ``--mentions``. The baseline, timed in the same run, is the naive way: a
``folium.Marker`` with a popup per site. Ours is the base map plus one compact layer.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import folium
from streamlit_folium import (  # the same functions st_folium uses to build its arguments
    _get_feature_group_string,
    _get_header,
    _get_html,
    _get_map_string,
)

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dashboard.assets import load_basemap, load_map_assets  # noqa: E402
from dashboard.mapview import build_base_map, build_layers, site_tooltip  # noqa: E402
from dashboard.settings import load_settings  # noqa: E402
from dashboard.store import SiteRow  # noqa: E402


def synthetic_sites(count: int, mentions: int, seed: int = 3) -> list[SiteRow]:
    """Return sites spread over the world whose quote counts add up to ``mentions``."""
    rng = random.Random(seed)
    weights = [rng.paretovariate(1.1) for _ in range(count)]
    scale = mentions / sum(weights)
    return [SiteRow(id=f"s{n}", name=f"Site {n} {rng.choice(('air base', 'port', 'camp'))}",
                    kind=rng.choice(("installation",) * 5 + ("meeting_site",)),
                    lat=rng.uniform(-50, 70), lon=rng.uniform(-170, 170),
                    precision=rng.choice(("site", "settlement", "region", "country")),
                    geocoder="gazetteer", operator="USA", host="DEU", installation_type="air",
                    mention_count=max(1, round(w * scale)), installation_id=None,
                    status=rng.choice(("active", "planned", "closed", None)))
            for n, w in enumerate(weights)]


def _links(fmap: folium.Map) -> int:
    """Count the bytes of the scripts and styles st_folium hands the frame."""
    assets = getattr(fmap, "default_js", []) + getattr(fmap, "default_css", [])
    return sum(len(url) for _, url in assets)


def naive_payload(sites: list[SiteRow]) -> int:
    """Build the map the naive way, a marker with a popup per site; return its bytes."""
    assets = load_map_assets()
    fmap = folium.Map(location=(30, 40), zoom_start=2, tiles=None)
    fmap.default_js, fmap.default_css = list(assets.js), list(assets.css)
    for site in sites:
        folium.Marker((site.lat, site.lon), tooltip=site_tooltip(site),
                      popup=folium.Popup(site_tooltip(site), max_width=300)).add_to(fmap)
    fmap.get_root().render()
    html, header = _get_html(fmap), _get_header(fmap)
    return len(_get_map_string(fmap)) + len(html) + len(header) + _links(fmap)


def compact_payload(sites: list[SiteRow], basemap: dict) -> int:
    """Build the map as the page does, base map plus layers; return its bytes."""
    fmap = build_base_map(load_map_assets(), basemap)
    fmap.get_root().render()
    html, header = _get_html(fmap), _get_header(fmap)
    script = _get_map_string(fmap)
    layers = "".join(_get_feature_group_string(layer, fmap, index)
                     for index, layer in enumerate(build_layers(sites)))
    return len(script) + len(html) + len(header) + len(layers) + _links(fmap)


def timed(run: Callable[[], int], repeat: int) -> tuple[float, int]:
    """Return the median seconds of some runs and the payload size of the last."""
    times, size = [], 0
    for _ in range(repeat):
        started = time.perf_counter()
        size = run()
        times.append(time.perf_counter() - started)
    return statistics.median(times), size


def main() -> None:
    """Time both ways on the same sites and print the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sites", type=int, default=10_000)
    parser.add_argument("--mentions", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sites = synthetic_sites(args.sites, args.mentions)
    basemap = load_basemap(load_settings().cache_dir)
    load_map_assets()
    naive_s, naive_size = timed(lambda: naive_payload(sites), 1)
    ours_s, ours_size = timed(lambda: compact_payload(sites, basemap), args.repeat)
    print(f"{args.sites:,} sites, {sum(s.mention_count for s in sites):,} mentions")
    print(f"{'way':34} {'seconds':>8} {'payload MB':>11}")
    print(f"{'naive: folium.Marker + popup each':34} {naive_s:8.2f} {naive_size / 1e6:11.2f}")
    print(f"{'ours: base map + compact layer':34} {ours_s:8.2f} {ours_size / 1e6:11.2f}")
    print(f"build {naive_s / ours_s:.1f}x faster, payload {naive_size / ours_size:.1f}x smaller "
          f"(targets: 20x faster, under 2 MB; ours includes the country basemap)")


if __name__ == "__main__":
    main()
