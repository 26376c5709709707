"""The filter state of a view: what the sidebar sets and the URL carries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dashboard.errors import ConfigError
from dashboard.models import PRECISIONS, SITE_KINDS


@dataclass(frozen=True)
class Filters:
    """Which mentions count: empty tuples and None mean no restriction."""

    operators: tuple[str, ...] = ()
    hosts: tuple[str, ...] = ()
    alliances: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    precisions: tuple[str, ...] = ()
    text: str = ""
    start: date | None = None
    end: date | None = None
    include_undated: bool = True

    def __post_init__(self) -> None:
        unknown = [k for k in self.kinds if k not in SITE_KINDS]
        if unknown:
            raise ConfigError(f"unknown site kind {unknown[0]!r}: use {', '.join(SITE_KINDS)}")
        wrong = [p for p in self.precisions if p not in PRECISIONS]
        if wrong:
            raise ConfigError(f"unknown precision {wrong[0]!r}: use {', '.join(PRECISIONS)}")
        if self.start and self.end and self.start > self.end:
            raise ConfigError(f"the date range starts ({self.start}) after it ends ({self.end})")

    @property
    def is_empty(self) -> bool:
        """Tell whether nothing is filtered out."""
        return self == Filters()
