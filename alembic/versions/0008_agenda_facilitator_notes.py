"""a séquence's notes pour l'animateur·rice (never on the room screen)

Revision ID: 0008_agenda_facilitator_notes
Revises: 0007_fishbowl_leave
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_agenda_facilitator_notes"
down_revision = "0007_fishbowl_leave"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("agenda_sequences", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("facilitator_notes", sa.Text(), server_default="", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("agenda_sequences", schema=None) as batch_op:
        batch_op.drop_column("facilitator_notes")
