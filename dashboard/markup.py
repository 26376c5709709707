"""Make untrusted article text inert wherever it is rendered."""

from __future__ import annotations

import html
import re
from urllib.parse import urlparse

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def escape_html(text: str) -> str:
    """Escape text for HTML, including inside a JavaScript template literal."""
    escaped = html.escape(text, quote=True)
    return escaped.replace("`", "&#96;").replace("$", "&#36;").replace("\\", "&#92;")


def escape_markdown(text: str) -> str:
    """Escape text so that Markdown renders it literally (no links, no emphasis, no HTML)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text).replace("\n", " ")


def safe_url(url: str | None) -> str | None:
    """Return the URL when it is plain http(s), else None (no javascript: or data: links)."""
    if not url:
        return None
    parsed = urlparse(url.strip())
    if parsed.scheme in ("http", "https") and parsed.netloc:
        return url.strip()
    return None
