"""Ingesting folders: in worker processes as in one, incrementally, a bad file never stops it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import dashboard.intake
from benchmarks.synthetic import write_corpus
from dashboard.errors import ConfigError
from dashboard.filters import Filters
from dashboard.pipeline import ingest_paths
from dashboard.settings import DATA_DIR
from dashboard.store import connect, filter_options, get_article, query_mentions

from .conftest import EDITOR, TEST_DATA


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A few real and synthetic articles, and one broken file among them."""
    target = tmp_path / "in"
    shutil.copytree(DATA_DIR / "articles", target / "seeds")
    write_corpus(target / "synthetic", 24, seed=3)
    shutil.copy(TEST_DATA / "binary.txt", target / "broken.txt")
    return target


def _stored(db: str) -> set[tuple[str, str, str, int, int]]:
    engine = connect(db)
    found = {(m.article_id, m.site_id, m.quote, m.start, m.end)
             for m in query_mentions(engine, Filters())}
    engine.dispose()
    return found


def test_two_workers_store_what_one_process_stores(folder, tmp_path, resources, settings):
    missing = tmp_path / "missing.txt"
    serial_db = f"sqlite:///{tmp_path / 'a.sqlite'}"
    parallel_db = f"sqlite:///{tmp_path / 'b.sqlite'}"
    serial = ingest_paths(connect(serial_db), [folder, missing], resources, editor=EDITOR,
                          workers=1)
    parallel = ingest_paths(connect(parallel_db), [folder, missing], resources, editor=EDITOR,
                            workers=2, settings=settings)
    assert [(r.path, r.ok, r.message, r.article_id) for r in parallel.results] == [
        (r.path, r.ok, r.message, r.article_id) for r in serial.results]
    assert _stored(parallel_db) == _stored(serial_db) != set()
    failed = {Path(r.path).name: r.message for r in parallel.failed}
    assert failed["broken.txt"] == "this is binary data, not text"
    assert failed["missing.txt"] == "no such file or folder"
    assert len(parallel.results) - len(parallel.failed) > 20


def test_progress_counts_every_file_against_the_total(folder, resources, engine):
    calls: list[tuple[int, int]] = []
    report = ingest_paths(engine, [folder], resources, lambda n, t, _: calls.append((n, t)),
                          editor=EDITOR)
    assert calls == [(n, len(report.results)) for n in range(1, len(report.results) + 1)]


def test_several_workers_need_the_settings(folder, resources, engine):
    with pytest.raises(ConfigError, match="needs the settings"):
        ingest_paths(engine, [folder], resources, editor=EDITOR, workers=2)


def test_unchanged_files_are_skipped_without_extracting(folder, resources, engine,
                                                        monkeypatch):
    first = ingest_paths(engine, [folder], resources, editor=EDITOR)

    def refuse(*_args: object) -> None:
        raise AssertionError("an unchanged file was extracted again")

    monkeypatch.setattr(dashboard.intake, "find_mentions", refuse)
    again = ingest_paths(engine, [folder], resources, editor=EDITOR)
    assert [r.ok for r in again.results] == [r.ok for r in first.results]
    for before, after in zip(first.results, again.results, strict=True):
        if before.ok:
            assert after.message.startswith("unchanged")
            assert (after.mentions, after.article_id) == (before.mentions, before.article_id)


STORY = ("Russia will expand the air base in the town of Kant, the Kyrgyz defence ministry "
         "said on Tuesday, adding hangars and a longer runway for its aircraft.")


def test_changed_metadata_or_text_is_extracted_again(folder, resources, engine):
    story = folder / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    first = {r.path: r for r in ingest_paths(engine, [folder], resources, editor=EDITOR).results}
    seed = next((folder / "seeds").glob("*.txt"))
    sidecar = Path(f"{seed}.json")
    meta = json.loads(sidecar.read_text(encoding="utf-8"))
    sidecar.write_text(json.dumps({**meta, "title": "A corrected title"}), encoding="utf-8")
    story.write_text(STORY.replace("Tuesday", "Wednesday"), encoding="utf-8")
    articles = filter_options(engine).articles
    report = {r.path: r for r in ingest_paths(engine, [folder], resources,
                                              editor=EDITOR).results}
    changed = {Path(p).name for p, r in report.items()
               if r.ok and not r.message.startswith("unchanged")}
    assert changed == {seed.name, story.name}
    assert get_article(engine, report[str(seed)].article_id).title == "A corrected title"
    old, new = first[str(story)].article_id, report[str(story)].article_id
    assert old != new and get_article(engine, old) is None
    assert "Wednesday" in get_article(engine, new).text
    assert filter_options(engine).articles == articles
