"""Plain records passed between the pipeline stages."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Precision = Literal["site", "settlement", "region", "country"]
SiteKind = Literal["installation", "meeting_site"]
PRECISIONS: tuple[Precision, ...] = ("site", "settlement", "region", "country")
SITE_KINDS: tuple[SiteKind, ...] = ("installation", "meeting_site")


@dataclass(frozen=True)
class Article:
    """An article's body text and what we know about it."""

    id: str
    source: str
    text: str
    title: str = ""
    url: str | None = None
    published: date | None = None
    date_basis: str | None = None
    language: str | None = None
    outlet: str | None = None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Place:
    """A gazetteer entry: a point with its country, kind and precision."""

    key: str
    name: str
    lat: float
    lon: float
    country: str | None
    kind: str
    precision: Precision
    population: int = 0
    geocoder: str = "gazetteer"
    exact: bool = True


@dataclass(frozen=True)
class Installation:
    """A curated foreign military installation from data/installations/."""

    id: str
    name: str
    aliases: tuple[str, ...]
    operator: str
    host: str
    type: str
    status: str
    opened: str
    closed: str
    lat: float
    lon: float
    precision: Precision
    place: str
    source: str


@dataclass(frozen=True)
class Mention:
    """One sentence of an article that puts an installation or a meeting at a place."""

    kind: SiteKind
    name: str
    quote: str
    start: int
    end: int
    place: Place
    operator: str | None = None
    host: str | None = None
    countries: tuple[str, ...] = ()
    date: date | None = None
    status: str | None = None
    installation_type: str | None = None
    installation_id: str | None = None
    alliances: tuple[str, ...] = field(default=())

    @property
    def site_id(self) -> str:
        """Name the site this mention belongs to: one marker per site."""
        if self.installation_id:
            return f"installation:{self.installation_id}"
        if self.kind == "installation":
            return f"installation:{self.operator or 'unknown'}:{self.place.key}"
        return f"meeting:{self.place.key}"


@dataclass(frozen=True)
class UnresolvedPlace:
    """A place name extraction saw near a base or meeting phrase but could not place."""

    name: str
    start: int
    end: int
    reason: str
    sentence_start: int
    sentence_end: int
    sentence: str
