"""Dated alliance membership: joins, leaves, suspensions and frozen participation."""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.alliances import AllianceTable, read_memberships
from dashboard.settings import DATA_DIR


@pytest.fixture(scope="module")
def table():
    return AllianceTable(tuple(read_memberships(DATA_DIR / "alliances.csv")))


@pytest.mark.parametrize(("org", "country", "day", "expected"), [
    ("NATO", "FIN", date(2023, 4, 3), False),
    ("NATO", "FIN", date(2023, 4, 4), True),
    ("NATO", "SWE", date(2024, 3, 7), True),
    ("CSTO", "KGZ", date(2019, 3, 28), True),
    ("CSTO", "UZB", date(2010, 1, 1), True),
    ("CSTO", "UZB", date(2015, 1, 1), False),
    ("CSTO", "ARM", date(2023, 1, 1), True),
    ("CSTO", "ARM", date(2025, 1, 1), False),
    ("CIS", "GEO", date(2010, 1, 1), False),
    ("SCO", "IRN", date(2023, 7, 4), True),
    ("AU", "MAR", date(2016, 1, 1), False),
])
def test_is_member(table, org, country, day, expected):
    assert table.is_member(org, country, day) is expected


def test_alliances_of_lists_any_involved_country(table):
    orgs = table.alliances_of(["RUS", "KGZ"], date(2023, 5, 8))
    assert "CSTO" in orgs and "NATO" not in orgs
    assert {"NATO", "AUKUS", "QUAD", "FIVE_EYES"} <= set(table.alliances_of(["USA"],
                                                                          date(2024, 1, 1)))


def test_every_organisation_the_issue_names_is_there(table):
    assert {"NATO", "CSTO", "SCO", "CIS", "EAEU", "GCC", "AU", "ASEAN", "AUKUS", "QUAD",
            "FIVE_EYES"} <= set(table.organisations)
