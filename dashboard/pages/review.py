"""The review page: sites that need a human, and the form that corrects them."""

from __future__ import annotations

import streamlit as st

from dashboard.errors import DashboardError
from dashboard.filters import Filters
from dashboard.markup import escape_markdown
from dashboard.models import PRECISIONS, SITE_KINDS
from dashboard.pages.common import (
    cached_mentions,
    cached_sites,
    data_token,
    editor_sign_in,
    get_engine,
    get_settings,
)
from dashboard.review import review_queue
from dashboard.settings import database_url
from dashboard.store import correct_site, reject_mention

st.title("Review")
editor = editor_sign_in()
if editor is None:
    st.info("Viewing only. Reviewing and correcting sites needs an editor (see the sidebar).")
    st.stop()

url = database_url(get_settings().db)
version = data_token(url)
sites = cached_sites(url, version, Filters())
queue = review_queue(sites)
st.caption(f"{len(queue)} of {len(sites)} sites need a look. Corrections are kept with your "
           "name and survive re-ingesting.")
st.dataframe([{"site": s.name, "why": "; ".join(r), "quotes": s.mention_count}
              for s, r in queue], hide_index=True, key="review.queue")

by_id = {s.id: s for s in sites}
first = [s.id for s, _ in queue] + [s.id for s in sites if s.id not in {q.id for q, _ in queue}]
choice = st.selectbox("Site to correct", first, index=None, key="review.site",
                      format_func=lambda i: by_id[i].name if i in by_id else i)
site = by_id.get(choice or "")
if site is None:
    st.stop()

with st.form("review.correct"):
    # Keys carry the site, so choosing another site starts from its own values.
    name = st.text_input("Name", site.name, key=f"review.name.{site.id}")
    kind = st.selectbox("Kind", SITE_KINDS, index=SITE_KINDS.index(site.kind),
                        key=f"review.kind.{site.id}")
    operator = st.text_input("Operator (ISO3, empty for none)", site.operator or "",
                             key=f"review.operator.{site.id}")
    host = st.text_input("Host (ISO3)", site.host or "", key=f"review.host.{site.id}")
    lat = st.text_input("Latitude", f"{site.lat:.5f}", key=f"review.lat.{site.id}")
    lon = st.text_input("Longitude", f"{site.lon:.5f}", key=f"review.lon.{site.id}")
    precision = st.selectbox("Precision", PRECISIONS, index=PRECISIONS.index(site.precision),
                             key=f"review.precision.{site.id}")
    if st.form_submit_button("Save correction", key="review.save"):
        wanted = {"name": name, "kind": kind, "operator": operator, "host": host, "lat": lat,
                  "lon": lon, "precision": precision}
        current = {"name": site.name, "kind": site.kind, "operator": site.operator or "",
                   "host": site.host or "", "lat": f"{site.lat:.5f}", "lon": f"{site.lon:.5f}",
                   "precision": site.precision}
        changes = {k: v for k, v in wanted.items() if str(v).strip() != str(current[k])}
        try:
            correct_site(get_engine(url), site.id, changes, editor=editor)
        except DashboardError as exc:
            st.error(f"Not saved: {exc}")
        else:
            st.success(f"Saved {len(changes)} change(s).")

st.subheader("Quotes")
for row in cached_mentions(url, version, Filters(), (site.id,)):
    st.markdown(f"> {escape_markdown(row.quote)}")
    reason = st.text_input("Why reject it?", key=f"review.reason.{row.id}")
    if st.button("Reject this mention", key=f"review.reject.{row.id}"):
        try:
            reject_mention(get_engine(url), row.id, reason, editor=editor)
        except DashboardError as exc:
            st.error(f"Not rejected: {exc}")
        else:
            st.success("Rejected; it stays rejected when the article is ingested again.")
