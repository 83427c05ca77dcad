"""post-its sent from phones (#19), waiting in a board's moderation tray until the
facilitator accepts (a post-it of the board) or discards them

Revision ID: 0019_phone_posts
Revises: 0018_board_card_indexes
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019_phone_posts"
down_revision = "0018_board_card_indexes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "phone_posts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("board_id", sa.Integer(), nullable=False),
        sa.Column("zone", sa.String(length=30), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("device", sa.String(length=32), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["board_id"],
            ["boards.id"],
            name=op.f("fk_phone_posts_board_id_boards"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_phone_posts")),
    )
    with op.batch_alter_table("phone_posts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_phone_posts_board_id"), ["board_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("phone_posts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_phone_posts_board_id"))
    op.drop_table("phone_posts")
