"""The Streamlit pages through AppTest: filters change what is listed; a click shows quotes."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from unittest import mock

import pyarrow
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.filters import Filters
from dashboard.pipeline import ingest_paths, ingest_uploads
from dashboard.settings import DATA_DIR, PROJECT_DIR
from dashboard.store import connect, get_article, query_mentions, query_sites

from .conftest import EDITOR

APP = str(PROJECT_DIR / "dashboard" / "app.py")


@pytest.fixture
def app_env(monkeypatch: pytest.MonkeyPatch, session_settings, resources, tmp_path: Path):
    db = tmp_path / "app.sqlite"
    ingest_paths(connect(f"sqlite:///{db}"), [DATA_DIR / "articles"], resources, editor=EDITOR)
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    monkeypatch.setenv("DASHBOARD_CACHE_DIR", str(session_settings.cache_dir))
    return db


def run(clicked: dict | None = None, query: dict | None = None) -> AppTest:
    with mock.patch("streamlit_folium.st_folium", return_value={"last_object_clicked": clicked}):
        at = AppTest.from_file(APP, default_timeout=60)
        for key, value in (query or {}).items():
            at.query_params[key] = value
        at.run()
        return at


def listed(at: AppTest) -> set[str]:
    """Return the names of the sites the map page offers (its site chooser lists them)."""
    return set(at.selectbox(key="site").options)


def test_map_page_lists_every_site(app_env):
    at = run()
    assert not at.exception
    assert {"Kant Air Base", "Moscow", "Bishkek"} <= listed(at)


def test_alliance_filter_from_the_url(app_env):
    assert "Kant Air Base" in listed(run(query={"filters.alliance": "CSTO"}))
    at = run(query={"filters.alliance": "NATO"})
    assert any(c.value.startswith("0 sites") for c in at.caption)


def test_filter_widget_changes_the_list(app_env):
    at = run()
    at.multiselect(key="filters.kind").set_value(["meeting_site"]).run()
    assert listed(at) == {"Moscow", "Bishkek"}


def test_country_summary_table_and_choropleth(app_env):
    with mock.patch("streamlit_folium.st_folium", return_value={}) as drawn:
        at = AppTest.from_file(APP, default_timeout=60)
        at.query_params["view.countries"] = "true"
        at.run()
        shaded = [c.args[0] for c in drawn.call_args_list if c.kwargs.get("key") == "countries_map"]
    summary = next(d for d in at.dataframe if "foreign operator" in d.value.columns)
    assert list(summary.value["sites"]) == [2]
    html = shaded[0].get_root().render()
    assert '"iso3": "KGZ", "name": "Kyrgyzstan", "sites": 2' in html
    assert "Russia 2" in html


def test_country_summary_is_off_by_default(app_env):
    assert not [d for d in run().dataframe if "foreign operator" in d.value.columns]


def test_timeline_counts_mentions_by_operator(app_env):
    at = run()
    chart = at.get("vega_lite_chart")[0].proto
    assert json.loads(chart.spec)["params"][0]["name"] == "span"
    values = pyarrow.ipc.open_stream(chart.data.data).read_all().to_pylist()
    series = {v["series"] for v in values}
    assert {"Russia (RUS)", "Leader meetings"} <= series
    assert {v["month"] for v in values} == {"2019-03-01", "2023-05-01"}


def test_timeline_slider_sets_the_date_filter(app_env):
    at = run()
    at.slider[0].set_value((date(2023, 1, 1), date(2023, 5, 8))).run()
    assert at.date_input(key="filters.from").value == date(2023, 1, 1)
    assert listed(at) == {"Moscow", "Issyk-Kul Naval Test Base (Koy-Sary)"}
    at.button(key="timeline.clear").click().run()
    assert at.date_input(key="filters.from").value is None
    assert "Kant Air Base" in listed(at)


def test_search_lists_matching_quotes(app_env):
    at = run(query={"filters.q": "Kant"})
    text = " ".join(m.value for m in at.markdown)
    assert ":orange-background[Kant]" in text
    assert any(e.label.startswith("Quotes matching") for e in at.expander)


def test_site_page_shows_history_aliases_and_quotes(app_env):
    page = AppTest.from_file(APP, default_timeout=60)
    page.switch_page("pages/site.py")
    page.query_params["site"] = "installation:rus-kant-air-base"
    page.run()
    assert not page.exception
    text = " ".join(m.value for m in page.markdown)
    assert "999th Air Base" in text and "air base in the town of Kant" in text
    history = next(d for d in page.dataframe if "status" in d.value.columns)
    assert list(history.value["status"])[:2] == ["opened", "active"]


def test_site_page_without_a_site_says_what_to_do():
    page = AppTest.from_file(APP, default_timeout=60)
    page.switch_page("pages/site.py")
    page.query_params["site"] = "nowhere"
    page.run()
    assert "Choose a site on the map page" in page.info[0].value


def test_known_layer_and_precision_filter(app_env):
    at = run(query={"filters.precision": "site", "map.known": "true"})
    assert not at.exception
    assert listed(at) == {s for s in listed(run()) if s.endswith("Base") or "Koy-Sary" in s}


def test_clicking_a_marker_shows_its_quotes(app_env):
    at = run(clicked={"lat": 42.85306, "lng": 74.84639})
    text = " ".join(m.value for m in at.markdown)
    assert "air base in the town of Kant" in text
    assert "Is Russia Pressuring Kyrgyzstan" in text
    assert "Known installation: air" in text


def test_article_page_highlights_the_quote(app_env):
    at = run(clicked={"lat": 42.85306, "lng": 74.84639})
    assert not at.exception
    row = next(m for m in query_mentions(connect(f"sqlite:///{app_env}"), Filters())
               if "Kant" in m.quote)
    article = AppTest.from_file(APP, default_timeout=60)
    article.switch_page("pages/article.py")
    for key, value in {"article": row.article_id, "start": str(row.start),
                       "end": str(row.end)}.items():
        article.query_params[key] = value
    article.run()
    assert any(":orange-background[" in m.value for m in article.markdown)


def test_downloads_offer_every_format_of_the_view(app_env):
    at = run(query={"filters.kind": "meeting_site"})
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["CSV", "GeoJSON", "KML (Google Earth, My Maps)"]


def test_known_layer_lists_reported_sites_missing_from_the_knowledge_base(app_env):
    at = run(query={"map.known": "true"})
    assert any(e.label.startswith("Reported installations not in the knowledge base")
               for e in at.expander)


def add_page(secrets: dict | None = None, query: dict | None = None,
             state: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.switch_page("pages/add.py")
    for section, values in (secrets or {}).items():
        at.secrets[section] = values
    for key, value in (query or {}).items():
        at.query_params[key] = value
    for key, value in (state or {}).items():
        at.session_state[key] = value
    return at.run()


def test_add_page_is_read_only_without_editors(app_env):
    at = add_page()
    assert "read-only" in at.info[0].value
    assert not at.get("file_uploader") and not at.text_area


@pytest.mark.parametrize("route", [
    {"query": {"editor.token": "s3cret"}},
    {"state": {"editor": EDITOR}},
    {"state": {"editor.token": "wrong"}},
    {"query": {"editor": "tests", "via": "token"}},
])
def test_a_viewer_cannot_become_an_editor_by_any_other_route(app_env, route):
    at = add_page({"editors": {"token": "s3cret"}}, **route)
    assert "Viewing only" in at.info[0].value
    assert not at.get("file_uploader") and not at.text_area


def test_an_editor_with_the_token_adds_a_pasted_article(app_env):
    at = add_page({"editors": {"token": "s3cret"}})
    at.text_input(key="editor.token").input("s3cret").run()
    assert not at.info
    at.text_area(key="add.text").input(
        "Russian troops will stay at the air base in the town of Kant, Kyrgyzstan's defence "
        "minister said on Tuesday, as talks on the base's lease went on.")
    at.text_input(key="add.title").input("Kant lease talks")
    at.button[0].click().run()
    assert not at.exception
    assert any("1 mentions" in s.value for s in at.success), [e.value for e in at.error]
    engine = connect(f"sqlite:///{app_env}")
    assert any(m.title == "Kant lease talks" for m in query_mentions(engine, Filters()))


def test_with_a_login_configured_viewers_are_asked_to_sign_in(app_env):
    at = add_page({"auth": {"redirect_uri": "http://localhost:8501/oauth2callback",
                            "cookie_secret": "x", "client_id": "id", "client_secret": "s",
                            "server_metadata_url": "https://id.example.org/.well-known"},
                   "editors": {"token": "s3cret"}},
                  state={"editor.token": "s3cret"})
    assert "Viewing only" in at.info[0].value
    assert [b.label for b in at.button] == ["Sign in to edit"]
    assert not at.get("file_uploader")


def test_other_sessions_see_new_articles_without_a_restart(app_env, resources):
    at = run()
    assert "Camp Lemonnier" not in listed(at)
    text = ("The United States operates Camp Lemonnier in Djibouti, its only permanent "
            "military base in Africa, officials said on Monday.")
    ingest_uploads(connect(f"sqlite:///{app_env}"), [("djibouti.txt", text.encode(), {})],
                   resources, editor=EDITOR)
    at.run()
    assert "Camp Lemonnier" in listed(at)


def review_page(secrets: dict | None = None, token: str = "") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.switch_page("pages/review.py")
    for section, values in (secrets or {}).items():
        at.secrets[section] = values
    if token:
        at.session_state["editor.token"] = token
    return at.run()


def test_review_page_needs_an_editor(app_env):
    at = review_page({"editors": {"token": "s3cret"}}, token="wrong")
    assert "Viewing only" in at.info[0].value and not at.get("form")


def test_review_page_lists_and_corrects_a_site(app_env):
    at = review_page({"editors": {"token": "s3cret"}}, token="s3cret")
    assert any(c.value.endswith("survive re-ingesting.") for c in at.caption)
    choice = next(o for o in at.selectbox(key="review.site").options if "Moscow" in o)
    at.selectbox(key="review.site").select(choice).run()
    site_id = at.selectbox(key="review.site").value
    at.text_input(key=f"review.name.{site_id}").input("Kremlin")
    at.button(key="review.save").click().run()
    assert any("Saved 1 change" in s.value for s in at.success), [e.value for e in at.error]
    names = {s.name for s in query_sites(connect(f"sqlite:///{app_env}"), Filters())}
    assert "Kremlin" in names and "Moscow" not in names


KANT = "installation:rus-kant-air-base"
KOY_SARY = "installation:rus-koy-sary-naval-test-base"
TOKEN = {"editors": {"token": "s3cret"}}


def editor_page(page: str, query: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.switch_page(page)
    at.secrets["editors"] = TOKEN["editors"]
    at.session_state["editor.token"] = "s3cret"
    for key, value in (query or {}).items():
        at.query_params[key] = value
    return at


def test_review_page_moves_a_site_where_the_map_was_clicked(app_env):
    click = {"last_clicked": {"lat": 42.9, "lng": 74.7}}
    with mock.patch("streamlit_folium.st_folium", return_value=click) as drawn:
        at = editor_page("pages/review.py").run()
        assert "review.move" not in [b.key for b in at.button]
        at.selectbox(key="review.site").set_value(KANT).run()
        assert any("Proposed: **42.90000, 74.70000**" in m.value for m in at.markdown)
        at.button(key="review.move").click().run()
        picks = [c for c in drawn.call_args_list
                 if str(c.kwargs.get("key", "")).startswith("review.pick.")]
    assert not at.exception
    assert any("Moved to 42.90000, 74.70000" in s.value for s in at.success), \
        [e.value for e in at.error]
    assert picks and picks[0].kwargs["returned_objects"] == ["last_clicked"]
    site = next(s for s in query_sites(connect(f"sqlite:///{app_env}"), Filters())
                if s.id == KANT)
    assert (site.lat, site.lon, site.precision) == (42.9, 74.7, "site")


def test_review_page_merges_one_site_into_another(app_env):
    with mock.patch("streamlit_folium.st_folium", return_value={}):
        at = editor_page("pages/review.py").run()
        at.selectbox(key="review.site").set_value(KOY_SARY).run()
        at.selectbox(key=f"review.merge_into.{KOY_SARY}").set_value(KANT).run()
        at.button(key="review.merge").click().run()
    assert any(s.value.startswith("Merged into Kant Air Base") for s in at.success), \
        [e.value for e in at.error]
    ids = {s.id for s in query_sites(connect(f"sqlite:///{app_env}"), Filters())}
    assert KANT in ids and KOY_SARY not in ids


def test_review_page_lists_unresolved_place_names(app_env):
    with mock.patch("streamlit_folium.st_folium", return_value={}):
        at = editor_page("pages/review.py").run()
    table = next(d for d in at.dataframe if "sentence" in d.value.columns)
    assert "Sooronbay" in list(table.value["name"])
    assert all(link.startswith("article?article=") for link in table.value["add"])


def test_article_page_adds_a_missed_mention_at_a_new_site(app_env):
    engine = connect(f"sqlite:///{app_env}")
    row = next(m for m in query_mentions(engine, Filters()) if "Kant" in m.quote)
    text = get_article(engine, row.article_id).text
    start = text.index("Vladimir Putin is visiting")
    at = editor_page("pages/article.py", {"article": row.article_id, "start": str(start),
                                          "end": str(start + 10)}).run()
    assert at.selectbox(key="article.add.sentence").value is not None
    at.text_input(key="article.add.words").input("at Sooronbay’s request")
    at.radio(key="article.add.which").set_value("A new site").run()
    at.text_input(key="article.add.name").input("Ala Archa")
    at.selectbox(key="article.add.kind").set_value("meeting_site")
    at.text_input(key="article.add.lat").input("42.6")
    at.text_input(key="article.add.lon").input("74.5")
    at.text_input(key="article.add.host").input("KGZ")
    at.button(key="article.add.save").click().run()
    assert not at.exception
    assert any("is now a mention of" in s.value for s in at.success), [e.value for e in at.error]
    [added] = query_mentions(engine, Filters(), ["analyst:meeting_site:ala-archa"])
    assert added.quote == "at Sooronbay’s request" and added.host == "KGZ"
    assert "CSTO" in added.alliances  # Kyrgyzstan's membership on the article's date


def test_article_page_offers_no_additions_to_viewers(app_env):
    engine = connect(f"sqlite:///{app_env}")
    row = query_mentions(engine, Filters())[0]
    at = AppTest.from_file(APP, default_timeout=60)
    at.switch_page("pages/article.py")
    at.query_params["article"] = row.article_id
    at.run()
    assert not at.exception and "article.add.save" not in [b.key for b in at.button]


def test_add_page_lists_feeds_and_checks_them_now(app_env, site, monkeypatch):
    monkeypatch.setenv("DASHBOARD_ALLOW_PRIVATE_URLS", "1")
    at = editor_page("pages/add.py").run()
    at.text_input(key="add.subscribe_url").input(f"{site}/feed.xml")
    at.button(key="add.subscribe").click().run()
    assert any(s.value == "Subscribed." for s in at.success), [e.value for e in at.error]
    at.button(key="add.check_feeds").click().run()
    assert not at.exception
    assert any(s.value == "1 new article(s) added." for s in at.success)
    assert any("missing answered 404" in e.value for e in at.error)
    feeds = next(d for d in at.dataframe if "feed" in d.value.columns)
    assert list(feeds.value["added by"]) == ["editor (token)"]
    assert list(feeds.value["last result"]) == ["1 new article(s) of 2 link(s), 1 failed"]


def test_all_sites_table_is_built_only_when_asked(app_env):
    at = run()
    assert not any("site" in d.value.columns for d in at.dataframe)
    at.toggle(key="view.table").set_value(True).run()
    table = next(d for d in at.dataframe if "site" in d.value.columns)
    assert {"Kant Air Base", "Moscow"} <= set(table.value["site"])
