"""a stable identity (uid) for boards and post-its, carried by .kitcop files, so a board
exported, edited on another laptop and imported again updates its post-its instead of adding
copies; existing rows get one each

Plain ALTER TABLE (no batch copy): recreating `boards` would drop it, and with foreign keys on
its post-its would go with it (ON DELETE CASCADE).

Revision ID: 0012_boards_identity
Revises: 0011_actions_theme_test_plan
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_boards_identity"
down_revision = "0011_actions_theme_test_plan"
branch_labels = None
depends_on = None

TABLES = ("boards", "board_cards")


def upgrade() -> None:
    for table in TABLES:
        op.add_column(
            table, sa.Column("uid", sa.String(length=32), server_default="", nullable=False)
        )
        # 16 random bytes as 32 hex digits: what models.board.new_uid gives new rows.
        op.execute(f"UPDATE {table} SET uid = lower(hex(randomblob(16))) WHERE uid = ''")
        op.create_index(f"ix_{table}_uid", table, ["uid"], unique=False)


def downgrade() -> None:
    for table in reversed(TABLES):
        op.drop_index(f"ix_{table}_uid", table_name=table)
        op.execute(f"ALTER TABLE {table} DROP COLUMN uid")  # SQLite 3.35+, in place
