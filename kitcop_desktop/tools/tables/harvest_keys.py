"""The harvest's list of lines from the keyboard: Suppr removes the selection, ↑ from the first
line goes back to the typing line (tools/tables/harvest_view.py)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QListWidget


class HarvestListKeys(QObject):
    """Suppr on the lines removes the selection; ↑ from the first line goes back to typing."""

    delete = Signal()
    up_to_line = Signal()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if event.type() == event.Type.KeyPress and obj.state() != QListWidget.State.EditingState:
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.delete.emit()
                return True
            if event.key() == Qt.Key.Key_Up and obj.currentRow() <= 0:
                self.up_to_line.emit()
                return True
        return False
