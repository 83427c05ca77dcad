"""chantiers above the workshops (#17): a workshop may belong to one (nullable link, existing
workshops stay as they are); a fiche action's status in the chantier's action plan and its
steps with dates; its protocole de test (Brique 4-2) and the log of the test's results

Plain ALTER TABLE on `workshops` and `action_cards` (no batch copy): recreating either would
drop it, and with foreign keys on everything it holds would go with it (ON DELETE CASCADE).

Revision ID: 0015_chantier_action_plan
Revises: 0014_tables_harvest
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015_chantier_action_plan"
down_revision = "0014_tables_harvest"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "chantiers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chantiers")),
    )
    op.create_table(
        "action_steps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("action_card_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=300), nullable=False),
        sa.Column("due", sa.Date(), nullable=True),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["action_card_id"],
            ["action_cards.id"],
            name=op.f("fk_action_steps_action_card_id_action_cards"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action_steps")),
    )
    op.create_index(
        "ix_action_steps_action_card_id", "action_steps", ["action_card_id"], unique=False
    )
    op.create_table(
        "test_protocols",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("action_card_id", sa.Integer(), nullable=False),
        sa.Column("problem", sa.Text(), nullable=False),
        sa.Column("objective", sa.Text(), nullable=False),
        sa.Column("added_value", sa.Text(), nullable=False),
        sa.Column("actors", sa.Text(), nullable=False),
        sa.Column("impact_criteria", sa.Text(), nullable=False),
        sa.Column("success_if", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["action_card_id"],
            ["action_cards.id"],
            name=op.f("fk_test_protocols_action_card_id_action_cards"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_test_protocols")),
    )
    op.create_index(
        "ix_test_protocols_action_card_id", "test_protocols", ["action_card_id"], unique=True
    )
    op.create_table(
        "test_results",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("protocol_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=True),
        sa.Column("criterion", sa.String(length=300), nullable=False),
        sa.Column("observed", sa.Text(), nullable=False),
        sa.Column("verdict", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["protocol_id"],
            ["test_protocols.id"],
            name=op.f("fk_test_results_protocol_id_test_protocols"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_test_results")),
    )
    op.create_index("ix_test_results_protocol_id", "test_results", ["protocol_id"], unique=False)
    op.add_column(
        "action_cards",
        sa.Column("status", sa.String(length=20), server_default="to_start", nullable=False),
    )
    # A nullable column with a REFERENCES clause: what SQLite's ALTER TABLE ADD COLUMN allows.
    op.execute(
        "ALTER TABLE workshops ADD COLUMN chantier_id INTEGER "
        "CONSTRAINT fk_workshops_chantier_id_chantiers "
        "REFERENCES chantiers (id)"
    )
    op.create_index("ix_workshops_chantier_id", "workshops", ["chantier_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_workshops_chantier_id", table_name="workshops")
    op.execute("ALTER TABLE workshops DROP COLUMN chantier_id")  # SQLite 3.35+, in place
    op.execute("ALTER TABLE action_cards DROP COLUMN status")
    op.drop_index("ix_test_results_protocol_id", table_name="test_results")
    op.drop_table("test_results")
    op.drop_index("ix_test_protocols_action_card_id", table_name="test_protocols")
    op.drop_table("test_protocols")
    op.drop_index("ix_action_steps_action_card_id", table_name="action_steps")
    op.drop_table("action_steps")
    op.drop_table("chantiers")
