"""The English gloss of sentences in other languages: what the extraction rules read."""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.extract import find_mentions
from dashboard.gloss import gloss
from dashboard.ingest import make_article

GLOSSES = [
    ("es", "Los estadounidenses dejaron la base de Manta, en Ecuador, en 2009.",
     "the US left the base at Manta, in Ecuador, in 2009."),
    ("es", "Milei fue recibido el martes por Donald Trump en la Casa Blanca.",
     "Milei was received on Tuesday by Donald Trump in the White House."),
    ("pt", "A viagem começou na terça-feira em Belém, onde Lula recebeu Macron.",
     "A viagem começou on Tuesday in Belém, where Lula received Macron."),
    ("fr", "Le président français a rencontré le 5 mai 2024 son homologue à Abou Dhabi.",
     "the French President met le 5 May 2024 his counterpart in Abou Dhabi."),
    ("de", "Der Kanzler traf sich am Donnerstag mit dem Präsidenten im Weißen Haus.",
     "the Chancellor met on Thursday with the President in the White House."),
    # a fronted "after" clause is no subject of the sentence
    ("fr", "Après le Tchad et la Côte d'Ivoire, le dispositif français se réduit.",
     "after the Chad and the Côte d'Ivoire, the dispositif French se réduit."),
]


@pytest.mark.parametrize(("language", "text", "english"), GLOSSES)
def test_gloss_gives_the_english_words_the_rules_read(language, text, english):
    assert gloss(text, language) == english


@pytest.mark.parametrize("language", ["en", "ru", None])
def test_gloss_leaves_english_and_unglossed_languages_alone(language):
    text = "Los estadounidenses dejaron la base de Manta."
    assert gloss(text, language) == text


def test_gloss_turns_country_names_from_pycountry_translations():
    assert gloss("Tropas en Gabón y Chade.", "es") == "troops in Gabon and Chad."
    assert gloss("No Chade, os militares franceses ficam.", "pt") == \
        "In Chad, the French military personnel ficam."


def test_mentions_quote_the_article_in_its_own_language(resources):
    text = ("Los estadounidenses dejaron la base de Manta, en Ecuador, en 2009, y el "
            "presidente propone ahora un referéndum.")
    article = make_article(text, "", {"published": date(2025, 10, 15), "language": "es"},
                           source="test")
    (mention,) = find_mentions(article, resources)
    assert (mention.operator, mention.host, mention.status) == ("USA", "ECU", "closed")
    assert mention.quote == text
    assert article.text[mention.start:mention.end] == mention.quote
