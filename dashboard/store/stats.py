"""Per-site figures kept on the site row, so the unfiltered map needs no aggregation."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, or_, select
from sqlalchemy.engine import Connection
from sqlalchemy.sql.elements import ColumnElement

from dashboard.store.schema import mention_alliances, mentions, sites


def latest_status() -> ColumnElement[str | None]:
    """The status the newest dated mention of a site gives (undated ones last)."""
    latest = mentions.alias("latest")
    return (select(latest.c.status)
            .where(latest.c.site_id == sites.c.id, latest.c.status.is_not(None))
            .order_by(latest.c.date.is_(None), latest.c.date.desc(), latest.c.id.desc())
            .limit(1).correlate(sites).scalar_subquery())


def refresh_site_stats(conn: Connection, site_ids: Iterable[str] | None = None) -> None:
    """Recount the mentions and the latest status of some sites (all sites when None).

    Every write that adds, removes or moves mentions calls this for the sites it touched;
    it also points those mentions' alliance rows at their current site.
    """
    count = (select(func.count(mentions.c.id)).where(mentions.c.site_id == sites.c.id)
             .correlate(sites).scalar_subquery())
    owner = (select(mentions.c.site_id).where(mentions.c.id == mention_alliances.c.mention_id)
             .correlate(mention_alliances).scalar_subquery())
    update = sites.update().values(mention_count=count, status=latest_status())
    if site_ids is None:
        conn.execute(update)
        conn.execute(mention_alliances.update().values(site_id=owner))
        return
    wanted = sorted(set(site_ids))
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        conn.execute(update.where(sites.c.id.in_(chunk)))
        conn.execute(mention_alliances.update().where(or_(
            mention_alliances.c.site_id.in_(chunk),
            mention_alliances.c.mention_id.in_(
                select(mentions.c.id).where(mentions.c.site_id.in_(chunk)))))
            .values(site_id=owner))
