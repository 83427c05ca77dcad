"""Models of the fishbowl area (owned by its tool; see alembic/README.md)."""
