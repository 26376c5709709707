"""How a site looks on the map: colour by kind, fill by status, outline by precision."""

from __future__ import annotations

from typing import Any

from dashboard.markup import escape_html
from dashboard.store import SiteRow

KIND_STYLE = {
    "installation": {"color": "#b2182b", "fill_color": "#ef3b2c", "label": "Installation"},
    "meeting_site": {"color": "#08519c", "fill_color": "#4292c6", "label": "Meeting site"},
}
#: Outline by precision: solid and heavy for an exact site, dashed or dotted when coarse.
PRECISION_STYLE: dict[str, dict[str, Any]] = {
    "site": {"weight": 3, "dash_array": None, "label": "exact site"},
    "settlement": {"weight": 1.5, "dash_array": None, "label": "settlement"},
    "region": {"weight": 2, "dash_array": "4 3", "label": "region only"},
    "country": {"weight": 2, "dash_array": "1 4", "label": "country only"},
}
#: Fill by status: planned sites are hollow, closed ones grey.
STATUS_STYLE: dict[str, dict[str, Any]] = {
    "active": {"fill_opacity": 0.8, "grey": False, "label": "active"},
    "planned": {"fill_opacity": 0.1, "grey": False, "label": "planned"},
    "closed": {"fill_opacity": 0.8, "grey": True, "label": "closed"},
}
GREY = "#8c8c8c"
KNOWN_IN_NEWS = "#252525"
KNOWN_QUIET = "#bdbdbd"


def site_tooltip(site: SiteRow) -> str:
    """Describe a site in one escaped line."""
    style = KIND_STYLE.get(site.kind, KIND_STYLE["installation"])
    count = f"{site.mention_count} quote{'s' if site.mention_count != 1 else ''}"
    parts = [site.name, str(style["label"]), count, f"placed at {site.precision} precision"]
    if site.status:
        parts.insert(2, site.status)
    if site.kind == "installation" and not site.installation_id:
        parts.append("not in the knowledge base")
    return escape_html(" · ".join(parts))


def marker_style(site: SiteRow) -> dict[str, Any]:
    """Return the circle-marker options that show a site's kind, status and precision."""
    kind = KIND_STYLE.get(site.kind, KIND_STYLE["installation"])
    status = STATUS_STYLE.get(site.status or "active", STATUS_STYLE["active"])
    outline = PRECISION_STYLE.get(site.precision, PRECISION_STYLE["settlement"])
    return {"color": kind["color"], "fill": True,
            "fill_color": GREY if status["grey"] else kind["fill_color"],
            "fill_opacity": status["fill_opacity"], "weight": outline["weight"],
            "dash_array": outline["dash_array"]}
