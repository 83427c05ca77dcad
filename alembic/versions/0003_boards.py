"""boards (speedboat, KISS, chemin, étonnement), cards, clusters

Revision ID: 0003_boards
Revises: 0002_agenda
"""

from __future__ import annotations

import sqlalchemy as sa  # noqa: F401

from alembic import op  # noqa: F401

revision = "0003_boards"
down_revision = "0002_agenda"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
