"""Record who added each article.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add articles.ingested_by (empty for articles stored before)."""
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("ingested_by", sa.Text))


def downgrade() -> None:
    """Drop articles.ingested_by."""
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("ingested_by")
