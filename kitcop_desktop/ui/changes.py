"""Change notifications: an operation changes the store, then says what changed.

Widgets never call each other to refresh: every view that shows an area listens to `changed`
and reloads itself when its area (and workshop) is named. The areas are `Area`'s members; a
name that is not one is refused at once (a typo would otherwise leave a view silently stale).
`Area` is a `StrEnum`: `area == "boards"` and `Area.BOARDS` are the same test.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QObject, Signal

from kitcop_desktop.i18n import tr


class Area(StrEnum):
    """What a change is about; views reload when an area they show is named."""

    LIBRARY = "library"  # the welcome screen's list of workshops
    WORKSHOP = "workshop"
    PARTICIPANTS = "participants"
    AGENDA = "agenda"
    RUN = "run"  # the déroulé's live run
    BOARDS = "boards"
    VOTING = "voting"
    ACTIONS = "actions"
    FISHBOWL = "fishbowl"
    ROUNDS = "rounds"
    INTERVIEWS = "interviews"
    TABLES = "tables"
    CHANTIER = "chantier"
    ACTION_PLAN = "action_plan"
    STAKEHOLDERS = "stakeholders"
    PROTOCOL = "protocol"


class ChangeHub(QObject):
    # area, workshop id (0 when the change is not about one workshop)
    changed = Signal(str, int)
    # a short French sentence for the status line (« Enregistré », « Carte ajoutée »…)
    saved = Signal(str)

    def notify(self, area: str, workshop_id: int = 0, message: str | None = None) -> None:
        """Say that `area` changed; an unknown area raises ValueError (a programming error)."""
        self.changed.emit(str(Area(area)), int(workshop_id))
        self.saved.emit(tr("Enregistré") if message is None else message)
