"""vote rounds with their own rules (a round among ex æquo proposes fewer gommettes)

Revision ID: 0009_voting_round_rules
Revises: 0008_agenda_facilitator_notes
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_voting_round_rules"
down_revision = "0008_agenda_facilitator_notes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("vote_rounds", schema=None) as batch_op:
        batch_op.add_column(sa.Column("dots_per_participant", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("max_per_item", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("vote_rounds", schema=None) as batch_op:
        batch_op.drop_column("max_per_item")
        batch_op.drop_column("dots_per_participant")
