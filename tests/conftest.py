"""Shared fixtures: settings in temporary folders, loaded resources, a fresh database."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from dashboard.context import Resources
from dashboard.pipeline import load_resources
from dashboard.settings import DATA_DIR, Settings
from dashboard.store import connect

TEST_DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache folder per test run: the gazetteer index is built once."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(scope="session")
def session_settings(cache_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Settings pointing at the real curated data and a temporary cache."""
    db = tmp_path_factory.mktemp("db") / "session.sqlite"
    return Settings(db=str(db), data_dir=DATA_DIR, cache_dir=cache_dir,
                    articles_dir=DATA_DIR / "articles")


@pytest.fixture
def settings(session_settings: Settings, tmp_path: Path) -> Settings:
    """Settings with a database of this test's own."""
    return replace(session_settings, db=str(tmp_path / "test.sqlite"))


@pytest.fixture(scope="session")
def resources(session_settings: Settings) -> Resources:
    """Gazetteer, curated tables and the offline geocoder, loaded once."""
    return load_resources(session_settings)


@pytest.fixture
def engine(settings: Settings):
    """A fresh, empty database for one test."""
    return connect(f"sqlite:///{settings.db}")
