"""What phones sent, one line each, waiting for the facilitator (#19): the post-its in a
board's tray (`tools/boards/phone_tray`), a round's words (`tools/fishbowl/round_phones`).

`PhoneList` is driven from the keyboard: the tool gives what each key does (Entrée, Suppr, a
letter such as F or M, taken only without a modifier so that Ctrl+M and the like stay the
shell's). `fill` keeps the line chosen across a reload (the first one when it went away);
`chosen()` is its id; `choose_after(row)` chooses the line that took the place of the one just
handled, so that the facilitator can go on from the keyboard.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

ID = Qt.ItemDataRole.UserRole


def is_letter(key: int) -> bool:
    return Qt.Key.Key_A.value <= key <= Qt.Key.Key_Z.value


class PhoneList(QListWidget):
    def __init__(
        self,
        keys: dict[Qt.Key, Callable[[], object]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.keys = {key.value: action for key, action in keys.items()}
        self.setWordWrap(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        key = int(event.key())
        action = self.keys.get(key)
        if action is not None and not (is_letter(key) and event.modifiers()):
            action()
        else:
            super().keyPressEvent(event)

    def fill(self, rows: list[tuple[int, str]]) -> None:
        """One line per (id, text), keeping the line chosen (else the first)."""
        chosen = self.chosen()
        self.clear()
        for row_id, text in rows:
            item = QListWidgetItem(text)
            item.setData(ID, row_id)
            self.addItem(item)
            if row_id == chosen:
                self.setCurrentItem(item)
        if rows and self.currentItem() is None:
            self.setCurrentRow(0)

    def chosen(self) -> int | None:
        """The id of the line chosen, or None."""
        item = self.currentItem()
        return None if item is None else int(item.data(ID))

    def choose_after(self, row: int) -> None:
        """Choose the line now at `row` (the last one past the end) and take the keyboard."""
        if self.count():
            self.setCurrentRow(min(row, self.count() - 1))
            self.setFocus()
