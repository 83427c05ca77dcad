"""fishbowl sessions, seats, speaking turns, private notes, speaking rounds

Revision ID: 0005_fishbowl
Revises: 0004_voting
"""

from __future__ import annotations

import sqlalchemy as sa  # noqa: F401

from alembic import op  # noqa: F401

revision = "0005_fishbowl"
down_revision = "0004_voting"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
