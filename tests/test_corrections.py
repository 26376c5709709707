"""Analysts' corrections persist with who and when, and survive re-ingesting."""

from __future__ import annotations

import json

import pytest

from dashboard.errors import AccessError, CorrectionError
from dashboard.export import export_geojson
from dashboard.extract import find_mentions
from dashboard.filters import Filters
from dashboard.ingest import read_article
from dashboard.pipeline import ingest_paths
from dashboard.settings import DATA_DIR
from dashboard.store import (
    correct_site,
    data_version,
    get_site,
    merge_sites,
    merges_into,
    query_mentions,
    query_sites,
    reject_mention,
    save_article,
    site_corrections_of,
)

from .conftest import EDITOR

SEEDS = DATA_DIR / "articles"


@pytest.fixture
def filled(engine, resources):
    ingest_paths(engine, [SEEDS], resources, editor=EDITOR)
    return engine


def test_a_moved_and_renamed_site_stays_corrected_after_reingesting(filled, resources):
    site = next(s for s in query_sites(filled, Filters()) if s.kind == "meeting_site")
    correct_site(filled, site.id, {"name": "Kremlin", "lat": "55.752", "lon": 37.617,
                                   "precision": "site", "operator": "rus"}, editor=EDITOR)
    ingest_paths(filled, [SEEDS], resources, editor=EDITOR)
    again = get_site(filled, site.id)
    assert again is not None
    assert (again.name, again.lat, again.lon, again.precision, again.operator) == (
        "Kremlin", 55.752, 37.617, "site", "RUS")
    assert {m.operator for m in query_mentions(filled, Filters(), [site.id])} == {"RUS"}
    assert site.id in {s.id for s in query_sites(filled, Filters(operators=("RUS",)))}
    history = site_corrections_of(filled, site.id)
    assert {(f, v, e) for f, v, e, _ in history} >= {("name", "Kremlin", "tests"),
                                                       ("operator", "RUS", "tests")}
    feature = next(f for f in json.loads(export_geojson(filled))["features"]
                   if f["properties"]["id"] == site.id)
    assert feature["properties"]["name"] == "Kremlin"
    assert {c["field"] for c in feature["properties"]["corrections"]} >= {"name", "lat"}


def test_a_rejected_mention_stays_rejected(filled, resources):
    before = len(query_mentions(filled, Filters()))
    mention = next(m for m in query_mentions(filled, Filters()) if "Kant" in m.quote)
    reject_mention(filled, mention.id, "a historical aside", editor=EDITOR)
    assert len(query_mentions(filled, Filters())) == before - 1
    ingest_paths(filled, [SEEDS], resources, editor=EDITOR)
    assert len(query_mentions(filled, Filters())) == before - 1
    assert mention.quote not in {m.quote for m in query_mentions(filled, Filters())}


@pytest.mark.parametrize(("changes", "message"), [
    ({"lat": "north"}, "lat must be a number"),
    ({"lon": 181}, "lon must be a number"),
    ({"operator": "Russia"}, "alpha-3"),
    ({"kind": "bunker"}, "kind must be one of"),
    ({"precision": "exact"}, "precision must be one of"),
    ({"name": "  "}, "needs a name"),
    ({"colour": "red"}, "cannot be corrected"),
])
def test_bad_corrections_are_refused_and_change_nothing(filled, changes, message):
    site = query_sites(filled, Filters())[0]
    with pytest.raises(CorrectionError, match=message):
        correct_site(filled, site.id, changes, editor=EDITOR)
    assert get_site(filled, site.id) == site
    assert site_corrections_of(filled, site.id) == []


def test_corrections_need_an_editor(filled):
    site = query_sites(filled, Filters())[0]
    with pytest.raises(AccessError):
        correct_site(filled, site.id, {"name": "x"}, editor=None)
    with pytest.raises(AccessError):
        reject_mention(filled, 1, editor=None)
    with pytest.raises(CorrectionError, match="no site"):
        correct_site(filled, "nowhere", {"name": "x"}, editor=EDITOR)


def reprocess(engine, resources):
    """Extract the seed articles again and save them, as re-processing does."""
    for path in sorted(SEEDS.glob("*.txt")):
        article = read_article(path)
        save_article(engine, article, find_mentions(article, resources), editor=EDITOR)


KANT = "installation:rus-kant-air-base"
KOY_SARY = "installation:rus-koy-sary-naval-test-base"


def test_a_merged_site_leaves_the_map_and_stays_merged_after_reingesting(filled, resources):
    before = data_version(filled)
    quotes = {m.quote for m in query_mentions(filled, Filters(), [KANT, KOY_SARY])}
    merge_sites(filled, KANT, KOY_SARY, editor=EDITOR)
    assert data_version(filled) != before
    for _ in range(2):
        assert get_site(filled, KOY_SARY) is None
        kept = get_site(filled, KANT)
        assert kept is not None and kept.mention_count == 2
        assert {m.quote for m in query_mentions(filled, Filters(), [KANT])} == quotes
        assert KOY_SARY not in {s.id for s in query_sites(filled, Filters())}
        reprocess(filled, resources)
    [(merged, name, who, _)] = merges_into(filled, KANT)
    assert (merged, name, who) == (KOY_SARY, "Issyk-Kul Naval Test Base (Koy-Sary)", "tests")
    feature = next(f for f in json.loads(export_geojson(filled))["features"]
                   if f["properties"]["id"] == KANT)
    assert [m["id"] for m in feature["properties"]["merged"]] == [KOY_SARY]
    assert len(feature["properties"]["mentions"]) == 2


def test_corrections_of_the_kept_site_apply_to_merged_mentions(filled, resources):
    correct_site(filled, KANT, {"host": "KAZ"}, editor=EDITOR)
    merge_sites(filled, KANT, KOY_SARY, editor=EDITOR)
    reprocess(filled, resources)
    assert {m.host for m in query_mentions(filled, Filters(), [KANT])} == {"KAZ"}
    assert get_site(filled, KOY_SARY) is None and get_site(filled, KANT).mention_count == 2


def test_merges_follow_a_chain_of_merges(filled, resources):
    moscow = next(s.id for s in query_sites(filled, Filters()) if s.name == "Moscow")
    quotes = sum(s.mention_count for s in query_sites(filled, Filters())
                 if s.id in (moscow, KANT, KOY_SARY))
    merge_sites(filled, KANT, KOY_SARY, editor=EDITOR)
    merge_sites(filled, moscow, KANT, editor=EDITOR)
    reprocess(filled, resources)
    ids = {s.id for s in query_sites(filled, Filters())}
    assert moscow in ids and not ids & {KANT, KOY_SARY}
    assert get_site(filled, moscow).mention_count == quotes


@pytest.mark.parametrize(("keep", "merged", "message"), [
    (KANT, KANT, "into itself"),
    (KANT, "nowhere", "no site 'nowhere'"),
    ("nowhere", KANT, "no site 'nowhere'"),
])
def test_bad_merges_are_refused(filled, keep, merged, message):
    with pytest.raises(CorrectionError, match=message):
        merge_sites(filled, keep, merged, editor=EDITOR)
    assert get_site(filled, KANT) is not None and merges_into(filled, keep) == []


def test_merging_needs_an_editor(filled):
    with pytest.raises(AccessError):
        merge_sites(filled, KANT, KOY_SARY, editor=None)
    assert get_site(filled, KOY_SARY) is not None


def test_alliance_filter_counts_a_merged_sites_quotes_at_the_kept_site(filled):
    merge_sites(filled, KANT, KOY_SARY, editor=EDITOR)
    view = Filters(alliances=("CSTO",))
    counted = {s.id: s.mention_count for s in query_sites(filled, view)}
    quoted = [m for m in query_mentions(filled, view) if m.site_id == KANT]
    assert KOY_SARY not in counted
    assert counted[KANT] == len(quoted) >= 2
