"""Time the map's filter queries on a large database, indexed against unindexed.

Usage: python benchmarks/queries.py [--sites 10000] [--mentions 1000000] [--postgres URL]

Fills a fresh SQLite database (and a PostgreSQL one when a URL is given, or
DASHBOARD_TEST_POSTGRES is set) with synthetic sites and mentions through the store's
schema, then times each filter the sidebar offers through ``query_sites``. The baseline,
timed in the same run on the same rows, is the schema without the filter indexes.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import Engine, Index, delete, insert, text

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dashboard.filters import Filters  # noqa: E402
from dashboard.store import connect, query_sites  # noqa: E402
from dashboard.store.schema import (  # noqa: E402
    article_sources,
    articles,
    mention_alliances,
    mentions,
    quote_words,
    site_words,
    sites,
)
from dashboard.store.stats import refresh_site_stats  # noqa: E402
from dashboard.store.words import recount_words  # noqa: E402

OPERATORS = ("USA", "RUS", "CHN", "FRA", "GBR", "TUR", "IND", "ARE", "JPN", "DEU", "ITA", "IRN")
HOSTS = ("KGZ", "TJK", "ARM", "SYR", "BLR", "MDA", "GEO", "DJI", "QAT", "BHR", "JPN", "KOR",
         "DEU", "POL", "ROU", "ITA", "ESP", "TUR", "CYP", "SOM", "NER", "MLI", "CAF", "SDN",
         "LBY", "KAZ", "UZB", "AZE", "IRQ", "JOR", "KWT", "SAU", "OMN", "ARE", "IND", "LKA",
         "MDV", "PHL", "AUS", "GUM", "NOR", "EST", "LVA", "LTU", "BGR", "GRC", "NLD", "BEL",
         "GBR", "ISL", "SEN", "CIV", "GAB", "TCD", "BFA", "MOZ", "ETH", "KEN", "SYC", "MUS")
ORGS = ("NATO", "CSTO", "SCO", "CIS", "EAEU", "GCC", "AU", "ASEAN", "AUKUS", "QUAD")
PRECISIONS = ("site", "settlement", "settlement", "region", "country")
STEMS = ("Kant", "Issyk-Kul", "Gyumri", "Hmeimim", "Tartus", "Camp Lemonnier", "Ramstein",
         "Incirlik", "Al Udeid", "Diego Garcia", "Okinawa", "Rota", "Souda Bay", "Akrotiri",
         "Djibouti", "Ream", "Baranovichi", "Tiraspol", "Dushanbe", "Bokhtar", "Redzikowo",
         "Deveselu", "Niamey", "Agadez", "Bangui", "Port Sudan", "Benghazi", "Al Jufra",
         "Manas", "Karshi", "Termez", "Yokosuka", "Misawa", "Humphreys", "Osan", "Kunsan",
         "Guam", "Darwin", "Subic", "Cam Ranh", "Gwadar", "Hambantota", "Mogadishu", "Berbera")
FACILITIES = ("air base", "naval port", "garrison", "radar station")
QUOTES = ("{op} troops are stationed at the {kind} near {place}.",
          "The {kind} at {place} hosts {op} aircraft, officials said.",
          "{op} will expand its naval facility in {place}, the ministry announced.",
          "Leaders met in {place} to discuss the {kind} and regional security.",
          "Satellite images show new hangars at the {op} {kind} outside {place}.")
FIRST_DAY = date(2000, 1, 1)
DAYS = 9600

#: The views an analyst switches between, as the sidebar sets them.
VIEWS: dict[str, Filters] = {
    "no filter": Filters(),
    "operator RUS": Filters(operators=("RUS",)),
    "host DJI": Filters(hosts=("DJI",)),
    "alliance CSTO": Filters(alliances=("CSTO",)),
    "kind meeting site": Filters(kinds=("meeting_site",)),
    "precision site": Filters(precisions=("site",)),
    "one year": Filters(start=date(2022, 1, 1), end=date(2022, 12, 31)),
    "operator + year": Filters(operators=("USA",), start=date(2023, 1, 1),
                               end=date(2023, 12, 31), include_undated=False),
    "search 'naval'": Filters(text="naval"),
    "search 'Gyumri'": Filters(text="Gyumri"),
}


def _chunks(rows: Iterator[dict[str, object]], size: int = 20_000
            ) -> Iterator[list[dict[str, object]]]:
    batch: list[dict[str, object]] = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def fill(engine: Engine, site_count: int, mention_count: int, seed: int = 7) -> None:
    """Write synthetic articles, sites, mentions and alliance rows (10 mentions per article)."""
    rng = random.Random(seed)
    weights = [1 / (rank + 1) for rank in range(len(OPERATORS))]
    site_rows = []
    for number in range(site_count):
        kind = "meeting_site" if rng.random() < 0.15 else "installation"
        site_rows.append({
            "id": f"s{number}", "kind": kind,
            "name": f"{rng.choice(STEMS)} {rng.choice(FACILITIES)} {number}",
            "lat": rng.uniform(-50, 70),
            "lon": rng.uniform(-170, 170), "precision": rng.choice(PRECISIONS),
            "geocoder": "gazetteer", "operator": rng.choices(OPERATORS, weights)[0],
            "host": rng.choice(HOSTS)})
    article_count = max(1, mention_count // 10)

    def article_rows() -> Iterator[dict[str, object]]:
        for number in range(article_count):
            yield {"id": f"a{number}", "source": f"corpus/{number}.txt", "title": f"Report "
                   f"{number}", "text": "synthetic", "published": FIRST_DAY + timedelta(
                       days=rng.randrange(DAYS))}

    chosen: list[str] = []  # each mention's site, for its alliance rows

    def mention_rows() -> Iterator[dict[str, object]]:
        for number in range(mention_count):
            site = site_rows[min(int(rng.paretovariate(1.2)) - 1, site_count - 1)
                             if rng.random() < 0.3 else rng.randrange(site_count)]
            when = FIRST_DAY + timedelta(days=rng.randrange(DAYS)) if rng.random() < 0.9 \
                else None
            chosen.append(str(site["id"]))
            yield {"id": number + 1, "article_id": f"a{number // 10}", "site_id": site["id"],
                   "kind": site["kind"], "quote": rng.choice(QUOTES).format(
                       op=site["operator"], kind=str(site["name"]).split()[-2],
                       place=str(site["name"]).rsplit(" ", 2)[0]),
                   "start": 0, "end": 10, "date": when,
                   "operator": site["operator"], "host": site["host"], "countries": "[]",
                   "alliances": "[]", "status": rng.choice(("active", "planned", None))}

    def alliance_rows() -> Iterator[dict[str, object]]:
        for number, site_id in enumerate(chosen):
            for org in rng.sample(ORGS, rng.randrange(3)):
                yield {"mention_id": number + 1, "org": org, "site_id": site_id}

    with engine.begin() as conn:
        conn.execute(insert(sites), site_rows)
        for table, rows in ((articles, article_rows()), (mentions, mention_rows()),
                            (mention_alliances, alliance_rows())):
            for batch in _chunks(rows):
                conn.execute(insert(table), batch)
        conn.execute(insert(article_sources).from_select(
            ["article_id", "source"], articles.select().with_only_columns(
                articles.c.id, articles.c.source)))
        refresh_site_stats(conn)
        recount_words(conn)
        if conn.dialect.name == "sqlite":
            conn.execute(text("ANALYZE"))
    if engine.dialect.name == "postgresql":
        # As autovacuum would after a bulk load: statistics, and the visibility map that
        # lets PostgreSQL answer from the indexes alone.
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE"))


def filter_indexes() -> list[Index]:
    """Return the indexes that serve the filters (not the keys or the article lookup)."""
    return [index for table in (sites, mentions, mention_alliances) for index in table.indexes
            if index.name != "mentions_article"]


def drop_filter_indexes(engine: Engine) -> None:
    """Remove the filter indexes and the word counts, leaving the naive schema."""
    with engine.begin() as conn:
        for index in filter_indexes():
            index.drop(conn, checkfirst=True)
        conn.execute(delete(site_words))
        conn.execute(delete(quote_words))


def clear(engine: Engine) -> None:
    """Delete every row the benchmark wrote (a PostgreSQL database is reused)."""
    tables = (site_words, quote_words, mention_alliances, mentions, article_sources, articles,
              sites)
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            # One statement: row-by-row deletes would check each key against a million rows.
            conn.execute(text("TRUNCATE " + ", ".join(t.name for t in tables) + " CASCADE"))
            return
        for table in tables:
            conn.execute(delete(table))


def best_ms(run: Callable[[], object], repeat: int = 5) -> float:
    """Return the median of several runs, in milliseconds, after one warm-up."""
    run()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def time_views(engine: Engine) -> dict[str, tuple[float, int]]:
    """Time each view's site query; return milliseconds and the number of sites."""
    return {name: (best_ms(lambda f=view: query_sites(engine, f)),  # type: ignore[misc]
                   len(query_sites(engine, view))) for name, view in VIEWS.items()}


def bench(label: str, url: str, site_count: int, mention_count: int) -> None:
    """Fill one database, time the views indexed then unindexed, and print the table."""
    engine = connect(url)
    clear(engine)
    started = time.perf_counter()
    fill(engine, site_count, mention_count)
    print(f"\n{label}: {site_count:,} sites, {mention_count:,} mentions "
          f"(filled in {time.perf_counter() - started:.0f} s)")
    indexed = time_views(engine)
    drop_filter_indexes(engine)
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("DROP INDEX IF EXISTS mentions_quote_trgm"))
    naive = time_views(engine)
    print(f"{'view':20} {'sites':>6} {'indexed ms':>11} {'unindexed ms':>13} {'ratio':>7}")
    for name, (ms, count) in indexed.items():
        base = naive[name][0]
        print(f"{name:20} {count:6} {ms:11.1f} {base:13.1f} {base / ms:6.1f}x")
    worst = max(ms for ms, _ in indexed.values())
    print(f"slowest indexed view: {worst:.1f} ms (target < 100 ms)")
    clear(engine)
    with engine.begin() as conn:
        for index in filter_indexes():  # put the indexes back on a reused database
            index.create(conn, checkfirst=True)
        if conn.dialect.name == "postgresql":
            conn.execute(text("CREATE INDEX IF NOT EXISTS mentions_quote_trgm ON mentions "
                              "USING gin (quote gin_trgm_ops)"))
    engine.dispose()


def main() -> None:
    """Parse the arguments and run the benchmark on SQLite and, if given, PostgreSQL."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sites", type=int, default=10_000)
    parser.add_argument("--mentions", type=int, default=1_000_000)
    parser.add_argument("--postgres", default=os.environ.get("DASHBOARD_TEST_POSTGRES", ""),
                        help="a PostgreSQL URL whose database may be emptied")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        bench("SQLite", f"sqlite:///{tmp}/bench.db", args.sites, args.mentions)
    if args.postgres:
        bench("PostgreSQL", args.postgres, args.sites, args.mentions)


if __name__ == "__main__":
    main()
