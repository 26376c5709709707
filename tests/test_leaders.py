"""Leaders: names found as outlets spell them, each with the country of its term at a date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dashboard.leaders import read_leaders


@pytest.fixture
def leaders(tmp_path: Path):
    table = tmp_path / "leaders.csv"
    table.write_text(
        "name,aliases,country,role,start,end,source\n"
        "Mishal Al-Ahmad Al-Jaber Al-Sabah,Meshal al-Ahmad al-Jaber al-Sabah,KWT,emir,"
        "2023-12-16,,https://example.org/mishal\n"
        "Luiz Inácio Lula da Silva,Lula da Silva,BRA,president,2023-01-01,,"
        "https://example.org/lula\n"
        "Nawaf Al-Ahmad Al-Jaber Al-Sabah,,KWT,emir,2020-09-29,2023-12-16,"
        "https://example.org/nawaf\n", encoding="utf-8")
    return read_leaders(table)


@pytest.mark.parametrize(("text", "name"), [
    ("Sheikh Meshal Al-Ahmad Al-Jaber Al-Sabah received him", "Mishal Al-Ahmad Al-Jaber Al-Sabah"),
    ("Sheikh Mishal al-Ahmad al-Jaber al-Sabah received him", "Mishal Al-Ahmad Al-Jaber Al-Sabah"),
    ("President Lula Da Silva said", "Luiz Inácio Lula da Silva"),
])
def test_name_particles_match_in_either_case(leaders, text, name):
    assert [r.name for r in leaders.find(text, date(2024, 12, 22))] == [name]


def test_other_words_keep_their_case(leaders):
    assert leaders.find("the lula da silva fan club", date(2024, 1, 1)) == []
    assert leaders.find("Nawaf Al-Ahmad Al-Jaber Al-Sabaha", date(2021, 1, 1)) == []
