"""Store: a temporary database per test; saving is idempotent; filters select mentions."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from dashboard.errors import StoreError
from dashboard.filters import Filters
from dashboard.models import Article, Mention, Place
from dashboard.pipeline import ingest_paths
from dashboard.settings import DATA_DIR
from dashboard.store import (
    correct_site,
    country_summary,
    filter_options,
    get_article,
    get_site,
    mention_dates,
    query_mentions,
    query_sites,
    save_article,
    save_articles,
    sources_of,
    stored_sources,
)

from .conftest import EDITOR

SEEDS = DATA_DIR / "articles"


def test_seed_articles_give_the_expected_sites(engine, resources):
    report = ingest_paths(engine, [SEEDS], resources, editor=EDITOR)
    assert not report.failed
    sites = {(s.kind, s.name, s.operator, s.host) for s in query_sites(engine, Filters())}
    assert ("installation", "Kant Air Base", "RUS", "KGZ") in sites
    assert ("meeting_site", "Moscow", None, "RUS") in sites
    assert ("meeting_site", "Bishkek", None, "KGZ") in sites
    issyk = [s for s in query_sites(engine, Filters()) if "Issyk" in s.name or
             "Koy-Sary" in s.name or "Karakol" in s.name]
    assert issyk and issyk[0].operator == "RUS" and issyk[0].host == "KGZ"
    names = " ".join(s.name for s in query_sites(engine, Filters()))
    for absent in ("Iran", "Armenia", "Turkey", "Ukraine", "Central Asia"):
        assert absent not in names


def test_reingesting_is_idempotent(engine, resources):
    ingest_paths(engine, [SEEDS], resources, editor=EDITOR)
    first = [(m.site_id, m.quote) for m in query_mentions(engine, Filters())]
    ingest_paths(engine, [SEEDS], resources, editor=EDITOR)
    assert [(m.site_id, m.quote) for m in query_mentions(engine, Filters())] == first
    assert filter_options(engine).articles == 2


def test_alliance_filter_uses_membership_at_the_date(engine, resources):
    ingest_paths(engine, [SEEDS], resources, editor=EDITOR)
    csto = {s.name for s in query_sites(engine, Filters(alliances=("CSTO",)))}
    assert {"Kant Air Base", "Moscow", "Bishkek"} <= csto
    assert query_sites(engine, Filters(alliances=("NATO",))) == []


def test_filters_by_operator_host_kind_and_dates(engine, resources):
    ingest_paths(engine, [SEEDS], resources, editor=EDITOR)
    assert {s.kind for s in query_sites(engine, Filters(kinds=("meeting_site",)))} == {
        "meeting_site"}
    assert query_sites(engine, Filters(operators=("USA",))) == []
    in_2019 = query_sites(engine, Filters(start=date(2019, 1, 1), end=date(2019, 12, 31),
                                          include_undated=False))
    assert {s.name for s in in_2019} == {"Kant Air Base", "Bishkek"}
    assert {s.host for s in query_sites(engine, Filters(hosts=("RUS",)))} == {"RUS"}


def test_precision_filter_keeps_exact_sites(engine, resources):
    ingest_paths(engine, [SEEDS], resources, editor=EDITOR)
    exact = query_sites(engine, Filters(precisions=("site",)))
    assert exact and {s.precision for s in exact} == {"site"}
    assert "Kant Air Base" in {s.name for s in exact}
    assert "Moscow" not in {s.name for s in exact}


@pytest.mark.parametrize(("text", "expected"), [
    ("Kant", {"Kant Air Base"}), ("moscow", {"Moscow"}), ("100%_", set()),
    ("upcoming Thursday", {"Bishkek"}), ("KANT", {"Kant Air Base"}), ('Kant "', set()),
    ("Issyk", {"Issyk-Kul Naval Test Base (Koy-Sary)"}),
])
def test_search_finds_sites_and_phrases_in_quotes(engine, resources, text, expected):
    ingest_paths(engine, [SEEDS], resources, editor=EDITOR)
    assert {s.name for s in query_sites(engine, Filters(text=text))} == expected


def test_country_summary_counts_sites_per_host_and_operator(engine, resources):
    ingest_paths(engine, [SEEDS], resources, editor=EDITOR)
    assert country_summary(engine, Filters()) == [("KGZ", "RUS", 2, 2)]
    assert country_summary(engine, Filters(alliances=("NATO",))) == []


def test_get_article_returns_stored_text(engine, resources):
    report = ingest_paths(engine, [SEEDS], resources, editor=EDITOR)
    article = get_article(engine, report.results[0].article_id)
    assert article is not None and "Kyrgyzstan" in article.text
    assert get_article(engine, "missing") is None


def _saved(engine, statuses: list[tuple[date | None, str | None]]) -> str:
    place = Place(key="geonames:1", name="Kant", lat=42.85, lon=74.85, country="KGZ",
                  kind="settlement", precision="settlement")
    for number, (day, status) in enumerate(statuses):
        article = Article(id=f"a{number}", source=f"a{number}.txt", text="t", title=f"A{number}")
        mention = Mention(kind="installation", name="Kant", quote="q", start=0, end=1,
                          place=place, operator="RUS", host="KGZ", date=day, status=status)
        save_article(engine, article, [mention], editor=EDITOR)
    return mention.site_id


@pytest.mark.parametrize(("include_undated", "count"), [(True, 3), (False, 1)])
def test_a_year_counts_its_mentions_and_the_undated_ones(engine, include_undated, count):
    site_id = _saved(engine, [(date(2020, 1, 1), None), (date(2022, 3, 1), None),
                              (None, None), (None, "active")])
    year = Filters(start=date(2022, 1, 1), end=date(2022, 12, 31),
                   include_undated=include_undated)
    assert [(s.id, s.mention_count) for s in query_sites(engine, year)] == [(site_id, count)]
    assert len(query_mentions(engine, year)) == count


def test_an_undated_mention_alone_keeps_its_site_in_a_year(engine):
    site_id = _saved(engine, [(date(2020, 1, 1), None), (None, None)])
    year = Filters(start=date(2022, 1, 1), end=date(2022, 12, 31))
    assert [(s.id, s.mention_count) for s in query_sites(engine, year)] == [(site_id, 1)]


def test_sites_come_in_the_same_name_order_on_every_backend(engine):
    for number, name in enumerate(["kant", "Kant", "Bishkek", "Émile", "Zhetysu"]):
        place = Place(key=f"geonames:{number}", name=name, lat=42.85, lon=74.85,
                      country="KGZ", kind="settlement", precision="settlement")
        article = Article(id=f"a{number}", source=f"a{number}.txt", text="t", title="T")
        mention = Mention(kind="installation", name=name, quote="q", start=0, end=1,
                          place=place, operator="RUS", host="KGZ")
        save_article(engine, article, [mention], editor=EDITOR)
    assert [s.name for s in query_sites(engine, Filters())] == [
        "Bishkek", "Kant", "Zhetysu", "kant", "Émile"]


def test_two_alliances_count_a_mention_in_both_once(engine):
    place = Place(key="geonames:1", name="Kant", lat=42.85, lon=74.85, country="KGZ",
                  kind="settlement", precision="settlement")
    for number, orgs in enumerate([("CSTO", "SCO"), ("CSTO",), ("SCO",)]):
        article = Article(id=f"a{number}", source=f"a{number}.txt", text="t", title="T")
        mention = Mention(kind="installation", name="Kant", quote="q", start=0, end=1,
                          place=place, operator="RUS", host="KGZ", alliances=orgs)
        save_article(engine, article, [mention], editor=EDITOR)
    counts = {orgs: [s.mention_count for s in query_sites(engine, Filters(alliances=orgs))]
              for orgs in [("CSTO",), ("SCO",), ("CSTO", "SCO")]}
    assert counts == {("CSTO",): [2], ("SCO",): [2], ("CSTO", "SCO"): [3]}


def test_site_status_is_the_newest_dated_statement(engine):
    site_id = _saved(engine, [(date(2020, 1, 1), "planned"), (date(2022, 1, 1), "active"),
                              (None, "closed"), (date(2023, 1, 1), None)])
    site = get_site(engine, site_id)
    assert site is not None and site.status == "active" and site.mention_count == 4
    assert query_sites(engine, Filters())[0].status == "active"
    assert get_site(engine, "nowhere") is None


def test_mention_dates_count_per_month_operator_and_kind(engine, resources):
    ingest_paths(engine, [SEEDS], resources, editor=EDITOR)
    rows = mention_dates(engine, Filters())
    assert sum(n for *_, n in rows) == len([m for m in query_mentions(engine, Filters())
                                            if m.date])
    assert (date(2019, 3, 1), "RUS", "installation", 1) in rows
    assert all(day.day == 1 for day, *_ in rows)
    assert all(kind == "meeting_site" for _, _, kind, _ in
               mention_dates(engine, Filters(kinds=("meeting_site",))))


def test_syndicated_copies_are_one_article_with_every_outlet(engine, resources, tmp_path):
    story = ("Russia will expand the air base in the town of Kant, the Kyrgyz defence "
             "ministry said on Tuesday, adding hangars and a longer runway.\n"
             "Officials gave no figure for the cost of the work, which follows talks in "
             "Moscow between the two presidents.")
    copies = {"wire.txt": f"By Wire Staff\nBISHKEK, May 9\n{story}\n",
              "daily.txt": f"Daily Courier | World\n{story.upper().lower()}\nReporting by A.\n"}
    for name, text in copies.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        (tmp_path / f"{name}.json").write_text(
            json.dumps({"outlet": name.split(".")[0], "published": "2023-05-09"}))
    report = ingest_paths(engine, [tmp_path], resources, editor=EDITOR)
    assert not report.failed and len({r.article_id for r in report.results}) == 1
    mentions = query_mentions(engine, Filters())
    assert len({m.article_id for m in mentions}) == 1
    assert len([m for m in mentions if "Kant" in m.quote]) == 1
    outlets = [o for _, o, _ in sources_of(engine, [mentions[0].article_id])[
        mentions[0].article_id]]
    assert sorted(outlets) == ["daily", "wire"]


def _version(text: str, source: str, site: str, outlet: str | None = None) -> tuple:
    place = Place(key=f"geonames:{site}", name=site, lat=42.85, lon=74.85, country="KGZ",
                  kind="settlement", precision="settlement")
    article = Article(id=f"id-{text}", source=source, text=text, title=text, outlet=outlet)
    mention = Mention(kind="installation", name=site, quote=text, start=0, end=len(text),
                      place=place, operator="RUS", host="KGZ", alliances=("CSTO",))
    return article, [mention], mention.site_id


def test_a_new_text_from_the_same_source_replaces_the_old_one(engine):
    old, old_found, old_site = _version("first draft", "story.txt", "Kant")
    save_article(engine, old, old_found, editor=EDITOR)
    new, new_found, new_site = _version("final text", "story.txt", "Kara-Balta")
    save_article(engine, new, new_found, editor=EDITOR)
    assert get_article(engine, old.id) is None
    assert get_site(engine, old_site) is None
    assert {m.article_id for m in query_mentions(engine, Filters())} == {new.id}
    assert query_mentions(engine, Filters(alliances=("CSTO",)))[0].article_id == new.id
    assert sources_of(engine, [old.id, new.id]) == {new.id: [("story.txt", None, None)]}
    assert stored_sources(engine)["story.txt"].article_id == new.id
    assert filter_options(engine).articles == 1


def test_a_replaced_text_another_outlet_carries_stays(engine):
    old, old_found, old_site = _version("wire story", "daily.txt", "Kant", "daily")
    save_article(engine, old, old_found, editor=EDITOR)
    save_article(engine, replace(old, source="wire.txt", outlet="wire"), old_found,
                 editor=EDITOR)
    new, new_found, _ = _version("the daily's own story", "daily.txt", "Osh", "daily")
    save_article(engine, new, new_found, editor=EDITOR)
    kept = get_article(engine, old.id)
    assert kept is not None and kept.source == "wire.txt"
    assert get_site(engine, old_site).mention_count == 1
    assert sources_of(engine, [old.id])[old.id] == [("wire.txt", "wire", None)]
    assert filter_options(engine).articles == 2


def test_corrections_survive_a_new_text_from_the_same_source(engine):
    old, old_found, site = _version("first draft", "story.txt", "Kant")
    save_article(engine, old, old_found, editor=EDITOR)
    correct_site(engine, site, {"name": "Kant Air Base", "precision": "site"}, editor=EDITOR)
    new, new_found, same_site = _version("final text", "story.txt", "Kant")
    save_article(engine, new, new_found, editor=EDITOR)
    assert same_site == site
    again = get_site(engine, site)
    assert (again.name, again.precision, again.mention_count) == ("Kant Air Base", "site", 1)
    assert get_article(engine, old.id) is None


def test_saving_a_batch_stores_each_article_in_one_transaction(engine):
    first, first_found, _ = _version("one story", "one.txt", "Kant")
    second, second_found, _ = _version("another story", "two.txt", "Osh")
    assert save_articles(engine, [(first, first_found), (second, second_found)],
                         editor=EDITOR) == [1, 1]
    assert filter_options(engine).articles == 2
    broken = replace(second, id="broken", text=None)  # text is required
    with pytest.raises(StoreError, match="could not save 2 articles"):
        save_articles(engine, [(replace(first, id="new"), first_found), (broken, [])],
                      editor=EDITOR)
    assert get_article(engine, "new") is None
