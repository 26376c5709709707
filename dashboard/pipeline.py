"""The whole path, callable from the CLI and the app: read, extract, geocode, store."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping, Sequence
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
from dashboard.errors import AccessError, ConfigError, DashboardError
from dashboard.extract import compile_kb_pattern
from dashboard.fetch import Fetched, FetchPolicy, fetch
from dashboard.gazetteer import open_gazetteer, read_capitals
from dashboard.geocode import GEOCODER_NAMES, PlaceResolver, make_geocoder
from dashboard.gloss import LANGUAGES as GLOSSED
from dashboard.ingest import (
    feed_links,
    list_article_files,
    read_fetched,
    read_upload,
)
from dashboard.intake import (
    ExtractContext,
    Extracted,
    extract_article,
    extract_file,
    source_state,
)
from dashboard.knowledge import build_knowledge_base, read_installations
from dashboard.leaders import read_leaders
from dashboard.models import Article
from dashboard.naturalearth import read_countries
from dashboard.parallel import map_ordered
from dashboard.settings import Settings
from dashboard.store import (
    Database,
    StoredSource,
    save_articles,
    stored_sources,
)

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
        read_centroids(settings.data_dir / "country_points.csv"), read_capitals())
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


def worker_context(settings: Settings, known: Mapping[str, str]) -> ExtractContext:
    """Load a worker process's resources once."""
    return ExtractContext(load_resources(settings), known)


def _saved(label: str, article: Article, count: int, message: str = "") -> FileResult:
    message = message or f"{count} mentions"
    if article.language and article.language != "en":
        name = language_name(article.language)
        message += f"; the article is in {name} ({article.language}): " + (
            "read through a word-for-word English gloss" if article.language in GLOSSED
            else "extraction reads English, and Spanish, Portuguese, French, Italian and German "
                 "through a gloss")
    return FileResult(label, True, message, count, article.id, article.language)


def store_one(engine: Database, outcome: Extracted, editor: Editor) -> FileResult:
    """Save one extracted article; a failure becomes a result, never an exception."""
    if outcome.article is None:
        return FileResult(outcome.label, False, outcome.error or "nothing was read")
    try:
        count = save_articles(engine, [(outcome.article, outcome.found)], editor=editor,
                              unresolved={outcome.article.id: outcome.unresolved})[0]
    except AccessError:
        raise
    except DashboardError as exc:
        return FileResult(outcome.label, False, str(exc))
    except Exception as exc:  # one broken article must not stop the batch
        return FileResult(outcome.label, False,
                          f"internal error ({type(exc).__name__}: {exc})")
    return _saved(outcome.label, outcome.article, count)


def ingest_one(engine: Database, label: str, read: Callable[[], Article],
               resources: Resources, editor: Editor) -> FileResult:
    """Read, extract and store one article; a failure becomes a result, never an exception."""
    return store_one(engine, extract_article(label, read, ExtractContext(resources)), editor)


def store_batch(engine: Database, batch: Sequence[Extracted], stored: Mapping[str, StoredSource],
                editor: Editor) -> list[FileResult]:
    """Save a batch of outcomes in one transaction (one by one if it fails); report each."""
    fresh = [o for o in batch if o.article is not None and not o.unchanged]
    counts: dict[int, int] = {}
    try:
        saved = save_articles(engine, [(o.article, o.found) for o in fresh if o.article],
                              editor=editor, unresolved={o.article.id: o.unresolved
                                                         for o in fresh if o.article}
                              ) if fresh else []
        counts = {id(o): n for o, n in zip(fresh, saved, strict=True)}
    except AccessError:
        raise
    except Exception:  # noqa: BLE001 - saving them one by one names the article that fails
        counts = {}
    results = []
    for outcome in batch:
        article = outcome.article
        if article is None or not (outcome.unchanged or id(outcome) in counts):
            results.append(store_one(engine, outcome, editor))
        elif outcome.unchanged:
            known = stored.get(article.source)
            results.append(_saved(outcome.label, article, known.mentions if known else 0,
                                  "unchanged"))
        else:
            results.append(_saved(outcome.label, article, counts[id(outcome)]))
    return results


#: Articles saved per transaction: SQLite commits are costly, a batch is one commit.
BATCH_SIZE = 64
#: Below this many files the workers' start-up (loading the gazetteer) costs more than it saves.
POOL_MIN_FILES = 200


def ingest_paths(engine: Database, paths: Iterable[Path], resources: Resources,
                 progress: Progress | None = None, *, editor: Editor | None,
                 workers: int | None = 1, settings: Settings | None = None) -> IngestReport:
    """Ingest files and folders; a file that fails is reported and the rest go in.

    A file whose source is stored with the same text and metadata is reported unchanged and
    not extracted again. ``workers`` processes read and extract (``None``: one per core for
    large inputs), each loading its resources from ``settings``; this process saves.
    """
    checked = require_editor(editor)
    paths = list(paths)
    total = sum(1 for _ in list_article_files(paths))
    if workers is None:
        workers = (os.cpu_count() or 1) if total >= POOL_MIN_FILES else 1
    if workers > 1 and settings is None:
        raise ConfigError("ingesting with several workers needs the settings to load from")
    stored = stored_sources(engine)
    known = {source: source_state(s.article_id, s.title, s.url, s.outlet, s.published)
             for source, s in stored.items()}
    outcomes = map_ordered(extract_file, list_article_files(paths), workers=workers,
                           state=partial(ExtractContext, resources, known),
                           load=worker_context, args=(settings, known))
    report = IngestReport()
    batch: list[Extracted] = []
    for number, outcome in enumerate(outcomes, start=1):
        if progress:
            progress(number, total, outcome.label)
        batch.append(outcome)
        if sum(not o.unchanged for o in batch) >= BATCH_SIZE or len(batch) >= 4 * BATCH_SIZE:
            report.results.extend(store_batch(engine, batch, stored, checked))
            batch = []
    report.results.extend(store_batch(engine, batch, stored, checked))
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
