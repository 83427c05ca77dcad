"""dot votes, items, ballots, rounds

Revision ID: 0004_voting
Revises: 0003_boards
"""

from __future__ import annotations

import sqlalchemy as sa  # noqa: F401

from alembic import op  # noqa: F401

revision = "0004_voting"
down_revision = "0003_boards"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
