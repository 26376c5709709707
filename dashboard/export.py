"""Exports: the sites and their mentions as GeoJSON, CSV and KML, with provenance."""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from typing import Any
from xml.sax.saxutils import escape

from dashboard.filters import Filters
from dashboard.store import (
    Database,
    MentionRow,
    SiteRow,
    additions_of,
    merges_into,
    query_mentions,
    query_sites,
    site_corrections_of,
    sources_of,
)


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
    outlets = sources_of(engine, {r.article_id for rows in by_site.values() for r in rows})
    added = _added_by(engine)
    features = []
    for site in query_sites(engine, chosen):
        rows_in_order = sorted(by_site[site.id], key=lambda r: (r.date is None, r.date, r.id))
        feature = site_feature(site, rows_in_order)
        for mention, row in zip(feature["properties"]["mentions"], rows_in_order, strict=True):
            mention["outlets"] = [{"source": src, "outlet": name, "url": link}
                                  for src, name, link in outlets.get(row.article_id, [])]
            mention["added_by"] = added.get((row.article_id, row.start, row.end))
        feature["properties"]["corrections"] = [
            {"field": f, "value": v, "editor": e, "at": at}
            for f, v, e, at in site_corrections_of(engine, site.id)]
        feature["properties"]["merged"] = [
            {"id": m, "name": n, "editor": e, "at": at} for m, n, e, at in merges_into(engine,
                                                                                    site.id)]
        features.append(feature)
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False,
                      indent=1)


def _added_by(engine: Database) -> dict[tuple[str, int, int], dict[str, str]]:
    """Map each analyst-added mention's span to who added it and when."""
    return {(a, s, e): {"editor": who, "at": at} for a, s, e, _, who, at in additions_of(engine)}


CSV_COLUMNS = ("site_id", "site", "kind", "lat", "lon", "precision", "geocoder", "operator",
               "host", "countries", "alliances", "status", "date", "quote", "source", "title",
               "start", "end", "added_by")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: object) -> str:
    """Render a CSV cell so that spreadsheets never run it as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _rows(engine: Database, filters: Filters) -> list[tuple[SiteRow, MentionRow]]:
    sites = {site.id: site for site in query_sites(engine, filters)}
    return [(sites[row.site_id], row) for row in query_mentions(engine, filters)
            if row.site_id in sites]


def export_csv(engine: Database, filters: Filters | None = None) -> str:
    """Return one CSV row per mention, with the site and its provenance."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    added = _added_by(engine)
    for site, row in _rows(engine, filters or Filters()):
        by = added.get((row.article_id, row.start, row.end))
        writer.writerow([neutralise_cell(v) for v in (
            site.id, site.name, site.kind, site.lat, site.lon, site.precision, site.geocoder,
            site.operator, site.host, ";".join(row.countries), ";".join(row.alliances),
            row.status, row.date.isoformat() if row.date else "", row.quote,
            row.url or row.source, row.title, row.start, row.end,
            f"{by['editor']} {by['at']}" if by else "")])
    return buffer.getvalue()


def _kml_quote(row: MentionRow, by: dict[str, str] | None) -> str:
    """Describe one quote for a placemark: date, article, link, the words, who added it."""
    line = f"{row.date or 'undated'} | {row.title} | {row.url or row.source}\n{row.quote}"
    return line + (f"\n(added by {by['editor']} at {by['at']})" if by else "")


def export_kml(engine: Database, filters: Filters | None = None) -> str:
    """Return the sites as KML placemarks (Google Earth, My Maps) with their quotes."""
    by_site: dict[str, list[MentionRow]] = defaultdict(list)
    chosen = filters or Filters()
    for row in query_mentions(engine, chosen):
        by_site[row.site_id].append(row)
    marks = []
    added = _added_by(engine)
    for site in query_sites(engine, chosen):
        quotes = "\n".join(_kml_quote(r, added.get((r.article_id, r.start, r.end)))
                           for r in by_site[site.id])
        corrected = "; ".join(f"{f}={v or ''} by {e} at {at}"
                              for f, v, e, at in site_corrections_of(engine, site.id))
        merged = "; ".join(f"{n} ({m}) by {e} at {at}"
                           for m, n, e, at in merges_into(engine, site.id))
        details = (f"{site.kind}; operator {site.operator or '-'}; host {site.host or '-'}; "
                   f"placed by {site.geocoder} at {site.precision} precision\n\n{quotes}")
        extended = "".join(
            f'<Data name="{key}"><value>{escape(str(value or ""))}</value></Data>'
            for key, value in (("kind", site.kind), ("operator", site.operator),
                               ("host", site.host), ("status", site.status),
                               ("precision", site.precision), ("geocoder", site.geocoder),
                               ("quotes", len(by_site[site.id])),
                               ("corrections", corrected), ("merged", merged)))
        marks.append(f"<Placemark><name>{escape(site.name)}</name>"
                     f"<description>{escape(details)}</description>"
                     f"<ExtendedData>{extended}</ExtendedData>"
                     f"<Point><coordinates>{site.lon},{site.lat},0</coordinates></Point>"
                     "</Placemark>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2">'
            f"<Document><name>Foreign military presence</name>{''.join(marks)}</Document></kml>\n")
