"""Subscribed feeds: stored with who and when; a check ingests only the links not seen before."""

from __future__ import annotations

from dataclasses import replace

import pytest

from dashboard.errors import AccessError, CorrectionError
from dashboard.filters import Filters
from dashboard.pipeline import make_fetcher
from dashboard.store import list_feeds, query_mentions, seen_links, subscribe_feed
from dashboard.subscriptions import check_feed, refresh_feeds, subscribe_and_check

from .conftest import EDITOR


@pytest.fixture
def fetcher(settings):
    return make_fetcher(replace(settings, allow_private_urls=True))


def test_a_feed_is_subscribed_once_with_who_and_when(engine, site):
    assert subscribe_feed(engine, f"{site}/feed.xml", editor=EDITOR)
    assert not subscribe_feed(engine, f" {site}/feed.xml ", editor=EDITOR)
    [feed] = list_feeds(engine)
    assert (feed.url, feed.added_by, feed.checked_at) == (f"{site}/feed.xml", "tests", None)
    assert feed.added_at is not None


@pytest.mark.parametrize("url", ["ftp://example.org/feed", "feed.xml", ""])
def test_only_http_feeds_can_be_subscribed(engine, url):
    with pytest.raises(CorrectionError, match="http"):
        subscribe_feed(engine, url, editor=EDITOR)
    assert list_feeds(engine) == []


def test_subscribing_needs_an_editor(engine, site, resources, fetcher):
    with pytest.raises(AccessError):
        subscribe_feed(engine, f"{site}/feed.xml", editor=None)
    with pytest.raises(AccessError):
        refresh_feeds(engine, resources, fetcher, editor=None)


def test_checking_a_feed_ingests_only_new_links(engine, site, resources, fetcher):
    report = subscribe_and_check(engine, [f"{site}/feed.xml"], resources, fetcher,
                                 editor=EDITOR)
    assert [(r.path, r.ok) for r in report.results] == [
        (f"{site}/article.html", True), (f"{site}/missing", False)]
    assert any("Kant" in m.quote for m in query_mentions(engine, Filters()))
    [feed] = list_feeds(engine)
    assert feed.checked_at is not None
    assert feed.last_result == "1 new article(s) of 2 link(s), 1 failed"
    assert seen_links(engine, feed.url) == {f"{site}/article.html"}
    # The article is not fetched again; the link that failed is tried again.
    again = refresh_feeds(engine, resources, fetcher, editor=EDITOR)
    assert [(r.path, r.ok) for r in again.results] == [(f"{site}/missing", False)]
    assert list_feeds(engine)[0].last_result == "0 new article(s) of 2 link(s), 1 failed"


def test_a_feed_that_cannot_be_read_is_recorded(engine, site, resources, fetcher):
    subscribe_feed(engine, f"{site}/article.html", editor=EDITOR)
    report = check_feed(engine, f"{site}/article.html", resources, fetcher, editor=EDITOR)
    assert report.failed and "not an RSS or Atom feed" in report.failed[0].message
    assert list_feeds(engine)[0].last_result.startswith("failed: ")
