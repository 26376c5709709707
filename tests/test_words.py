"""Per-site word counts: kept equal to a recount through every write, and searches agree."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select, update

from dashboard.filters import Filters
from dashboard.models import Article, Mention, Place
from dashboard.pipeline import ingest_paths
from dashboard.store import (
    add_mention,
    get_article,
    merge_sites,
    query_mentions,
    query_sites,
    reject_mention,
    save_article,
)
from dashboard.store.schema import quote_words, site_words
from dashboard.store.words import recount_words, search_word, words_of

from .conftest import EDITOR
from .test_corrections import KANT, SEEDS, reprocess


def _counts(engine) -> tuple[set[tuple[str, str, int]], set[tuple[str, int]]]:
    with engine.connect() as conn:
        return ({tuple(r) for r in conn.execute(select(site_words.c.word, site_words.c.site_id,
                                                       site_words.c.n))},
                {tuple(r) for r in conn.execute(select(quote_words.c.word, quote_words.c.n))})


def _recounted(engine) -> tuple[set[tuple[str, str, int]], set[tuple[str, int]]]:
    kept = _counts(engine)
    with engine.begin() as conn:
        recount_words(conn)
    return kept


@pytest.mark.parametrize(("quote", "words"), [
    ("Russia's 999th base, at Kant!", {"russia", "s", "999th", "base", "at", "kant"}),
    ("Koy-Sary koy-sary", {"koy", "sary"}),
    ("Гюмри и Gyumri", {"гюмри", "и", "gyumri"}),
    ("", set()),
])
def test_words_of_a_quote_are_its_distinct_lower_case_words(quote, words):
    assert words_of(quote) == words


@pytest.mark.parametrize(("text", "word"), [
    (" Naval ", "naval"), ("Gyumri", "gyumri"), ("naval base", None), ("Koy-Sary", None),
    ("100%", None), ("", None), ("Гюмри", "гюмри"),
])
def test_only_a_single_word_is_searched_through_the_counts(text, word):
    assert search_word(text) == word


def test_counts_stay_equal_to_a_recount_through_every_write(engine, resources):
    ingest_paths(engine, [SEEDS], resources, editor=EDITOR)
    assert _counts(engine)[0], "ingesting counted no words"
    assert _recounted(engine) == _counts(engine)
    reprocess(engine, resources)  # every article replaced by its new extraction
    assert _recounted(engine) == _counts(engine)
    row = next(m for m in query_mentions(engine, Filters()) if "Kant" in m.quote)
    article = get_article(engine, row.article_id)
    assert article is not None
    add_mention(engine, article.id, 0, 40, KANT, editor=EDITOR)
    assert _recounted(engine) == _counts(engine)
    added = next(m for m in query_mentions(engine, Filters(), [KANT]) if m.start == 0)
    reject_mention(engine, added.id, "not a base", editor=EDITOR)
    assert _recounted(engine) == _counts(engine)
    moscow = next(s for s in query_sites(engine, Filters()) if s.name == "Moscow")
    merge_sites(engine, moscow.id, KANT, editor=EDITOR)
    assert _recounted(engine) == _counts(engine)
    assert not [r for r in _counts(engine)[0] if r[1] == KANT]


def _save(engine, number: int, site: str, quote: str) -> None:
    place = Place(key=f"geonames:{site}", name=site, lat=40.0, lon=20.0 + number,
                  country="GRC", kind="settlement", precision="settlement")
    article = Article(id=f"w{number}", source=f"w{number}.txt", text=quote, title=site)
    save_article(engine, article, [Mention(
        kind="installation", name=site, quote=quote, start=0, end=len(quote), place=place,
        operator="USA", host="GRC", date=date(2024, 1, number + 1))], editor=EDITOR)


@pytest.mark.parametrize("text", ["naval", "NAVAL", "navy", "souda", "larissa", "base", "zzz",
                                  "Naval_", "aval"])
def test_a_word_search_counts_as_the_quote_index_does(engine, text):
    _save(engine, 0, "Souda Bay", "The naval base at Souda Bay grows.")
    _save(engine, 1, "Larissa", "Drones fly from Larissa, a base the navy does not use.")
    _save(engine, 2, "Alexandroupolis", "A naval logistics hub at the port.")
    _save(engine, 3, "Souda Bay", "Souda Bay hosts the navy's ships.")
    quick = query_sites(engine, Filters(text=text))
    # A start date far back keeps every mention but takes the quote index's path.
    indexed = query_sites(engine, Filters(text=text, start=date(1900, 1, 1)))
    assert [(s.name, s.mention_count) for s in quick] == \
        [(s.name, s.mention_count) for s in indexed]


def test_a_word_inside_other_words_is_still_counted_in_each(engine):
    _save(engine, 0, "Souda Bay", "Navalny supporters rallied near the port.")
    _save(engine, 1, "Larissa", "The naval air station and its naval staff.")
    assert {s.name: s.mention_count for s in query_sites(engine, Filters(text="naval"))} == {
        "Souda Bay": 1, "Larissa": 1}


def test_the_counts_answer_a_one_word_search_without_the_quotes(engine):
    _save(engine, 0, "Souda Bay", "The naval base at Souda Bay grows.")
    with engine.begin() as conn:  # a count only the word table holds shows which path ran
        conn.execute(update(site_words).where(site_words.c.word == "naval").values(n=7))
    assert [s.mention_count for s in query_sites(engine, Filters(text="naval"))] == [7]
    assert [s.mention_count for s in query_sites(
        engine, Filters(text="naval", start=date(1900, 1, 1)))] == [1]
