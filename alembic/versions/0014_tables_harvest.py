"""the harvest of each table, round by round (#24): the host's lines, each with its angle
(purpose, needs, actions, an idea kept), salle or the facilitator's own

Revision ID: 0014_tables_harvest
Revises: 0013_tables_seating
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014_tables_harvest"
down_revision = "0013_tables_seating"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "harvest_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workshop_id", sa.Integer(), nullable=False),
        sa.Column("table_id", sa.Integer(), nullable=False),
        sa.Column("round_number", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("angle", sa.String(length=20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("facilitator_note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["table_id"],
            ["seating_tables.id"],
            name=op.f("fk_harvest_lines_table_id_seating_tables"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["workshop_id"],
            ["workshops.id"],
            name=op.f("fk_harvest_lines_workshop_id_workshops"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_harvest_lines")),
    )
    with op.batch_alter_table("harvest_lines", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_harvest_lines_table_id"), ["table_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_harvest_lines_workshop_id"), ["workshop_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("harvest_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_harvest_lines_workshop_id"))
        batch_op.drop_index(batch_op.f("ix_harvest_lines_table_id"))
    op.drop_table("harvest_lines")
