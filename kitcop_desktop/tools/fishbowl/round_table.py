"""The order of a speaking round, with each person's status, time and captured word.

The word column is editable (double-click) to correct a word after the fact; the panel turns
each edit into one undoable command.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from kitcop_desktop.domain import fishbowl as bowl_rules
from kitcop_desktop.domain import speaking_round as rules
from kitcop_desktop.i18n import TrMap, tr, tr_later
from kitcop_desktop.storage.rounds import RoundData
from kitcop_desktop.ui import theme

COLUMNS = (
    "#",
    tr_later("Personne"),
    tr_later("Statut"),
    tr_later("Temps"),
    tr_later("Mot ou phrase"),
    tr_later("Rester impliqué·e"),
)
WORD_COLUMN = 4
INVOLVED = TrMap({True: tr_later("Oui"), False: tr_later("Non"), None: "—"})


class RoundTable(QTableWidget):
    word_edited = Signal(int, str)  # entry id, text

    def __init__(self, parent=None) -> None:
        super().__init__(0, len(COLUMNS), parent)
        self.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        self.verticalHeader().setVisible(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        header = self.horizontalHeader()
        for column in range(len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(WORD_COLUMN, QHeaderView.ResizeMode.Stretch)
        self._filling = False
        self.itemChanged.connect(self._changed)

    def show_round(self, data: RoundData) -> None:
        self._filling = True
        selected = self.selected_entry()
        closing = data.kind == "closing"
        self.setColumnHidden(5, not closing)
        self.setRowCount(len(data.entries))
        for row, e in enumerate(data.entries):
            current = e.id == data.current_entry_id
            status = tr("À la parole") if current else rules.STATUS_LABELS.get(e.status, e.status)
            seconds = bowl_rules.speaking_clock(e.spoken_seconds) if e.spoken_seconds else ""
            values = (str(row + 1), e.name, status, seconds, e.word, INVOLVED[e.stay_involved])
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, e.id)
                if column != WORD_COLUMN:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if current:
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                    item.setBackground(QColor(theme.SELECTION))
                elif e.status in ("done", "passed"):
                    item.setForeground(QColor(theme.INK_MUTED))
                self.setItem(row, column, item)
            if e.id == selected:
                self.selectRow(row)
        self._filling = False

    def selected_entry(self) -> int | None:
        items = self.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def _changed(self, item: QTableWidgetItem) -> None:
        if not self._filling and item.column() == WORD_COLUMN:
            self.word_edited.emit(item.data(Qt.ItemDataRole.UserRole), item.text())
