"""Shared fixtures: settings in temporary folders, loaded resources, a fresh database."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
import sqlalchemy

from dashboard.access import Editor
from dashboard.context import Resources
from dashboard.pipeline import load_resources
from dashboard.settings import DATA_DIR, Settings
from dashboard.store import Database, connect

#: The loopback web server's fixture (`site`) for the fetching tests.
pytest_plugins = ["tests.webserver"]
TEST_DATA = Path(__file__).parent / "data"
EDITOR = Editor("tests", "test")


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


#: A PostgreSQL server the storage tests may create schemas in; `.ci/run` starts one.
POSTGRES = os.environ.get("DASHBOARD_TEST_POSTGRES", "")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, settings: Settings) -> Iterator[str]:
    """The URL of a fresh, empty database: SQLite, and PostgreSQL when a server is given."""
    if request.param == "sqlite":
        yield f"sqlite:///{settings.db}"
        return
    if not POSTGRES:
        if os.environ.get("CI"):
            raise RuntimeError("CI must run the PostgreSQL tests: set DASHBOARD_TEST_POSTGRES")
        pytest.skip("no PostgreSQL server (set DASHBOARD_TEST_POSTGRES); CI runs these tests")
    schema = f"test_{uuid.uuid4().hex[:12]}"
    admin = sqlalchemy.create_engine(POSTGRES)
    with admin.begin() as conn:
        conn.execute(sqlalchemy.text(f'CREATE SCHEMA "{schema}"'))
    separator = "&" if "?" in POSTGRES else "?"
    yield f"{POSTGRES}{separator}options=-csearch_path%3D{schema}"
    with admin.begin() as conn:
        conn.execute(sqlalchemy.text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture
def engine(db_url: str) -> Iterator[Database]:
    """A fresh, empty database for one test (once on SQLite, once on PostgreSQL)."""
    database = connect(db_url)
    yield database
    database.dispose()
