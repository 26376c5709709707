"""Reading and extracting one article, unless the store already holds it unchanged.

This is the part of ingestion that worker processes run: it needs the resources and a map
of what each stored source gave, and returns an ``Extracted`` outcome for the main process
to save. Nothing here touches the database.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from functools import partial
from pathlib import Path

from dashboard.context import Resources
from dashboard.errors import DashboardError
from dashboard.extract import find_mentions
from dashboard.ingest import read_article
from dashboard.models import Article, Mention, UnresolvedPlace
from dashboard.unresolved import find_unresolved


@dataclass(frozen=True)
class Extracted:
    """One article read and its mentions found (in a worker), waiting to be saved."""

    label: str
    article: Article | None = None
    found: tuple[Mention, ...] = ()
    error: str | None = None
    unchanged: bool = False
    #: Place names near a base or meeting phrase that could not be placed (for review).
    unresolved: tuple[UnresolvedPlace, ...] = ()


@dataclass(frozen=True)
class ExtractContext:
    """What reading and extracting needs: the resources and what the store already holds."""

    resources: Resources
    #: Each stored source's state (see ``source_state``): an unchanged file is not extracted.
    known: Mapping[str, str] = field(default_factory=dict)


def source_state(article_id: str, title: str | None, url: str | None, outlet: str | None,
                 published: date | None) -> str:
    """Summarise what a source gave: its text's id and the metadata stored with it."""
    parts = (article_id, title or "", url or "", outlet or "", str(published or ""))
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def _state_of(article: Article) -> str:
    return source_state(article.id, article.title, article.url, article.outlet,
                        article.published)


def extract_article(label: str, read: Callable[[], Article],
                    context: ExtractContext) -> Extracted:
    """Read one article and find its mentions; a failure becomes the outcome's error."""
    try:
        article = read()
        if context.known.get(article.source) == _state_of(article):
            return Extracted(label, replace(article, text=""), unchanged=True)
        found = tuple(find_mentions(article, context.resources))
        unresolved = tuple(find_unresolved(article, found, context.resources))
    except DashboardError as exc:
        return Extracted(label, error=str(exc))
    except Exception as exc:  # one broken article must not stop the batch
        return Extracted(label, error=f"internal error ({type(exc).__name__}: {exc})")
    return Extracted(label, article, found, unresolved=unresolved)


def extract_file(context: ExtractContext, path: Path) -> Extracted:
    """Read and extract one article file (the task a worker process runs)."""
    if not path.exists():
        return Extracted(str(path), error="no such file or folder")
    return extract_article(str(path), partial(read_article, path), context)
