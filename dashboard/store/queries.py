"""Reading sites, mentions and articles through the filters."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import (
    Engine,
    and_,
    column,
    func,
    or_,
    select,
    table,
    union,
    union_all,
)
from sqlalchemy.engine import Connection
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.selectable import Select, Subquery

from dashboard.filters import Filters
from dashboard.models import Article
from dashboard.store.schema import (
    Database,
    MentionRow,
    SiteRow,
    article_sources,
    articles,
    mention_additions,
    mention_alliances,
    mention_rejections,
    mentions,
    site_corrections,
    site_merges,
    site_words,
    sites,
)
from dashboard.store.words import is_whole_word, search_word

#: SQLite's trigram index of the quotes (migration 0005), kept in step by triggers.
mention_text = table("mention_text", column("rowid"), column("quote"))


def _quote_ids(words: str, pattern: str, dialect: str) -> Select[Any]:
    """Select the mentions whose quote holds some text, through the trigram index."""
    if dialect == "sqlite" and len(words) >= 3:
        # A trigram phrase query is a substring match answered from the index alone; LIKE
        # through the same index would read every candidate quote back to check it.
        phrase = '"' + words.replace('"', '""') + '"'
        return select(mention_text.c.rowid).where(mention_text.c.quote.op("MATCH")(phrase))
    # PostgreSQL's pg_trgm index serves ILIKE directly.
    return select(mentions.c.id).where(mentions.c.quote.ilike(pattern, escape="\\"))


def _like_pattern(words: str) -> str:
    """Return a LIKE pattern for text anywhere, its wildcards escaped with a backslash."""
    return "%" + re.sub(r"([\\%_])", r"\\\1", words) + "%"


def _quote_matches(words: str, pattern: str, dialect: str) -> ColumnElement[bool]:
    """Match the mentions whose quote holds some text: by trigram index where there is one."""
    if dialect == "sqlite":
        return mentions.c.id.in_(_quote_ids(words, pattern, dialect))
    return mentions.c.quote.ilike(pattern, escape="\\")


def _text_matches(words: str, dialect: str) -> ColumnElement[bool]:
    """Match mentions whose quote or site name holds the text.

    The two halves are unioned, not OR-ed: an OR with a subquery makes PostgreSQL scan every
    mention instead of using the trigram and site indexes.
    """
    pattern = _like_pattern(words)
    by_name = select(mentions.c.id).where(mentions.c.site_id.in_(
        select(sites.c.id).where(sites.c.name.ilike(pattern, escape="\\"))))
    return mentions.c.id.in_(union(_quote_ids(words, pattern, dialect), by_name))


def _conditions(filters: Filters, dialect: str) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = []
    if filters.operators:
        conds.append(mentions.c.operator.in_(filters.operators))
    if filters.hosts:
        conds.append(mentions.c.host.in_(filters.hosts))
    if filters.kinds:
        conds.append(mentions.c.kind.in_(filters.kinds))
    if filters.text.strip():
        conds.append(_text_matches(filters.text.strip(), dialect))
    if filters.precisions:
        conds.append(mentions.c.site_id.in_(
            select(sites.c.id).where(sites.c.precision.in_(filters.precisions))))
    if filters.alliances:
        conds.append(mentions.c.id.in_(select(mention_alliances.c.mention_id).where(
            mention_alliances.c.org.in_(filters.alliances))))
    spans = _date_spans(filters)
    if spans:
        conds.append(or_(*spans) if len(spans) > 1 else spans[0])
    return conds


def _date_spans(filters: Filters) -> list[ColumnElement[bool]]:
    """Return the date condition as disjoint parts, each served by the date index alone."""
    dated: list[ColumnElement[bool]] = []
    if filters.start:
        dated.append(mentions.c.date >= filters.start)
    if filters.end:
        dated.append(mentions.c.date <= filters.end)
    if not dated:
        return []
    in_range = and_(*dated)
    return [in_range, mentions.c.date.is_(None)] if filters.include_undated else [in_range]


_SITE_COLUMNS = (sites.c.id, sites.c.name, sites.c.kind, sites.c.lat, sites.c.lon,
                 sites.c.precision, sites.c.geocoder, sites.c.operator, sites.c.host,
                 sites.c.installation_type)


def _counted(filters: Filters, dialect: str) -> Subquery | None:
    """Count, per site, the mentions passing the filters (None when no filter applies)."""
    undated = replace(filters, precisions=(), start=None, end=None)
    if undated == Filters(alliances=filters.alliances) and filters.alliances \
            and not _date_spans(filters):
        # Alliance alone: its own index holds the site, so no mention row is read.
        return (select(mention_alliances.c.site_id.label("site_id"),
                       _mention_count(filters.alliances).label("n"))
                .where(mention_alliances.c.org.in_(filters.alliances))
                .group_by(mention_alliances.c.site_id).subquery())
    words = filters.text.strip()
    base = _conditions(replace(undated, text=""), dialect)
    spans = _date_spans(filters)
    if not base and not spans and not words:
        return None
    if not base and not words and len(spans) == 2:
        # Dates alone, undated included: the in-range rows come from the date index and
        # each site keeps its undated count, so the undated rows are never read.
        dated = (select(mentions.c.site_id, func.count().label("n")).where(spans[0])
                 .group_by(mentions.c.site_id).subquery())
        total = sites.c.undated_count + func.coalesce(dated.c.n, 0)
        return (select(sites.c.id.label("site_id"), total.label("n"))
                .select_from(sites.outerjoin(dated, dated.c.site_id == sites.c.id))
                .where(total > 0).subquery())
    # OR-ed parts would defeat the indexes; counted apart and added up, each uses its own.
    halves: list[list[ColumnElement[bool]]] = [[]]
    if words:
        pattern = _like_pattern(words)
        named = select(sites.c.id).where(sites.c.name.ilike(pattern, escape="\\"))
        halves = [[mentions.c.site_id.in_(named)],
                  [_quote_matches(words, pattern, dialect),
                   mentions.c.site_id.not_in(named)]]
    parts = [select(mentions.c.site_id).where(*base, *half, *span)
             for half in halves for span in ([[s] for s in spans] or [[]])]
    rows = parts[0].subquery() if len(parts) == 1 else union_all(*parts).subquery()
    return select(rows.c.site_id, func.count().label("n")).group_by(rows.c.site_id).subquery()


def _mention_count(orgs: tuple[str, ...]) -> ColumnElement[int]:
    """Count the mentions of a site in any of the alliances (each mention once per org)."""
    if len(orgs) == 1:
        return func.count()
    return func.count(func.distinct(mention_alliances.c.mention_id))


def _counted_by_word(conn: Connection, filters: Filters) -> Subquery | None:
    """Count a one-word search from the per-site word counts, when they are exact.

    They are when the search is the only filter on mentions and no other quote word
    contains the word; otherwise (None) the quote index counts it.
    """
    word = search_word(filters.text)
    if word is None or replace(filters, text="", precisions=()) != Filters():
        return None
    pattern = _like_pattern(word)
    if not is_whole_word(conn, word, pattern):
        return None
    named = sites.c.name.ilike(pattern, escape="\\")
    return union_all(
        select(sites.c.id.label("site_id"), sites.c.mention_count.label("n"))
        .where(named, sites.c.mention_count > 0),
        select(site_words.c.site_id, site_words.c.n).where(
            site_words.c.word == word,
            site_words.c.site_id.not_in(select(sites.c.id).where(named)))).subquery()


def _select_sites(engine: Engine, filters: Filters, *where: ColumnElement[bool]
                  ) -> list[SiteRow]:
    """Count each site's mentions that pass the filters, from the indexes alone."""
    site_conds = [*where, sites.c.precision.in_(filters.precisions)] if filters.precisions \
        else list(where)
    with engine.connect() as conn:
        counted = _counted_by_word(conn, filters)
        if counted is None:
            counted = _counted(filters, engine.dialect.name)
        # In code point order on every backend: PostgreSQL's "C" collation is SQLite's own,
        # and cheaper than sorting by the locale's rules.
        name = sites.c.name.collate("C") if engine.dialect.name == "postgresql" else sites.c.name
        rows = conn.execute(_sites_query(counted).where(*site_conds)
                            .order_by(name, sites.c.id)).all()
    return list(map(SiteRow._make, rows))


def _sites_query(counted: Subquery | None) -> Select[Any]:
    """Select the sites with their counted mentions (None: nothing is filtered out)."""
    if counted is not None:
        return (select(*_SITE_COLUMNS, counted.c.n, sites.c.installation_id, sites.c.status)
                .join(counted, counted.c.site_id == sites.c.id))
    # Nothing filters the mentions out: every site's own count is the answer.
    return (select(*_SITE_COLUMNS, sites.c.mention_count, sites.c.installation_id,
                   sites.c.status).where(sites.c.mention_count > 0))


def query_sites(engine: Engine, filters: Filters) -> list[SiteRow]:
    """Return every site with at least one mention passing the filters."""
    return _select_sites(engine, filters)


def get_site(engine: Engine, site_id: str) -> SiteRow | None:
    """Return one site with all its mentions counted, or None."""
    found = _select_sites(engine, Filters(), sites.c.id == site_id)
    return found[0] if found else None


def mention_dates(engine: Engine, filters: Filters) -> list[tuple[dt.date, str | None, str, int]]:
    """Count dated mentions passing the filters per month, operator and site kind.

    Each row's date is the first day of its month: the timeline draws months, and a
    million mentions fold into a few thousand rows in the database, not in Python.
    """
    if engine.dialect.name == "postgresql":
        month: ColumnElement[Any] = func.date_trunc("month", mentions.c.date)
    else:
        month = func.strftime("%Y-%m-01", mentions.c.date)
    query = (select(month.label("month"), mentions.c.operator, mentions.c.kind,
                    func.count(mentions.c.id))
             .where(mentions.c.date.is_not(None), *_conditions(filters, engine.dialect.name))
             .group_by(month, mentions.c.operator, mentions.c.kind)
             .order_by(month))
    with engine.connect() as conn:
        return [(_as_date(first), operator, kind, int(n))
                for first, operator, kind, n in conn.execute(query)]


def _as_date(value: object) -> dt.date:
    """Read a month's first day as SQLite (text) or PostgreSQL (timestamp) returns it."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def has_articles(engine: Engine) -> bool:
    """Tell whether any article is stored (cheaply, for the first-run check)."""
    with engine.connect() as conn:
        return conn.execute(select(articles.c.id).limit(1)).first() is not None


def query_mentions(engine: Engine, filters: Filters, site_ids: Iterable[str] | None = None
                   ) -> list[MentionRow]:
    """Return mentions passing the filters (of some sites only), newest first."""
    query = (select(mentions.c.id, mentions.c.site_id, mentions.c.article_id, mentions.c.quote,
                    mentions.c.start, mentions.c.end, mentions.c.date, mentions.c.status,
                    mentions.c.operator, mentions.c.host, mentions.c.countries,
                    mentions.c.alliances, articles.c.title, articles.c.source, articles.c.url,
                    articles.c.published)
             .join(articles, articles.c.id == mentions.c.article_id)
             .where(*_conditions(filters, engine.dialect.name))
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
        merged, added = (conn.execute(select(func.count()).select_from(t)).scalar_one()
                         for t in (site_merges, mention_additions))
    return f"{count}:{newest}:{changes}:{rejected}:{merged}:{added}"


def country_summary(engine: Database, filters: Filters) -> list[tuple[str, str, int, int]]:
    """Count, per host and foreign operator, the installation sites and their mentions."""
    query = (select(mentions.c.host, mentions.c.operator,
                    func.count(func.distinct(mentions.c.site_id)), func.count(mentions.c.id))
             .where(mentions.c.kind == "installation", mentions.c.operator.is_not(None),
                    *_conditions(filters, engine.dialect.name))
             .group_by(mentions.c.host, mentions.c.operator)
             .order_by(func.count(func.distinct(mentions.c.site_id)).desc()))
    with engine.connect() as conn:
        return [(h or "", o or "", int(n), int(m)) for h, o, n, m in conn.execute(query)]


@dataclass(frozen=True)
class StoredSource:
    """The article a source gave when it was last saved, with the metadata it came with."""

    article_id: str
    title: str | None
    url: str | None
    outlet: str | None
    published: dt.date | None
    mentions: int


def stored_sources(engine: Database) -> dict[str, StoredSource]:
    """Map every stored source (path or URL) to its article, for incremental ingestion."""
    counted = (select(mentions.c.article_id, func.count().label("n"))
               .group_by(mentions.c.article_id).subquery())
    query = (select(article_sources.c.source, article_sources.c.article_id,
                    article_sources.c.title, article_sources.c.url, article_sources.c.outlet,
                    article_sources.c.published, func.coalesce(counted.c.n, 0))
             .outerjoin(counted, counted.c.article_id == article_sources.c.article_id)
             .order_by(article_sources.c.seen_at))
    with engine.connect() as conn:
        # A source saved under several texts before they replaced each other: the newest wins.
        return {source: StoredSource(article_id, title, url, outlet, published, int(count))
                for source, article_id, title, url, outlet, published, count
                in conn.execute(query)}
