"""A small web server on loopback with the pages the fetching tests need."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

ARTICLE = ("<html><head><title>Kant base to grow</title>"
           "<meta property='article:published_time' content='2023-05-09T08:00:00Z'></head>"
           "<body><nav>Home | World | Defence</nav><article><h1>Kant base to grow</h1>"
           "<p>Russia will expand the air base in the town of Kant, the Kyrgyz defence "
           "ministry said on Tuesday, adding hangars and a longer runway for transport "
           "aircraft by the end of next year.</p><p>Officials gave no figure for the cost "
           "of the work, which follows talks in Moscow between the two presidents.</p>"
           "</article><footer>Contact us</footer></body></html>")
FEED = ("<?xml version='1.0'?><rss version='2.0'><channel><title>Defence</title>"
        "<item><title>Kant</title><link>{base}/article.html</link></item>"
        "<item><title>Again</title><link>{base}/article.html</link></item>"
        "<item><title>Gone</title><link>{base}/missing</link></item></channel></rss>")


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def send(self, status: int, kind: str, body: bytes, **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", headers.pop("length", str(len(body))))
        for key, value in headers.items():
            self.send_header(key.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
        base = f"http://127.0.0.1:{self.server.server_port}"
        routes = {
            "/article.html": lambda: self.send(200, "text/html; charset=utf-8", ARTICLE.encode()),
            "/feed.xml": lambda: self.send(200, "application/rss+xml",
                                           FEED.format(base=base).encode()),
            "/moved": lambda: self.send(301, "text/plain", b"", Location="/article.html"),
            "/loop": lambda: self.send(302, "text/plain", b"", Location="/loop2"),
            "/loop2": lambda: self.send(302, "text/plain", b"", Location="/loop"),
            "/to-private": lambda: self.send(302, "text/plain", b"",
                                             Location="http://10.1.2.3/secret"),
            "/to-metadata": lambda: self.send(302, "text/plain", b"",
                                              Location="http://169.254.169.254/latest/"),
            "/to-ftp": lambda: self.send(302, "text/plain", b"", Location="ftp://x.org/a"),
            "/image.png": lambda: self.send(200, "image/png", b"\x89PNG\r\n"),
            "/big": lambda: self.send(200, "text/html", b"<html>", length=str(50 * 2**20)),
        }
        if self.path == "/slow":
            time.sleep(2)
            self.send(200, "text/html", ARTICLE.encode())
        elif self.path in routes:
            routes[self.path]()
        else:
            self.send(404, "text/html", b"<h1>Not found</h1>")


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
