"""Subscribed feeds: who added them, when they were last checked, and the links already read."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import Engine, select

from dashboard.access import Editor, require_editor
from dashboard.errors import CorrectionError
from dashboard.store.schema import FeedRow, feed_links, feeds


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def subscribe_feed(engine: Engine, url: str, *, editor: Editor | None) -> bool:
    """Subscribe to an RSS or Atom feed; return False when it was subscribed already."""
    checked = require_editor(editor)
    url = url.strip()
    if not url.startswith(("http://", "https://")):
        raise CorrectionError(f"a feed is an http(s) link, not {url!r}")
    with engine.begin() as conn:
        if conn.execute(select(feeds.c.url).where(feeds.c.url == url)).first() is not None:
            return False
        conn.execute(feeds.insert().values(url=url, added_by=checked.name, added_at=_now()))
    return True


def list_feeds(engine: Engine) -> list[FeedRow]:
    """Return every subscribed feed, oldest subscription first."""
    query = select(feeds.c.url, feeds.c.added_by, feeds.c.added_at, feeds.c.checked_at,
                   feeds.c.last_result).order_by(feeds.c.added_at, feeds.c.url)
    with engine.connect() as conn:
        return [FeedRow(*row) for row in conn.execute(query)]


def seen_links(engine: Engine, feed_url: str) -> set[str]:
    """Return the links of a feed that were ingested already."""
    with engine.connect() as conn:
        return set(conn.execute(select(feed_links.c.link)
                                .where(feed_links.c.feed_url == feed_url)).scalars())


def record_feed_check(engine: Engine, feed_url: str, result: str, ingested: Iterable[str], *,
                      editor: Editor | None) -> None:
    """Remember when a feed was checked, what came of it, and which links went in."""
    require_editor(editor)
    now = _now()
    with engine.begin() as conn:
        known = set(conn.execute(select(feed_links.c.link)
                                 .where(feed_links.c.feed_url == feed_url)).scalars())
        for link in dict.fromkeys(ingested):
            if link not in known:
                conn.execute(feed_links.insert().values(feed_url=feed_url, link=link,
                                                        seen_at=now))
        conn.execute(feeds.update().where(feeds.c.url == feed_url)
                     .values(checked_at=now, last_result=result))
