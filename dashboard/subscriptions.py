"""Subscribed feeds: check each one and ingest only the links it had not given before."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from dashboard.access import Editor, require_editor
from dashboard.context import Resources
from dashboard.errors import DashboardError
from dashboard.fetch import Fetched
from dashboard.ingest import feed_links
from dashboard.pipeline import FileResult, IngestReport, Progress, ingest_urls
from dashboard.store import Database, list_feeds, record_feed_check, seen_links, subscribe_feed


def check_feed(engine: Database, url: str, resources: Resources,
               fetcher: Callable[[str], Fetched], progress: Progress | None = None, *,
               editor: Editor | None) -> IngestReport:
    """Fetch one subscribed feed, ingest its new links and record the outcome."""
    checked = require_editor(editor)
    try:
        links = feed_links(fetcher(url))
    except DashboardError as exc:
        record_feed_check(engine, url, f"failed: {exc}", [], editor=checked)
        return IngestReport([FileResult(url, False, str(exc))])
    seen = seen_links(engine, url)
    new = [link for link in dict.fromkeys(links) if link not in seen]
    report = ingest_urls(engine, new, resources, fetcher, progress, editor=checked)
    ingested = [r.path for r in report.results if r.ok]
    failed = len(report.results) - len(ingested)
    result = f"{len(ingested)} new article(s) of {len(links)} link(s)"
    if failed:
        result += f", {failed} failed"
    record_feed_check(engine, url, result, ingested, editor=checked)
    return report


def refresh_feeds(engine: Database, resources: Resources, fetcher: Callable[[str], Fetched],
                  progress: Progress | None = None, *, editor: Editor | None,
                  only: Sequence[str] | None = None) -> IngestReport:
    """Check every subscribed feed (or only some of them); failed links are tried again later."""
    checked = require_editor(editor)
    report = IngestReport()
    for feed in list_feeds(engine):
        if only is None or feed.url in only:
            report.results += check_feed(engine, feed.url, resources, fetcher, progress,
                                         editor=checked).results
    return report


def subscribe_and_check(engine: Database, feeds: Sequence[str], resources: Resources,
                        fetcher: Callable[[str], Fetched], progress: Progress | None = None, *,
                        editor: Editor | None, every: bool = False) -> IngestReport:
    """Subscribe to some feeds and ingest their new links (and every other feed's, if asked)."""
    checked = require_editor(editor)
    for url in feeds:
        subscribe_feed(engine, url, editor=checked)
    return refresh_feeds(engine, resources, fetcher, progress, editor=checked,
                         only=None if every else feeds)
