"""General toponym mode: every place mention with offsets and coordinates."""

from __future__ import annotations

import json

import pytest

from dashboard.cli import main
from dashboard.toponyms import find_toponyms, format_compact

CASES = [
    ("Protesters gathered in Toronto on Saturday.", {"Toronto": "CAN"}),
    ("Russian troops left Syria, officials in Moscow said.",
     {"Russian": "RUS", "Syria": "SYR", "Moscow": "RUS"}),
    ("The fire in Charleston, W.Va., was put out.", {"Charleston": "USA", "W.Va.": "USA"}),
    ("Toronto police closed the Toronto Transit Commission station.", {"Toronto": "CAN"}),
    ("All roads were closed. No one was hurt.", {}),
    ("Mr. Jordan said the plan would work.", {}),
    ("Immanuel Kant wrote on perpetual peace.", {}),
    ("Flooding hit New Mexico and Texas.", {"New Mexico": "USA", "Texas": "USA"}),
    # a direction word that is part of the name, and one that is not
    ("The suspect fled to West Virginia.", {"West Virginia": "USA"}),
    ("They moved to North Texas in 1973.", {"Texas": "USA"}),
    # a leading article, a possessive before another capitalised word, a mayor
    ("The Charleston council met.", {"Charleston": "USA"}),
    ("Sipping a soda at Gainesville’s VFW Post, he talked.", {"Gainesville": "USA"}),
    ("Gainesville Mayor Ed Braddy would not comment.", {"Gainesville": "USA"}),
    ("Vandals hit cars in Oxford. A spate of attacks followed.", {"Oxford": "GBR"}),
    # the place after "of" in an organisation's name
    ("The contract went to Midwest Restoration of Toronto.", {"Toronto": "CAN"}),
    # US counties and parishes
    ("Deputies in Kanawha County arrested a man.", {"Kanawha County": "USA"}),
    # an ordinary word before the name, and a name before an organisation's words
    ("Another Gainesville business is moving, and another is closing.",
     {"Gainesville": "USA"}),
    ("The grant went to the West Virginia Council for Archaeology.",
     {"West Virginia": "USA"}),
    # streets and holidays are not the towns gazetteers know by those names
    ("The store on Grand Avenue reopened after Christmas.", {}),
    # an office in a failed phrase does not make the town a person
    ("Dublin Recreation Services Director Ann Lee spoke. Parks in Dublin reopened.",
     {"Dublin": "IRL"}),
]


def test_the_town_nearest_the_story_s_places_wins(resources):
    text = ("Shops in Gainesville are busy. Traffic from Lindsay and Cooke County, Texas, "
            "helps.")
    gainesville = next(t for t in find_toponyms(text, resources) if t.text == "Gainesville")
    assert abs(gainesville.place.lat - 33.6) < 0.3 and abs(gainesville.place.lon + 97.1) < 0.3


def test_a_person_s_name_makes_the_later_word_alone_the_person(resources):
    text = "Tyler Smith runs the shop. Customers like Tyler because prices are low."
    assert [t.text for t in find_toponyms(text, resources)] == []


def test_a_county_is_the_one_near_the_towns_of_the_story(resources):
    found = {t.text: t.place for t in find_toponyms(
        "Anderson County officials said the road near Clinton, Tenn., is closed.", resources)}
    county = found["Anderson County"]
    assert county.precision == "region" and abs(county.lat - 36.1) < 0.5 \
        and abs(county.lon + 84.2) < 0.5  # Tennessee's, not South Carolina's or Texas's


def test_a_country_name_among_local_towns_is_the_town(resources):
    text = ("Crews from Tyler and Jacksonville, Texas, helped. Flooding closed roads in "
            "Palestine on Monday.")
    palestine = next(t for t in find_toponyms(text, resources) if t.text == "Palestine")
    assert palestine.place.country == "USA" and palestine.place.precision == "settlement"


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_find_toponyms(text, expected, resources):
    found = {t.text: t.place.country for t in find_toponyms(text, resources)}
    assert found == expected


def test_offsets_are_exact(resources):
    text = "Talks in Bishkek followed a visit to Kyrgyzstan."
    for toponym in find_toponyms(text, resources):
        assert text[toponym.start:toponym.end] == toponym.text


def test_georgia_is_the_state_in_a_story_about_us_towns(resources):
    text = ("Storms hit Gainesville and Atlanta overnight. Georgia officials said Athens, Ga., "
            "was spared.")
    georgia = next(t for t in find_toponyms(text, resources) if t.text == "Georgia")
    assert georgia.place.country == "USA" and georgia.place.precision == "region"


def test_compact_format(resources):
    line = format_compact(find_toponyms("Talks in Bishkek.", resources))
    name, mention, lat, lon, start, end = line.split(",,")
    assert (mention, start, end) == ("Bishkek", "9", "16")
    assert abs(float(lat) - 42.87) < 0.1 and abs(float(lon) - 74.59) < 0.1


def test_cli_toponyms_jsonl(tmp_path, capsys, monkeypatch, session_settings):
    monkeypatch.setenv("DASHBOARD_CACHE_DIR", str(session_settings.cache_dir))
    path = tmp_path / "story.txt"
    path.write_text("Putin met Japarov in Moscow.", encoding="utf-8")
    assert main(["toponyms", str(path), "--format", "jsonl"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert [t["mention"] for t in record["toponyms"]] == ["Moscow"]
    assert record["toponyms"][0]["geocoder"] == "gazetteer"
