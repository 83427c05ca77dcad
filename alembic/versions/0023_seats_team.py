"""a seat's team (#24): « Par équipes… » remembered, so that « Répartir automatiquement » run
again (someone absent, someone new) keeps the world café's teams as they were dealt; existing
seats were seated without teams (NULL)

Plain ALTER TABLE (no batch copy of `seats`).

Revision ID: 0023_seats_team
Revises: 0022_actor_aliases
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0023_seats_team"
down_revision = "0022_actor_aliases"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("seats", sa.Column("team", sa.Integer(), nullable=True))


def downgrade() -> None:
    op.execute("ALTER TABLE seats DROP COLUMN team")  # SQLite 3.35+, in place
