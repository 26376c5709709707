"""Installation records: the type a base's words give and the status its sentence gives."""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.models import Installation
from dashboard.records import guess_status, guess_type, status_on


@pytest.mark.parametrize(("text", "status"), [
    ("The US Air Force withdrew its ageing F-15 fighters from Kadena Air Base last year.", None),
    ("Russian instructors train soldiers at Berengo, the former imperial palace.", None),
    ("The garrison sits in Bokhtar, formerly Kurgan-Tyube.", None),
    ("The US withdrew from Karshi-Khanabad air base in 2005.", "closed"),
    ("The Americans vacated the Yongsan Garrison, now a park.", "closed"),
    ("Tindal is a former RAAF base.", "closed"),
    ("Russia plans to open a naval point at Ochamchire.", "planned"),
    ("The former US Forward Operating Location at Manta will stay in Ecuadorian hands.",
     "closed"),
    ("Its sister installation at Redzikowo is due to be declared operational this year.",
     "planned"),
])
def test_guess_status_reads_the_base_not_its_aircraft(text, status):
    assert guess_status(text) == status


@pytest.mark.parametrize(("noun", "kind"), [
    ("naval facility", "naval"), ("air base", "air"), ("radar station", "radar"),
    ("garrison", "army"), ("camp", "other"),
])
def test_guess_type_from_the_words_of_the_name(noun, kind):
    assert guess_type(noun) == kind


def _closed_base(closed: str) -> Installation:
    return Installation(id="x", name="Camp X", aliases=(), operator="FRA", host="TCD",
                        type="army", status="closed", opened="1960", closed=closed, lat=12.1,
                        lon=15.0, precision="site", place="N'Djamena", source="test")


@pytest.mark.parametrize(("closed", "day", "status"), [
    ("2025-01-30", date(2024, 3, 29), "active"),   # the article predates the closure
    ("2025-01-30", date(2025, 2, 1), "closed"),
    ("2025", date(2024, 12, 31), "active"),
    ("2025", date(2025, 6, 1), "closed"),          # the closing year itself: closed
    ("2014-06", date(2014, 5, 1), "active"),
    ("", date(2000, 1, 1), "closed"),              # no closing date: as curated
    ("2025-01-30", None, "closed"),
])
def test_status_on_reads_a_curated_closure_against_the_article_day(closed, day, status):
    assert status_on(_closed_base(closed), day) == status


@pytest.mark.parametrize(("opened", "day", "status"), [
    ("2024-11", date(2024, 3, 8), "planned"),      # the article predates the opening
    ("2024-11", date(2024, 11, 20), "active"),
    ("2016", date(2015, 6, 1), "planned"),
    ("", date(1990, 1, 1), "active"),              # no opening date: as curated
    ("2016", None, "active"),
])
def test_status_on_reads_a_curated_opening_against_the_article_day(opened, day, status):
    base = Installation(id="y", name="Base Y", aliases=(), operator="USA", host="POL",
                        type="missile", status="active", opened=opened, closed="", lat=54.5,
                        lon=17.1, precision="site", place="Słupsk", source="test")
    assert status_on(base, day) == status
