"""A read-only table of words (`CellsModel`, shown in a plain QTableView).

The tool gives all its rows at each change, or each second while someone speaks; the model
compares them with what it shows and tells the view only which cells changed (rows added or
removed at the end), so a table refreshed every second repaints a cell or two, not the table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

_AnyIndex = QModelIndex | QPersistentModelIndex
ALIGNMENTS = {
    "right": Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,  # numbers in a column
    "centre": Qt.AlignmentFlag.AlignCenter,  # a count alone in its column
}


@dataclass(frozen=True)
class Cell:
    text: str
    tooltip: str = ""
    foreground: str = ""  # a theme colour role, « » for the view's own
    align: str = ""  # « right », « centre », « » for the view's own (left)


class HeadedRowsModel(QAbstractTableModel):
    """A flat table with column titles and a list of rows; subclasses say what a row shows."""

    def __init__(self, headers: Sequence[str], parent=None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._rows: list = []

    def rowCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None


class CellsModel(HeadedRowsModel):
    def __init__(self, headers: Sequence[str], parent=None) -> None:
        super().__init__(headers, parent)
        self._rows: list[tuple[Cell, ...]] = []

    def data(self, index: _AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if not 0 <= index.column() < len(row):
            return None
        cell = row[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return cell.tooltip or None
        if role == Qt.ItemDataRole.ForegroundRole and cell.foreground:
            return QBrush(QColor(cell.foreground))
        if role == Qt.ItemDataRole.TextAlignmentRole and cell.align:
            return int(ALIGNMENTS[cell.align].value)
        return None

    def flags(self, index: _AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled

    def text(self, row: int, column: int) -> str:
        return self._rows[row][column].text

    def set_rows(self, rows: Sequence[Sequence[Cell]]) -> None:
        """Show `rows` (each as many cells as there are headers): rows added or removed at
        the end, the cells that differ announced one run of columns per row."""
        new = [tuple(r) for r in rows]
        if len(new) < len(self._rows):
            self.beginRemoveRows(QModelIndex(), len(new), len(self._rows) - 1)
            del self._rows[len(new) :]
            self.endRemoveRows()
        for number, (shown, wanted) in enumerate(zip(self._rows, new, strict=False)):
            changed = [c for c, (a, b) in enumerate(zip(shown, wanted, strict=True)) if a != b]
            if changed:
                self._rows[number] = wanted
                self.dataChanged.emit(
                    self.index(number, changed[0]), self.index(number, changed[-1])
                )
        if len(new) > len(self._rows):
            self.beginInsertRows(QModelIndex(), len(self._rows), len(new) - 1)
            self._rows.extend(new[len(self._rows) :])
            self.endInsertRows()
