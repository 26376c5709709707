"""Mentions analysts add and unresolved place names: kept with who and when, never lost."""

from __future__ import annotations

import csv
import io
import json

import pytest

from dashboard.errors import AccessError, CorrectionError
from dashboard.export import export_csv, export_geojson
from dashboard.filters import Filters
from dashboard.models import UnresolvedPlace
from dashboard.pipeline import ingest_paths, ingest_uploads
from dashboard.store import (
    NewSite,
    add_mention,
    additions_of,
    data_version,
    get_article,
    get_site,
    list_unresolved,
    merge_sites,
    query_mentions,
    query_sites,
    reject_mention,
    save_unresolved,
)

from .conftest import EDITOR
from .test_corrections import KANT, SEEDS, reprocess

SOORONBAY = "at Sooronbay’s request"


@pytest.fixture
def filled(engine, resources):
    ingest_paths(engine, [SEEDS], resources, editor=EDITOR)
    return engine


def tsarizm(engine):
    row = next(m for m in query_mentions(engine, Filters()) if "Kant" in m.quote)
    article = get_article(engine, row.article_id)
    assert article is not None
    return article


def test_a_mention_added_to_a_new_site_survives_reprocessing(filled, resources):
    article = tsarizm(filled)
    start = article.text.index(SOORONBAY)
    before = data_version(filled)
    site_id = add_mention(filled, article.id, start, start + len(SOORONBAY),
                          NewSite("Ala Archa residence", "meeting_site", "42.6", 74.48,
                                  operator="rus", host="KGZ"),
                          editor=EDITOR, alliances=("CSTO",))
    assert site_id == "analyst:meeting_site:ala-archa-residence"
    assert data_version(filled) != before
    for _ in range(2):
        site = get_site(filled, site_id)
        assert site is not None
        assert (site.name, site.lat, site.lon, site.precision, site.geocoder) == (
            "Ala Archa residence", 42.6, 74.48, "site", "analyst")
        [mention] = query_mentions(filled, Filters(alliances=("CSTO",)), [site_id])
        assert (mention.quote, mention.start, mention.operator) == (
            SOORONBAY, start, "RUS")
        reprocess(filled, resources)
    [(article_id, s, e, added_site, who, _)] = additions_of(filled)
    assert (article_id, s, e, added_site, who) == (
        article.id, start, start + len(SOORONBAY), site_id, "tests")
    feature = next(f for f in json.loads(export_geojson(filled))["features"]
                   if f["properties"]["id"] == site_id)
    assert feature["properties"]["mentions"][0]["added_by"]["editor"] == "tests"
    rows = list(csv.DictReader(io.StringIO(export_csv(filled))))
    assert [r["added_by"].split()[0] for r in rows if r["site_id"] == site_id] == ["tests"]


def test_a_mention_added_to_an_existing_site_follows_its_merge(filled, resources):
    article = tsarizm(filled)
    moscow = next(s for s in query_sites(filled, Filters()) if s.name == "Moscow")
    start = article.text.index(SOORONBAY)
    add_mention(filled, article.id, start, start + 5, KANT, editor=EDITOR)
    assert get_site(filled, KANT).mention_count == 2
    merge_sites(filled, moscow.id, KANT, editor=EDITOR)
    reprocess(filled, resources)
    added = [m for m in query_mentions(filled, Filters(), [moscow.id]) if m.start == start]
    assert [m.quote for m in added] == ["at So"]
    assert get_site(filled, KANT) is None


def test_a_rejected_addition_stays_rejected(filled, resources):
    article = tsarizm(filled)
    start = article.text.index(SOORONBAY)
    add_mention(filled, article.id, start, start + 10, KANT, editor=EDITOR)
    added = next(m for m in query_mentions(filled, Filters(), [KANT]) if m.start == start)
    reject_mention(filled, added.id, "not a base", editor=EDITOR)
    reprocess(filled, resources)
    assert start not in {m.start for m in query_mentions(filled, Filters(), [KANT])}
    assert len(additions_of(filled)) == 1  # what the analyst typed is kept


@pytest.mark.parametrize(("span", "site", "message"), [
    ((5, 5), KANT, "not a span"),
    ((-1, 4), KANT, "not a span"),
    ((0, 10**7), KANT, "not a span"),
    ((0, 10), "nowhere", "no site 'nowhere'"),
    ((0, 10), NewSite("X", "bunker", 1, 1), "kind must be one of"),
    ((0, 10), NewSite("X", "installation", 91, 1), "lat must be"),
    ((0, 10), NewSite(" ", "installation", 1, 1), "needs a name"),
    ((0, 10), NewSite("X", "installation", 1, 1, operator="Russia"), "alpha-3"),
])
def test_bad_additions_are_refused_and_change_nothing(filled, span, site, message):
    article = tsarizm(filled)
    before = len(query_mentions(filled, Filters()))
    with pytest.raises(CorrectionError, match=message):
        add_mention(filled, article.id, *span, site, editor=EDITOR)
    assert len(query_mentions(filled, Filters())) == before and additions_of(filled) == []


def test_adding_the_same_mention_twice_is_refused(filled):
    kant = next(m for m in query_mentions(filled, Filters(), [KANT]))
    with pytest.raises(CorrectionError, match="already a mention"):
        add_mention(filled, kant.article_id, kant.start, kant.end, KANT, editor=EDITOR)
    with pytest.raises(AccessError):
        add_mention(filled, kant.article_id, 0, 5, KANT, editor=None)
    with pytest.raises(CorrectionError, match="no article"):
        add_mention(filled, "nothing", 0, 5, KANT, editor=EDITOR)


def sooronbay(engine):
    return next(r for r in list_unresolved(engine) if r.name == "Sooronbay")


def test_unresolved_place_names_are_recorded_at_ingest(filled):
    row = sooronbay(filled)
    assert row.reason == "not in the gazetteer"
    assert row.title.startswith("Is Russia Pressuring Kyrgyzstan")
    article = get_article(filled, row.article_id)
    assert article.text[row.start:row.end] == "Sooronbay"
    assert article.text[row.sentence_start:row.sentence_end] == row.sentence


def test_an_unknown_base_town_is_listed_until_an_analyst_adds_it(engine, resources):
    text = ("Russian troops are stationed at a military base near Zarqabadistan, the "
            "Tajik defence ministry said on Monday.")
    ingest_uploads(engine, [("base.txt", text.encode(), {})], resources, editor=EDITOR)
    [row] = list_unresolved(engine)
    assert row.name == "Zarqabadistan" and row.sentence == text
    add_mention(engine, row.article_id, row.sentence_start, row.sentence_end,
                NewSite("Zarqabadistan base", "installation", 38.5, 68.7, "settlement",
                        "RUS", "TJK"), editor=EDITOR)
    assert list_unresolved(engine) == []


def test_saving_unresolved_names_replaces_an_articles_list(filled):
    row = sooronbay(filled)
    place = UnresolvedPlace("Elsewhere", row.sentence_start, row.sentence_start + 3, "x",
                            row.sentence_start, row.sentence_end, row.sentence)
    assert save_unresolved(filled, row.article_id, [place, place], editor=EDITOR) == 1
    assert [r.name for r in list_unresolved(filled) if r.article_id == row.article_id] == [
        "Elsewhere"]
    with pytest.raises(AccessError):
        save_unresolved(filled, row.article_id, [], editor=None)
