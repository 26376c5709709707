"""What every page shares: settings, the database, caches and the first-run build."""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import streamlit as st

from dashboard.access import Editor, editor_from_login, editor_from_token
from dashboard.alliances import AllianceTable, read_memberships
from dashboard.assets import MapAssets, load_basemap, load_map_assets, publish_basemap
from dashboard.context import Resources
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
    UnresolvedRow,
    connect,
    country_summary,
    data_version,
    filter_options,
    get_site,
    has_articles,
    list_unresolved,
    mention_dates,
    query_mentions,
    query_sites,
)


def get_settings() -> Settings:
    """Read the settings (cheap, so on every run); the database URL may come from secrets."""
    env = dict(os.environ)
    url = read_secret("database", "url")
    if url and "DASHBOARD_DB" not in env:
        env["DASHBOARD_DB"] = str(url)
    return load_settings(env)


def read_secret(section: str, key: str) -> Any:
    """Return one value from ``st.secrets`` (None when there is no such secret)."""
    try:
        block = st.secrets.get(section)
    except FileNotFoundError:  # no secrets.toml at all
        return None
    return block.get(key) if block else None


def login_configured() -> bool:
    """Tell whether Streamlit's OIDC login is set up in the secrets."""
    return bool(read_secret("auth", "client_id") or read_secret("auth", "redirect_uri"))


def current_editor() -> Editor | None:
    """Decide on every run whether this session may write; nothing else is trusted.

    A signed-in OIDC user (from the allowed e-mails, when listed) or the editor token typed
    in the sidebar makes an editor; without either configured the app is read-only.
    """
    if login_configured():
        if not st.user.get("is_logged_in"):
            return None
        allowed = tuple(str(e) for e in read_secret("editors", "emails") or ())
        return editor_from_login(str(st.user.get("email") or ""), allowed)
    token = read_secret("editors", "token")
    if not token:
        return None
    return editor_from_token(str(st.session_state.get("editor.token") or ""), str(token))


def editor_sign_in() -> Editor | None:
    """Offer the configured way to become an editor in the sidebar; return the editor."""
    with st.sidebar:
        if login_configured():
            if st.user.get("is_logged_in"):
                st.caption(f"Signed in as {st.user.get('email') or 'an unnamed user'}")
                st.button("Sign out", key="editor.logout", on_click=st.logout)
            else:
                st.button("Sign in to edit", key="editor.login", on_click=st.login)
        elif read_secret("editors", "token"):
            st.text_input("Editor token", type="password", key="editor.token",
                          persist_state="session")
    return current_editor()


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


@st.cache_resource
def get_basemap_link(cache_dir: str) -> str:
    """Publish the country outlines among the app's static files; return their path."""
    return publish_basemap(Path(cache_dir))


@st.cache_resource(show_spinner="Loading the gazetteer and curated tables…")
def get_resources(settings: Settings) -> Resources:
    """Load the extraction resources once per server (and per settings)."""
    from dashboard.pipeline import load_resources

    return load_resources(settings)


def data_token(url: str) -> str:
    """Return the database's current version: cached views are keyed by it, so every session
    sees new articles as soon as any editor saves them."""
    return data_version(get_engine(url))


def open_database() -> Database:
    """Open the configured database, building the bundled one on first run."""
    settings = get_settings()
    engine = get_engine(database_url(settings.db))
    if not has_articles(engine) and settings.articles_dir.exists():
        build_bundled(engine, settings)
    return engine


def build_bundled(engine: Database, settings: Settings) -> None:
    """Ingest the bundled articles, showing progress."""
    from dashboard.pipeline import ingest_paths

    with st.status("Building the database from the bundled articles…", expanded=True) as box:
        st.write("Loading the gazetteer and curated tables (first run builds an index)…")
        resources = get_resources(settings)
        bar = st.progress(0.0)

        def progress(number: int, total: int, path: str) -> None:
            bar.progress(number / max(total, 1), text=f"{number}/{total}: {path}")

        report = ingest_paths(engine, [settings.articles_dir], resources, progress,
                              editor=Editor("bundled articles", "system"))
        for failure in report.failed:
            st.error(f"{failure.path}: {failure.message}")
        box.update(label=f"Database built: {len(report.results)} articles", state="complete")


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
    """Count dated mentions per month, operator and kind for one filter state."""
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


@st.cache_data(show_spinner=False)
def cached_unresolved(url: str, version: str) -> list[UnresolvedRow]:
    """List the place names extraction could not place that no mention covers yet."""
    return list_unresolved(get_engine(url))
