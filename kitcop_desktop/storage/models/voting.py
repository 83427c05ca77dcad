"""Models of the voting area (owned by its tool; see alembic/README.md)."""
