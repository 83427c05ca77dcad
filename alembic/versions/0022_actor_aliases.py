"""an actor of the cartographie des acteurs linked by hand (#17) to the participants,
interviews and fiche-action pilots that are it under another name: `actors.aliases`, one
name a line, read with the actor's own name and structure when the map says who was met

Revision ID: 0022_actor_aliases
Revises: 0021_phone_words
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0022_actor_aliases"
down_revision = "0021_phone_words"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("actors") as batch:
        batch.add_column(sa.Column("aliases", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("actors") as batch:
        batch.drop_column("aliases")
