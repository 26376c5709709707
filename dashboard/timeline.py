"""The timeline: mentions per month by operator, as a Vega-Lite chart whose brush sets dates."""

from __future__ import annotations

import calendar
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, date, datetime
from typing import Any

#: The name of the chart's interval selection; its extent comes back as the date span.
SPAN_PARAM = "span"
MEETINGS = "Leader meetings"
UNKNOWN_OPERATOR = "Operator unknown"


def month_start(day: date) -> date:
    """Return the first day of the day's month."""
    return day.replace(day=1)


def month_end(day: date) -> date:
    """Return the last day of the day's month."""
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def series_name(operator: str | None, kind: str, label: Callable[[str], str]) -> str:
    """Name the bar series a mention counts in: its operator, or the meetings."""
    if kind == "meeting_site":
        return MEETINGS
    return label(operator) if operator else UNKNOWN_OPERATOR


def monthly_counts(rows: Iterable[tuple[date, str | None, str, int]],
                   label: Callable[[str], str] = str) -> list[dict[str, Any]]:
    """Sum ``(day, operator, kind, count)`` rows into one record per month and series."""
    totals: Counter[tuple[date, str]] = Counter()
    for day, operator, kind, count in rows:
        totals[(month_start(day), series_name(operator, kind, label))] += count
    return [{"month": month.isoformat(), "next": _next_month(month).isoformat(),
             "series": series, "mentions": count}
            for (month, series), count in sorted(totals.items())]


def timeline_spec(records: list[dict[str, Any]], span: tuple[date | None, date | None]
                  ) -> dict[str, Any]:
    """Return a stacked bar chart of the records; months outside ``span`` are faded."""
    start, end = span
    values = [{**r, "chosen": (start is None or r["next"] > start.isoformat())
               and (end is None or r["month"] <= end.isoformat())} for r in records]
    return {
        "data": {"values": values},
        "mark": {"type": "bar", "tooltip": True},
        "params": [{"name": SPAN_PARAM, "select": {"type": "interval", "encodings": ["x"]}}],
        "encoding": {
            "x": {"field": "month", "type": "temporal", "title": None,
                  "axis": {"format": "%b %Y", "labelAngle": 0}},
            "x2": {"field": "next"},
            "y": {"aggregate": "sum", "field": "mentions", "type": "quantitative",
                  "title": "mentions", "axis": {"tickMinStep": 1}},
            "color": {"field": "series", "type": "nominal", "title": "operator",
                      "legend": {"orient": "bottom", "columns": 4}},
            "opacity": {"condition": {"test": "datum.chosen", "value": 1.0}, "value": 0.25},
        },
        "height": 180,
    }


def _as_date(value: Any) -> date | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return datetime.fromtimestamp(value / 1000, tz=UTC).date()
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
        except ValueError:
            return None
    if isinstance(value, Mapping) and "year" in value:
        # Vega's date-time objects count months from 1 and may leave out the day.
        return date(int(value["year"]), int(value.get("month", 1)), int(value.get("date", 1)))
    return None


def span_from_selection(state: Mapping[str, Any] | None) -> tuple[date, date] | None:
    """Return the whole months a chart brush covers, or None when nothing is brushed."""
    selection = (state or {}).get("selection") or {}
    extent = (selection.get(SPAN_PARAM) or {}) if isinstance(selection, Mapping) else {}
    values = next(iter(extent.values()), None) if isinstance(extent, Mapping) else None
    if not isinstance(values, (list, tuple)) or len(values) != 2:
        return None
    low, high = (_as_date(v) for v in values)
    if low is None or high is None:
        return None
    low, high = min(low, high), max(low, high)
    return month_start(low), month_end(high)
