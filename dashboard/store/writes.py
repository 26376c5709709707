"""Saving articles and their mentions, again and again, without losing corrections."""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import Engine, Table, delete, exists, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError

from dashboard.access import Editor, require_editor
from dashboard.errors import StoreError
from dashboard.models import Article, Mention
from dashboard.store.corrections import apply_corrections
from dashboard.store.schema import (
    article_sources,
    articles,
    mention_alliances,
    mention_rejections,
    mentions,
    sites,
)


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
        apply_corrections(conn, site_id)
    # Only the sites this article used to cite can have lost their last mention.
    gone = old_sites - {m.site_id for m in found}
    if gone:
        conn.execute(delete(sites).where(sites.c.id.in_(gone),
                                         ~exists().where(mentions.c.site_id == sites.c.id)))


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
