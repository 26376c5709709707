"""The database: articles, sites and mentions, through SQLAlchemy (SQLite or PostgreSQL).

Only this package imports SQLAlchemy; the rest of the code passes a ``Database`` around.
"""

from dashboard.store.corrections import correct_site, reject_mention, site_corrections_of
from dashboard.store.database import connect, head_revision, migrate, schema_revision
from dashboard.store.queries import (
    FilterOptions,
    country_summary,
    data_version,
    filter_options,
    get_article,
    get_site,
    mention_dates,
    query_mentions,
    query_sites,
    sources_of,
)
from dashboard.store.schema import CORRECTABLE, Database, MentionRow, SiteRow, metadata
from dashboard.store.writes import save_article

__all__ = [
    "CORRECTABLE", "Database", "FilterOptions", "MentionRow", "SiteRow", "connect",
    "correct_site", "country_summary", "data_version", "filter_options", "get_article",
    "get_site", "head_revision", "mention_dates", "metadata", "migrate", "query_mentions",
    "query_sites", "reject_mention", "save_article", "schema_revision", "site_corrections_of",
    "sources_of",
]
