"""Exports: the sites and their mentions as GeoJSON, with provenance."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from dashboard.filters import Filters
from dashboard.store import Database, MentionRow, SiteRow, query_mentions, query_sites


def _mention_properties(row: MentionRow) -> dict[str, Any]:
    return {"source": row.url or row.source, "title": row.title,
            "date": row.date.isoformat() if row.date else None, "quote": row.quote,
            "start": row.start, "end": row.end, "status": row.status,
            "published": row.published.isoformat() if row.published else None}


def site_feature(site: SiteRow, rows: list[MentionRow]) -> dict[str, Any]:
    """Build one GeoJSON Point feature (lon, lat order) for a site."""
    countries = list(dict.fromkeys(c for r in rows for c in r.countries))
    alliances = list(dict.fromkeys(a for r in rows for a in r.alliances))
    statuses = [r.status for r in rows if r.status]
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [site.lon, site.lat]},
        "properties": {
            "id": site.id, "name": site.name, "kind": site.kind, "operator": site.operator,
            "host": site.host, "countries": countries, "alliances": alliances,
            "precision": site.precision, "geocoder": site.geocoder,
            "installation_type": site.installation_type,
            "status": statuses[0] if statuses else None,
            "mentions": [_mention_properties(r) for r in rows],
        },
    }


def export_geojson(engine: Database, filters: Filters | None = None) -> str:
    """Return every site passing the filters as a GeoJSON FeatureCollection."""
    chosen = filters or Filters()
    by_site: dict[str, list[MentionRow]] = defaultdict(list)
    for row in query_mentions(engine, chosen):
        by_site[row.site_id].append(row)
    features = [site_feature(site, sorted(by_site[site.id], key=lambda r: (r.date is None,
                                                                           r.date, r.id)))
                for site in query_sites(engine, chosen)]
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False,
                      indent=1)
