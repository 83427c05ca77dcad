"""the chantier's données (#17, kit Brique 1-3 to 1-5): the données clés (`key_figures`:
constat de départ, objectif, à retenir, shown in the workshops' « Quelques chiffres clés »
séquence) and the ressources financières mobilisables (`funding_sources`)

New tables only, each hanging from `chantiers` (ON DELETE CASCADE): nothing existing changes.

Revision ID: 0020_chantier_key_figures
Revises: 0019_phone_posts
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0020_chantier_key_figures"
down_revision = "0019_phone_posts"
branch_labels = None
depends_on = None


def _common() -> list:
    return [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("chantier_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
    ]


def _tail(table: str) -> list:
    return [
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["chantier_id"],
            ["chantiers.id"],
            name=op.f(f"fk_{table}_chantier_id_chantiers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
    ]


def upgrade() -> None:
    op.create_table(
        "key_figures",
        *_common(),
        sa.Column("theme", sa.String(length=200), nullable=False),
        sa.Column("starting", sa.Text(), nullable=False),
        sa.Column("target", sa.Text(), nullable=False),
        sa.Column("takeaway", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("shown", sa.Boolean(), nullable=False),
        *_tail("key_figures"),
    )
    op.create_index("ix_key_figures_chantier_id", "key_figures", ["chantier_id"], unique=False)
    op.create_table(
        "funding_sources",
        *_common(),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("funder", sa.String(length=200), nullable=False),
        sa.Column("scope", sa.Text(), nullable=False),
        sa.Column("amount", sa.Text(), nullable=False),
        sa.Column("link", sa.Text(), nullable=False),
        *_tail("funding_sources"),
    )
    op.create_index(
        "ix_funding_sources_chantier_id", "funding_sources", ["chantier_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_funding_sources_chantier_id", table_name="funding_sources")
    op.drop_table("funding_sources")
    op.drop_index("ix_key_figures_chantier_id", table_name="key_figures")
    op.drop_table("key_figures")
