"""interview guides, interviews, interviewees, notes, reports

Revision ID: 0006_interviews
Revises: 0005_fishbowl
"""

from __future__ import annotations

import sqlalchemy as sa  # noqa: F401

from alembic import op  # noqa: F401

revision = "0006_interviews"
down_revision = "0005_fishbowl"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
