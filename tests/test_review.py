"""The review queue: what needs a human and why."""

from __future__ import annotations

from dataclasses import replace

import pytest

from dashboard.review import review_queue, review_reasons
from dashboard.store import SiteRow

KNOWN = SiteRow(id="installation:rus-kant-air-base", name="Kant Air Base", kind="installation",
                lat=42.85, lon=74.85, precision="site", geocoder="knowledge-base",
                operator="RUS", host="KGZ", installation_type="air", mention_count=3,
                installation_id="rus-kant-air-base")


@pytest.mark.parametrize(("changes", "reasons"), [
    ({}, []),
    ({"precision": "region"}, ["placed only at region level"]),
    ({"operator": None}, ["installation without an operator"]),
    ({"installation_id": None}, ["not a known installation: possible false positive"]),
    ({"geocoder": "nominatim"}, ["placed by nominatim"]),
    ({"kind": "meeting_site", "operator": None, "installation_id": None,
      "precision": "settlement", "geocoder": "gazetteer"}, []),
])
def test_review_reasons(changes, reasons):
    assert review_reasons(replace(KNOWN, **changes)) == reasons


def test_queue_puts_the_most_doubtful_first_and_leaves_out_the_rest():
    doubtful = replace(KNOWN, id="b", name="B", operator=None, installation_id=None)
    coarse = replace(KNOWN, id="a", name="A", precision="country")
    assert [s.id for s, _ in review_queue([KNOWN, coarse, doubtful])] == ["b", "a"]
