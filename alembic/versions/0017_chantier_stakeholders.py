"""the chantier's état des lieux (#17, kit Brique 1): the cartographie des acteurs (`actors`,
placed around the chantier), its gouvernance (`governance_bodies` and their
`governance_members` with a RACI letter) and the initiatives inspirantes (`initiatives`)

New tables only, each hanging from `chantiers` (ON DELETE CASCADE): nothing existing changes.

Revision ID: 0017_chantier_stakeholders
Revises: 0016_seats_by_hand
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017_chantier_stakeholders"
down_revision = "0016_seats_by_hand"
branch_labels = None
depends_on = None


def _stamps() -> list[sa.Column]:
    return [
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    ]


def _chantier_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["chantier_id"],
        ["chantiers.id"],
        name=op.f(f"fk_{table}_chantier_id_chantiers"),
        ondelete="CASCADE",
    )


def upgrade() -> None:
    op.create_table(
        "actors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("chantier_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("structure", sa.String(length=200), nullable=False),
        sa.Column("category", sa.String(length=20), nullable=False),
        sa.Column("influential", sa.Boolean(), nullable=False),
        sa.Column("x", sa.Float(), nullable=False),
        sa.Column("y", sa.Float(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        *_stamps(),
        _chantier_fk("actors"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actors")),
    )
    op.create_index("ix_actors_chantier_id", "actors", ["chantier_id"], unique=False)
    op.create_table(
        "governance_bodies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("chantier_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("participation", sa.String(length=20), nullable=False),
        sa.Column("purpose", sa.Text(), nullable=False),
        *_stamps(),
        _chantier_fk("governance_bodies"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_governance_bodies")),
    )
    op.create_index(
        "ix_governance_bodies_chantier_id", "governance_bodies", ["chantier_id"], unique=False
    )
    op.create_table(
        "initiatives",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("chantier_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("scale", sa.String(length=200), nullable=False),
        sa.Column("territory", sa.String(length=200), nullable=False),
        sa.Column("presentation", sa.Text(), nullable=False),
        sa.Column("interest", sa.Text(), nullable=False),
        sa.Column("contact", sa.Text(), nullable=False),
        sa.Column("follow_up", sa.Text(), nullable=False),
        *_stamps(),
        _chantier_fk("initiatives"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_initiatives")),
    )
    op.create_index("ix_initiatives_chantier_id", "initiatives", ["chantier_id"], unique=False)
    op.create_table(
        "governance_members",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("body_id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("raci", sa.String(length=1), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["actors.id"],
            name=op.f("fk_governance_members_actor_id_actors"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["body_id"],
            ["governance_bodies.id"],
            name=op.f("fk_governance_members_body_id_governance_bodies"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_governance_members")),
        sa.UniqueConstraint("body_id", "actor_id", name=op.f("uq_governance_members_body_id")),
    )
    op.create_index(
        "ix_governance_members_actor_id", "governance_members", ["actor_id"], unique=False
    )
    op.create_index(
        "ix_governance_members_body_id", "governance_members", ["body_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_governance_members_body_id", table_name="governance_members")
    op.drop_index("ix_governance_members_actor_id", table_name="governance_members")
    op.drop_table("governance_members")
    op.drop_index("ix_initiatives_chantier_id", table_name="initiatives")
    op.drop_table("initiatives")
    op.drop_index("ix_governance_bodies_chantier_id", table_name="governance_bodies")
    op.drop_table("governance_bodies")
    op.drop_index("ix_actors_chantier_id", table_name="actors")
    op.drop_table("actors")
