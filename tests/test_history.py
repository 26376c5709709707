"""Status history: curated dates and dated statements, in time order, repeats left out."""

from __future__ import annotations

from datetime import date

from dashboard.history import status_history
from dashboard.models import Installation
from dashboard.store import MentionRow


def row(day: date | None, status: str | None, title: str = "A") -> MentionRow:
    return MentionRow(id=1, site_id="s", article_id="a", quote="q", start=0, end=1, date=day,
                      status=status, operator="RUS", host="KGZ", countries=(), alliances=(),
                      title=title, source="a.txt", url=None, published=None)


CURATED = Installation(id="k", name="Kant", aliases=(), operator="RUS", host="KGZ", type="air",
                       status="active", opened="2003-10-23", closed="", lat=0, lon=0,
                       precision="site", place="", source="https://example.org")


def test_history_orders_and_collapses_repeats():
    rows = [row(date(2019, 3, 26), "active", "B"), row(date(2018, 1, 1), "planned", "C"),
            row(date(2020, 1, 1), "active", "D"), row(None, "closed", "E"), row(None, None)]
    assert status_history(rows, CURATED) == [
        ("2003-10-23", "opened", "knowledge base"), ("2018-01-01", "planned", "C"),
        ("2019-03-26", "active", "B"), ("undated", "closed", "E")]


def test_history_without_statements_is_empty():
    assert status_history([row(date(2020, 1, 1), None)]) == []
