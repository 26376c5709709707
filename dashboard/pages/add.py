"""The add page: editors upload or paste articles; viewers are told the app is read-only."""

from __future__ import annotations

from datetime import date

import streamlit as st

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
from dashboard.pipeline import IngestReport, Upload, ingest_uploads
from dashboard.settings import database_url

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
files = st.file_uploader("Article files", type=[s.lstrip(".") for s in SUFFIXES],
                         accept_multiple_files=True, key="add.files")
with st.form("add.paste", clear_on_submit=False):
    pasted = st.text_area("Or paste an article's text", key="add.text", height=200)
    title = st.text_input("Title", key="add.title")
    link = st.text_input("URL of the original", key="add.url")
    published = st.date_input("Published", value=None, key="add.published",
                              min_value=date(1945, 1, 1), max_value=date(2100, 1, 1))
    submitted = st.form_submit_button("Add to the map")

if submitted:
    uploads: list[Upload] = [(f.name, f.getvalue(), {}) for f in files or []]
    if pasted.strip():
        meta = {"title": title.strip(), "url": link.strip(), "published": published}
        uploads.append(((title.strip() or "pasted article") + ".txt",
                        pasted.encode("utf-8"), meta))
    if not uploads:
        st.warning("Choose files or paste a text first.")
        st.stop()
    with st.status(f"Adding {len(uploads)} article(s)…", expanded=True) as box:
        bar = st.progress(0.0)

        def progress(number: int, total: int, name: str) -> None:
            bar.progress(number / total, text=f"{number}/{total}: {escape_markdown(name)}")

        settings = get_settings()
        report: IngestReport = ingest_uploads(get_engine(database_url(settings.db)), uploads,
                                              get_resources(settings), progress, editor=editor)
        box.update(label=f"{len(report.results) - len(report.failed)} of {len(report.results)} "
                         "added", state="error" if report.failed else "complete")
    for result in report.results:
        name = escape_markdown(result.path)
        if result.ok:
            st.success(f"{name}: {result.message}")
        else:
            st.error(f"{name}: {result.message}")
