"""Change notifications: an operation changes the store, then says what changed.

Widgets never call each other to refresh: every view that shows an area listens to `changed`
and reloads itself when its area (and workshop) is named. Areas: "workshop", "participants",
"agenda", "run", "boards", "voting", "actions", "fishbowl", "rounds", "interviews".
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from kitcop_desktop.i18n import tr


class ChangeHub(QObject):
    # area, workshop id (0 when the change is not about one workshop)
    changed = Signal(str, int)
    # a short French sentence for the status line (« Enregistré », « Carte ajoutée »…)
    saved = Signal(str)

    def notify(self, area: str, workshop_id: int = 0, message: str = tr("Enregistré")) -> None:
        self.changed.emit(area, int(workshop_id))
        self.saved.emit(message)
