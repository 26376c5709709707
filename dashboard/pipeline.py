"""The whole path, callable from the CLI and the app: read, extract, geocode, store."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from dashboard.access import Editor, require_editor
from dashboard.alliances import AllianceTable, read_memberships
from dashboard.context import Resources
from dashboard.countries import (
    build_country_index,
    language_name,
    read_centroids,
    read_country_terms,
)
from dashboard.errors import AccessError, DashboardError
from dashboard.extract import compile_kb_pattern, find_mentions
from dashboard.fetch import Fetched, FetchPolicy, fetch
from dashboard.gazetteer import open_gazetteer
from dashboard.geocode import GEOCODER_NAMES, PlaceResolver, make_geocoder
from dashboard.ingest import (
    feed_links,
    list_article_files,
    read_article,
    read_fetched,
    read_upload,
)
from dashboard.knowledge import build_knowledge_base, read_installations
from dashboard.leaders import read_leaders
from dashboard.models import Article
from dashboard.naturalearth import read_countries
from dashboard.settings import Settings
from dashboard.store import Database, save_article

Progress = Callable[[int, int, str], None]
#: An uploaded or pasted article: its file name, its bytes and the metadata typed with it.
Upload = tuple[str, bytes, dict[str, Any]]


@dataclass(frozen=True)
class FileResult:
    """What happened to one input file."""

    path: str
    ok: bool
    message: str
    mentions: int = 0
    article_id: str | None = None
    language: str | None = None


@dataclass
class IngestReport:
    """Per-file results of one ingest run."""

    results: list[FileResult] = field(default_factory=list)

    @property
    def failed(self) -> list[FileResult]:
        """Return the files that could not be ingested."""
        return [r for r in self.results if not r.ok]


def load_resources(settings: Settings) -> Resources:
    """Load curated tables and the gazetteer, and build the configured geocoder."""
    shapes = list(read_countries())
    countries = build_country_index(
        shapes, read_country_terms(settings.data_dir / "country_terms.csv"),
        read_centroids(settings.data_dir / "country_points.csv"))
    gazetteer = open_gazetteer(settings.cache_dir, settings.data_dir, shapes)
    knowledge = build_knowledge_base(read_installations(settings.data_dir / "installations"))
    resolver = PlaceResolver(make_geocoder(settings, gazetteer), GEOCODER_NAMES[settings.geocoder])
    return Resources(
        countries=countries,
        leaders=read_leaders(settings.data_dir / "leaders.csv"),
        knowledge=knowledge,
        alliances=AllianceTable(tuple(read_memberships(settings.data_dir / "alliances.csv"))),
        resolver=resolver,
        kb_pattern=compile_kb_pattern(knowledge, gazetteer.has_name),
    )


def ingest_one(engine: Database, label: str, read: Callable[[], Article],
               resources: Resources, editor: Editor) -> FileResult:
    """Read, extract and store one article; a failure becomes a result, never an exception."""
    try:
        article = read()
        found = find_mentions(article, resources)
        count = save_article(engine, article, found, editor=editor)
    except AccessError:
        raise
    except DashboardError as exc:
        return FileResult(label, False, str(exc))
    except Exception as exc:  # one broken article must not stop the batch
        return FileResult(label, False, f"internal error ({type(exc).__name__}: {exc})")
    message = f"{count} mentions"
    if article.language and article.language != "en":
        name = language_name(article.language)
        message += f"; the article is in {name} ({article.language}): extraction reads English"
    return FileResult(label, True, message, count, article.id, article.language)


def ingest_paths(engine: Database, paths: Iterable[Path], resources: Resources,
                 progress: Progress | None = None, *, editor: Editor | None) -> IngestReport:
    """Ingest files and folders; a file that fails is reported and the rest go in."""
    checked = require_editor(editor)
    report = IngestReport()
    files = list(list_article_files(list(paths)))
    for number, path in enumerate(files, start=1):
        if progress:
            progress(number, len(files), str(path))
        if not path.exists():
            report.results.append(FileResult(str(path), False, "no such file or folder"))
            continue
        report.results.append(ingest_one(engine, str(path), partial(read_article, path),
                                         resources, checked))
    return report


def ingest_uploads(engine: Database, uploads: Sequence[Upload], resources: Resources,
                   progress: Progress | None = None, *, editor: Editor | None) -> IngestReport:
    """Ingest uploaded or pasted articles: ``(name, content, metadata)`` each."""
    checked = require_editor(editor)
    report = IngestReport()
    for number, (name, raw, meta) in enumerate(uploads, start=1):
        if progress:
            progress(number, len(uploads), name)
        report.results.append(ingest_one(engine, name, partial(read_upload, raw, name, meta),
                                         resources, checked))
    return report


def ingest_urls(engine: Database, urls: Sequence[str], resources: Resources,
                fetcher: Callable[[str], Fetched], progress: Progress | None = None, *,
                editor: Editor | None) -> IngestReport:
    """Fetch and ingest web pages; a page that fails is reported and the rest go in."""
    checked = require_editor(editor)
    report = IngestReport()
    for number, url in enumerate(urls, start=1):
        if progress:
            progress(number, len(urls), url)
        def read(link: str = url) -> Article:
            return read_fetched(fetcher(link))

        report.results.append(ingest_one(engine, url, read, resources, checked))
    return report


def feed_articles(feeds: Sequence[str], fetcher: Callable[[str], Fetched]
                  ) -> tuple[list[str], list[FileResult]]:
    """Return the article links of some feeds, and a failed result for each unreadable feed."""
    links: list[str] = []
    failures: list[FileResult] = []
    for feed in feeds:
        try:
            links.extend(feed_links(fetcher(feed)))
        except DashboardError as exc:
            failures.append(FileResult(feed, False, str(exc)))
    return list(dict.fromkeys(links)), failures


def make_fetcher(settings: Settings) -> Callable[[str], Fetched]:
    """Return the page fetcher the settings allow (public addresses only by default)."""
    policy = FetchPolicy(allow_private=settings.allow_private_urls,
                         user_agent=settings.user_agent)
    return partial(fetch, policy=policy)
