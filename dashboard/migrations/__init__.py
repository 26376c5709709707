"""Alembic schema migrations: every database upgrades to the newest schema without loss."""
