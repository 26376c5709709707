"""The add page: editors upload or paste articles; viewers are told the app is read-only."""

from __future__ import annotations

from datetime import date

import streamlit as st

from dashboard.errors import DashboardError
from dashboard.ingest import SUFFIXES
from dashboard.markup import escape_markdown
from dashboard.pages.common import (
    editor_sign_in,
    get_engine,
    get_resources,
    get_settings,
    login_configured,
    read_secret,
)
from dashboard.pipeline import (
    IngestReport,
    Upload,
    feed_articles,
    ingest_uploads,
    ingest_urls,
    make_fetcher,
)
from dashboard.settings import database_url
from dashboard.store import list_feeds, subscribe_feed
from dashboard.subscriptions import refresh_feeds

st.title("Add articles")
editor = editor_sign_in()
if editor is None:
    if login_configured() or read_secret("editors", "token"):
        st.info("Viewing only. Sign in as an editor (in the sidebar) to add articles.")
    else:
        st.info("This dashboard is read-only: no editor login or editor token is configured "
                "(see the README's deploy section).")
    st.stop()

st.caption(f"Signed in as {escape_markdown(editor.name)}. Articles you add are recorded "
           "with your name.")
files = st.file_uploader("Article files (.txt, .md, .html, .pdf)",
                         type=[s.lstrip(".") for s in SUFFIXES], accept_multiple_files=True,
                         key="add.files")
with st.form("add.paste", clear_on_submit=False):
    links = st.text_area("Links to articles, one per line", key="add.urls", height=100)
    feed = st.text_input("An RSS or Atom feed to read every article of", key="add.feed")
    pasted = st.text_area("Or paste an article's text", key="add.text", height=200)
    title = st.text_input("Title", key="add.title")
    link = st.text_input("URL of the original", key="add.url")
    published = st.date_input("Published", value=None, key="add.published",
                              min_value=date(1945, 1, 1), max_value=date(2100, 1, 1))
    submitted = st.form_submit_button("Add to the map")

with st.expander("Feed subscriptions", expanded=False):
    engine = get_engine(database_url(get_settings().db))
    new_feed = st.text_input("Subscribe to an RSS or Atom feed", key="add.subscribe_url")
    if st.button("Subscribe", key="add.subscribe") and new_feed.strip():
        try:
            added = subscribe_feed(engine, new_feed, editor=editor)
        except DashboardError as exc:
            st.error(f"Not subscribed: {exc}")
        else:
            st.success("Subscribed." if added else "Already subscribed.")
    if st.button("Check feeds now", key="add.check_feeds", disabled=not list_feeds(engine)):
        with st.spinner("Reading the subscribed feeds…"):
            checked = refresh_feeds(engine, get_resources(get_settings()),
                                    make_fetcher(get_settings()), editor=editor)
        st.success(f"{len(checked.results) - len(checked.failed)} new article(s) added.")
        for failure in checked.failed:
            st.error(f"{escape_markdown(failure.path)}: {escape_markdown(failure.message)}")
    st.dataframe([{"feed": f.url, "added by": f.added_by, "added": f.added_at,
                   "last checked": f.checked_at, "last result": f.last_result}
                  for f in list_feeds(engine)], hide_index=True, key="add.feeds")

if submitted:
    uploads: list[Upload] = [(f.name, f.getvalue(), {}) for f in files or []]
    if pasted.strip():
        meta = {"title": title.strip(), "url": link.strip(), "published": published}
        uploads.append(((title.strip() or "pasted article") + ".txt",
                        pasted.encode("utf-8"), meta))
    settings = get_settings()
    fetcher = make_fetcher(settings)
    urls = [line.strip() for line in links.splitlines() if line.strip()]
    found, failed_feeds = feed_articles([feed.strip()] if feed.strip() else [], fetcher)
    urls = list(dict.fromkeys(urls + found))
    if not (uploads or urls or failed_feeds):
        st.warning("Choose files, paste a text, or give links or a feed first.")
        st.stop()
    with st.status(f"Adding {len(uploads) + len(urls)} article(s)…", expanded=True) as box:
        bar = st.progress(0.0)

        def progress(number: int, total: int, name: str) -> None:
            bar.progress(number / total, text=f"{number}/{total}: {escape_markdown(name)}")

        engine, resources = get_engine(database_url(settings.db)), get_resources(settings)
        report = IngestReport(list(failed_feeds))
        report.results += ingest_uploads(engine, uploads, resources, progress,
                                         editor=editor).results
        report.results += ingest_urls(engine, urls, resources, fetcher, progress,
                                      editor=editor).results
        box.update(label=f"{len(report.results) - len(report.failed)} of {len(report.results)} "
                         "added", state="error" if report.failed else "complete")
    for result in report.results:
        name = escape_markdown(result.path)
        if result.ok:
            st.success(f"{name}: {result.message}")
        else:
            st.error(f"{name}: {result.message}")
