"""The note-taker's board (prise de notes): notes under three headings, on the laptop only.

The room sees them only once the facilitator reveals them for the « partage des enjeux ».
Enter adds a note under its heading; Suppr removes the selected note; double-click edits it.
A note being typed is kept as a draft (ui/drafts.py) until Enter stores it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kitcop_desktop.domain import fishbowl as rules
from kitcop_desktop.domain.palette import OKABE_ITO
from kitcop_desktop.storage.fishbowl_notes import NoteData
from kitcop_desktop.ui.drafts import LineDraft

HEADING_COLOURS = {
    "actions": OKABE_ITO["green"],
    "levers": OKABE_ITO["blue"],
    "brakes_overcome": OKABE_ITO["vermilion"],
}


class NotesView(QWidget):
    add_requested = Signal(str, str)  # heading, text
    edit_requested = Signal(int, str)  # note id, text
    delete_requested = Signal(int)

    def __init__(self, settings=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lists: dict[str, QListWidget] = {}
        self.entries: dict[str, QLineEdit] = {}
        self.drafts: dict[str, LineDraft] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for heading, label in rules.NOTE_HEADINGS.items():
            box = QGroupBox(label)
            box.setStyleSheet(
                f"QGroupBox {{ font-weight: bold; border-left: 5px solid "
                f"{HEADING_COLOURS[heading]}; padding-top: 14px; margin-top: 6px; }}"
            )
            notes = QListWidget()
            notes.setWordWrap(True)
            notes.itemChanged.connect(self._item_changed)
            notes.installEventFilter(self)
            entry = QLineEdit()
            entry.setPlaceholderText(f"{label} : une note, puis Entrée")
            entry.returnPressed.connect(lambda h=heading: self._add(h))
            inner = QVBoxLayout(box)
            inner.addWidget(notes, 1)
            inner.addWidget(entry)
            layout.addWidget(box, 1)
            self.lists[heading] = notes
            self.entries[heading] = entry
            self.drafts[heading] = LineDraft(entry, settings)

    def keep_drafts(self, prefix: str | None) -> None:
        """The notes of another fishbowl (or none): each field keeps its own draft."""
        for heading, draft in self.drafts.items():
            draft.set_key(f"{prefix}/{heading}" if prefix else None)

    def show_notes(self, notes: list[NoteData]) -> None:
        for heading, widget in self.lists.items():
            widget.blockSignals(True)
            widget.clear()
            for note in notes:
                if note.heading == heading:
                    item = QListWidgetItem(note.text)
                    item.setData(Qt.ItemDataRole.UserRole, note.id)
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
                    widget.addItem(item)
            widget.blockSignals(False)

    def _add(self, heading: str) -> None:
        entry = self.entries[heading]
        if entry.text().strip():
            self.add_requested.emit(heading, entry.text())  # the panel clears it once stored

    def note_added(self, heading: str) -> None:
        self.entries[heading].clear()

    def _item_changed(self, item: QListWidgetItem) -> None:
        self.edit_requested.emit(item.data(Qt.ItemDataRole.UserRole), item.text())

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if (
            isinstance(obj, QListWidget)
            and event.type() == event.Type.KeyPress
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
            and obj.state() != QListWidget.State.EditingState
            and obj.currentItem() is not None
        ):
            self.delete_requested.emit(obj.currentItem().data(Qt.ItemDataRole.UserRole))
            return True
        return super().eventFilter(obj, event)
