"""Fetch web pages and feeds safely on a shared server.

Only http(s); every hop's host is resolved and must be a public address (no loopback,
private, link-local, multicast or reserved ranges) unless the policy allows it; the request
goes to the address that was checked, so a second DNS answer cannot redirect it; redirects,
size and time are limited.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import urllib3
from urllib3.exceptions import HTTPError as Urllib3Error

from dashboard.errors import FetchError

Resolver = Callable[[str, int], list[str]]
PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/pdf")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml",
              "application/rdf+xml", "application/feed+json")
_REDIRECTS = (301, 302, 303, 307, 308)


@dataclass(frozen=True)
class FetchPolicy:
    """Limits for fetching: what may be reached, how long and how much."""

    timeout: float = 10.0
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    allow_private: bool = False
    #: ``host:port`` pairs reachable even on private addresses (tests, an intranet mirror).
    trusted: frozenset[str] = field(default_factory=frozenset)
    user_agent: str = "foreign-presence-dashboard"


@dataclass(frozen=True)
class Fetched:
    """A fetched resource: where it ended up, its type and its bytes."""

    url: str
    content_type: str
    body: bytes


def resolve_host(host: str, port: int) -> list[str]:
    """Return every address the host name resolves to."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise FetchError(f"the host {host!r} could not be found ({exc.strerror})") from exc
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def _check(url: str, policy: FetchPolicy, resolve: Resolver) -> tuple[str, str, int, str]:
    """Return (scheme, host, port, address) for a URL we may fetch, or refuse it."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"only http and https links can be fetched, not {url!r}")
    host = parts.hostname
    if not host:
        raise FetchError(f"the link {url!r} has no host")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as exc:
        raise FetchError(f"the link {url!r} has a bad port") from exc
    addresses = resolve(host, port)
    if not addresses:
        raise FetchError(f"the host {host!r} has no address")
    if policy.allow_private or f"{host}:{port}" in policy.trusted:
        return parts.scheme, host, port, addresses[0]
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%")[0])
        if not ip.is_global or ip.is_multicast:
            raise FetchError(f"{host} points to a private, loopback or link-local address "
                             f"({address}); such links are refused on a shared server")
    return parts.scheme, host, port, addresses[0]


def _open(url: str, policy: FetchPolicy, resolve: Resolver,
          deadline: float) -> urllib3.BaseHTTPResponse:
    scheme, host, port, address = _check(url, policy, resolve)
    remaining = max(deadline - time.monotonic(), 0.1)
    timeout = urllib3.Timeout(connect=min(policy.timeout, remaining),
                              read=min(policy.timeout, remaining))
    if scheme == "https":
        pool: urllib3.HTTPConnectionPool = urllib3.HTTPSConnectionPool(
            address, port, timeout=timeout, retries=False, server_hostname=host,
            assert_hostname=host, cert_reqs="CERT_REQUIRED")
    else:
        pool = urllib3.HTTPConnectionPool(address, port, timeout=timeout, retries=False)
    parts = urlsplit(url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    headers = {"Host": parts.netloc.rsplit("@", 1)[-1], "User-Agent": policy.user_agent,
               "Accept": "text/html,application/xhtml+xml,application/rss+xml,"
                         "application/atom+xml,application/pdf,text/plain;q=0.9,*/*;q=0.5"}
    try:
        return pool.urlopen("GET", target, headers=headers, redirect=False,
                            preload_content=False, assert_same_host=False)
    except urllib3.exceptions.TimeoutError as exc:
        raise FetchError(f"{url} did not answer within {policy.timeout:g} s") from exc
    except Urllib3Error as exc:
        raise FetchError(f"{url} could not be fetched: {exc}") from exc


def _read_body(response: urllib3.BaseHTTPResponse, url: str, policy: FetchPolicy,
               deadline: float) -> bytes:
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > policy.max_bytes:
        raise FetchError(f"{url} is larger than the {policy.max_bytes // 2**20} MB limit")
    chunks, size = [], 0
    try:
        for chunk in response.stream(64 * 1024):
            size += len(chunk)
            if size > policy.max_bytes:
                raise FetchError(f"{url} is larger than the {policy.max_bytes // 2**20} MB limit")
            if time.monotonic() > deadline:
                raise FetchError(f"{url} took longer than {policy.timeout:g} s to download")
            chunks.append(chunk)
    except urllib3.exceptions.TimeoutError as exc:
        raise FetchError(f"{url} stopped answering (timeout {policy.timeout:g} s)") from exc
    except Urllib3Error as exc:
        raise FetchError(f"{url} could not be read: {exc}") from exc
    finally:
        response.release_conn()
    return b"".join(chunks)


def fetch(url: str, policy: FetchPolicy, resolve: Resolver = resolve_host,
          accept: tuple[str, ...] = PAGE_TYPES + FEED_TYPES) -> Fetched:
    """Fetch a URL within the policy, following redirects that stay within it."""
    deadline = time.monotonic() + policy.timeout * 2
    seen: set[str] = set()
    current = url.strip()
    for _ in range(policy.max_redirects + 1):
        seen.add(current)
        response = _open(current, policy, resolve, deadline)
        if response.status in _REDIRECTS:
            location = response.headers.get("Location", "")
            response.release_conn()
            if not location:
                raise FetchError(f"{current} redirects without saying where")
            current = urljoin(current, location)
            if current in seen:
                raise FetchError(f"{url} redirects in a loop (back to {current})")
            continue
        if response.status >= 400:
            response.release_conn()
            raise FetchError(f"{current} answered {response.status} {response.reason or ''}"
                             .strip())
        kind = (response.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if kind and not any(kind == a for a in accept):
            response.release_conn()
            raise FetchError(f"{current} is not an article or a feed (its type is {kind})")
        return Fetched(current, kind, _read_body(response, current, policy, deadline))
    raise FetchError(f"{url} redirects more than {policy.max_redirects} times")
