"""Place names beside base or meeting phrases that extraction could not place."""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.extract import find_mentions
from dashboard.models import Article
from dashboard.unresolved import NO_PLACE, NOT_IN_GAZETTEER, find_unresolved


@pytest.mark.parametrize(("text", "expected"), [
    ("Russian troops are stationed at a military base near Zarqabadistan, officials said.",
     [("Zarqabadistan", NOT_IN_GAZETTEER)]),
    ("India's navy opened a new logistics support base in Chile on Tuesday, officials said.",
     [("logistics support base", NO_PLACE)]),
    ("Vladimir Putin met Sadyr Japarov at Zzyzx Lodge on Monday for talks.",
     [("Zzyzx Lodge", NOT_IN_GAZETTEER)]),
    ("Russia will expand the air base in the town of Kant, the ministry said.", []),
    ("Voters in Zarqabadistan went to the polls on Sunday.", []),
    ("Russia To Enhance Military Bases In Zarqabadistan And Beyond", []),
    ("Russian troops are stationed at a military base near Bishkek, officials said.", []),
])
def test_find_unresolved(resources, text, expected):
    article = Article(id="a", source="a.txt", text=text, published=date(2023, 5, 8))
    found = find_unresolved(article, find_mentions(article, resources), resources)
    assert [(u.name, u.reason) for u in found] == expected
    for place in found:
        assert text[place.start:place.end] == place.name
        assert text[place.sentence_start:place.sentence_end] == place.sentence
