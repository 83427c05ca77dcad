"""All models, imported here so that Base.metadata is complete (Alembic, create, exchange)."""

from kitcop_desktop.storage.base import Base
from kitcop_desktop.storage.models import (  # noqa: F401
    agenda,
    board,
    chantier,
    fishbowl,
    harvest,
    interview,
    phones,
    seating,
    stakeholders,
    voting,
)
from kitcop_desktop.storage.models.action import ActionCard  # noqa: E402
from kitcop_desktop.storage.models.workshop import Participant, Workshop

__all__ = ["Base", "Workshop", "Participant", "ActionCard"]
