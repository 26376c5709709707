"""Per-site counts of the words in quotes, kept in step with every mention written or removed.

A search for a word that two quotes in five contain would otherwise read hundreds of thousands
of quote rows to count them per site. A quote holds a text made only of word characters
exactly when one of its words holds it, so when no other word of any quote contains the
searched word, the per-site count of that word is the exact answer.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from sqlalchemy import Table, delete, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection
from sqlalchemy.sql.elements import ColumnElement

from dashboard.store.schema import mentions, quote_words, site_words

WORD = re.compile(r"\w+")
_CHUNK = 500


def words_of(quote: str) -> set[str]:
    """Return the distinct lower-case words of a quote."""
    return set(WORD.findall(quote.lower()))


def search_word(text: str) -> str | None:
    """Return a search text as one lower-case word, or None when it is not one word."""
    word = text.strip().lower()
    return word if WORD.fullmatch(word) else None


def _add(conn: Connection, table: Table, keys: Sequence[str], rows: list[dict[str, object]]
         ) -> None:
    insert = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
    upsert = insert(table)
    statement = upsert.on_conflict_do_update(index_elements=list(keys),
                                             set_={"n": table.c.n + upsert.excluded.n})
    for start in range(0, len(rows), 5000):
        conn.execute(statement, rows[start:start + 5000])


def count_words(conn: Connection, quotes: Iterable[tuple[str, str]], sign: int = 1) -> None:
    """Add (sign 1) or take away (sign -1) the words of ``(site_id, quote)`` mentions."""
    per_site = Counter((word, site) for site, quote in quotes for word in words_of(quote))
    if not per_site:
        return
    totals: Counter[str] = Counter()
    for (word, _), n in per_site.items():
        totals[word] += n
    _add(conn, site_words, ("word", "site_id"), [
        {"word": word, "site_id": site, "n": sign * n} for (word, site), n in per_site.items()])
    _add(conn, quote_words, ("word",), [
        {"word": word, "n": sign * n} for word, n in totals.items()])
    if sign < 0:
        touched = sorted(totals)
        for start in range(0, len(touched), _CHUNK):
            chunk = touched[start:start + _CHUNK]
            conn.execute(delete(site_words).where(site_words.c.word.in_(chunk),
                                                  site_words.c.n <= 0))
            conn.execute(delete(quote_words).where(quote_words.c.word.in_(chunk),
                                                   quote_words.c.n <= 0))


def forget_words(conn: Connection, which: ColumnElement[bool]) -> None:
    """Take away the words of the mentions about to be deleted (those matching ``which``)."""
    rows = conn.execute(select(mentions.c.site_id, mentions.c.quote).where(which)).all()
    count_words(conn, ((site, quote) for site, quote in rows), -1)


def move_words(conn: Connection, old_site: str, new_site: str) -> None:
    """Carry a merged site's word counts over to the site it was merged into."""
    rows = conn.execute(select(site_words.c.word, site_words.c.n)
                        .where(site_words.c.site_id == old_site)).all()
    conn.execute(delete(site_words).where(site_words.c.site_id == old_site))
    if rows:
        _add(conn, site_words, ("word", "site_id"),
             [{"word": word, "site_id": new_site, "n": n} for word, n in rows])


def recount_words(conn: Connection) -> None:
    """Count every quote's words again from the mentions (a migration, or a repair)."""
    conn.execute(delete(site_words))
    conn.execute(delete(quote_words))
    rows = conn.execute(select(mentions.c.site_id, mentions.c.quote)).all()
    count_words(conn, ((site, quote) for site, quote in rows))


def is_whole_word(conn: Connection, word: str, pattern: str) -> bool:
    """Tell whether some quote has ``word`` and no other quote word contains it.

    ``pattern`` is the word's LIKE pattern. A word the counts do not know is left to the
    quote index too, so counts never kept (or emptied) can only make a search slower.
    """
    found = conn.execute(select(quote_words.c.word).where(
        quote_words.c.word.like(pattern, escape="\\")).limit(2)).scalars().all()
    return found == [word]
