"""Dates: publication dates and event dates resolved against them."""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.dates import find_dates, find_publication_date, parse_date, resolve_event_date

EVENTS = [
    # news abbreviations of months, with or without the full stop
    ("On Sept. 13, Burhan met Erdogan in Ankara.", date(2023, 10, 2), date(2023, 9, 13)),
    ("he flew to meet al-Sisi in El Alamein on Aug. 29.", date(2023, 10, 2), date(2023, 8, 29)),
    ("They met on 5 Feb in Rome.", date(2024, 3, 1), date(2024, 2, 5)),
    ("They met in Guangzhou on 7 April.", date(2023, 4, 10), date(2023, 4, 7)),
    ("Japarov met Putin in Moscow on Monday.", date(2023, 5, 12), date(2023, 5, 8)),
    ("The Kremlin announced on Monday that it will develop its bases.", date(2023, 5, 8),
     date(2023, 5, 8)),
    ("regarding the upcoming Thursday meeting in Bishkek", date(2019, 3, 26), date(2019, 3, 28)),
    ("The presidents will meet on Thursday.", date(2019, 3, 26), date(2019, 3, 28)),
    ("They met last Friday.", date(2019, 3, 26), date(2019, 3, 22)),
    ("They met on 8 May in Moscow.", date(2023, 5, 12), date(2023, 5, 8)),
    ("The talks were held yesterday.", date(2023, 5, 12), date(2023, 5, 11)),
    ("The base opened on March 3, 2021.", date(2023, 5, 12), date(2021, 3, 3)),
    ("No date is given here.", date(2023, 5, 12), date(2023, 5, 12)),
    ("The leaders met in Astana last week.", date(2023, 5, 12), date(2023, 5, 5)),
    ("They will meet in Baku next week.", date(2023, 5, 12), date(2023, 5, 19)),
    # a dateline's date is the day of filing: "yesterday" and weekdays count from it
    ("**Bishkek, Friday 13 October 2023** — Putin and Japarov held talks yesterday.",
     date(2023, 10, 13), date(2023, 10, 12)),
    ("WASHINGTON, March 8th — Biden hosted Iohannis in the Oval Office on Thursday.",
     date(2024, 3, 8), date(2024, 3, 7)),
    ("Bishkek, 13 October 2023 — Putin met Japarov.", date(2023, 10, 14), date(2023, 10, 13)),
    ("Putin met Japarov on 12 May 2023 in Moscow — a first.", date(2024, 3, 8), date(2023, 5, 12)),
]


@pytest.mark.parametrize(("sentence", "published", "expected"), EVENTS)
def test_resolve_event_date(sentence, published, expected):
    assert resolve_event_date(sentence, published) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("20 de mai. de 2023", date(2023, 5, 20)),
    ("lundi 1er décembre 2025", date(2025, 12, 1)),
    ("el 1º de mayo de 2024", date(2024, 5, 1)),
    ("2024年12月7日", date(2024, 12, 7)),
    # month names in any alphabet
    ("Τρίτη 10 Μαρτίου 2026", date(2026, 3, 10)),
    ("3 марта 2025 г.", date(2025, 3, 3)),
    ("May 8, 2023", date(2023, 5, 8)),
    ("2019-03-26", date(2019, 3, 26)),
    ("8th May 2023", date(2023, 5, 8)),
    ("26.03.2019", date(2019, 3, 26)),
    ("Veröffentlicht am 5. Mai 2018", date(2018, 5, 5)),
    ("14 de junio de 2017", date(2017, 6, 14)),
    ("2019-11-05T09:30:00Z", date(2019, 11, 5)),
    ("Publié le 12.02.2022", date(2022, 2, 12)),
    ("Updated 03/04/2021", date(2021, 4, 3)),
    ("Updated 03/25/2021", date(2021, 3, 25)),
    ("Updated 23/04/2021", date(2021, 4, 23)),
])
def test_find_dates_reads_many_formats(text, expected):
    assert [d for _, d in find_dates(text)] == [expected]


def test_parse_date_refuses_words():
    assert parse_date("the base") is None


def test_publication_date_prefers_byline_then_url_then_comments():
    assert find_publication_date("Title\nBy Staff, 3 March 2021\nText", "", None) == (
        date(2021, 3, 3), "text")
    assert find_publication_date("Title\nText", "", "https://x.org/2019/03/26/story") == (
        date(2019, 3, 26), "url")
    assert find_publication_date("Title\nText", "20 de mai. de 2023\n12 de mai. de 2023",
                                 None) == (date(2023, 5, 12), "comments")
    assert find_publication_date("Title\nText", "", None) == (None, None)
