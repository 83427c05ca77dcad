"""agenda (déroulé, séquences, run facts, personal templates)

Revision ID: 0002_agenda
Revises: 0001_foundation
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_agenda"
down_revision = "0001_foundation"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "agenda_templates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=True),
        sa.Column("sequences", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agenda_templates")),
    )
    op.create_table(
        "agenda_sequences",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workshop_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("intention", sa.Text(), nullable=False),
        sa.Column("instructions", sa.Text(), nullable=False),
        sa.Column("materials", sa.Text(), nullable=False),
        sa.Column("materials_ticked", sa.Text(), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("pinned_start", sa.Time(), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("tool_key", sa.String(length=20), nullable=False),
        sa.Column("tool_ref", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["workshop_id"],
            ["workshops.id"],
            name=op.f("fk_agenda_sequences_workshop_id_workshops"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agenda_sequences")),
    )
    with op.batch_alter_table("agenda_sequences", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_agenda_sequences_workshop_id"), ["workshop_id"], unique=False
        )

    op.create_table(
        "agenda_run_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workshop_id", sa.Integer(), nullable=False),
        sa.Column("sequence_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("elapsed_seconds", sa.Float(), nullable=False),
        sa.Column("extension_seconds", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["sequence_id"],
            ["agenda_sequences.id"],
            name=op.f("fk_agenda_run_events_sequence_id_agenda_sequences"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["workshop_id"],
            ["workshops.id"],
            name=op.f("fk_agenda_run_events_workshop_id_workshops"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agenda_run_events")),
    )
    with op.batch_alter_table("agenda_run_events", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_agenda_run_events_sequence_id"), ["sequence_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_agenda_run_events_workshop_id"), ["workshop_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("agenda_run_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agenda_run_events_workshop_id"))
        batch_op.drop_index(batch_op.f("ix_agenda_run_events_sequence_id"))
    op.drop_table("agenda_run_events")
    with op.batch_alter_table("agenda_sequences", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agenda_sequences_workshop_id"))
    op.drop_table("agenda_sequences")
    op.drop_table("agenda_templates")
