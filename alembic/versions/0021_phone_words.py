"""words sent from phones to a speaking round (météo, déclusion) and the end-of-session
ROTI's scores and comments (#19), shown when the facilitator decides

Revision ID: 0021_phone_words
Revises: 0020_chantier_key_figures
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0021_phone_words"
down_revision = "0020_chantier_key_figures"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "phone_words",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("device", sa.String(length=32), nullable=False),
        sa.Column("word", sa.Text(), nullable=False),
        sa.Column("stay_involved", sa.Boolean(), nullable=True),
        sa.Column("score", sa.Integer(), nullable=True),
        sa.Column("shown", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["speaking_rounds.id"],
            name=op.f("fk_phone_words_round_id_speaking_rounds"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_phone_words")),
        sa.UniqueConstraint("round_id", "device", name=op.f("uq_phone_words_round_id")),
    )
    with op.batch_alter_table("phone_words", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_phone_words_round_id"), ["round_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("phone_words", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_phone_words_round_id"))
    op.drop_table("phone_words")
