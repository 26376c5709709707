"""The first schema: articles, sites, mentions and their alliances.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the tables as the first release of the store made them."""
    op.create_table(
        "articles",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("url", sa.Text), sa.Column("title", sa.Text), sa.Column("published", sa.Date),
        sa.Column("date_basis", sa.String(16)), sa.Column("outlet", sa.Text),
        sa.Column("language", sa.String(16)), sa.Column("text", sa.Text, nullable=False),
        sa.Column("ingested_at", sa.DateTime),
        if_not_exists=True,
    )
    op.create_table(
        "sites",
        sa.Column("id", sa.String(200), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("lat", sa.Float, nullable=False),
        sa.Column("lon", sa.Float, nullable=False),
        sa.Column("precision", sa.String(16), nullable=False),
        sa.Column("geocoder", sa.String(40), nullable=False), sa.Column("place_key", sa.Text),
        sa.Column("operator", sa.String(3)), sa.Column("host", sa.String(3)),
        sa.Column("installation_id", sa.Text), sa.Column("installation_type", sa.String(20)),
        if_not_exists=True,
    )
    op.create_table(
        "mentions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("article_id", sa.String(64),
                  sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("site_id", sa.String(200), sa.ForeignKey("sites.id"), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("quote", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("date", sa.Date), sa.Column("operator", sa.String(3)),
        sa.Column("host", sa.String(3)), sa.Column("countries", sa.Text, nullable=False),
        sa.Column("alliances", sa.Text, nullable=False), sa.Column("status", sa.String(16)),
        if_not_exists=True,
    )
    for name, column in (("site", "site_id"), ("article", "article_id"), ("date", "date"),
                         ("operator", "operator"), ("host", "host")):
        op.create_index(f"mentions_{name}", "mentions", [column], if_not_exists=True)
    op.create_table(
        "mention_alliances",
        sa.Column("mention_id", sa.Integer, sa.ForeignKey("mentions.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("org", sa.String(16), primary_key=True),
        if_not_exists=True,
    )
    op.create_index("mention_alliances_org", "mention_alliances", ["org"], if_not_exists=True)


def downgrade() -> None:
    """Drop every table."""
    for table in ("mention_alliances", "mentions", "sites", "articles"):
        op.drop_table(table)
