"""Settling an ex æquo without a new round: the facilitator orders the tied proposals and says why.

The reason is required: a tie is never broken silently, and the restitution shows the reason.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from kitcop_desktop.i18n import tr
from kitcop_desktop.ui.icons import icon


class DecisionDialog(QDialog):
    def __init__(self, items: list[tuple[int, str]], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Départager un ex æquo"))
        self.setMinimumWidth(460)
        self.list = QListWidget()
        for item_id, text in items:
            row = QListWidgetItem(text)
            row.setData(Qt.ItemDataRole.UserRole, item_id)
            self.list.addItem(row)
        self.list.setCurrentRow(0)
        up = QPushButton(icon("up"), tr("Monter"))
        down = QPushButton(icon("down"), tr("Descendre"))
        up.clicked.connect(lambda: self._move(-1))
        down.clicked.connect(lambda: self._move(1))
        self.reason_edit = QLineEdit()
        self.reason_edit.setMaxLength(2000)
        self.reason_edit.setPlaceholderText(tr("Par exemple : décision du groupe à main levée"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            tr("Enregistrer la décision")
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Annuler"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        moves = QHBoxLayout()
        moves.addWidget(up)
        moves.addWidget(down)
        moves.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Ordre retenu, la première en tête :")))
        layout.addWidget(self.list)
        layout.addLayout(moves)
        layout.addWidget(QLabel(tr("Raison (obligatoire, elle figurera dans la restitution) :")))
        layout.addWidget(self.reason_edit)
        layout.addWidget(self.buttons)

    def _move(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if 0 <= row < self.list.count() and 0 <= target < self.list.count():
            item = self.list.takeItem(row)
            self.list.insertItem(target, item)
            self.list.setCurrentRow(target)

    def order(self) -> list[int]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def reason(self) -> str:
        return self.reason_edit.text()
