"""The map page: filters in the sidebar, one marker per site, quotes for the clicked site."""

from __future__ import annotations

from datetime import date
from functools import partial

import streamlit as st
from streamlit_folium import st_folium

from dashboard.filters import Filters
from dashboard.mapview import KIND_STYLE, build_base_map, build_country_map, build_layers
from dashboard.markup import escape_markdown
from dashboard.pages import panels
from dashboard.pages.common import (
    cached_export,
    cached_mentions,
    cached_options,
    cached_sites,
    cached_summary,
    cached_timeline,
    data_token,
    get_alliances,
    get_assets,
    get_basemap,
    get_basemap_link,
    get_countries,
    get_known,
    get_settings,
    open_database,
    without_dates,
)
from dashboard.permalink import parse_view
from dashboard.settings import database_url
from dashboard.store import SiteRow
from dashboard.timeline import SPAN_PARAM, monthly_counts, span_from_selection, timeline_spec

settings = get_settings()
url = database_url(settings.db)
try:
    open_database()
    version = data_token(url)
    options = cached_options(url, version)
except Exception as exc:  # the page must say what went wrong, not show a traceback
    st.error(f"The database could not be opened: {exc}")
    st.stop()
countries = get_countries(str(settings.data_dir))
alliances = get_alliances(str(settings.data_dir))


def country_label(code: str | None) -> str:
    """Show a country by name and code."""
    return panels.country_label(countries, code)


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

sites = cached_sites(url, version, filters)
embed = bool(st.context.is_embedded)
if not embed:
    st.title("Foreign military presence")
st.caption(f"{len(sites)} sites from {options.articles} articles. Red: installations; blue: "
           "meeting sites. Hollow: planned; grey: closed. Dashed or dotted outline: placed only "
           "at region or country level. Click a marker; “Copy link” shares this exact view.")

known = get_known(str(settings.data_dir)) if show_known else []
# The map itself stays the same all session (the view a shared link opened it at); only its
# layers follow the filters, so a filter change swaps markers without remounting the map.
if "map.opened_at" not in st.session_state:
    st.session_state["map.opened_at"] = parse_view(st.query_params.to_dict())
opened_at = st.session_state["map.opened_at"]
fmap = build_base_map(get_assets(), get_basemap_link(str(settings.cache_dir)), settings.tiles,
                      view=opened_at, known=show_known)
clicked = st_folium(fmap, key="map", height=640 if embed else 520, use_container_width=True,
                    feature_group_to_add=build_layers(sites, known, fit=opened_at is None),
                    returned_objects=["last_object_clicked"])
if embed:
    st.stop()


def sites_at(point: dict | None, candidates: list[SiteRow]) -> list[SiteRow]:
    """Return the sites whose marker stands at the clicked point."""
    if not point:
        return []
    return [s for s in candidates
            if abs(s.lat - point.get("lat", 999)) < 1e-6 and abs(s.lon - point.get("lng", 999))
            < 1e-6]


def set_span(span: tuple[date, date] | None) -> None:
    """Put a date span into the date filters (None clears them)."""
    st.session_state["filters.from"], st.session_state["filters.to"] = span or (None, None)


def on_brush() -> None:
    """Take the span brushed on the timeline as the date filter."""
    span = span_from_selection(st.session_state.get("timeline.chart"))
    if span:
        set_span(span)


def on_slide(key: str) -> None:
    """Take the span set on the slider as the date filter."""
    low, high = st.session_state[key]
    set_span((low, high))


by_id = {s.id: s for s in sites}
point = (clicked or {}).get("last_object_clicked")
picked = sites_at(point, sites)
if point and point != st.session_state.get("map.last_click"):
    # A new click selects its site; the selection then lives in the URL (?site=…).
    st.session_state["map.last_click"] = point
    if picked:
        st.session_state["site"] = picked[0].id

left, right = st.columns([3, 2], gap="large")
with left:
    choice = st.selectbox("Site", [s.id for s in sites], index=None, key="site",
                          format_func=lambda i: by_id[i].name if i in by_id else i,
                          placeholder="Click a marker or choose a site", bind="query-params")
    selected = (picked if choice in {s.id for s in picked}
                else [by_id[choice]] if choice in by_id else [])
    for site in selected:
        st.subheader(escape_markdown(site.name))
        st.caption(f"{KIND_STYLE[site.kind]['label']} · operator {country_label(site.operator)}"
                   f" · host {country_label(site.host)}"
                   + (f" · {site.status}" if site.status else "")
                   + f" · placed by {site.geocoder}, precision: {site.precision}")
        st.page_link("pages/site.py", label="Everything about this site",
                     query_params={"site": site.id})
        curated = next((i for i in get_known(str(settings.data_dir))
                        if i.id == site.installation_id), None)
        if curated is not None:
            panels.show_curated(curated)
        elif site.kind == "installation":
            st.caption("Not in the knowledge base of known installations.")
        for row in cached_mentions(url, version, filters, (site.id,)):
            panels.show_mention(row, search or "")

with right:
    st.markdown("**Mentions over time**")
    records = monthly_counts(cached_timeline(url, version, without_dates(filters)), country_label)
    if records:
        st.vega_lite_chart(timeline_spec(records, (filters.start, filters.end)),
                           key="timeline.chart", on_select=on_brush, selection_mode=SPAN_PARAM,
                           width="stretch")
    else:
        st.caption("No dated mentions in this view.")
    if options.first and options.last and options.first < options.last:
        low = min(max(filters.start or options.first, options.first), options.last)
        high = max(min(filters.end or options.last, options.last), low)
        # The key follows the filter, so a span set elsewhere gives the slider a fresh default.
        slider_key = f"timeline.slider.{low}.{high}"
        st.slider("Date span", min_value=options.first, max_value=options.last,
                  value=(low, high), key=slider_key, on_change=on_slide, args=(slider_key,),
                  format="MMM YYYY")
    st.caption("Drag across the chart or move the slider to set the dates; the map follows.")
    st.button("All dates", key="timeline.clear", on_click=set_span, args=(None,),
              disabled=filters.start is None and filters.end is None)

if search:
    found = cached_mentions(url, version, filters, None)
    with st.expander(f"Quotes matching “{search}” ({len(found)})", expanded=True):
        for row in found[:50]:
            where = by_id[row.site_id].name if row.site_id in by_id else row.site_id
            st.markdown(f"**{escape_markdown(where)}**")
            panels.show_mention(row, search)
        if len(found) > 50:
            st.caption(f"The first 50 of {len(found)} quotes; narrow the search to see others.")

if st.toggle("Country summary: foreign installations per host country", key="view.countries",
             bind="query-params"):
    summary = cached_summary(url, version, filters)
    table, shaded = st.columns([2, 3])
    with table:
        st.dataframe([{"host": country_label(h), "foreign operator": country_label(o),
                       "sites": n, "quotes": m} for h, o, n, m in summary],
                     hide_index=True, key="summary_table")
    with shaded:
        hosted: dict[str, tuple[int, str]] = {}
        for h, o, n, _ in summary:
            count, who = hosted.get(h, (0, ""))
            hosted[h] = (count + n, ", ".join(filter(None, (who, f"{countries.label(o)} {n}"))))
        st_folium(build_country_map(get_basemap(str(settings.cache_dir)), hosted, get_assets(),
                                    settings.tiles),
                  key="countries_map", height=380, use_container_width=True,
                  returned_objects=[])

if show_known:
    unknown = [s for s in sites if s.kind == "installation" and not s.installation_id]
    with st.expander(f"Reported installations not in the knowledge base ({len(unknown)})"):
        st.dataframe([{"site": s.name, "operator": s.operator, "host": s.host,
                       "precision": s.precision, "quotes": s.mention_count} for s in unknown],
                     hide_index=True, key="unknown_table")

with st.expander("Download this view", expanded=False):
    formats = (("CSV", "csv", "text/csv"), ("GeoJSON", "geojson", "application/geo+json"),
               ("KML (Google Earth, My Maps)", "kml", "application/vnd.google-earth.kml+xml"))
    for label, fmt, mime in formats:
        # Built only when clicked: a large view's exports must not slow every filter change.
        st.download_button(label, partial(cached_export, url, version, filters, fmt),
                           file_name=f"sites.{fmt}", mime=mime, key=f"download.{fmt}",
                           on_click="ignore")

if st.toggle("List all sites in this view", key="view.table"):
    st.dataframe([{"site": s.name, "kind": s.kind, "operator": s.operator, "host": s.host,
                   "status": s.status, "quotes": s.mention_count, "precision": s.precision}
                  for s in sites], hide_index=True, key="sites_table")
