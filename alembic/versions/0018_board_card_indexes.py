"""two indexes on the post-its, so a post-it typed on a large board costs the same as on a
small one (#15): the next place in a zone (board_id, zone, position) and what changed since a
view last read the board (board_id, updated_at) are looked up, not scanned

Revision ID: 0018_board_card_indexes
Revises: 0017_chantier_stakeholders
"""

from __future__ import annotations

from alembic import op

revision = "0018_board_card_indexes"
down_revision = "0017_chantier_stakeholders"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_board_cards_board_id_zone_position": ["board_id", "zone", "position"],
    "ix_board_cards_board_id_updated_at": ["board_id", "updated_at"],
}


def upgrade() -> None:
    for name, columns in INDEXES.items():
        op.create_index(name, "board_cards", columns, unique=False)


def downgrade() -> None:
    for name in reversed(INDEXES):
        op.drop_index(name, table_name="board_cards")
