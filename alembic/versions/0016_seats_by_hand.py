"""a seat placed by hand (#24): « Répartir automatiquement » run again keeps it where the
facilitator put it; existing seats were all placed by the rule

Plain ALTER TABLE (no batch copy of `seats`).

Revision ID: 0016_seats_by_hand
Revises: 0015_chantier_action_plan
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016_seats_by_hand"
down_revision = "0015_chantier_action_plan"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "seats", sa.Column("by_hand", sa.Boolean(), server_default=sa.false(), nullable=False)
    )


def downgrade() -> None:
    op.execute("ALTER TABLE seats DROP COLUMN by_hand")  # SQLite 3.35+, in place
