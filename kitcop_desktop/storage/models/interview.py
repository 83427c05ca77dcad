"""Models of the interview area (owned by its tool; see alembic/README.md)."""
