"""Review work: merged sites, mentions analysts added, unresolved place names, feeds.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create site_merges, mention_additions, unresolved_places, feeds and feed_links."""
    op.create_table(
        "site_merges",
        sa.Column("merged_id", sa.String(200), primary_key=True),
        sa.Column("keep_id", sa.String(200), nullable=False),
        sa.Column("name", sa.Text), sa.Column("lat", sa.Float), sa.Column("lon", sa.Float),
        sa.Column("editor", sa.Text, nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
    )
    op.create_index("site_merges_keep", "site_merges", ["keep_id"])
    op.create_table(
        "mention_additions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("article_id", sa.String(64), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("quote", sa.Text, nullable=False),
        sa.Column("site_id", sa.String(200), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("lat", sa.Float, nullable=False), sa.Column("lon", sa.Float, nullable=False),
        sa.Column("precision", sa.String(16), nullable=False),
        sa.Column("geocoder", sa.String(40), nullable=False),
        sa.Column("operator", sa.String(3)), sa.Column("host", sa.String(3)),
        sa.Column("date", sa.Date),
        sa.Column("countries", sa.Text, nullable=False),
        sa.Column("alliances", sa.Text, nullable=False),
        sa.Column("editor", sa.Text, nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
    )
    op.create_index("mention_additions_article", "mention_additions", ["article_id"])
    op.create_table(
        "unresolved_places",
        sa.Column("article_id", sa.String(64), primary_key=True),
        sa.Column("start", sa.Integer, primary_key=True),
        sa.Column("end", sa.Integer, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("sentence_start", sa.Integer, nullable=False),
        sa.Column("sentence_end", sa.Integer, nullable=False),
        sa.Column("sentence", sa.Text, nullable=False),
    )
    op.create_table(
        "feeds",
        sa.Column("url", sa.Text, primary_key=True),
        sa.Column("added_by", sa.Text, nullable=False),
        sa.Column("added_at", sa.DateTime, nullable=False),
        sa.Column("checked_at", sa.DateTime), sa.Column("last_result", sa.Text),
    )
    op.create_table(
        "feed_links",
        sa.Column("feed_url", sa.Text, primary_key=True),
        sa.Column("link", sa.Text, primary_key=True),
        sa.Column("seen_at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    """Drop the review and feed tables."""
    for table in ("feed_links", "feeds", "unresolved_places", "mention_additions",
                  "site_merges"):
        op.drop_table(table)
