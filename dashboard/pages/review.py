"""The review page: what needs a human, and the forms that correct, move and merge sites."""

from __future__ import annotations

import streamlit as st
from streamlit_folium import st_folium

from dashboard.errors import DashboardError
from dashboard.filters import Filters
from dashboard.mapview import build_pick_map
from dashboard.markup import escape_markdown
from dashboard.models import PRECISIONS, SITE_KINDS
from dashboard.pages.common import (
    cached_mentions,
    cached_sites,
    cached_unresolved,
    data_token,
    editor_sign_in,
    get_assets,
    get_basemap,
    get_engine,
    get_settings,
)
from dashboard.review import clicked_point, review_queue
from dashboard.settings import database_url
from dashboard.store import correct_site, merge_sites, reject_mention

st.title("Review")
editor = editor_sign_in()
if editor is None:
    st.info("Viewing only. Reviewing and correcting sites needs an editor (see the sidebar).")
    st.stop()

settings = get_settings()
url = database_url(settings.db)
version = data_token(url)
sites = cached_sites(url, version, Filters())
queue = review_queue(sites)
st.caption(f"{len(queue)} of {len(sites)} sites need a look. Corrections are kept with your "
           "name and survive re-ingesting.")
st.dataframe([{"site": s.name, "why": "; ".join(r), "quotes": s.mention_count}
              for s, r in queue], hide_index=True, key="review.queue")

unresolved = cached_unresolved(url, version)
with st.expander(f"Place names that could not be placed ({len(unresolved)})",
                 expanded=bool(unresolved)):
    st.caption("Names beside a base or meeting phrase that no gazetteer knows, and base "
               "phrases placed only in a country. Open the article to add the mention by hand.")
    st.dataframe([{"name": u.name, "why": u.reason, "article": u.title, "sentence": u.sentence,
                   "add": f"article?article={u.article_id}&start={u.sentence_start}"
                          f"&end={u.sentence_end}"} for u in unresolved],
                 hide_index=True, key="review.unresolved",
                 column_config={"add": st.column_config.LinkColumn(
                     "add a mention", display_text="open the article")})

by_id = {s.id: s for s in sites}
first = [s.id for s, _ in queue] + [s.id for s in sites if s.id not in {q.id for q, _ in queue}]
choice = st.selectbox("Site to correct", first, index=None, key="review.site",
                      format_func=lambda i: by_id[i].name if i in by_id else i)
site = by_id.get(choice or "")
if site is None:
    st.stop()
engine = get_engine(url)

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
            correct_site(engine, site.id, changes, editor=editor)
        except DashboardError as exc:
            st.error(f"Not saved: {exc}")
        else:
            st.success(f"Saved {len(changes)} change(s).")

st.subheader("Move it on the map")
st.caption("Click where the site really is, then confirm.")
proposed_key = f"review.proposed.{site.id}"
fmap = build_pick_map(site, get_assets(), get_basemap(str(settings.cache_dir)),
                      st.session_state.get(proposed_key), settings.tiles)
picked = clicked_point(st_folium(fmap, key=f"review.pick.{site.id}", height=320,
                                 use_container_width=True, returned_objects=["last_clicked"]))
if picked is not None:
    st.session_state[proposed_key] = picked
proposed = st.session_state.get(proposed_key)
if proposed is not None:
    st.markdown(f"Proposed: **{proposed[0]:.5f}, {proposed[1]:.5f}**")
    moved_precision = st.selectbox("Precision of the new place", PRECISIONS, index=0,
                                   key=f"review.move_precision.{site.id}")
    if st.button("Move the site here", key="review.move"):
        try:
            correct_site(engine, site.id, {"lat": proposed[0], "lon": proposed[1],
                                           "precision": moved_precision}, editor=editor)
        except DashboardError as exc:
            st.error(f"Not moved: {exc}")
        else:
            del st.session_state[proposed_key]
            st.success(f"Moved to {proposed[0]:.5f}, {proposed[1]:.5f}.")

st.subheader("Merge it into another site")
others = [s.id for s in sites if s.id != site.id]
target = st.selectbox("The site that stays", others, index=None, key=f"review.merge_into.{site.id}",
                      format_func=lambda i: f"{by_id[i].name} ({by_id[i].kind}, {i})")
if st.button("Merge", key="review.merge", disabled=target is None) and target:
    try:
        merge_sites(engine, target, site.id, editor=editor)
    except DashboardError as exc:
        st.error(f"Not merged: {exc}")
    else:
        st.success(f"Merged into {escape_markdown(by_id[target].name)}: its quotes moved there, "
                   "and so will those of any article ingested again.")

st.subheader("Quotes")
for row in cached_mentions(url, version, Filters(), (site.id,)):
    st.markdown(f"> {escape_markdown(row.quote)}")
    reason = st.text_input("Why reject it?", key=f"review.reason.{row.id}")
    if st.button("Reject this mention", key=f"review.reject.{row.id}"):
        try:
            reject_mention(engine, row.id, reason, editor=editor)
        except DashboardError as exc:
            st.error(f"Not rejected: {exc}")
        else:
            st.success("Rejected; it stays rejected when the article is ingested again.")
