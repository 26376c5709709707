"""Map foreign military installations and leader meetings reported in news articles."""

from __future__ import annotations

__version__ = "0.1.0"
