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
]


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
