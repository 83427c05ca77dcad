"""fishbowl sessions, seats, speaking turns, private notes, speaking rounds

Revision ID: 0005_fishbowl
Revises: 0004_voting
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_fishbowl"
down_revision = "0004_voting"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "fishbowls",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workshop_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("chairs", sa.Integer(), nullable=False),
        sa.Column("timebox_minutes", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("timebox_extension_seconds", sa.Integer(), nullable=False),
        sa.Column("timebox_elapsed_before", sa.Float(), nullable=False),
        sa.Column("timebox_running_since", sa.DateTime(timezone=True), nullable=True),
        sa.Column("notes_revealed", sa.Boolean(), nullable=False),
        sa.Column("stats_shown", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["workshop_id"],
            ["workshops.id"],
            name=op.f("fk_fishbowls_workshop_id_workshops"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fishbowls")),
    )
    with op.batch_alter_table("fishbowls", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_fishbowls_workshop_id"), ["workshop_id"], unique=False)

    op.create_table(
        "speaking_rounds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workshop_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("prompt", sa.Text(), nullable=False),
        sa.Column("seconds_per_speaker", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("current_entry_id", sa.Integer(), nullable=True),
        sa.Column("speaker_elapsed_before", sa.Float(), nullable=False),
        sa.Column("speaker_running_since", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["workshop_id"],
            ["workshops.id"],
            name=op.f("fk_speaking_rounds_workshop_id_workshops"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_speaking_rounds")),
    )
    with op.batch_alter_table("speaking_rounds", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_speaking_rounds_workshop_id"), ["workshop_id"], unique=False
        )

    op.create_table(
        "fishbowl_members",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("fishbowl_id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("category", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["fishbowl_id"],
            ["fishbowls.id"],
            name=op.f("fk_fishbowl_members_fishbowl_id_fishbowls"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participants.id"],
            name=op.f("fk_fishbowl_members_participant_id_participants"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fishbowl_members")),
    )
    with op.batch_alter_table("fishbowl_members", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_fishbowl_members_fishbowl_id"), ["fishbowl_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_fishbowl_members_participant_id"), ["participant_id"], unique=False
        )

    op.create_table(
        "fishbowl_notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("fishbowl_id", sa.Integer(), nullable=False),
        sa.Column("heading", sa.String(length=20), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["fishbowl_id"],
            ["fishbowls.id"],
            name=op.f("fk_fishbowl_notes_fishbowl_id_fishbowls"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fishbowl_notes")),
    )
    with op.batch_alter_table("fishbowl_notes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_fishbowl_notes_fishbowl_id"), ["fishbowl_id"], unique=False
        )

    op.create_table(
        "round_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("category", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("word", sa.Text(), nullable=False),
        sa.Column("stay_involved", sa.Boolean(), nullable=True),
        sa.Column("spoken_seconds", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participants.id"],
            name=op.f("fk_round_entries_participant_id_participants"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["speaking_rounds.id"],
            name=op.f("fk_round_entries_round_id_speaking_rounds"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_round_entries")),
    )
    with op.batch_alter_table("round_entries", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_round_entries_participant_id"), ["participant_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_round_entries_round_id"), ["round_id"], unique=False)

    op.create_table(
        "fishbowl_seatings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("fishbowl_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("chair", sa.Integer(), nullable=False),
        sa.Column("sat_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("left_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["fishbowl_id"],
            ["fishbowls.id"],
            name=op.f("fk_fishbowl_seatings_fishbowl_id_fishbowls"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["fishbowl_members.id"],
            name=op.f("fk_fishbowl_seatings_member_id_fishbowl_members"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fishbowl_seatings")),
    )
    with op.batch_alter_table("fishbowl_seatings", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_fishbowl_seatings_fishbowl_id"), ["fishbowl_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_fishbowl_seatings_member_id"), ["member_id"], unique=False
        )

    op.create_table(
        "fishbowl_turns",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("fishbowl_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["fishbowl_id"],
            ["fishbowls.id"],
            name=op.f("fk_fishbowl_turns_fishbowl_id_fishbowls"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["fishbowl_members.id"],
            name=op.f("fk_fishbowl_turns_member_id_fishbowl_members"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fishbowl_turns")),
    )
    with op.batch_alter_table("fishbowl_turns", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_fishbowl_turns_fishbowl_id"), ["fishbowl_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_fishbowl_turns_member_id"), ["member_id"], unique=False
        )


def downgrade() -> None:
    for table in (
        "fishbowl_turns",
        "fishbowl_seatings",
        "round_entries",
        "fishbowl_notes",
        "fishbowl_members",
        "speaking_rounds",
        "fishbowls",
    ):
        op.drop_table(table)
