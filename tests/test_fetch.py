"""Fetching pages and feeds: only public http(s), limits on size, time and redirects.

Every page comes from a server on this machine; the policy trusts only that server, so the
checks against loopback and private addresses still apply to everything else.
"""

from __future__ import annotations

import pytest

from dashboard.errors import FetchError
from dashboard.fetch import FetchPolicy, fetch
from dashboard.ingest import feed_links, read_fetched


@pytest.fixture
def policy(site: str) -> FetchPolicy:
    return FetchPolicy(timeout=1.0, max_bytes=2**20, trusted=frozenset({site[7:]}))


def test_fetch_an_article_and_read_it(site, policy):
    page = fetch(f"{site}/moved", policy)
    assert page.url == f"{site}/article.html" and page.content_type == "text/html"
    article = read_fetched(page)
    assert "air base in the town of Kant" in article.text
    assert "Contact us" not in article.text and "Home | World" not in article.text
    assert article.url == f"{site}/article.html"
    assert str(article.published) == "2023-05-09"
    assert article.language == "en"


def test_feed_links_are_listed_once(site, policy):
    assert feed_links(fetch(f"{site}/feed.xml", policy)) == [f"{site}/article.html",
                                                             f"{site}/missing"]


@pytest.mark.parametrize(("path", "message"), [
    ("/missing", "answered 404"),
    ("/loop", "redirects in a loop"),
    ("/to-private", "private, loopback or link-local address (10.1.2.3)"),
    ("/to-metadata", "private, loopback or link-local address (169.254.169.254)"),
    ("/to-ftp", "only http and https"),
    ("/image.png", "not an article or a feed (its type is image/png)"),
    ("/big", "larger than the 1 MB limit"),
    ("/slow", "did not answer within 1 s"),
])
def test_bad_links_get_a_clear_message(site, policy, path, message):
    with pytest.raises(FetchError, match=message.replace("(", r"\(").replace(")", r"\)")):
        fetch(f"{site}{path}", policy)


@pytest.mark.parametrize("url", ["http://127.0.0.1:9/", "http://localhost:9/",
                                 "http://[::1]:9/", "http://10.0.0.8/", "http://192.168.1.1/",
                                 "http://169.254.169.254/latest/meta-data/"])
def test_loopback_private_and_link_local_are_refused_by_default(url):
    with pytest.raises(FetchError, match="private, loopback or link-local"):
        fetch(url, FetchPolicy(timeout=1.0))


def test_a_name_that_resolves_to_a_private_address_is_refused():
    def rebinding(host: str, port: int) -> list[str]:
        return ["93.184.215.14", "127.0.0.1"]

    with pytest.raises(FetchError, match="127.0.0.1"):
        fetch("http://news.example.org/a", FetchPolicy(timeout=1.0), resolve=rebinding)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "javascript:alert(1)", "gopher://x/",
                                 "http:///nohost"])
def test_only_http_links_with_a_host(url):
    with pytest.raises(FetchError):
        fetch(url, FetchPolicy(timeout=1.0))


def test_private_addresses_when_the_setting_allows_them(site):
    assert fetch(f"{site}/article.html", FetchPolicy(timeout=1.0, allow_private=True)).body
