"""boards (speedboat, KISS, chemin, étonnement), cards, clusters

Revision ID: 0003_boards
Revises: 0002_agenda
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_boards"
down_revision = "0002_agenda"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "boards",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workshop_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("subgroup", sa.String(length=200), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("split_by_angle", sa.Boolean(), nullable=False),
        sa.Column("spotlight", sa.String(length=60), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["workshop_id"],
            ["workshops.id"],
            name=op.f("fk_boards_workshop_id_workshops"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_boards")),
    )
    with op.batch_alter_table("boards", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_boards_workshop_id"), ["workshop_id"], unique=False)

    op.create_table(
        "board_clusters",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("board_id", sa.Integer(), nullable=False),
        sa.Column("zone", sa.String(length=30), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("collapsed", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["board_id"],
            ["boards.id"],
            name=op.f("fk_board_clusters_board_id_boards"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_board_clusters")),
    )
    with op.batch_alter_table("board_clusters", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_board_clusters_board_id"), ["board_id"], unique=False)

    op.create_table(
        "board_cards",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("board_id", sa.Integer(), nullable=False),
        sa.Column("zone", sa.String(length=30), nullable=False),
        sa.Column("cluster_id", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("colour", sa.String(length=9), nullable=False),
        sa.Column("weight", sa.Integer(), nullable=False),
        sa.Column("angle", sa.String(length=20), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("source_interview_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["board_id"],
            ["boards.id"],
            name=op.f("fk_board_cards_board_id_boards"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["cluster_id"],
            ["board_clusters.id"],
            name=op.f("fk_board_cards_cluster_id_board_clusters"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_board_cards")),
    )
    with op.batch_alter_table("board_cards", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_board_cards_board_id"), ["board_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_board_cards_cluster_id"), ["cluster_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("board_cards", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_board_cards_cluster_id"))
        batch_op.drop_index(batch_op.f("ix_board_cards_board_id"))
    op.drop_table("board_cards")
    with op.batch_alter_table("board_clusters", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_board_clusters_board_id"))
    op.drop_table("board_clusters")
    with op.batch_alter_table("boards", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_boards_workshop_id"))
    op.drop_table("boards")
