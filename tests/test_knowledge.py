"""The curated installation table: valid rows, sources, and lookups by name and place."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.errors import DataError
from dashboard.knowledge import alias_variants, build_knowledge_base, read_installations
from dashboard.settings import DATA_DIR


@pytest.fixture(scope="module")
def knowledge():
    return build_knowledge_base(read_installations(DATA_DIR / "installations"))


def test_curated_table_is_large_and_sourced(knowledge):
    items = knowledge.installations
    assert len(items) >= 150
    assert all(item.source.startswith("http") for item in items)
    assert all(item.operator != item.host for item in items)
    assert len({item.operator for item in items}) >= 10


@pytest.mark.parametrize(("name", "operator", "host"), [
    ("Kant Air Base", "RUS", "KGZ"),
    ("Camp Lemonnier", "USA", "DJI"),
    ("102nd Military Base", "RUS", "ARM"),
    ("Incirlik AB", "USA", "TUR"),
    ("Grafenwoehr", "USA", "DEU"),
])
def test_match_alias(knowledge, name, operator, host):
    assert (operator, host) in {(i.operator, i.host) for i in knowledge.match_alias(name)}


def test_named_finds_installations_by_place_and_partial_name(knowledge):
    assert any(i.operator == "FRA" for i in knowledge.named("Port-Bouët", "camp"))
    assert knowledge.named("International", "Space Station") == ()


def test_alias_variants():
    assert {"201st military base", "Jufra"} <= (alias_variants("201st Russian military base")
                                                 | alias_variants("al-Jufra"))
    assert "Grafenwoehr" in alias_variants("Grafenwöhr")
    assert "PLA Support Base" in alias_variants("PLA Support Base in Djibouti")
    assert "Base" not in alias_variants("Base in Djibouti")  # too short to stand alone


def test_words_that_describe_or_a_country_name_no_base(knowledge):
    assert knowledge.named("Soviet", "airfield") == ()  # "Soviet Pacific Fleet ... Cam Ranh"
    assert knowledge.named("Brunei", "battalion", loose=False) == ()
    assert knowledge.named("Brunei", "battalion")  # "British Forces Brunei", when loose


def test_bad_rows_are_reported_with_their_line(tmp_path: Path):
    (tmp_path / "bad.csv").write_text(
        "id,name,aliases,operator,host,type,status,opened,closed,lat,lon,precision,place,source\n"
        "x,X,,RUS,KGZ,air,active,,,91,0,site,Kant,http://example.org\n", encoding="utf-8")
    with pytest.raises(DataError, match="bad.csv:2"):
        read_installations(tmp_path)
