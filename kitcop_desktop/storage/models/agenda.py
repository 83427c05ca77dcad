"""Models of the agenda area (owned by its tool; see alembic/README.md)."""
