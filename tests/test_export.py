"""Exports: GeoJSON, CSV (formula-safe) and KML, each with provenance."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ElementTree

import pytest

from dashboard.export import export_csv, export_geojson, export_kml, neutralise_cell
from dashboard.filters import Filters
from dashboard.pipeline import ingest_paths
from dashboard.settings import DATA_DIR

from .conftest import EDITOR


@pytest.fixture
def filled(engine, resources):
    ingest_paths(engine, [DATA_DIR / "articles"], resources, editor=EDITOR)
    return engine


@pytest.mark.parametrize(("value", "expected"), [
    ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"), ("+1", "'+1"), ("-2", "'-2"), ("@SUM", "'@SUM"),
    ("Kant", "Kant"), (None, ""), (42.5, "42.5"),
])
def test_neutralise_cell(value, expected):
    assert neutralise_cell(value) == expected


def test_csv_has_one_row_per_mention_with_provenance(filled):
    rows = list(csv.DictReader(io.StringIO(export_csv(filled))))
    kant = next(r for r in rows if r["site"] == "Kant Air Base")
    assert kant["geocoder"] == "knowledge-base" and kant["precision"] == "site"
    assert "air base in the town of Kant" in kant["quote"] and kant["date"] == "2019-03-26"


def test_kml_is_well_formed_and_filtered(filled):
    root = ElementTree.fromstring(export_kml(filled, Filters(kinds=("meeting_site",))))
    names = {e.text for e in root.iter("{http://www.opengis.net/kml/2.2}name")}
    assert {"Moscow", "Bishkek"} <= names and "Kant Air Base" not in names


def test_geojson_is_a_feature_collection(filled):
    data = json.loads(export_geojson(filled))
    assert data["type"] == "FeatureCollection"
    assert all(f["geometry"]["type"] == "Point" for f in data["features"])


def test_kml_carries_analysts_corrections_and_merges(filled):
    from dashboard.store import correct_site, merge_sites, query_sites

    by_name = {s.name: s.id for s in query_sites(filled, Filters())}
    kant, other = by_name["Kant Air Base"], by_name["Moscow"]
    correct_site(filled, kant, {"precision": "settlement"}, editor=EDITOR)
    merge_sites(filled, kant, other, editor=EDITOR)
    root = ElementTree.fromstring(export_kml(filled))
    ns = "{http://www.opengis.net/kml/2.2}"
    mark = next(p for p in root.iter(f"{ns}Placemark")
                if p.find(f"{ns}name").text == "Kant Air Base")
    data = {d.get("name"): d.find(f"{ns}value").text or ""
            for d in mark.iter(f"{ns}Data")}
    assert "precision=settlement by tests" in data["corrections"]
    assert "Moscow" in data["merged"] and "by tests" in data["merged"]
