"""The database: articles, sites and mentions, through SQLAlchemy (SQLite or PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import threading
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config as AlembicConfig
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
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
    and_,
    create_engine,
    delete,
    event,
    exists,
    func,
    or_,
    select,
    text,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.sql.elements import ColumnElement

from dashboard.access import Editor, require_editor
from dashboard.errors import CorrectionError, StoreError
from dashboard.filters import Filters
from dashboard.models import PRECISIONS, SITE_KINDS, Article, Mention

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


MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets readers go on while one writer commits; the timeout makes writers queue.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def connect(url: str) -> Engine:
    """Open the database behind an SQLAlchemy URL, creating or upgrading its schema."""
    try:
        if url.startswith("sqlite"):
            engine = create_engine(url, connect_args={"timeout": 30})
            event.listen(engine, "connect", _sqlite_pragmas)
        else:
            engine = create_engine(url, pool_pre_ping=True)
        migrate(engine)
    except (SQLAlchemyError, CommandError) as exc:
        raise StoreError(f"cannot open the database {url!r}: {exc}") from exc
    return engine


def _alembic_config() -> AlembicConfig:
    config = AlembicConfig()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


@lru_cache(maxsize=1)
def head_revision() -> str | None:
    """Return the newest schema revision this version of the code knows."""
    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


#: Alembic keeps its migration context in module globals: one migration per process at a time.
_MIGRATING = threading.Lock()


def migrate(engine: Engine, revision: str = "head") -> None:
    """Upgrade the schema to a revision with Alembic (a new database gets every step)."""
    if revision == "head" and schema_revision(engine) == head_revision():
        return
    config = _alembic_config()
    with _MIGRATING, engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            # One upgrader at a time when several app servers start together.
            conn.execute(text("SELECT pg_advisory_xact_lock(724001)"))
        config.attributes["connection"] = conn
        command.upgrade(config, revision)


def schema_revision(engine: Engine) -> str | None:
    """Return the schema revision the database is at (None before any migration)."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _site_values(mention: Mention) -> dict[str, object]:
    place = mention.place
    return {"id": mention.site_id, "name": mention.name, "kind": mention.kind,
            "lat": place.lat, "lon": place.lon, "precision": place.precision,
            "geocoder": place.geocoder, "place_key": place.key, "operator": mention.operator,
            "host": mention.host, "installation_id": mention.installation_id,
            "installation_type": mention.installation_type}


def _upsert(conn: Connection, table: Table, values: dict[str, object],
            keys: tuple[str, ...]) -> None:
    """Insert a row, or update the one with the same keys (SQLite and PostgreSQL alike)."""
    insert = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
    statement = insert(table).values(values)
    changed = {k: statement.excluded[k] for k in values if k not in keys}
    conn.execute(statement.on_conflict_do_update(index_elements=list(keys), set_=changed))


def _replace_article(conn: Connection, article: Article, found: list[Mention],
                     editor: Editor) -> None:
    old_sites = set(conn.execute(select(mentions.c.site_id).where(
        mentions.c.article_id == article.id)).scalars())
    old = select(mentions.c.id).where(mentions.c.article_id == article.id)
    conn.execute(delete(mention_alliances).where(mention_alliances.c.mention_id.in_(old)))
    conn.execute(delete(mentions).where(mentions.c.article_id == article.id))
    conn.execute(delete(articles).where(articles.c.id == article.id))
    now = datetime.now(UTC).replace(tzinfo=None)
    conn.execute(articles.insert().values(
        id=article.id, source=article.source, url=article.url, title=article.title,
        published=article.published, date_basis=article.date_basis, outlet=article.outlet,
        language=article.language, text=article.text, ingested_by=editor.name,
        ingested_at=now))
    # A syndicated copy is the same article: one more source, its mentions counted once.
    _upsert(conn, article_sources, {
        "article_id": article.id, "source": article.source, "url": article.url,
        "outlet": article.outlet, "title": article.title, "published": article.published,
        "seen_at": now}, ("article_id", "source"))
    rejected = {(start, end) for start, end in conn.execute(
        select(mention_rejections.c.start, mention_rejections.c.end)
        .where(mention_rejections.c.article_id == article.id))}
    found = [m for m in found if (m.start, m.end) not in rejected]
    for mention in found:
        _upsert(conn, sites, _site_values(mention), ("id",))
        mention_id = conn.execute(mentions.insert().values(
            article_id=article.id, site_id=mention.site_id, kind=mention.kind,
            quote=mention.quote, start=mention.start, end=mention.end, date=mention.date,
            operator=mention.operator, host=mention.host,
            countries=json.dumps(list(mention.countries)),
            alliances=json.dumps(list(mention.alliances)), status=mention.status,
        ).returning(mentions.c.id)).scalar_one()
        for org in mention.alliances:
            conn.execute(mention_alliances.insert().values(mention_id=mention_id, org=org))
    for site_id in {m.site_id for m in found}:
        _apply_corrections(conn, site_id)
    # Only the sites this article used to cite can have lost their last mention.
    gone = old_sites - {m.site_id for m in found}
    if gone:
        conn.execute(delete(sites).where(sites.c.id.in_(gone),
                                         ~exists().where(mentions.c.site_id == sites.c.id)))


def _apply_corrections(conn: Connection, site_id: str) -> None:
    """Put an analyst's latest value for each corrected field back on the site and mentions."""
    latest: dict[str, str | None] = {}
    for field, value in conn.execute(
            select(site_corrections.c.field, site_corrections.c.value)
            .where(site_corrections.c.site_id == site_id)
            .order_by(site_corrections.c.at, site_corrections.c.id)):
        latest[field] = value
    if not latest:
        return
    conn.execute(sites.update().where(sites.c.id == site_id).values(
        {f: float(v) if f in ("lat", "lon") and v is not None else v for f, v in latest.items()}))
    shared = {f: v for f, v in latest.items() if f in ("kind", "operator", "host")}
    if shared:
        conn.execute(mentions.update().where(mentions.c.site_id == site_id).values(shared))


def _check_change(field: str, value: object) -> str | None:
    if field not in CORRECTABLE:
        raise CorrectionError(f"{field!r} cannot be corrected: use {', '.join(CORRECTABLE)}")
    text = None if value is None or str(value).strip() == "" else str(value).strip()
    if field in ("lat", "lon"):
        limit = 90 if field == "lat" else 180
        try:
            number = float(text or "nan")
        except ValueError:
            number = math.nan
        if not -limit <= number <= limit:
            raise CorrectionError(f"{field} must be a number from -{limit} to {limit}, "
                                  f"not {value!r}")
    elif field in ("operator", "host") and text is not None:
        if not re.fullmatch(r"[A-Z]{3}", text.upper()):
            raise CorrectionError(f"{field} must be an ISO 3166-1 alpha-3 code, not {value!r}")
        text = text.upper()
    elif field == "kind" and text not in SITE_KINDS:
        raise CorrectionError(f"kind must be one of {', '.join(SITE_KINDS)}, not {value!r}")
    elif field == "precision" and text not in PRECISIONS:
        raise CorrectionError(f"precision must be one of {', '.join(PRECISIONS)}, not {value!r}")
    elif field == "name" and not text:
        raise CorrectionError("a site needs a name")
    return text


def correct_site(engine: Engine, site_id: str, changes: Mapping[str, object], *,
                 editor: Editor | None) -> None:
    """Record an analyst's changes to a site and apply them; they outlive re-ingesting."""
    checked = require_editor(editor)
    values = {field: _check_change(field, value) for field, value in changes.items()}
    now = datetime.now(UTC).replace(tzinfo=None)
    with engine.begin() as conn:
        if conn.execute(select(sites.c.id).where(sites.c.id == site_id)).first() is None:
            raise CorrectionError(f"there is no site {site_id!r}")
        for field, value in values.items():
            conn.execute(site_corrections.insert().values(
                site_id=site_id, field=field, value=value, editor=checked.name, at=now))
        _apply_corrections(conn, site_id)


def reject_mention(engine: Engine, mention_id: int, reason: str = "", *,
                   editor: Editor | None) -> None:
    """Reject a mention as not evidence; it stays rejected when its article is re-ingested."""
    checked = require_editor(editor)
    with engine.begin() as conn:
        row = conn.execute(select(mentions.c.article_id, mentions.c.start, mentions.c.end,
                                  mentions.c.site_id).where(mentions.c.id == mention_id)).first()
        if row is None:
            raise CorrectionError(f"there is no mention {mention_id}")
        conn.execute(mention_rejections.insert().values(
            article_id=row.article_id, start=row.start, end=row.end, site_id=row.site_id,
            reason=reason.strip() or None, editor=checked.name,
            at=datetime.now(UTC).replace(tzinfo=None)))
        conn.execute(delete(mention_alliances).where(
            mention_alliances.c.mention_id == mention_id))
        conn.execute(delete(mentions).where(mentions.c.id == mention_id))
        conn.execute(delete(sites).where(sites.c.id == row.site_id,
                                         ~exists().where(mentions.c.site_id == sites.c.id)))


def site_corrections_of(engine: Engine, site_id: str) -> list[tuple[str, str | None, str, str]]:
    """Return ``(field, value, editor, when)`` for each change made to a site, oldest first."""
    query = (select(site_corrections.c.field, site_corrections.c.value,
                    site_corrections.c.editor, site_corrections.c.at)
             .where(site_corrections.c.site_id == site_id)
             .order_by(site_corrections.c.at, site_corrections.c.id))
    with engine.connect() as conn:
        return [(f, v, e, at.isoformat(timespec="seconds")) for f, v, e, at in conn.execute(query)]


def save_article(engine: Engine, article: Article, found: Iterable[Mention], *,
                 editor: Editor | None, attempts: int = 4) -> int:
    """Store an article and replace its mentions; saving it again changes nothing."""
    editor = require_editor(editor)
    found = list(found)
    for attempt in range(1, attempts + 1):
        try:
            with engine.begin() as conn:
                _replace_article(conn, article, found, editor)
            return len(found)
        except (OperationalError, IntegrityError) as exc:
            # Another editor saved the same article or site at the same moment: try again.
            if attempt == attempts:
                raise StoreError(f"could not save {article.source}: {exc}") from exc
            time.sleep(0.05 * attempt)
        except SQLAlchemyError as exc:
            raise StoreError(f"could not save {article.source}: {exc}") from exc
    return len(found)


def _conditions(filters: Filters) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = []
    if filters.operators:
        conds.append(mentions.c.operator.in_(filters.operators))
    if filters.hosts:
        conds.append(mentions.c.host.in_(filters.hosts))
    if filters.kinds:
        conds.append(mentions.c.kind.in_(filters.kinds))
    if filters.text.strip():
        pattern = "%" + re.sub(r"([\\%_])", r"\\\1", filters.text.strip()) + "%"
        conds.append(or_(mentions.c.quote.ilike(pattern, escape="\\"),
                         mentions.c.site_id.in_(select(sites.c.id).where(
                             sites.c.name.ilike(pattern, escape="\\")))))
    if filters.precisions:
        conds.append(mentions.c.site_id.in_(
            select(sites.c.id).where(sites.c.precision.in_(filters.precisions))))
    if filters.alliances:
        conds.append(exists().where(and_(mention_alliances.c.mention_id == mentions.c.id,
                                         mention_alliances.c.org.in_(filters.alliances))))
    dated: list[ColumnElement[bool]] = []
    if filters.start:
        dated.append(mentions.c.date >= filters.start)
    if filters.end:
        dated.append(mentions.c.date <= filters.end)
    if dated:
        in_range = and_(*dated)
        conds.append(or_(in_range, mentions.c.date.is_(None)) if filters.include_undated
                     else in_range)
    return conds


def _latest_status() -> ColumnElement[str | None]:
    """The status the newest dated mention of a site gives (undated ones last)."""
    latest = mentions.alias("latest")
    return (select(latest.c.status)
            .where(latest.c.site_id == sites.c.id, latest.c.status.is_not(None))
            .order_by(latest.c.date.is_(None), latest.c.date.desc(), latest.c.id.desc())
            .limit(1).correlate(sites).scalar_subquery())


def _select_sites(engine: Engine, *conditions: ColumnElement[bool]) -> list[SiteRow]:
    count = func.count(mentions.c.id).label("mention_count")
    query = (select(sites.c.id, sites.c.name, sites.c.kind, sites.c.lat, sites.c.lon,
                    sites.c.precision, sites.c.geocoder, sites.c.operator, sites.c.host,
                    sites.c.installation_type, count, sites.c.installation_id,
                    _latest_status().label("status"))
             .join(mentions, mentions.c.site_id == sites.c.id)
             .where(*conditions).group_by(sites.c.id).order_by(sites.c.name))
    with engine.connect() as conn:
        return [SiteRow(*row) for row in conn.execute(query)]


def query_sites(engine: Engine, filters: Filters) -> list[SiteRow]:
    """Return every site with at least one mention passing the filters."""
    return _select_sites(engine, *_conditions(filters))


def get_site(engine: Engine, site_id: str) -> SiteRow | None:
    """Return one site with all its mentions counted, or None."""
    found = _select_sites(engine, sites.c.id == site_id)
    return found[0] if found else None


def mention_dates(engine: Engine, filters: Filters) -> list[tuple[dt.date, str | None, str, int]]:
    """Count dated mentions passing the filters per day, operator and site kind."""
    query = (select(mentions.c.date, mentions.c.operator, mentions.c.kind,
                    func.count(mentions.c.id))
             .where(mentions.c.date.is_not(None), *_conditions(filters))
             .group_by(mentions.c.date, mentions.c.operator, mentions.c.kind)
             .order_by(mentions.c.date))
    with engine.connect() as conn:
        return [(day, operator, kind, int(n)) for day, operator, kind, n in conn.execute(query)]


def query_mentions(engine: Engine, filters: Filters, site_ids: Iterable[str] | None = None
                   ) -> list[MentionRow]:
    """Return mentions passing the filters (of some sites only), newest first."""
    query = (select(mentions.c.id, mentions.c.site_id, mentions.c.article_id, mentions.c.quote,
                    mentions.c.start, mentions.c.end, mentions.c.date, mentions.c.status,
                    mentions.c.operator, mentions.c.host, mentions.c.countries,
                    mentions.c.alliances, articles.c.title, articles.c.source, articles.c.url,
                    articles.c.published)
             .join(articles, articles.c.id == mentions.c.article_id)
             .where(*_conditions(filters))
             .order_by(mentions.c.date.desc(), mentions.c.id))
    if site_ids is not None:
        query = query.where(mentions.c.site_id.in_(list(site_ids)))
    with engine.connect() as conn:
        return [MentionRow(*row[:10], tuple(json.loads(row[10])), tuple(json.loads(row[11])),
                           *row[12:]) for row in conn.execute(query)]


def sources_of(engine: Engine, article_ids: Iterable[str]
               ) -> dict[str, list[tuple[str, str | None, str | None]]]:
    """Return, per article, every ``(source, outlet, url)`` that carried it, first seen first."""
    query = (select(article_sources.c.article_id, article_sources.c.source,
                    article_sources.c.outlet, article_sources.c.url)
             .where(article_sources.c.article_id.in_(list(article_ids)))
             .order_by(article_sources.c.seen_at, article_sources.c.source))
    found: dict[str, list[tuple[str, str | None, str | None]]] = {}
    with engine.connect() as conn:
        for article_id, source, outlet, url in conn.execute(query):
            found.setdefault(article_id, []).append((source, outlet, url))
    return found


def get_article(engine: Engine, article_id: str) -> Article | None:
    """Return one stored article, or None."""
    with engine.connect() as conn:
        row = conn.execute(select(articles).where(articles.c.id == article_id)).mappings().first()
    if row is None:
        return None
    return Article(id=row["id"], source=row["source"], text=row["text"], title=row["title"] or "",
                   url=row["url"], published=row["published"], date_basis=row["date_basis"],
                   language=row["language"], outlet=row["outlet"])


@dataclass(frozen=True)
class FilterOptions:
    """The values present in the database, to offer in the filters."""

    operators: tuple[str, ...]
    hosts: tuple[str, ...]
    alliances: tuple[str, ...]
    first: dt.date | None
    last: dt.date | None
    articles: int


def filter_options(engine: Engine) -> FilterOptions:
    """Collect what the filters can choose from."""
    with engine.connect() as conn:
        operators = conn.execute(select(mentions.c.operator).distinct()).scalars().all()
        hosts = conn.execute(select(mentions.c.host).distinct()).scalars().all()
        orgs = conn.execute(select(mention_alliances.c.org).distinct()).scalars().all()
        first, last = conn.execute(select(func.min(mentions.c.date),
                                          func.max(mentions.c.date))).one()
        total = conn.execute(select(func.count()).select_from(articles)).scalar_one()
    return FilterOptions(tuple(sorted(filter(None, operators))), tuple(sorted(filter(None, hosts))),
                         tuple(sorted(orgs)), first, last, int(total))


def data_version(engine: Engine) -> str:
    """Return a token that changes whenever an article is saved (a cache key for views)."""
    with engine.connect() as conn:
        count, newest = conn.execute(select(func.count(), func.max(articles.c.ingested_at))
                                     .select_from(articles)).one()
        changes = conn.execute(select(func.count()).select_from(site_corrections)).scalar_one()
        rejected = conn.execute(select(func.count()).select_from(mention_rejections)
                                ).scalar_one()
    return f"{count}:{newest}:{changes}:{rejected}"


def country_summary(engine: Database, filters: Filters) -> list[tuple[str, str, int, int]]:
    """Count, per host and foreign operator, the installation sites and their mentions."""
    query = (select(mentions.c.host, mentions.c.operator,
                    func.count(func.distinct(mentions.c.site_id)), func.count(mentions.c.id))
             .where(mentions.c.kind == "installation", mentions.c.operator.is_not(None),
                    *_conditions(filters))
             .group_by(mentions.c.host, mentions.c.operator)
             .order_by(func.count(func.distinct(mentions.c.site_id)).desc()))
    with engine.connect() as conn:
        return [(h or "", o or "", int(n), int(m)) for h, o, n, m in conn.execute(query)]
