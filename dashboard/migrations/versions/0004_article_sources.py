"""Every outlet that carried an article: syndicated copies are one article, many sources.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create article_sources and fill it with each stored article's own source."""
    op.create_table(
        "article_sources",
        sa.Column("article_id", sa.String(64), primary_key=True),
        sa.Column("source", sa.Text, primary_key=True),
        sa.Column("url", sa.Text), sa.Column("outlet", sa.Text), sa.Column("title", sa.Text),
        sa.Column("published", sa.Date), sa.Column("seen_at", sa.DateTime),
    )
    op.execute("INSERT INTO article_sources (article_id, source, url, outlet, title, published, "
               "seen_at) SELECT id, source, url, outlet, title, published, ingested_at "
               "FROM articles")


def downgrade() -> None:
    """Drop article_sources."""
    op.drop_table("article_sources")
