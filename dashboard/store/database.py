"""Opening the database and keeping its schema current with Alembic."""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config as AlembicConfig
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import SQLAlchemyError

from dashboard.errors import StoreError

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets readers go on while one writer commits; the timeout makes writers queue.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def connect(url: str) -> Engine:
    """Open the database behind an SQLAlchemy URL, creating or upgrading its schema."""
    try:
        if url.startswith("sqlite"):
            engine = create_engine(url, connect_args={"timeout": 30})
            event.listen(engine, "connect", _sqlite_pragmas)
        else:
            engine = create_engine(url, pool_pre_ping=True)
        migrate(engine)
    except (SQLAlchemyError, CommandError) as exc:
        raise StoreError(f"cannot open the database {url!r}: {exc}") from exc
    return engine


def _alembic_config() -> AlembicConfig:
    config = AlembicConfig()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


@lru_cache(maxsize=1)
def head_revision() -> str | None:
    """Return the newest schema revision this version of the code knows."""
    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


#: Alembic keeps its migration context in module globals: one migration per process at a time.
_MIGRATING = threading.Lock()


def migrate(engine: Engine, revision: str = "head") -> None:
    """Upgrade the schema to a revision with Alembic (a new database gets every step)."""
    if revision == "head" and schema_revision(engine) == head_revision():
        return
    config = _alembic_config()
    with _MIGRATING, engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            # One upgrader at a time when several app servers start together.
            conn.execute(text("SELECT pg_advisory_xact_lock(724001)"))
        config.attributes["connection"] = conn
        command.upgrade(config, revision)


def schema_revision(engine: Engine) -> str | None:
    """Return the schema revision the database is at (None before any migration)."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()
