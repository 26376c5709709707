"""The tables, and the rows the queries return."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

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
    Index("mentions_site", "site_id"), Index("mentions_article", "article_id"),
    Index("mentions_date", "date"), Index("mentions_operator", "operator"),
    Index("mentions_host", "host"),
)
mention_alliances = Table(
    "mention_alliances", metadata,
    Column("mention_id", Integer, ForeignKey("mentions.id", ondelete="CASCADE"),
           primary_key=True),
    Column("org", String(16), primary_key=True), Index("mention_alliances_org", "org"),
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
)
#: The site fields an analyst may correct; kind, operator and host also apply to its mentions.
CORRECTABLE = ("name", "kind", "operator", "host", "lat", "lon", "precision")


@dataclass(frozen=True)
class SiteRow:
    """A site with the number of mentions that pass the filters."""

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
