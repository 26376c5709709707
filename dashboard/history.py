"""A site's status over time: the curated opening and closing, then what each article said."""

from __future__ import annotations

from collections.abc import Iterable

from dashboard.models import Installation
from dashboard.store import MentionRow


def status_history(rows: Iterable[MentionRow], curated: Installation | None = None
                   ) -> list[tuple[str, str, str]]:
    """Return ``(date, status, according to)`` rows in time order, repeats left out."""
    events: list[tuple[str, str, str]] = []
    if curated is not None:
        if curated.opened:
            events.append((curated.opened, "opened", "knowledge base"))
        if curated.closed:
            events.append((curated.closed, "closed", "knowledge base"))
    for row in rows:
        if row.status:
            day = row.date.isoformat() if row.date else "undated"
            events.append((day, row.status, row.title or row.source))
    events.sort(key=lambda e: (e[0] == "undated", e[0]))
    changes: list[tuple[str, str, str]] = []
    for event in events:
        if not changes or changes[-1][1] != event[1]:
            changes.append(event)
    return changes
