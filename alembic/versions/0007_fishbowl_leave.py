"""fishbowl members who left the workshop for good (quitté l'atelier)

Revision ID: 0007_fishbowl_leave
Revises: 0006_interviews
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_fishbowl_leave"
down_revision = "0006_interviews"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("fishbowl_members", schema=None) as batch_op:
        batch_op.add_column(sa.Column("left_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("fishbowl_members", schema=None) as batch_op:
        batch_op.drop_column("left_at")
