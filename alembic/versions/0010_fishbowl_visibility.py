"""visibility of the fishbowl's notes: each note-taker's note revealed on its own, and the
facilitator's own note (animateur·rice)

Revision ID: 0010_fishbowl_visibility
Revises: 0009_voting_round_rules

The fishbowl-wide « notes révélées » flag becomes a flag on each note: a bowl whose notes were
revealed keeps them revealed, one by one.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_fishbowl_visibility"
down_revision = "0009_voting_round_rules"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("fishbowl_notes", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("revealed", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
    op.execute(
        "UPDATE fishbowl_notes SET revealed = 1 WHERE fishbowl_id IN "
        "(SELECT id FROM fishbowls WHERE notes_revealed = 1)"
    )
    with op.batch_alter_table("fishbowls", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("facilitator_note", sa.Text(), server_default="", nullable=False)
        )
        batch_op.drop_column("notes_revealed")


def downgrade() -> None:
    with op.batch_alter_table("fishbowls", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("notes_revealed", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.drop_column("facilitator_note")
    op.execute(
        "UPDATE fishbowls SET notes_revealed = 1 WHERE id IN "
        "(SELECT fishbowl_id FROM fishbowl_notes WHERE revealed = 1)"
    )
    with op.batch_alter_table("fishbowl_notes", schema=None) as batch_op:
        batch_op.drop_column("revealed")
