"""Analysts' corrections: site fields they changed and mentions they rejected.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create site_corrections and mention_rejections."""
    op.create_table(
        "site_corrections",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("site_id", sa.String(200), nullable=False),
        sa.Column("field", sa.String(20), nullable=False),
        sa.Column("value", sa.Text),
        sa.Column("editor", sa.Text, nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
    )
    op.create_index("site_corrections_site", "site_corrections", ["site_id"])
    op.create_table(
        "mention_rejections",
        sa.Column("article_id", sa.String(64), primary_key=True),
        sa.Column("start", sa.Integer, primary_key=True),
        sa.Column("end", sa.Integer, primary_key=True),
        sa.Column("site_id", sa.String(200), nullable=False),
        sa.Column("reason", sa.Text),
        sa.Column("editor", sa.Text, nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    """Drop the correction tables."""
    op.drop_table("mention_rejections")
    op.drop_table("site_corrections")
