"""What analysts change: site fields, rejected mentions and merged sites, with who and when."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime

from sqlalchemy import Engine, delete, exists, select
from sqlalchemy.engine import Connection

from dashboard.access import Editor, require_editor
from dashboard.errors import CorrectionError
from dashboard.models import PRECISIONS, SITE_KINDS
from dashboard.store.schema import (
    CORRECTABLE,
    mention_alliances,
    mention_rejections,
    mentions,
    site_corrections,
    site_merges,
    sites,
)
from dashboard.store.stats import refresh_site_stats
from dashboard.store.words import forget_words, move_words


def apply_corrections(conn: Connection, site_id: str) -> None:
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
        apply_corrections(conn, site_id)


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
        forget_words(conn, mentions.c.id == mention_id)
        conn.execute(delete(mentions).where(mentions.c.id == mention_id))
        conn.execute(delete(sites).where(sites.c.id == row.site_id,
                                         ~exists().where(mentions.c.site_id == sites.c.id)))
        refresh_site_stats(conn, [row.site_id])


def site_corrections_of(engine: Engine, site_id: str) -> list[tuple[str, str | None, str, str]]:
    """Return ``(field, value, editor, when)`` for each change made to a site, oldest first."""
    query = (select(site_corrections.c.field, site_corrections.c.value,
                    site_corrections.c.editor, site_corrections.c.at)
             .where(site_corrections.c.site_id == site_id)
             .order_by(site_corrections.c.at, site_corrections.c.id))
    with engine.connect() as conn:
        return [(f, v, e, at.isoformat(timespec="seconds")) for f, v, e, at in conn.execute(query)]


def _merge_target(conn: Connection, site_id: str) -> str:
    """Follow recorded merges from a site to the one that now stands for it."""
    seen = {site_id}
    while True:
        keep = conn.execute(select(site_merges.c.keep_id)
                            .where(site_merges.c.merged_id == site_id)).scalar()
        if keep is None or keep in seen:
            return site_id
        seen.add(keep)
        site_id = keep


def apply_merges(conn: Connection, site_ids: Iterable[str]) -> set[str]:
    """Move the mentions of merged sites to the sites kept; return the kept sites touched."""
    kept: set[str] = set()
    for site_id in set(site_ids):
        keep = _merge_target(conn, site_id)
        if keep == site_id:
            continue
        conn.execute(mentions.update().where(mentions.c.site_id == site_id)
                     .values(site_id=keep))
        # Alliance rows repeat their mention's site (for the alliance filter's index).
        conn.execute(mention_alliances.update().where(mention_alliances.c.site_id == site_id)
                     .values(site_id=keep))
        move_words(conn, site_id, keep)
        conn.execute(delete(sites).where(sites.c.id == site_id))
        kept.add(keep)
    for keep in kept:
        apply_corrections(conn, keep)
    return kept


def merge_sites(engine: Engine, keep_id: str, merged_id: str, *, editor: Editor | None) -> None:
    """Merge one site into another: its mentions move, now and after every re-ingest."""
    checked = require_editor(editor)
    if keep_id == merged_id:
        raise CorrectionError("a site cannot be merged into itself")
    with engine.begin() as conn:
        found = {row.id: row for row in conn.execute(
            select(sites.c.id, sites.c.name, sites.c.lat, sites.c.lon)
            .where(sites.c.id.in_([keep_id, merged_id])))}
        for site_id in (keep_id, merged_id):
            if site_id not in found:
                raise CorrectionError(f"there is no site {site_id!r}")
        gone = found[merged_id]
        conn.execute(delete(site_merges).where(site_merges.c.merged_id == merged_id))
        conn.execute(site_merges.insert().values(
            merged_id=merged_id, keep_id=keep_id, name=gone.name, lat=gone.lat, lon=gone.lon,
            editor=checked.name, at=datetime.now(UTC).replace(tzinfo=None)))
        apply_merges(conn, [merged_id])
        refresh_site_stats(conn, [keep_id])


def merges_into(engine: Engine, site_id: str) -> list[tuple[str, str | None, str, str]]:
    """Return ``(merged id, its name, editor, when)`` for each site merged into this one."""
    query = (select(site_merges.c.merged_id, site_merges.c.name, site_merges.c.editor,
                    site_merges.c.at)
             .where(site_merges.c.keep_id == site_id).order_by(site_merges.c.at))
    with engine.connect() as conn:
        return [(m, n, e, at.isoformat(timespec="seconds")) for m, n, e, at in conn.execute(query)]
