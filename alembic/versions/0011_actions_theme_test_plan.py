"""a fiche action's theme header (the kit's « BIODIVERSITÉ ») and how to test the action
before scaling it up (the kit's action plan: « comment vous pourriez tester cette action »)

Revision ID: 0011_actions_theme_test_plan
Revises: 0010_fishbowl_visibility
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_actions_theme_test_plan"
down_revision = "0010_fishbowl_visibility"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("action_cards", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("theme", sa.String(length=100), server_default="", nullable=False)
        )
        batch_op.add_column(sa.Column("test_plan", sa.Text(), server_default="", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("action_cards", schema=None) as batch_op:
        batch_op.drop_column("test_plan")
        batch_op.drop_column("theme")
