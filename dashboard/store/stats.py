"""Per-site figures kept on the site row, so the unfiltered map needs no aggregation."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.engine import Connection
from sqlalchemy.sql.elements import ColumnElement

from dashboard.store.schema import mentions, sites


def _newest_status(dated: bool) -> ColumnElement[str | None]:
    """The status of a site's newest dated (or undated) mention that states one."""
    latest = mentions.alias("dated" if dated else "undated")
    when = latest.c.date.is_not(None) if dated else latest.c.date.is_(None)
    order = (latest.c.date.desc(), latest.c.id.desc()) if dated else (latest.c.id.desc(),)
    # Walks the (site_id, date) index from the newest end: no sort over a busy site's rows.
    return (select(latest.c.status)
            .where(latest.c.site_id == sites.c.id, when, latest.c.status.is_not(None))
            .order_by(*order).limit(1).correlate(sites).scalar_subquery())


def latest_status() -> ColumnElement[str | None]:
    """The status the newest dated mention of a site gives (undated ones last)."""
    return func.coalesce(_newest_status(True), _newest_status(False))


def refresh_site_stats(conn: Connection, site_ids: Iterable[str] | None = None) -> None:
    """Recount the mentions (all, undated) and latest status of some sites (all when None).

    Every write that adds, removes or moves mentions calls this for the sites it touched.
    """
    count = (select(func.count(mentions.c.id)).where(mentions.c.site_id == sites.c.id)
             .correlate(sites).scalar_subquery())
    undated = (select(func.count(mentions.c.id))
               .where(mentions.c.site_id == sites.c.id, mentions.c.date.is_(None))
               .correlate(sites).scalar_subquery())
    update = sites.update().values(mention_count=count, undated_count=undated,
                                   status=latest_status())
    if site_ids is None:
        conn.execute(update)
        return
    wanted = sorted(set(site_ids))
    for start in range(0, len(wanted), 500):
        conn.execute(update.where(sites.c.id.in_(wanted[start:start + 500])))
