"""Models of the board area (owned by its tool; see alembic/README.md)."""
