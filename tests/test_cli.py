"""The command line contract: ingest files or folders, export GeoJSON."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from dashboard.cli import main
from dashboard.settings import DATA_DIR

from .conftest import TEST_DATA


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, session_settings):
    monkeypatch.setenv("DASHBOARD_CACHE_DIR", str(session_settings.cache_dir))


def test_ingest_reports_bad_files_and_goes_on(env, tmp_path: Path, capsys):
    folder = tmp_path / "in"
    shutil.copytree(DATA_DIR / "articles", folder)
    shutil.copy(TEST_DATA / "binary.txt", folder / "broken.txt")
    db = tmp_path / "out.sqlite"
    assert main(["ingest", str(folder), str(tmp_path / "missing.txt"), "--db", str(db)]) == 0
    err = capsys.readouterr().err
    assert "broken.txt: this is binary data" in err
    assert "missing.txt: no such file" in err
    assert "2 of 4 files ingested, 2 failed" in err


def test_export_writes_the_geojson_contract(env, tmp_path: Path):
    db = f"sqlite:///{tmp_path / 'out.sqlite'}"
    assert main(["ingest", str(DATA_DIR / "articles"), "--db", db, "--quiet"]) == 0
    output = tmp_path / "sites.geojson"
    assert main(["export", "--db", db, "--format", "geojson", "--output", str(output)]) == 0
    data = json.loads(output.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    kant = next(f for f in data["features"] if f["properties"]["name"] == "Kant Air Base")
    lon, lat = kant["geometry"]["coordinates"]
    assert abs(lat - 42.85) < 0.1 and abs(lon - 74.85) < 0.1
    props = kant["properties"]
    for key in ("id", "name", "kind", "operator", "host", "countries", "alliances",
                "precision", "geocoder", "mentions"):
        assert key in props
    assert props["kind"] == "installation" and props["precision"] == "site"
    mention = props["mentions"][0]
    assert set(mention) >= {"source", "title", "date", "quote", "start", "end"}
    assert mention["date"] == "2019-03-26"
    assert mention["source"].endswith("tsarizm-russian-presence-2019.txt")


def test_failing_every_file_exits_non_zero(env, tmp_path: Path):
    assert main(["ingest", str(TEST_DATA / "empty.txt"), "--db", str(tmp_path / "x.db")]) == 1


def test_export_takes_the_view_filters(env, tmp_path: Path, capsys):
    db = f"sqlite:///{tmp_path / 'out.sqlite'}"
    assert main(["ingest", str(DATA_DIR / "articles"), "--db", db, "--quiet"]) == 0
    capsys.readouterr()
    assert main(["export", "--db", db, "--format", "csv", "--kind", "meeting_site",
                 "--from", "2023-01-01"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out.strip())))
    assert {r["site"] for r in rows} == {"Moscow"}
    assert all(r["geocoder"] and r["precision"] and r["quote"] and r["source"] for r in rows)
    assert main(["export", "--db", db, "--format", "kml", "--operator", "rus"]) == 0
    kml = capsys.readouterr().out
    assert "Kant Air Base" in kml and "Moscow" not in kml
    assert '<Data name="geocoder"><value>knowledge-base</value></Data>' in kml
    assert main(["export", "--db", db, "--from", "2024-01-01", "--to", "2023-01-01"]) == 2
    assert "starts (2024-01-01) after it ends" in capsys.readouterr().err


def test_ingest_links_and_feeds_reporting_each_failure(env, tmp_path: Path, capsys, site,
                                                       monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("DASHBOARD_ALLOW_PRIVATE_URLS", "1")
    db = f"sqlite:///{tmp_path / 'web.sqlite'}"
    status = main(["ingest", f"{site}/article.html", f"{site}/image.png", "--feed",
                   f"{site}/feed.xml", "--feed", f"{site}/article.html", "--db", db])
    assert status == 0
    err = capsys.readouterr().err
    assert f"{site}/image.png: {site}/image.png is not an article or a feed" in err
    assert f"{site}/missing: {site}/missing answered 404" in err
    assert f"{site}/article.html is not an RSS or Atom feed" in err
    assert "1 of 4 files ingested, 3 failed" in err
    assert main(["export", "--db", db]) == 0
    names = {f["properties"]["name"] for f in json.loads(capsys.readouterr().out)["features"]}
    assert "Kant Air Base" in names


def test_ingest_refuses_loopback_links_by_default(env, tmp_path: Path, capsys, site):
    db = f"sqlite:///{tmp_path / 'web.sqlite'}"
    assert main(["ingest", f"{site}/article.html", "--db", db]) == 1
    assert "private, loopback or link-local address (127.0.0.1)" in capsys.readouterr().err


def test_subscribe_to_a_feed_then_refresh_reads_only_new_links(env, tmp_path: Path, capsys,
                                                               site,
                                                               monkeypatch: pytest.MonkeyPatch):
    from dashboard.store import connect, list_feeds

    monkeypatch.setenv("DASHBOARD_ALLOW_PRIVATE_URLS", "1")
    db = f"sqlite:///{tmp_path / 'feeds.sqlite'}"
    assert main(["refresh", "--db", db]) == 0
    assert "0 of 0 files ingested" in capsys.readouterr().err
    assert main(["ingest", "--feed", f"{site}/feed.xml", "--subscribe", "--db", db]) == 0
    out, err = capsys.readouterr()
    assert f"ok: {site}/article.html: " in out
    assert "1 of 2 files ingested, 1 failed" in err
    [feed] = list_feeds(connect(db))
    assert feed.url == f"{site}/feed.xml" and feed.added_by.endswith("(command line)")
    # Only the link that failed is read again; nothing new goes in.
    assert main(["refresh", "--db", db]) == 1
    out, err = capsys.readouterr()
    assert "article.html" not in out and f"{site}/missing answered 404" in err
    assert "0 of 1 files ingested, 1 failed" in err


def test_ingest_with_workers_then_again_reports_unchanged_files(env, tmp_path: Path, capsys):
    db = str(tmp_path / "w.sqlite")
    assert main(["ingest", str(DATA_DIR / "articles"), "--db", db, "--workers", "2"]) == 0
    first = capsys.readouterr().out
    assert first.count("ok: ") == 2 and "unchanged" not in first
    assert main(["ingest", str(DATA_DIR / "articles"), "--db", db, "--workers", "1"]) == 0
    assert capsys.readouterr().out.count(": unchanged") == 2


@pytest.mark.parametrize("value", ["0", "-1", "many"])
def test_ingest_refuses_a_bad_number_of_workers(env, tmp_path: Path, capsys, value):
    with pytest.raises(SystemExit):
        main(["ingest", str(DATA_DIR / "articles"), "--workers", value])
    assert "is not a number of workers" in capsys.readouterr().err
