"""Schema migrations and concurrent editors, on SQLite and on PostgreSQL."""

from __future__ import annotations

import threading
from datetime import date

import sqlalchemy

from dashboard.filters import Filters
from dashboard.models import Article, Mention, Place
from dashboard.store import (
    connect,
    correct_site,
    data_version,
    get_article,
    get_site,
    head_revision,
    migrate,
    query_mentions,
    save_article,
    schema_revision,
    site_corrections_of,
)

from .conftest import EDITOR

PLACE = Place(key="geonames:1528121", name="Kant", lat=42.89, lon=74.85, country="KGZ",
              kind="settlement", precision="settlement")


def article(number: int, text: str = "") -> Article:
    return Article(id=f"art{number:04d}", source=f"art{number}.txt", text=text or f"text {number}",
                   title=f"Article {number}", published=date(2024, 1, 1))


def mention(number: int) -> Mention:
    return Mention(kind="installation", name="Kant", quote=f"quote {number}", start=0, end=7,
                   place=PLACE, operator="RUS", host="KGZ", alliances=("CSTO",),
                   date=date(2024, 1, 1 + number % 28))


def test_a_new_database_is_at_the_newest_revision(engine):
    assert schema_revision(engine) == head_revision()


def test_an_existing_database_upgrades_without_loss(db_url):
    old = sqlalchemy.create_engine(db_url)
    migrate(old, "0001")
    with old.begin() as conn:
        conn.execute(sqlalchemy.text(
            "INSERT INTO articles (id, source, title, text) VALUES ('old1', 'old.txt', "
            "'Written before 0002', 'Russia keeps its air base in the town of Kant.')"))
    assert schema_revision(old) == "0001"
    old.dispose()
    upgraded = connect(db_url)
    assert schema_revision(upgraded) == head_revision()
    kept = get_article(upgraded, "old1")
    assert kept is not None and kept.title == "Written before 0002"
    save_article(upgraded, article(1), [mention(1)], editor=EDITOR)
    assert len(query_mentions(upgraded, Filters())) == 1
    upgraded.dispose()


def test_two_editors_at_once_lose_nothing(db_url):
    connect(db_url).dispose()
    errors: list[BaseException] = []

    def work(first: int) -> None:
        engine = connect(db_url)
        try:
            for number in range(first, first + 25):
                save_article(engine, article(number), [mention(number)], editor=EDITOR)
                # Both editors also save the same wire story, over and over, and correct
                # the site they share.
                save_article(engine, article(0, "the shared story"), [mention(0)],
                             editor=EDITOR)
                correct_site(engine, mention(0).site_id, {"name": f"Kant {number}"},
                             editor=EDITOR)
        except BaseException as exc:  # collected for the main thread to report
            errors.append(exc)
        finally:
            engine.dispose()

    threads = [threading.Thread(target=work, args=(start,)) for start in (1, 101)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    engine = connect(db_url)
    rows = query_mentions(engine, Filters())
    assert len(rows) == 51
    assert len({r.article_id for r in rows}) == 51
    site = get_site(engine, rows[0].site_id)
    assert site is not None and site.mention_count == 51
    assert len(site_corrections_of(engine, site.id)) == 50
    assert site.name == site_corrections_of(engine, site.id)[-1][1]
    engine.dispose()


def test_data_version_changes_when_anything_is_saved(engine):
    before = data_version(engine)
    save_article(engine, article(1), [mention(1)], editor=EDITOR)
    after = data_version(engine)
    assert after != before
    save_article(engine, article(1, "changed text"), [mention(1)], editor=EDITOR)
    assert data_version(engine) != after
