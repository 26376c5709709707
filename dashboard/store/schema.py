"""The tables, and the rows the queries return."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Engine,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

#: The handle other modules pass around; only this module knows it is SQLAlchemy's.
Database = Engine

metadata = MetaData()
articles = Table(
    "articles", metadata,
    Column("id", String(64), primary_key=True), Column("source", Text, nullable=False),
    Column("url", Text), Column("title", Text), Column("published", Date),
    Column("date_basis", String(16)), Column("outlet", Text), Column("language", String(16)),
    Column("text", Text, nullable=False), Column("ingested_at", DateTime),
    Column("ingested_by", Text),
)
sites = Table(
    "sites", metadata,
    Column("id", String(200), primary_key=True), Column("name", Text, nullable=False),
    Column("kind", String(20), nullable=False), Column("lat", Float, nullable=False),
    Column("lon", Float, nullable=False), Column("precision", String(16), nullable=False),
    Column("geocoder", String(40), nullable=False), Column("place_key", Text),
    Column("operator", String(3)), Column("host", String(3)), Column("installation_id", Text),
    Column("installation_type", String(20)),
    # Kept current on every save (store/stats.py): the unfiltered map reads them directly.
    Column("mention_count", Integer, nullable=False, server_default="0"),
    Column("undated_count", Integer, nullable=False, server_default="0"),
    Column("status", String(16)),
    Index("sites_precision", "precision"),
)
mentions = Table(
    "mentions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"),
           nullable=False),
    Column("site_id", String(200), ForeignKey("sites.id"), nullable=False),
    Column("kind", String(20), nullable=False), Column("quote", Text, nullable=False),
    Column("start", Integer, nullable=False), Column("end", Integer, nullable=False),
    Column("date", Date), Column("operator", String(3)), Column("host", String(3)),
    Column("countries", Text, nullable=False), Column("alliances", Text, nullable=False),
    Column("status", String(16)),
    # Each filter has an index holding site_id and date: counting per site, alone or with a
    # date span, reads the index in site order and never the rows.
    Index("mentions_site", "site_id", "date"), Index("mentions_article", "article_id"),
    Index("mentions_date", "date", "site_id"),
    Index("mentions_operator", "operator", "site_id", "date"),
    Index("mentions_host", "host", "site_id", "date"),
    Index("mentions_kind", "kind", "site_id", "date"),
)
mention_alliances = Table(
    "mention_alliances", metadata,
    Column("mention_id", Integer, ForeignKey("mentions.id", ondelete="CASCADE"),
           primary_key=True),
    Column("org", String(16), primary_key=True),
    # The mention's site, repeated so that an alliance filter counts sites from the index.
    Column("site_id", String(200)),
    Index("mention_alliances_org", "org", "site_id", "mention_id"),
)

#: How many of each site's mentions have a word in their quote (store/words.py keeps them in
#: step): a one-word search counts its sites here instead of reading every matching quote.
site_words = Table(
    "site_words", metadata,
    Column("word", Text, primary_key=True), Column("site_id", String(200), primary_key=True),
    Column("n", Integer, nullable=False),
    Index("site_words_site", "site_id"),
)
#: Every word of every quote with its number of mentions: tells whether a search word is a
#: part of other words (then only the quote index counts it exactly).
quote_words = Table(
    "quote_words", metadata,
    Column("word", Text, primary_key=True), Column("n", Integer, nullable=False),
)

site_corrections = Table(
    "site_corrections", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("site_id", String(200), nullable=False), Column("field", String(20), nullable=False),
    Column("value", Text), Column("editor", Text, nullable=False),
    Column("at", DateTime, nullable=False), Index("site_corrections_site", "site_id"),
)
mention_rejections = Table(
    "mention_rejections", metadata,
    Column("article_id", String(64), primary_key=True), Column("start", Integer, primary_key=True),
    Column("end", Integer, primary_key=True), Column("site_id", String(200), nullable=False),
    Column("reason", Text), Column("editor", Text, nullable=False),
    Column("at", DateTime, nullable=False),
)
article_sources = Table(
    "article_sources", metadata,
    Column("article_id", String(64), primary_key=True), Column("source", Text, primary_key=True),
    Column("url", Text), Column("outlet", Text), Column("title", Text),
    Column("published", Date), Column("seen_at", DateTime),
    Index("article_sources_source", "source"),
)
site_merges = Table(
    "site_merges", metadata,
    Column("merged_id", String(200), primary_key=True),
    Column("keep_id", String(200), nullable=False), Column("name", Text), Column("lat", Float),
    Column("lon", Float), Column("editor", Text, nullable=False),
    Column("at", DateTime, nullable=False), Index("site_merges_keep", "keep_id"),
)
mention_additions = Table(
    "mention_additions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(64), nullable=False), Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False), Column("quote", Text, nullable=False),
    Column("site_id", String(200), nullable=False), Column("name", Text, nullable=False),
    Column("kind", String(20), nullable=False), Column("lat", Float, nullable=False),
    Column("lon", Float, nullable=False), Column("precision", String(16), nullable=False),
    Column("geocoder", String(40), nullable=False), Column("operator", String(3)),
    Column("host", String(3)), Column("date", Date), Column("countries", Text, nullable=False),
    Column("alliances", Text, nullable=False), Column("editor", Text, nullable=False),
    Column("at", DateTime, nullable=False), Index("mention_additions_article", "article_id"),
)
unresolved_places = Table(
    "unresolved_places", metadata,
    Column("article_id", String(64), primary_key=True), Column("start", Integer, primary_key=True),
    Column("end", Integer, primary_key=True), Column("name", Text, nullable=False),
    Column("reason", Text, nullable=False), Column("sentence_start", Integer, nullable=False),
    Column("sentence_end", Integer, nullable=False), Column("sentence", Text, nullable=False),
)
feeds = Table(
    "feeds", metadata,
    Column("url", Text, primary_key=True), Column("added_by", Text, nullable=False),
    Column("added_at", DateTime, nullable=False), Column("checked_at", DateTime),
    Column("last_result", Text),
)
feed_links = Table(
    "feed_links", metadata,
    Column("feed_url", Text, primary_key=True), Column("link", Text, primary_key=True),
    Column("seen_at", DateTime, nullable=False),
)
#: The site fields an analyst may correct; kind, operator and host also apply to its mentions.
CORRECTABLE = ("name", "kind", "operator", "host", "lat", "lon", "precision")


class SiteRow(NamedTuple):
    """A site with the number of mentions that pass the filters.

    A named tuple rather than a dataclass: a map view builds ten thousand of them, and a
    tuple is built five times faster than a frozen dataclass.
    """

    id: str
    name: str
    kind: str
    lat: float
    lon: float
    precision: str
    geocoder: str
    operator: str | None
    host: str | None
    installation_type: str | None
    mention_count: int
    installation_id: str | None = None
    status: str | None = None


@dataclass(frozen=True)
class MentionRow:
    """A mention with its article's title, date and link."""

    id: int
    site_id: str
    article_id: str
    quote: str
    start: int
    end: int
    date: dt.date | None
    status: str | None
    operator: str | None
    host: str | None
    countries: tuple[str, ...]
    alliances: tuple[str, ...]
    title: str
    source: str
    url: str | None
    published: dt.date | None


@dataclass(frozen=True)
class UnresolvedRow:
    """An unresolved place name with the article it was seen in."""

    article_id: str
    title: str
    name: str
    start: int
    end: int
    reason: str
    sentence_start: int
    sentence_end: int
    sentence: str


@dataclass(frozen=True)
class FeedRow:
    """A subscribed feed: who added it, when, and what its last check found."""

    url: str
    added_by: str
    added_at: dt.datetime
    checked_at: dt.datetime | None
    last_result: str | None
