"""Keep each site's count of undated mentions, for the date views that include them.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the undated count and fill it from the mentions."""
    with op.batch_alter_table("sites") as batch:
        batch.add_column(sa.Column("undated_count", sa.Integer, nullable=False,
                                   server_default="0"))
    op.execute("UPDATE sites SET undated_count = (SELECT count(*) FROM mentions "
               "WHERE mentions.site_id = sites.id AND mentions.date IS NULL)")


def downgrade() -> None:
    """Drop the undated count."""
    with op.batch_alter_table("sites") as batch:
        batch.drop_column("undated_count")
