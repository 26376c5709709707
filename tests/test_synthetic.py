"""The synthetic corpus: as many articles as asked, the same for a seed, and extractable."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

from benchmarks.synthetic import format_day, load_vocabulary, make_story, write_corpus
from dashboard.filters import Filters
from dashboard.ingest import list_article_files
from dashboard.pipeline import ingest_paths
from dashboard.store import query_sites

from .conftest import EDITOR


def _contents(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


def test_the_same_seed_writes_the_same_corpus(tmp_path):
    write_corpus(tmp_path / "a", 60, seed=7)
    write_corpus(tmp_path / "b", 60, seed=7)
    write_corpus(tmp_path / "c", 60, seed=8)
    assert _contents(tmp_path / "a") == _contents(tmp_path / "b")
    assert _contents(tmp_path / "a") != _contents(tmp_path / "c")


def test_the_corpus_has_the_count_asked_for_in_text_and_html(tmp_path):
    assert write_corpus(tmp_path, 1203, seed=1) == 1203
    files = list(list_article_files([tmp_path]))
    assert len(files) == 1203
    assert {f.suffix for f in files} == {".txt", ".html"}
    assert {f.parent.name for f in files} == {"0000", "0001"}
    assert any(f.read_text(encoding="utf-8").strip() == "" for f in files)
    assert list(tmp_path.rglob("*.txt.json"))


def test_stories_are_built_from_the_curated_names():
    vocab = load_vocabulary()
    names = {i.name for i in vocab.installations} | {a for i in vocab.installations
                                                     for a in i.aliases}
    text = " ".join(" ".join(make_story(vocab, n, 0)[2]) for n in range(30))
    assert any(name in text for name in names)
    assert any(leader.name in text for leader in vocab.leaders)
    assert make_story(vocab, 5, 0) == make_story(vocab, 5, 0) != make_story(vocab, 6, 0)


def test_dates_are_written_in_several_formats():
    rng = random.Random(0)
    written = {format_day(date(2023, 5, 9), rng) for _ in range(60)}
    assert {"May 9, 2023", "9 May 2023", "2023-05-09"} <= written


def test_synthetic_articles_ingest_with_mentions(tmp_path, resources, engine):
    write_corpus(tmp_path, 40, seed=2)
    report = ingest_paths(engine, [tmp_path], resources, editor=EDITOR)
    assert len(report.results) == 40
    assert sum(r.mentions for r in report.results) > 20
    assert all(r.message in ("the file is empty", "no article text left after removing page "
                             "furniture") for r in report.failed)
    assert any("extraction reads English" in r.message or "English gloss" in r.message
               for r in report.results if r.ok)
    sites = query_sites(engine, Filters(kinds=("installation",)))
    assert any(s.operator and s.host and s.operator != s.host for s in sites)
    assert query_sites(engine, Filters(kinds=("meeting_site",)))
    ids = [r.article_id for r in report.results if r.ok]
    assert len(set(ids)) < len(ids)  # syndicated copies and duplicates are one article
