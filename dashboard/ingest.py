"""Read article files (.txt, .md, .html) into Articles: body text plus metadata.

Metadata comes from a sidecar ``<file>.json`` (or ``<stem>.json``), from front matter
(``---`` key: value lines ``---``) or, for HTML, from the page itself.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import feedparser
import py3langid
import trafilatura
from charset_normalizer import from_bytes
from pypdf import PdfReader
from pypdf.errors import PdfReadError as PdfError

from dashboard.boilerplate import clean_text, guess_title, strip_markdown
from dashboard.dates import find_publication_date, parse_date
from dashboard.errors import ArticleError
from dashboard.fetch import Fetched
from dashboard.models import Article

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".pdf")
MAX_BYTES = 10 * 1024 * 1024
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)
_META_KEYS = ("title", "url", "source", "outlet", "published", "date", "language")
#: Front-matter keys other tools and languages use for the same fields (lower case, no "-_ ").
_KEY_ALIASES = {
    "pubdate": "published", "publishdate": "published", "publishedat": "published",
    "datepublished": "published", "publicationdate": "published", "publishedon": "published",
    "fecha": "published", "datum": "published",
    "headline": "title", "titulo": "title", "titre": "title", "titel": "title",
    "publication": "outlet", "publisher": "outlet", "medio": "outlet", "sitename": "outlet",
    "site": "outlet", "link": "url", "permalink": "url", "canonical": "url", "lang": "language",
}


def list_article_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Expand folders into the article files they hold; files are passed through."""
    for path in paths:
        if path.is_dir():
            yield from _walk_folder(path)
        else:
            yield path


def _walk_folder(folder: Path) -> Iterator[Path]:
    """Yield a folder's article files in path order, holding one folder's listing at a time."""
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        path = folder / entry.name
        if entry.is_dir(follow_symlinks=False):
            yield from _walk_folder(path)
        elif path.suffix.lower() in SUFFIXES:
            yield path


def decode_bytes(raw: bytes, name: str) -> str:
    """Decode text in whatever encoding it came in; refuse binary data."""
    if not raw.strip():
        raise ArticleError("the file is empty")
    if b"\x00" in raw[:4096]:
        raise ArticleError("this is binary data, not text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        best = from_bytes(raw).best()
        if best is None:
            raise ArticleError("the text encoding could not be recognised") from None
        return str(best)


def read_sidecar(path: Path) -> dict[str, Any]:
    """Read ``<file>.json`` or ``<stem>.json`` next to an article, if there is one."""
    for candidate in (path.with_name(path.name + ".json"), path.with_suffix(".json")):
        if candidate.exists() and candidate != path:
            try:
                data = json.loads(candidate.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise ArticleError(f"{candidate.name}: metadata is not valid JSON: {exc}") from exc
            if not isinstance(data, dict):
                raise ArticleError(f"{candidate.name}: metadata must be a JSON object")
            return data
    return {}


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Separate ``key: value`` front matter from the text that follows it."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    meta: dict[str, str] = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        name = _KEY_ALIASES.get(re.sub(r"[\s_-]", "", key.strip().lower()), key.strip().lower())
        if sep and name in _META_KEYS and value.strip():
            meta.setdefault(name, value.strip().strip("'\""))
    return meta, text[match.end():]


def _html_body(html: str, name: str) -> tuple[str, dict[str, str]]:
    """Extract the article body and metadata; retry for recall before giving up."""
    data: dict[str, Any] = {}
    for precise in (True, False):
        document = trafilatura.bare_extraction(
            html, include_comments=False, include_tables=False, with_metadata=True,
            favor_precision=precise, favor_recall=not precise)
        if document is not None:
            data = document.as_dict() if hasattr(document, "as_dict") else dict(document)
            if len((data.get("text") or "").split()) >= 15:
                break
    text = data.get("text") or ""
    if len(text.split()) < 15:
        raise ArticleError("no article text was found in this HTML page")
    meta = {k: str(data[k]) for k in ("title", "url", "date", "sitename") if data.get(k)}
    return text, meta


def _published(meta: dict[str, Any]) -> date | None:
    value = meta.get("published") or meta.get("date")
    if not value:
        return None
    if isinstance(value, date):
        return value
    parsed = parse_date(str(value))
    if parsed is None:
        raise ArticleError(f"metadata date {value!r} is not a date")
    return parsed


def _read_decoded(path: Path) -> str:
    """Read a file within the size limit and decode it."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ArticleError(f"larger than the {MAX_BYTES // 2**20} MB limit")
        raw = path.read_bytes()
    except OSError as exc:
        raise ArticleError(f"cannot be read: {exc.strerror or exc}") from exc
    return decode_article(raw, path.name)


def decode_article(raw: bytes, name: str) -> str:
    """Return the text of an article file's bytes: decoded text, or a PDF's text layer."""
    if not name.lower().endswith(".pdf"):
        return decode_bytes(raw, name)
    if not raw.startswith(b"%PDF"):
        raise ArticleError("this is not a PDF file")
    try:
        reader = PdfReader(io.BytesIO(raw))
        text = "\n\n".join((page.extract_text() or "").strip() for page in reader.pages)
    except PdfError as exc:
        raise ArticleError(f"the PDF could not be read: {exc}") from exc
    if len(text.split()) < 5:
        raise ArticleError("this PDF has no text layer (a scan?): nothing to read")
    return text


def detect_language(text: str) -> str:
    """Return the ISO 639-1 code of the language the text is written in."""
    return str(py3langid.classify(text[:5000])[0])


def read_fetched(page: Fetched) -> Article:
    """Read an article fetched from the web (HTML, PDF or plain text)."""
    suffix = {"application/pdf": ".pdf", "text/plain": ".txt"}.get(page.content_type, ".html")
    name = "page" + suffix
    return parse_article(decode_article(page.body, name), name, {"url": page.url}, page.url)


def feed_links(feed: Fetched) -> list[str]:
    """Return the article links of an RSS or Atom feed, newest first as the feed lists them."""
    parsed = feedparser.parse(feed.body)
    links = [str(entry.get("link")) for entry in parsed.entries if entry.get("link")]
    if not links:
        raise ArticleError(f"{feed.url} is not an RSS or Atom feed with article links")
    return list(dict.fromkeys(links))


def read_text_file(path: Path) -> str:
    """Read a file's text as it is (HTML reduced to its article text), for offset-exact work."""
    text = _read_decoded(path)
    if path.suffix.lower() in (".html", ".htm"):
        return _html_body(text, path.name)[0]
    return text


def read_article(path: Path) -> Article:
    """Read one article file: body, title, URL, outlet and publication date."""
    if path.suffix.lower() not in SUFFIXES:
        raise ArticleError(f"unsupported file type {path.suffix!r} (use {', '.join(SUFFIXES)})")
    sidecar = {k: v for k, v in read_sidecar(path).items() if v not in (None, "")}
    return parse_article(_read_decoded(path), path.name, sidecar, str(path))


def read_upload(raw: bytes, name: str, meta: dict[str, Any] | None = None) -> Article:
    """Read an article a user uploaded or pasted (``name`` gives its type)."""
    if Path(name).suffix.lower() not in SUFFIXES:
        raise ArticleError(f"unsupported file type {Path(name).suffix!r} "
                           f"(use {', '.join(SUFFIXES)})")
    if len(raw) > MAX_BYTES:
        raise ArticleError(f"larger than the {MAX_BYTES // 2**20} MB limit")
    given = {k: v for k, v in (meta or {}).items() if v not in (None, "")}
    return parse_article(decode_article(raw, name), name, given, f"upload:{name}")


def parse_article(text: str, name: str, meta: dict[str, Any], fallback_source: str) -> Article:
    """Turn decoded text into an Article; ``meta`` (sidecar or form) overrides the page's."""
    found: dict[str, Any] = {}
    suffix = Path(name).suffix.lower()
    if suffix in (".html", ".htm"):
        extracted, page_meta = _html_body(text, name)
        found.update(page_meta)
        cleaned = clean_text(extracted)  # lists and comments that slipped past the extractor
    else:
        front, text = split_front_matter(text)
        found.update(front)
        if suffix in (".md", ".markdown"):
            text = strip_markdown(text)
        cleaned = clean_text(text)
    found.update(meta)
    return make_article(cleaned.body, cleaned.removed, found,
                        source=str(found.get("url") or fallback_source))


def fingerprint(body: str) -> str:
    """Identify an article by its running text, so syndicated copies share one id.

    Short lines (bylines, datelines, captions, "Reuters") differ between outlets that carry
    the same wire story; case and punctuation too. Only the sentences of the story count.
    """
    lines = [line for line in body.splitlines() if len(line.split()) >= 8] or [body]
    words = re.sub(r"[\W_]+", " ", " ".join(lines).lower()).split()
    return hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()[:16]


def make_article(body: str, removed: str, meta: dict[str, Any], source: str) -> Article:
    """Build an Article from cleaned text and metadata, dating it when metadata does not."""
    if len(body.split()) < 5:
        raise ArticleError("no article text left after removing page furniture")
    published = _published(meta)
    basis = "metadata" if published else None
    if published is None:
        published, basis = find_publication_date(body, removed, meta.get("url"))
    return Article(id=fingerprint(body), source=source, text=body,
                   title=str(meta.get("title") or guess_title(body)),
                   url=meta.get("url") or None, published=published, date_basis=basis,
                   language=meta.get("language") or detect_language(body),
                   outlet=meta.get("outlet") or meta.get("sitename") or None)
