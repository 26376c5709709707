"""Per-site word counts of the quotes, so a one-word search counts sites without the quotes.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from dashboard.store.words import recount_words

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the word tables and count the words of the quotes already stored."""
    op.create_table(
        "site_words", sa.Column("word", sa.Text, primary_key=True),
        sa.Column("site_id", sa.String(200), primary_key=True),
        sa.Column("n", sa.Integer, nullable=False))
    op.create_index("site_words_site", "site_words", ["site_id"])
    op.create_table(
        "quote_words", sa.Column("word", sa.Text, primary_key=True),
        sa.Column("n", sa.Integer, nullable=False))
    recount_words(op.get_bind())


def downgrade() -> None:
    """Drop the word tables."""
    op.drop_table("quote_words")
    op.drop_index("site_words_site", table_name="site_words")
    op.drop_table("site_words")
