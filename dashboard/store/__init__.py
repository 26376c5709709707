"""The database: articles, sites and mentions, through SQLAlchemy (SQLite or PostgreSQL).

Only this package imports SQLAlchemy; the rest of the code passes a ``Database`` around.
"""

from dashboard.store.additions import (
    NewSite,
    add_mention,
    additions_of,
    list_unresolved,
    save_unresolved,
)
from dashboard.store.corrections import (
    correct_site,
    merge_sites,
    merges_into,
    reject_mention,
    site_corrections_of,
)
from dashboard.store.database import connect, head_revision, migrate, schema_revision
from dashboard.store.feeds import list_feeds, record_feed_check, seen_links, subscribe_feed
from dashboard.store.queries import (
    FilterOptions,
    StoredSource,
    country_summary,
    data_version,
    filter_options,
    get_article,
    get_site,
    has_articles,
    mention_dates,
    query_mentions,
    query_sites,
    sources_of,
    stored_sources,
)
from dashboard.store.schema import (
    CORRECTABLE,
    Database,
    FeedRow,
    MentionRow,
    SiteRow,
    UnresolvedRow,
    metadata,
)
from dashboard.store.writes import save_article, save_articles

__all__ = [
    "CORRECTABLE", "Database", "FilterOptions", "MentionRow", "SiteRow", "StoredSource",
    "connect", "correct_site", "country_summary", "data_version", "filter_options",
    "get_article", "get_site", "has_articles", "head_revision", "mention_dates", "metadata",
    "migrate",
    "query_mentions", "query_sites", "reject_mention", "save_article", "save_articles",
    "schema_revision", "site_corrections_of", "sources_of", "stored_sources",
    # review and feeds
    "FeedRow", "NewSite", "UnresolvedRow", "add_mention", "additions_of", "list_feeds",
    "list_unresolved", "merge_sites", "merges_into", "record_feed_check", "save_unresolved",
    "seen_links", "subscribe_feed",
]
