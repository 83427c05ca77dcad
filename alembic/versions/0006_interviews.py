"""interview guides, interviews, interviewees, notes, reports

Revision ID: 0006_interviews
Revises: 0005_fishbowl
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_interviews"
down_revision = "0005_fishbowl"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "interview_guides",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workshop_id", sa.Integer(), nullable=False),
        sa.Column("builtin_key", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["workshop_id"],
            ["workshops.id"],
            name=op.f("fk_interview_guides_workshop_id_workshops"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interview_guides")),
    )
    with op.batch_alter_table("interview_guides", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_interview_guides_workshop_id"), ["workshop_id"], unique=False
        )

    op.create_table(
        "interview_questions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("guide_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["guide_id"],
            ["interview_guides.id"],
            name=op.f("fk_interview_questions_guide_id_interview_guides"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interview_questions")),
    )
    with op.batch_alter_table("interview_questions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_interview_questions_guide_id"), ["guide_id"], unique=False
        )

    op.create_table(
        "interviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workshop_id", sa.Integer(), nullable=False),
        sa.Column("guide_id", sa.Integer(), nullable=True),
        sa.Column("guide_title", sa.String(length=200), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("pseudonym", sa.String(length=100), nullable=False),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("interviewer", sa.String(length=200), nullable=False),
        sa.Column("note_taker", sa.String(length=200), nullable=False),
        sa.Column("profession", sa.String(length=200), nullable=False),
        sa.Column("structure", sa.String(length=200), nullable=False),
        sa.Column("sector", sa.String(length=200), nullable=False),
        sa.Column("territory", sa.String(length=200), nullable=False),
        sa.Column("consent_to_record", sa.Boolean(), nullable=False),
        sa.Column("planned_minutes", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("free_notes", sa.Text(), nullable=False),
        sa.Column("report_engagement", sa.Text(), nullable=False),
        sa.Column("report_actions", sa.Text(), nullable=False),
        sa.Column("report_difficulties", sa.Text(), nullable=False),
        sa.Column("report_levers", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["guide_id"],
            ["interview_guides.id"],
            name=op.f("fk_interviews_guide_id_interview_guides"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["workshop_id"],
            ["workshops.id"],
            name=op.f("fk_interviews_workshop_id_workshops"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interviews")),
    )
    with op.batch_alter_table("interviews", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_interviews_guide_id"), ["guide_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_interviews_workshop_id"), ["workshop_id"], unique=False
        )

    op.create_table(
        "interview_answers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("interview_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("question_text", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["interview_id"],
            ["interviews.id"],
            name=op.f("fk_interview_answers_interview_id_interviews"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interview_answers")),
    )
    with op.batch_alter_table("interview_answers", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_interview_answers_interview_id"), ["interview_id"], unique=False
        )

    op.create_table(
        "interviewee_identities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("interview_id", sa.Integer(), nullable=False),
        sa.Column("real_name", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["interview_id"],
            ["interviews.id"],
            name=op.f("fk_interviewee_identities_interview_id_interviews"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interviewee_identities")),
        sa.UniqueConstraint("interview_id", name=op.f("uq_interviewee_identities_interview_id")),
    )
    op.create_table(
        "interview_marks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("interview_id", sa.Integer(), nullable=False),
        sa.Column("answer_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("sent_board_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["answer_id"],
            ["interview_answers.id"],
            name=op.f("fk_interview_marks_answer_id_interview_answers"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["interview_id"],
            ["interviews.id"],
            name=op.f("fk_interview_marks_interview_id_interviews"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interview_marks")),
    )
    with op.batch_alter_table("interview_marks", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_interview_marks_answer_id"), ["answer_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_interview_marks_interview_id"), ["interview_id"], unique=False
        )


def downgrade() -> None:
    # Indexes go with their tables; children first because of the foreign keys.
    op.drop_table("interview_marks")
    op.drop_table("interviewee_identities")
    op.drop_table("interview_answers")
    op.drop_table("interviews")
    op.drop_table("interview_questions")
    op.drop_table("interview_guides")
