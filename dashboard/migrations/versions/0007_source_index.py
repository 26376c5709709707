"""Find an article's earlier versions by source without reading every source row.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Index article_sources by source (each save looks its source up)."""
    op.create_index("article_sources_source", "article_sources", ["source"])


def downgrade() -> None:
    """Drop the source index."""
    op.drop_index("article_sources_source", table_name="article_sources")
