"""Saving articles and their mentions, again and again, without losing corrections."""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime

from sqlalchemy import Engine, Table, delete, exists, func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError

from dashboard.access import Editor, require_editor
from dashboard.errors import StoreError
from dashboard.models import Article, Mention, UnresolvedPlace
from dashboard.store.additions import reapply_review, replace_unresolved
from dashboard.store.corrections import apply_corrections
from dashboard.store.schema import (
    article_sources,
    articles,
    mention_alliances,
    mention_rejections,
    mentions,
    site_corrections,
    sites,
)
from dashboard.store.stats import refresh_site_stats
from dashboard.store.words import count_words, forget_words


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


def _drop_replaced_versions(conn: Connection, article: Article) -> set[str]:
    """Forget older texts of this article's source; return the sites they cited."""
    older = set(conn.execute(select(article_sources.c.article_id).where(
        article_sources.c.source == article.source,
        article_sources.c.article_id != article.id)).scalars())
    if not older:
        return set()
    conn.execute(delete(article_sources).where(article_sources.c.source == article.source,
                                               article_sources.c.article_id.in_(older)))
    remaining = dict(conn.execute(select(article_sources.c.article_id,
                                         func.min(article_sources.c.source))
                                  .where(article_sources.c.article_id.in_(older))
                                  .group_by(article_sources.c.article_id)).all())
    for kept, source in remaining.items():
        # Another outlet still carries that text: it stays, under a source that has it.
        conn.execute(articles.update().where(articles.c.id == kept,
                                             articles.c.source == article.source)
                     .values(source=source))
    orphans = older - set(remaining)
    if not orphans:
        return set()
    cited = set(conn.execute(select(mentions.c.site_id).where(
        mentions.c.article_id.in_(orphans))).scalars())
    dropped = select(mentions.c.id).where(mentions.c.article_id.in_(orphans))
    conn.execute(delete(mention_alliances).where(mention_alliances.c.mention_id.in_(dropped)))
    forget_words(conn, mentions.c.article_id.in_(orphans))
    conn.execute(delete(mentions).where(mentions.c.article_id.in_(orphans)))
    conn.execute(delete(articles).where(articles.c.id.in_(orphans)))
    return cited


def _insert_mentions(conn: Connection, article_id: str, found: list[Mention]) -> None:
    """Insert an article's mentions, their sites and alliances, one statement per table."""
    if not found:
        return
    # One row per site, the last mention's values winning as one upsert per mention would.
    site_rows = list({m.site_id: _site_values(m) for m in found}.values())
    insert = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
    upsert = insert(sites)
    conn.execute(upsert.on_conflict_do_update(
        index_elements=["id"], set_={k: upsert.excluded[k] for k in site_rows[0] if k != "id"}),
        site_rows)
    ids = conn.execute(mentions.insert().returning(mentions.c.id, sort_by_parameter_order=True),
                       [{"article_id": article_id, "site_id": m.site_id, "kind": m.kind,
                         "quote": m.quote, "start": m.start, "end": m.end, "date": m.date,
                         "operator": m.operator, "host": m.host,
                         "countries": json.dumps(list(m.countries)),
                         "alliances": json.dumps(list(m.alliances)), "status": m.status}
                        for m in found]).scalars().all()
    orgs = [{"mention_id": mention_id, "org": org, "site_id": m.site_id}
            for mention_id, m in zip(ids, found, strict=True) for org in m.alliances]
    if orgs:
        conn.execute(mention_alliances.insert(), orgs)
    count_words(conn, ((m.site_id, m.quote) for m in found))


def _corrected_sites(conn: Connection, site_ids: set[str]) -> list[str]:
    """Return which of these sites an analyst has corrected (most have not)."""
    if not site_ids:
        return []
    return sorted(conn.execute(select(site_corrections.c.site_id).distinct().where(
        site_corrections.c.site_id.in_(sorted(site_ids)))).scalars())


def _replace_article(conn: Connection, article: Article, found: list[Mention],
                     editor: Editor) -> set[str]:
    """Replace an article and its mentions; return the sites whose figures need a recount."""
    old_sites = set(conn.execute(select(mentions.c.site_id).where(
        mentions.c.article_id == article.id)).scalars())
    old_sites |= _drop_replaced_versions(conn, article)
    old = select(mentions.c.id).where(mentions.c.article_id == article.id)
    conn.execute(delete(mention_alliances).where(mention_alliances.c.mention_id.in_(old)))
    forget_words(conn, mentions.c.article_id == article.id)
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
    _insert_mentions(conn, article.id, found)
    for site_id in _corrected_sites(conn, {m.site_id for m in found}):
        apply_corrections(conn, site_id)
    reapply_review(conn, article.id, {m.site_id for m in found})  # merges, added mentions
    # Only the sites this article used to cite can have lost their last mention.
    gone = old_sites - {m.site_id for m in found}
    if gone:
        conn.execute(delete(sites).where(sites.c.id.in_(gone),
                                         ~exists().where(mentions.c.site_id == sites.c.id)))
    return old_sites | {m.site_id for m in found}


def save_article(engine: Engine, article: Article, found: Iterable[Mention], *,
                 editor: Editor | None, attempts: int = 4) -> int:
    """Store an article and replace its mentions; saving it again changes nothing."""
    return save_articles(engine, [(article, found)], editor=editor, attempts=attempts)[0]


def save_articles(engine: Engine, batch: Sequence[tuple[Article, Iterable[Mention]]], *,
                  editor: Editor | None, attempts: int = 4,
                  unresolved: Mapping[str, Sequence[UnresolvedPlace]] | None = None
                  ) -> list[int]:
    """Store several articles in one transaction, all or none; return their mention counts.

    ``unresolved`` gives, per article id, the place names extraction could not place; they
    replace what was recorded for those articles in the same transaction.
    """
    editor = require_editor(editor)
    items = [(article, list(found)) for article, found in batch]
    label = items[0][0].source if len(items) == 1 else f"{len(items)} articles"
    for attempt in range(1, attempts + 1):
        try:
            with engine.begin() as conn:
                touched: set[str] = set()
                for article, found in items:
                    touched |= _replace_article(conn, article, found, editor)
                    if unresolved is not None and article.id in unresolved:
                        replace_unresolved(conn, article.id, unresolved[article.id])
                refresh_site_stats(conn, touched)  # once per batch, not once per article
            break
        except (OperationalError, IntegrityError) as exc:
            # Another editor saved the same article or site at the same moment: try again.
            if attempt == attempts:
                raise StoreError(f"could not save {label}: {exc}") from exc
            time.sleep(0.05 * attempt)
        except SQLAlchemyError as exc:
            raise StoreError(f"could not save {label}: {exc}") from exc
    return [len(found) for _, found in items]
