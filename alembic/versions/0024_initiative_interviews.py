"""an initiative inspirante linked by hand (#17) to the campaign's interviews where it was met:
`initiatives.interview_ids` (« 12,7 », ids of interviews; a list reference of the exchange)

Revision ID: 0024_initiative_interviews
Revises: 0023_seats_team
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0024_initiative_interviews"
down_revision = "0023_seats_team"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("initiatives") as batch:
        batch.add_column(sa.Column("interview_ids", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("initiatives") as batch:
        batch.drop_column("interview_ids")
