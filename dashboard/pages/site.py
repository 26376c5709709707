"""The site page: everything about one site, its status history and all quotes in time order."""

from __future__ import annotations

import streamlit as st

from dashboard.filters import Filters
from dashboard.history import status_history
from dashboard.mapview import KIND_STYLE
from dashboard.markup import escape_markdown
from dashboard.pages import panels
from dashboard.pages.common import (
    cached_mentions,
    cached_site,
    data_token,
    get_countries,
    get_known,
    get_settings,
)
from dashboard.settings import database_url

settings = get_settings()
url = database_url(settings.db)
version = data_token(url)
site_id = st.query_params.get("site", "")
site = cached_site(url, version, site_id) if site_id else None
if site is None:
    st.info("Choose a site on the map page to see everything about it here.")
    st.page_link("pages/map.py", label="Back to the map")
    st.stop()

countries = get_countries(str(settings.data_dir))
st.title(escape_markdown(site.name))
st.caption(f"{KIND_STYLE[site.kind]['label']} · operator "
           f"{panels.country_label(countries, site.operator)} · host "
           f"{panels.country_label(countries, site.host)}"
           + (f" · {escape_markdown(site.installation_type)}" if site.installation_type else ""))
st.markdown(f"Placed at {site.lat:.4f}, {site.lon:.4f} by **{site.geocoder}**, precision "
            f"**{site.precision}**. {site.mention_count} quotes.")
st.page_link("pages/map.py", label="Show it on the map", query_params={"site": site.id})

curated = next((i for i in get_known(str(settings.data_dir)) if i.id == site.installation_id),
               None)
if curated is not None:
    panels.show_curated(curated, all_aliases=True)
elif site.kind == "installation":
    st.caption("Not in the knowledge base of known installations.")

rows = sorted(cached_mentions(url, version, Filters(), (site.id,)),
              key=lambda r: (r.date is None, r.date, r.id))
history = status_history(rows, curated)
if history:
    st.subheader("Status history")
    st.dataframe([{"date": day, "status": status, "according to": source}
                  for day, status, source in history], hide_index=True, key="site.history")

st.subheader("All quotes, oldest first")
for row in rows:
    panels.show_mention(row)
