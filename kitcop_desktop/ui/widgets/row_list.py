"""A list that mirrors stored rows: an item model (`RowsModel`) and its view (`RowList`).

A tool reads its rows, makes one `Row` each (the words, the id it stands for, its look) and
gives them all to `set_rows` after every change. The model then changes only what changed:
rows whose id went are removed, new ones inserted, the others updated in place. So the row
the facilitator is on stays chosen, the list does not jump back to its top, and a view that
has not changed is not redrawn. (A `QListWidget` cleared and filled again lost all three, and
each tool put them back by hand.) Only when the kept rows change order is the model reset.

Colours are the theme's roles (`ui/theme.py`), given as « #rrggbb » strings.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon
from PySide6.QtWidgets import QListView, QWidget

KEY_ROLE = Qt.ItemDataRole.UserRole  # the id a row stands for
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1  # the words a filter looks in

_AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, eq=False)
class Row:
    """One line of a list: its words, what it stands for (`key`, unique in the list) and look."""

    text: str
    key: Any = None  # hashable: an id, a (ballot id, name) pair…
    tooltip: str = ""
    foreground: str = ""  # a theme colour role, « » for the view's own
    background: str = ""
    bold: bool = False
    italic: bool = False
    icon: QIcon | None = None
    search: str = ""  # what a filter matches (casefolded by the caller)
    accessible: str = ""

    def same_as(self, other: Row) -> bool:
        return (
            self.text == other.text
            and self.key == other.key
            and self.tooltip == other.tooltip
            and self.foreground == other.foreground
            and self.background == other.background
            and self.bold == other.bold
            and self.italic == other.italic
            and self.icon is other.icon
            and self.search == other.search
            and self.accessible == other.accessible
        )


class RowsModel(QAbstractListModel):
    """The rows of one list, read-only: a view chooses and activates, the tool edits."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []

    # --- Qt's model ---------------------------------------------------------------------------
    def rowCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or index.column():
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return row.text
        if role == KEY_ROLE:
            return row.key
        if role == SEARCH_ROLE:
            return row.search
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.tooltip or None
        if role == Qt.ItemDataRole.ForegroundRole and row.foreground:
            return QBrush(QColor(row.foreground))
        if role == Qt.ItemDataRole.BackgroundRole and row.background:
            return QBrush(QColor(row.background))
        if role == Qt.ItemDataRole.FontRole and (row.bold or row.italic):
            font = QFont()
            font.setBold(row.bold)
            font.setItalic(row.italic)
            return font
        if role == Qt.ItemDataRole.DecorationRole and row.icon is not None:
            return row.icon
        if role == Qt.ItemDataRole.AccessibleTextRole and row.accessible:
            return row.accessible
        return None

    def flags(self, index: _AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled

    # --- the tool's side ----------------------------------------------------------------------
    def rows(self) -> list[Row]:
        return list(self._rows)

    def key(self, row: int) -> Any:
        return self._rows[row].key if 0 <= row < len(self._rows) else None

    def text(self, row: int) -> str:
        return self._rows[row].text

    def row_of(self, key: Any) -> int | None:
        for number, row in enumerate(self._rows):
            if row.key == key:
                return number
        return None

    def set_rows(self, rows: Sequence[Row]) -> None:
        """Show `rows`: removes, inserts and updates in place while the rows kept stay in
        the same order (their keys unique); otherwise resets."""
        new = list(rows)
        new_keys = [r.key for r in new]
        old_keys = [r.key for r in self._rows]
        if len(set(new_keys)) != len(new_keys) or len(set(old_keys)) != len(old_keys):
            self._reset(new)
            return
        wanted = set(new_keys)
        kept = [k for k in old_keys if k in wanted]
        present = set(old_keys)
        if kept != [k for k in new_keys if k in present]:
            self._reset(new)
            return
        # Remove the rows that went, from the bottom up, a run at a time.
        row = len(self._rows) - 1
        while row >= 0:
            if self._rows[row].key in wanted:
                row -= 1
                continue
            last = row
            while row - 1 >= 0 and self._rows[row - 1].key not in wanted:
                row -= 1
            self.beginRemoveRows(QModelIndex(), row, last)
            del self._rows[row : last + 1]
            self.endRemoveRows()
            row -= 1
        # Insert the new ones where they go, a run at a time.
        position = 0
        while position < len(new):
            if position < len(self._rows) and self._rows[position].key == new[position].key:
                position += 1
                continue
            end = position
            while end < len(new) and new[end].key not in present:
                end += 1
            self.beginInsertRows(QModelIndex(), position, end - 1)
            self._rows[position:position] = new[position:end]
            self.endInsertRows()
            position = end
        # Update the others in place.
        for number, (shown, wanted_row) in enumerate(zip(self._rows, new, strict=True)):
            if not shown.same_as(wanted_row):
                self._rows[number] = wanted_row
                index = self.index(number, 0)
                self.dataChanged.emit(index, index)

    def _reset(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()


class RowList(QListView):
    """A QListView over its own RowsModel, with the few QListWidget words the tools used.

    `current_moved(key)` says which row is now current (None: none); like any signal of the
    view it is silent while the view's signals are blocked.
    """

    current_moved = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows_model = RowsModel(self)
        self.setModel(self.rows_model)

    def currentChanged(self, current: _AnyIndex, previous: _AnyIndex) -> None:  # noqa: N802
        super().currentChanged(current, previous)
        self.current_moved.emit(current.data(KEY_ROLE) if current.isValid() else None)

    def set_rows(self, rows: Sequence[Row]) -> None:
        """Show `rows`; the current row stays current while its key is still there. When it
        went, no row is current (Qt would move to a neighbour, which a key such as « Rouvrir
        ce bulletin » or Suppr would then act on unasked)."""
        chosen = self.current_key()
        self.rows_model.set_rows(rows)
        if chosen is not None and self.rows_model.row_of(chosen) is None:
            self.setCurrentIndex(QModelIndex())

    def count(self) -> int:
        return self.rows_model.rowCount()

    def row_text(self, row: int) -> str:
        return self.rows_model.text(row)

    def currentRow(self) -> int:  # noqa: N802 - as QListWidget says it
        index = self.currentIndex()
        return index.row() if index.isValid() else -1

    def setCurrentRow(self, row: int) -> None:  # noqa: N802 - as QListWidget says it
        if row != self.currentRow():  # Qt marks even a no-op as a choice: the keyboard's
            self.setCurrentIndex(self.rows_model.index(row, 0))  # focus then picks no row

    def current_key(self) -> Any:
        index = self.currentIndex()
        return index.data(KEY_ROLE) if index.isValid() else None

    def select_key(self, key: Any) -> bool:
        """Make the row standing for `key` current; False when no row does."""
        row = self.rows_model.row_of(key)
        if row is None:
            return False
        self.setCurrentRow(row)
        return True
