"""What every page shares: settings, the database, caches and the first-run build."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import streamlit as st

from dashboard.access import Editor
from dashboard.alliances import AllianceTable, read_memberships
from dashboard.assets import MapAssets, load_basemap, load_map_assets
from dashboard.countries import (
    CountryIndex,
    build_country_index,
    read_centroids,
    read_country_terms,
)
from dashboard.export import export_csv, export_geojson, export_kml
from dashboard.filters import Filters
from dashboard.knowledge import read_installations
from dashboard.models import Installation
from dashboard.naturalearth import read_countries
from dashboard.settings import Settings, database_url, load_settings
from dashboard.store import (
    Database,
    FilterOptions,
    MentionRow,
    SiteRow,
    connect,
    country_summary,
    data_version,
    filter_options,
    get_site,
    mention_dates,
    query_mentions,
    query_sites,
)


@st.cache_resource
def get_settings() -> Settings:
    """Read settings once per server."""
    return load_settings()


@st.cache_resource
def get_engine(url: str) -> Database:
    """Open the database once per server."""
    return connect(url)


@st.cache_resource
def get_countries(data_dir: str) -> CountryIndex:
    """Load country names for labels."""
    terms = read_country_terms(Path(data_dir) / "country_terms.csv")
    centroids = read_centroids(Path(data_dir) / "country_points.csv")
    return build_country_index(read_countries(), terms, centroids)


@st.cache_resource
def get_alliances(data_dir: str) -> AllianceTable:
    """Load the dated alliance table."""
    return AllianceTable(tuple(read_memberships(Path(data_dir) / "alliances.csv")))


@st.cache_resource
def get_known(data_dir: str) -> list[Installation]:
    """Load the curated installations for the reference layer."""
    return read_installations(Path(data_dir) / "installations")


@st.cache_resource
def get_assets() -> MapAssets:
    """Load the offline Leaflet assets."""
    return load_map_assets()


@st.cache_resource
def get_basemap(cache_dir: str) -> dict[str, Any]:
    """Load the offline country outlines."""
    return load_basemap(Path(cache_dir))


def data_token(url: str) -> str:
    """Return the database's current version: cached views are keyed by it, so every session
    sees new articles as soon as any editor saves them."""
    return data_version(get_engine(url))


def open_database() -> Database:
    """Open the configured database, building the bundled one on first run."""
    settings = get_settings()
    engine = get_engine(database_url(settings.db))
    if filter_options(engine).articles == 0 and settings.articles_dir.exists():
        build_bundled(engine, settings)
    return engine


def build_bundled(engine: Database, settings: Settings) -> None:
    """Ingest the bundled articles, showing progress."""
    from dashboard.pipeline import ingest_paths, load_resources

    with st.status("Building the database from the bundled articles…", expanded=True) as box:
        st.write("Loading the gazetteer and curated tables (first run builds an index)…")
        resources = load_resources(settings)
        bar = st.progress(0.0)

        def progress(number: int, total: int, path: str) -> None:
            bar.progress(number / max(total, 1), text=f"{number}/{total}: {path}")

        report = ingest_paths(engine, [settings.articles_dir], resources, progress,
                              editor=Editor("bundled articles", "system"))
        for failure in report.failed:
            st.error(f"{failure.path}: {failure.message}")
        box.update(label=f"Database built: {len(report.results)} articles", state="complete")
    cached_sites.clear()
    cached_mentions.clear()
    cached_export.clear()
    cached_summary.clear()
    cached_timeline.clear()
    cached_options.clear()


@st.cache_data(show_spinner=False)
def cached_sites(url: str, version: str, filters: Filters) -> list[SiteRow]:
    """Query sites for one filter state."""
    return query_sites(get_engine(url), filters)


@st.cache_data(show_spinner=False)
def cached_mentions(url: str, version: str, filters: Filters,
                    site_ids: tuple[str, ...] | None) -> list[MentionRow]:
    """Query the mentions of some sites for one filter state."""
    return query_mentions(get_engine(url), filters, site_ids)


@st.cache_data(show_spinner=False)
def cached_export(url: str, version: str, filters: Filters, fmt: str) -> str:
    """Export the current view as geojson, csv or kml."""
    writers = {"geojson": export_geojson, "csv": export_csv, "kml": export_kml}
    return writers[fmt](get_engine(url), filters)


@st.cache_data(show_spinner=False)
def cached_summary(url: str, version: str, filters: Filters) -> list[tuple[str, str, int, int]]:
    """Summarise foreign installations per host country for one filter state."""
    return country_summary(get_engine(url), filters)


@st.cache_data(show_spinner=False)
def cached_timeline(url: str, version: str, filters: Filters
                    ) -> list[tuple[date, str | None, str, int]]:
    """Count dated mentions per day, operator and kind for one filter state."""
    return mention_dates(get_engine(url), filters)


@st.cache_data(show_spinner=False)
def cached_site(url: str, version: str, site_id: str) -> SiteRow | None:
    """Look up one site."""
    return get_site(get_engine(url), site_id)


@st.cache_data(show_spinner=False)
def cached_options(url: str, version: str) -> FilterOptions:
    """Collect filter choices."""
    return filter_options(get_engine(url))


def without_dates(filters: Filters) -> Filters:
    """Return the same filters with no date range."""
    return replace(filters, start=None, end=None)
