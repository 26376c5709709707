"""Indexes that serve every filter, and per-site mention counts and status on the site row.

Text search gets a trigram index: an FTS5 table kept by triggers on SQLite, pg_trgm's GIN
index on PostgreSQL (skipped, with search still working unindexed, where the server lacks
the extension).

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

#: (name, table, columns) before and after: each filter index now holds site_id and date.
OLD = (("mentions_site", "mentions", ["site_id"]), ("mentions_date", "mentions", ["date"]),
       ("mentions_operator", "mentions", ["operator"]), ("mentions_host", "mentions", ["host"]),
       ("mention_alliances_org", "mention_alliances", ["org"]))
NEW = (("mentions_site", "mentions", ["site_id", "date"]),
       ("mentions_date", "mentions", ["date", "site_id"]),
       ("mentions_operator", "mentions", ["operator", "site_id", "date"]),
       ("mentions_host", "mentions", ["host", "site_id", "date"]),
       ("mentions_kind", "mentions", ["kind", "site_id", "date"]),
       ("mention_alliances_org", "mention_alliances", ["org", "site_id", "mention_id"]))


def _swap(drop: tuple[tuple[str, str, list[str]], ...],
          create: tuple[tuple[str, str, list[str]], ...]) -> None:
    for name, table, _ in drop:
        op.drop_index(name, table_name=table, if_exists=True)
    for name, table, columns in create:
        op.create_index(name, table, columns)


SQLITE_TEXT = (
    "CREATE VIRTUAL TABLE mention_text USING fts5(quote, content='mentions', "
    "content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER mention_text_insert AFTER INSERT ON mentions BEGIN "
    "INSERT INTO mention_text(rowid, quote) VALUES (new.id, new.quote); END",
    "CREATE TRIGGER mention_text_delete AFTER DELETE ON mentions BEGIN "
    "INSERT INTO mention_text(mention_text, rowid, quote) VALUES ('delete', old.id, old.quote);"
    " END",
    "CREATE TRIGGER mention_text_update AFTER UPDATE OF quote ON mentions BEGIN "
    "INSERT INTO mention_text(mention_text, rowid, quote) VALUES ('delete', old.id, old.quote);"
    " INSERT INTO mention_text(rowid, quote) VALUES (new.id, new.quote); END",
    "INSERT INTO mention_text(mention_text) VALUES ('rebuild')",
)


def _text_index() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for statement in SQLITE_TEXT:
            op.execute(statement)
    elif bind.dialect.name == "postgresql":
        try:
            with bind.begin_nested():
                bind.execute(sa.text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
                bind.execute(sa.text("CREATE INDEX mentions_quote_trgm ON mentions "
                                     "USING gin (quote gin_trgm_ops)"))
        except sa.exc.DBAPIError:
            pass  # no pg_trgm on this server: text search scans, every other filter indexed


def upgrade() -> None:
    """Add the site figures, fill them, and rebuild the filter indexes."""
    with op.batch_alter_table("sites") as batch:
        batch.add_column(sa.Column("mention_count", sa.Integer, nullable=False,
                                   server_default="0"))
        batch.add_column(sa.Column("status", sa.String(16)))
    op.execute("UPDATE sites SET mention_count = (SELECT count(*) FROM mentions "
               "WHERE mentions.site_id = sites.id), status = (SELECT m.status FROM mentions m "
               "WHERE m.site_id = sites.id AND m.status IS NOT NULL ORDER BY m.date IS NULL, "
               "m.date DESC, m.id DESC LIMIT 1)")
    op.create_index("sites_precision", "sites", ["precision"])
    with op.batch_alter_table("mention_alliances") as batch:
        batch.add_column(sa.Column("site_id", sa.String(200)))
    op.execute("UPDATE mention_alliances SET site_id = (SELECT site_id FROM mentions "
               "WHERE mentions.id = mention_alliances.mention_id)")
    _swap(OLD, NEW)
    _text_index()


def downgrade() -> None:
    """Put the single-column indexes back and drop the site figures and the text index."""
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS mention_text_{trigger}")
        op.execute("DROP TABLE IF EXISTS mention_text")
    else:
        op.drop_index("mentions_quote_trgm", table_name="mentions", if_exists=True)
    _swap(NEW, OLD)
    op.drop_index("sites_precision", table_name="sites")
    with op.batch_alter_table("mention_alliances") as batch:
        batch.drop_column("site_id")
    with op.batch_alter_table("sites") as batch:
        batch.drop_column("status")
        batch.drop_column("mention_count")
