"""Timeline: monthly counts per operator, the chart spec, and brushed spans back to dates."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from dashboard.timeline import (
    MEETINGS,
    SPAN_PARAM,
    UNKNOWN_OPERATOR,
    month_end,
    monthly_counts,
    span_from_selection,
    timeline_spec,
)

ROWS = [(date(2023, 5, 8), "RUS", "installation", 2), (date(2023, 5, 20), "RUS", "installation", 1),
        (date(2023, 5, 9), None, "meeting_site", 1), (date(2023, 12, 31), None, "installation", 1),
        (date(2019, 3, 26), "USA", "installation", 4)]


def ms(day: date) -> float:
    return datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp() * 1000


def test_monthly_counts_sum_per_month_and_series():
    records = monthly_counts(ROWS, label=lambda code: f"<{code}>")
    assert records == [
        {"month": "2019-03-01", "next": "2019-04-01", "series": "<USA>", "mentions": 4},
        {"month": "2023-05-01", "next": "2023-06-01", "series": "<RUS>", "mentions": 3},
        {"month": "2023-05-01", "next": "2023-06-01", "series": MEETINGS, "mentions": 1},
        {"month": "2023-12-01", "next": "2024-01-01", "series": UNKNOWN_OPERATOR,
         "mentions": 1},
    ]


def test_spec_fades_months_outside_the_span_and_selects_on_x():
    spec = timeline_spec(monthly_counts(ROWS), (date(2023, 1, 1), date(2023, 6, 15)))
    chosen = {(v["month"], v["chosen"]) for v in spec["data"]["values"]}
    assert chosen == {("2019-03-01", False), ("2023-05-01", True), ("2023-12-01", False)}
    assert spec["params"][0] == {"name": SPAN_PARAM,
                                 "select": {"type": "interval", "encodings": ["x"]}}
    assert all(v["chosen"] for v in timeline_spec(monthly_counts(ROWS), (None, None))
               ["data"]["values"])


@pytest.mark.parametrize(("state", "expected"), [
    ({"selection": {"span": {"month": [ms(date(2023, 5, 10)), ms(date(2023, 7, 2))]}}},
     (date(2023, 5, 1), date(2023, 7, 31))),
    ({"selection": {"span": {"month": [ms(date(2024, 2, 3)), ms(date(2023, 12, 9))]}}},
     (date(2023, 12, 1), date(2024, 2, 29))),
    ({"selection": {"span": {"month": ["2019-03-04T00:00:00Z", "2019-03-20"]}}},
     (date(2019, 3, 1), date(2019, 3, 31))),
    ({"selection": {"span": {"month": [{"year": 2020, "month": 2}, {"year": 2020, "month": 2,
                                                                    "date": 9}]}}},
     (date(2020, 2, 1), date(2020, 2, 29))),
    ({"selection": {"span": {}}}, None),
    ({"selection": {"span": {"month": [1]}}}, None),
    ({"selection": {"span": {"month": ["soon", "later"]}}}, None),
    ({}, None),
    (None, None),
])
def test_span_from_selection(state, expected):
    assert span_from_selection(state) == expected


def test_month_end_knows_leap_years():
    assert month_end(date(2024, 2, 10)) == date(2024, 2, 29)
    assert month_end(date(2023, 2, 10)) == date(2023, 2, 28)
