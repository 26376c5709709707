"""Curated installations named outright, beside the base phrases of the same sentence."""

from __future__ import annotations

from datetime import date

from dashboard.extract import find_mentions
from dashboard.ingest import make_article


def extract(text, resources):
    return find_mentions(make_article(text, "", {"published": date(2025, 5, 1)}, "test"),
                         resources)


def test_drops_a_generic_base_where_the_curated_one_is_named(resources):
    found = extract("The joint UK-US base on Diego Garcia, run by the US Navy, stays open.",
                    resources)
    assert [m.name for m in found] == ["Naval Support Facility Diego Garcia"]


def test_keeps_another_operator_off_a_shared_airfield(resources):
    found = extract("French jets use an air detachment at Al Dhafra air base, south of Abu Dhabi.",
                    resources)
    assert {m.operator for m in found} == {"FRA"}


def test_an_island_named_without_base_talk_is_only_a_place(resources):
    assert extract("Tourists may not land on Diego Garcia, a British territory.", resources) == []


def test_a_denial_rules_out_a_named_base(resources):
    found = extract("Phnom Penh denies that Ream Naval Base hosts Chinese warships.", resources)
    assert found == []


def test_the_hosts_own_aircraft_at_a_shared_base_are_not_the_guest(resources):
    assert extract("Norwegian F-35s flew from Rygge Air Station on Monday.", resources) == []
    assert extract("Belarusian Su-30s are based at Baranovichi airfield.", resources) == []
    guests = extract("US Air Force F-35s deployed to Rygge Air Station this spring.", resources)
    assert {(m.operator, m.host) for m in guests} == {("USA", "NOR")}


def test_the_hosts_territory_is_not_its_forces(resources):
    found = extract("India's navy now runs an airstrip and a jetty on Mauritius's North Agalega "
                    "island.", resources)
    assert {(m.operator, m.host) for m in found} == {("IND", "MUS")}
