"""the tables of a world café, a pro-action café or the sous-groupes (#24): each table's name,
topic, host (a participant or a guest) and seats; the workshop's rounds (rotations), each
possibly tied to a séquence of the déroulé; who sits at which table in each round

Revision ID: 0013_tables_seating
Revises: 0012_boards_identity
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013_tables_seating"
down_revision = "0012_boards_identity"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "seating_rounds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workshop_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("sequence_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["sequence_id"],
            ["agenda_sequences.id"],
            name=op.f("fk_seating_rounds_sequence_id_agenda_sequences"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["workshop_id"],
            ["workshops.id"],
            name=op.f("fk_seating_rounds_workshop_id_workshops"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_seating_rounds")),
    )
    with op.batch_alter_table("seating_rounds", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_seating_rounds_sequence_id"), ["sequence_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_seating_rounds_workshop_id"), ["workshop_id"], unique=False
        )

    op.create_table(
        "seating_tables",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workshop_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("topic", sa.Text(), nullable=False),
        sa.Column("host_participant_id", sa.Integer(), nullable=True),
        sa.Column("host_name", sa.String(length=200), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["host_participant_id"],
            ["participants.id"],
            name=op.f("fk_seating_tables_host_participant_id_participants"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["workshop_id"],
            ["workshops.id"],
            name=op.f("fk_seating_tables_workshop_id_workshops"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_seating_tables")),
    )
    with op.batch_alter_table("seating_tables", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_seating_tables_host_participant_id"),
            ["host_participant_id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_seating_tables_workshop_id"), ["workshop_id"], unique=False
        )

    op.create_table(
        "seats",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("table_id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participants.id"],
            name=op.f("fk_seats_participant_id_participants"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["seating_rounds.id"],
            name=op.f("fk_seats_round_id_seating_rounds"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["table_id"],
            ["seating_tables.id"],
            name=op.f("fk_seats_table_id_seating_tables"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_seats")),
        sa.UniqueConstraint("round_id", "participant_id", name="uq_seats_person"),
    )
    with op.batch_alter_table("seats", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_seats_participant_id"), ["participant_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_seats_round_id"), ["round_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_seats_table_id"), ["table_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("seats", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_seats_table_id"))
        batch_op.drop_index(batch_op.f("ix_seats_round_id"))
        batch_op.drop_index(batch_op.f("ix_seats_participant_id"))
    op.drop_table("seats")
    with op.batch_alter_table("seating_tables", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_seating_tables_workshop_id"))
        batch_op.drop_index(batch_op.f("ix_seating_tables_host_participant_id"))
    op.drop_table("seating_tables")
    with op.batch_alter_table("seating_rounds", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_seating_rounds_workshop_id"))
        batch_op.drop_index(batch_op.f("ix_seating_rounds_sequence_id"))
    op.drop_table("seating_rounds")
