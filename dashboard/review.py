"""What needs a human: coarse places, installations without an operator, unknown bases."""

from __future__ import annotations

from collections.abc import Iterable

from dashboard.store import SiteRow


def review_reasons(site: SiteRow) -> list[str]:
    """Say why an analyst should look at a site (empty when nothing stands out)."""
    reasons = []
    if site.precision in ("region", "country"):
        reasons.append(f"placed only at {site.precision} level")
    if site.kind == "installation" and not site.operator:
        reasons.append("installation without an operator")
    if site.kind == "installation" and not site.installation_id:
        reasons.append("not a known installation: possible false positive")
    if site.geocoder not in ("knowledge-base", "gazetteer"):
        reasons.append(f"placed by {site.geocoder}")
    return reasons


def review_queue(sites: Iterable[SiteRow]) -> list[tuple[SiteRow, list[str]]]:
    """Return the sites that need a look, most reasons first."""
    flagged = [(site, review_reasons(site)) for site in sites]
    return sorted((pair for pair in flagged if pair[1]), key=lambda p: (-len(p[1]), p[0].name))
