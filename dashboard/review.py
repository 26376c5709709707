"""What needs a human, and the small decisions the review forms make.

Coarse places, installations without an operator, unknown bases; a map click turned into
coordinates; the span of words an analyst picks in a sentence.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from dashboard.sentences import Sentence
from dashboard.store import SiteRow

#: Geocoders whose places need no second look: curated, offline, or placed by an analyst.
TRUSTED_GEOCODERS = ("knowledge-base", "gazetteer", "analyst")


def review_reasons(site: SiteRow) -> list[str]:
    """Say why an analyst should look at a site (empty when nothing stands out)."""
    reasons = []
    if site.precision in ("region", "country"):
        reasons.append(f"placed only at {site.precision} level")
    if site.kind == "installation" and not site.operator:
        reasons.append("installation without an operator")
    if site.kind == "installation" and not site.installation_id:
        reasons.append("not a known installation: possible false positive")
    if site.geocoder not in TRUSTED_GEOCODERS:
        reasons.append(f"placed by {site.geocoder}")
    return reasons


def review_queue(sites: Iterable[SiteRow]) -> list[tuple[SiteRow, list[str]]]:
    """Return the sites that need a look, most reasons first."""
    flagged = [(site, review_reasons(site)) for site in sites]
    return sorted((pair for pair in flagged if pair[1]), key=lambda p: (-len(p[1]), p[0].name))


def clicked_point(returned: Mapping[str, Any] | None) -> tuple[float, float] | None:
    """Read ``(lat, lon)`` from what st_folium returned for a click (None without one)."""
    click = (returned or {}).get("last_clicked") or {}
    try:
        lat, lon = float(click["lat"]), float(click["lng"])
    except (KeyError, TypeError, ValueError):
        return None
    if not (math.isfinite(lat) and math.isfinite(lon)) or abs(lat) > 90:
        return None
    # Leaflet keeps counting longitude past the antimeridian when the world wraps.
    return round(lat, 6), round((lon + 180) % 360 - 180, 6)


def sentence_at(sentences: Sequence[Sentence], offset: int) -> int | None:
    """Return the index of the sentence holding a character offset (None if none does)."""
    return next((i for i, s in enumerate(sentences) if s.start <= offset < s.end), None)


def quote_span(sentence: Sentence, words: str = "") -> tuple[int, int] | None:
    """Return the article span of some words in a sentence (the whole sentence without any).

    None when the words are not in the sentence.
    """
    words = words.strip()
    if not words:
        return sentence.start, sentence.end
    at = sentence.text.find(words)
    if at < 0:
        at = sentence.text.lower().find(words.lower())
    if at < 0:
        return None
    return sentence.start + at, sentence.start + at + len(words)
