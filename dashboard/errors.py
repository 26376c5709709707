"""One exception family for the whole package.

::

    DashboardError
    ├── ConfigError(ValueError)      a setting has a value we cannot use
    ├── ArticleError(ValueError)     an article file cannot be read or holds no text
    ├── DataError(ValueError)        a curated table in data/ is malformed
    ├── CorrectionError(ValueError)  an analyst's correction has a value we cannot use
    ├── GeocodeError(RuntimeError)   a geocoder failed (not "not found": that is None)
    ├── FetchError(RuntimeError)     a URL or feed could not be fetched safely
    ├── StoreError(RuntimeError)     the database refused an operation
    └── AccessError(PermissionError) a write came without an editor
"""

from __future__ import annotations

__all__ = [
    "AccessError",
    "ArticleError",
    "ConfigError",
    "CorrectionError",
    "DashboardError",
    "DataError",
    "FetchError",
    "GeocodeError",
    "StoreError",
]


class DashboardError(Exception):
    """Base of every error this package raises on purpose."""


class ConfigError(DashboardError, ValueError):
    """A setting has a value that cannot be used."""


class ArticleError(DashboardError, ValueError):
    """An article cannot be read, decoded or holds no article text."""


class CorrectionError(DashboardError, ValueError):
    """An analyst's correction names an unknown site or has a value that cannot be used."""


class DataError(DashboardError, ValueError):
    """A curated data file is malformed."""


class GeocodeError(DashboardError, RuntimeError):
    """A geocoder failed to answer."""


class FetchError(DashboardError, RuntimeError):
    """A URL or feed could not be fetched within the fetching policy."""


class StoreError(DashboardError, RuntimeError):
    """The database refused an operation."""


class AccessError(DashboardError, PermissionError):
    """A write was asked for by someone who is not an editor."""
