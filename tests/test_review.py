"""The review queue: what needs a human and why."""

from __future__ import annotations

import pytest

from dashboard.review import clicked_point, quote_span, review_queue, review_reasons, sentence_at
from dashboard.sentences import split_sentences
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
    assert review_reasons(KNOWN._replace(**changes)) == reasons


def test_queue_puts_the_most_doubtful_first_and_leaves_out_the_rest():
    doubtful = KNOWN._replace(id="b", name="B", operator=None, installation_id=None)
    coarse = KNOWN._replace(id="a", name="A", precision="country")
    assert [s.id for s, _ in review_queue([KNOWN, coarse, doubtful])] == ["b", "a"]


def test_an_analyst_placed_site_needs_no_second_look():
    assert review_reasons(KNOWN._replace(geocoder="analyst")) == []


@pytest.mark.parametrize(("returned", "point"), [
    ({"last_clicked": {"lat": 42.8531, "lng": 74.8464}}, (42.8531, 74.8464)),
    ({"last_clicked": {"lat": 10.0, "lng": 400.0}}, (10.0, 40.0)),
    ({"last_clicked": {"lat": 10.0, "lng": -190.0}}, (10.0, 170.0)),
    ({"last_clicked": None}, None),
    ({}, None),
    (None, None),
    ({"last_clicked": {"lat": "x", "lng": 1}}, None),
    ({"last_clicked": {"lat": 95, "lng": 1}}, None),
])
def test_clicked_point_reads_a_map_click(returned, point):
    assert clicked_point(returned) == point


TEXT = "Troops stay at Kant. The base near Bishkek grows."


@pytest.mark.parametrize(("index", "words", "span"), [
    (0, "", (0, 20)),
    (1, "", (21, 49)),
    (1, "near Bishkek", (30, 42)),
    (1, "NEAR bishkek", (30, 42)),
    (1, "Kant", None),
])
def test_quote_span_is_the_words_inside_the_sentence(index, words, span):
    sentences = split_sentences(TEXT)
    assert quote_span(sentences[index], words) == span
    if span:
        assert TEXT[span[0]:span[1]].lower() == (words or sentences[index].text).lower()


def test_sentence_at_finds_the_sentence_of_an_offset():
    sentences = split_sentences(TEXT)
    assert [sentence_at(sentences, o) for o in (0, 19, 20, 25, 99)] == [0, 0, None, 1, None]
