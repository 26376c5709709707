"""Installation records: the type a base's words give and the status its sentence gives."""

from __future__ import annotations

import pytest

from dashboard.records import guess_status, guess_type


@pytest.mark.parametrize(("text", "status"), [
    ("The US Air Force withdrew its ageing F-15 fighters from Kadena Air Base last year.", None),
    ("Russian instructors train soldiers at Berengo, the former imperial palace.", None),
    ("The garrison sits in Bokhtar, formerly Kurgan-Tyube.", None),
    ("The US withdrew from Karshi-Khanabad air base in 2005.", "closed"),
    ("The Americans vacated the Yongsan Garrison, now a park.", "closed"),
    ("Tindal is a former RAAF base.", "closed"),
    ("Russia plans to open a naval point at Ochamchire.", "planned"),
])
def test_guess_status_reads_the_base_not_its_aircraft(text, status):
    assert guess_status(text) == status


@pytest.mark.parametrize(("noun", "kind"), [
    ("naval facility", "naval"), ("air base", "air"), ("radar station", "radar"),
    ("garrison", "army"), ("camp", "other"),
])
def test_guess_type_from_the_words_of_the_name(noun, kind):
    assert guess_type(noun) == kind
