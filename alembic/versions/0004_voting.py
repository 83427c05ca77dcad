"""dot votes, items, rounds, ballots, tie decisions

Revision ID: 0004_voting
Revises: 0003_boards
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_voting"
down_revision = "0003_boards"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "dot_votes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workshop_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("criteria", sa.Text(), nullable=False),
        sa.Column("dots_per_participant", sa.Integer(), nullable=False),
        sa.Column("max_per_item", sa.Integer(), nullable=False),
        sa.Column("hidden", sa.Boolean(), nullable=False),
        sa.Column("winners_count", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["workshop_id"],
            ["workshops.id"],
            name=op.f("fk_dot_votes_workshop_id_workshops"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dot_votes")),
    )
    with op.batch_alter_table("dot_votes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_dot_votes_workshop_id"), ["workshop_id"], unique=False)

    op.create_table(
        "vote_rounds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("vote_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("entry_mode", sa.String(length=10), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("revealed", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(
            ["vote_id"],
            ["dot_votes.id"],
            name=op.f("fk_vote_rounds_vote_id_dot_votes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vote_rounds")),
    )
    with op.batch_alter_table("vote_rounds", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_vote_rounds_vote_id"), ["vote_id"], unique=False)

    op.create_table(
        "vote_ballots",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=True),
        sa.Column("voter_name", sa.String(length=200), nullable=False),
        sa.Column("cast_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participants.id"],
            name=op.f("fk_vote_ballots_participant_id_participants"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["vote_rounds.id"],
            name=op.f("fk_vote_ballots_round_id_vote_rounds"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vote_ballots")),
        sa.UniqueConstraint("round_id", "participant_id", name=op.f("uq_vote_ballots_round_id")),
    )
    with op.batch_alter_table("vote_ballots", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_vote_ballots_round_id"), ["round_id"], unique=False)

    op.create_table(
        "vote_decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("ordered_item_ids", sa.String(length=500), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["vote_rounds.id"],
            name=op.f("fk_vote_decisions_round_id_vote_rounds"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vote_decisions")),
    )
    with op.batch_alter_table("vote_decisions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_vote_decisions_round_id"), ["round_id"], unique=False)

    op.create_table(
        "vote_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("vote_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("source_card_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["source_card_id"],
            ["board_cards.id"],
            name=op.f("fk_vote_items_source_card_id_board_cards"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["vote_id"],
            ["dot_votes.id"],
            name=op.f("fk_vote_items_vote_id_dot_votes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vote_items")),
    )
    with op.batch_alter_table("vote_items", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_vote_items_vote_id"), ["vote_id"], unique=False)

    op.create_table(
        "vote_ballot_dots",
        sa.Column("ballot_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("dots", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["ballot_id"],
            ["vote_ballots.id"],
            name=op.f("fk_vote_ballot_dots_ballot_id_vote_ballots"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["vote_items.id"],
            name=op.f("fk_vote_ballot_dots_item_id_vote_items"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("ballot_id", "item_id", name=op.f("pk_vote_ballot_dots")),
    )
    op.create_table(
        "vote_round_items",
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("wall_count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["vote_items.id"],
            name=op.f("fk_vote_round_items_item_id_vote_items"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["vote_rounds.id"],
            name=op.f("fk_vote_round_items_round_id_vote_rounds"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("round_id", "item_id", name=op.f("pk_vote_round_items")),
    )


def downgrade() -> None:
    for table in (
        "vote_round_items",
        "vote_ballot_dots",
        "vote_items",
        "vote_decisions",
        "vote_ballots",
        "vote_rounds",
        "dot_votes",
    ):
        op.drop_table(table)
