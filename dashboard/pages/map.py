"""The map page: filters in the sidebar, one marker per site, quotes for the clicked site."""

from __future__ import annotations

from datetime import date

import streamlit as st
from streamlit_folium import st_folium

from dashboard.filters import Filters
from dashboard.mapview import KIND_STYLE, build_map
from dashboard.markup import escape_markdown, safe_url
from dashboard.pages.common import (
    cached_export,
    cached_mentions,
    cached_options,
    cached_sites,
    cached_summary,
    get_alliances,
    get_assets,
    get_basemap,
    get_countries,
    get_known,
    get_settings,
    open_database,
)
from dashboard.settings import database_url
from dashboard.store import MentionRow, SiteRow

settings = get_settings()
url = database_url(settings.db)
try:
    open_database()
    options = cached_options(url)
except Exception as exc:  # the page must say what went wrong, not show a traceback
    st.error(f"The database could not be opened: {exc}")
    st.stop()
countries = get_countries(str(settings.data_dir))
alliances = get_alliances(str(settings.data_dir))


def country_label(code: str) -> str:
    """Show a country by name and code."""
    return f"{countries.label(code)} ({code})"


with st.sidebar:
    st.header("Filters")
    search = st.text_input("Search sites and quotes", key="filters.q", bind="query-params",
                           placeholder="e.g. Kant, naval, Putin")
    operators = st.multiselect("Foreign (operating) country", options.operators,
                               format_func=country_label, key="filters.operator",
                               bind="query-params")
    hosts = st.multiselect("Host country", options.hosts, format_func=country_label,
                           key="filters.host", bind="query-params")
    orgs = st.multiselect("Alliance (membership at the date of the mention)",
                          alliances.organisations, key="filters.alliance", bind="query-params")
    kinds = st.multiselect("Site kind", list(KIND_STYLE),
                           format_func=lambda k: str(KIND_STYLE[k]["label"]),
                           key="filters.kind", bind="query-params")
    precisions = st.multiselect("Placed at precision", ["site", "settlement", "region"],
                                key="filters.precision", bind="query-params",
                                help="choose 'site' for exactly located installations only")
    show_known = st.toggle("Show known installations (curated reference layer)", value=False,
                           key="map.known", bind="query-params")
    lowest = options.first or date(1990, 1, 1)
    highest = options.last or date.today()
    start = st.date_input("From", value=None, min_value=date(1945, 1, 1),
                          max_value=date(2100, 1, 1), key="filters.from", bind="query-params")
    end = st.date_input("To", value=None, min_value=date(1945, 1, 1),
                        max_value=date(2100, 1, 1), key="filters.to", bind="query-params")
    st.caption(f"Mentions are dated {lowest:%d %b %Y} to {highest:%d %b %Y}.")

try:
    filters = Filters(operators=tuple(operators), hosts=tuple(hosts), alliances=tuple(orgs),
                      kinds=tuple(kinds), precisions=tuple(precisions), text=search or "",
                      start=start if isinstance(start, date) else None,
                      end=end if isinstance(end, date) else None)
except ValueError as exc:
    st.error(str(exc))
    st.stop()

sites = cached_sites(url, filters)
st.title("Foreign military presence")
st.caption(f"{len(sites)} sites from {options.articles} articles. Red: installations; blue: "
           "meeting sites. Dashed outline: placed only at region level. Click a marker.")

known = get_known(str(settings.data_dir)) if show_known else []
fmap = build_map(sites, get_assets(), get_basemap(str(settings.cache_dir)), settings.tiles,
                 known=known)
clicked = st_folium(fmap, key="map", height=520, use_container_width=True,
                    returned_objects=["last_object_clicked"])


def sites_at(point: dict | None, candidates: list[SiteRow]) -> list[SiteRow]:
    """Return the sites whose marker stands at the clicked point."""
    if not point:
        return []
    return [s for s in candidates
            if abs(s.lat - point.get("lat", 999)) < 1e-6 and abs(s.lon - point.get("lng", 999))
            < 1e-6]


def show_mention(row: MentionRow) -> None:
    """Show one quote with its article's title, date and link."""
    when = row.date.isoformat() if row.date else "undated"
    link = safe_url(row.url)
    title = escape_markdown(row.title or "untitled article")
    st.markdown(f"> {escape_markdown(row.quote)}")
    line = f"**{title}** · {when}"
    if link:
        line += f" · [source]({link})"
    st.markdown(line)
    st.page_link("pages/article.py", label="Read the article with this quote highlighted",
                 query_params={"article": row.article_id, "start": str(row.start),
                               "end": str(row.end)})


by_id = {s.id: s for s in sites}
point = (clicked or {}).get("last_object_clicked")
picked = sites_at(point, sites)
if point and point != st.session_state.get("map.last_click"):
    # A new click selects its site; the selection then lives in the URL (?site=…).
    st.session_state["map.last_click"] = point
    if picked:
        st.session_state["site"] = picked[0].id
choice = st.selectbox("Site", [s.id for s in sites], index=None, key="site",
                      format_func=lambda i: by_id[i].name if i in by_id else i,
                      placeholder="Click a marker or choose a site", bind="query-params")
selected = (picked if choice in {s.id for s in picked}
            else [by_id[choice]] if choice in by_id else [])
for site in selected:
    operator = country_label(site.operator) if site.operator else "—"
    host = country_label(site.host) if site.host else "—"
    st.subheader(escape_markdown(site.name))
    st.caption(f"{KIND_STYLE[site.kind]['label']} · operator {operator} · host {host} · "
               f"placed by {site.geocoder}, precision: {site.precision}")
    curated = next((i for i in get_known(str(settings.data_dir))
                    if i.id == site.installation_id), None)
    if curated is not None:
        source = safe_url(curated.source)
        years = " to ".join(filter(None, (curated.opened, curated.closed))) or "dates unknown"
        st.markdown(f"Known installation: {escape_markdown(curated.type)}, "
                    f"{escape_markdown(curated.status)} ({escape_markdown(years)}); also called "
                    f"{escape_markdown(', '.join(curated.aliases[:6]) or '—')}"
                    + (f" · [source]({source})" if source else ""))
    for row in cached_mentions(url, filters, (site.id,)):
        show_mention(row)

with st.expander("Foreign installations by host country", expanded=False):
    st.dataframe([{"host": country_label(h), "foreign operator": country_label(o),
                   "sites": n, "quotes": m} for h, o, n, m in cached_summary(url, filters)],
                 hide_index=True, key="summary_table")

with st.expander("Download this view", expanded=False):
    formats = (("CSV", "csv", "text/csv"), ("GeoJSON", "geojson", "application/geo+json"),
               ("KML (Google Earth, My Maps)", "kml", "application/vnd.google-earth.kml+xml"))
    for label, fmt, mime in formats:
        st.download_button(label, cached_export(url, filters, fmt), file_name=f"sites.{fmt}",
                           mime=mime, key=f"download.{fmt}")

with st.expander("All sites in this view", expanded=False):
    st.dataframe([{"site": s.name, "kind": s.kind, "operator": s.operator, "host": s.host,
                   "quotes": s.mention_count, "precision": s.precision} for s in sites],
                 hide_index=True, key="sites_table")
