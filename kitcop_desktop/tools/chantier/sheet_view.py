"""One of the chantier's sheets of données on screen (domain/key_figures.py): the kit's
columns as a sortable table (a click on a column's title sorts), F2 edits a cell, Espace ticks
the « En atelier » box, Ctrl+V pastes lines copied from a spreadsheet (one undo step for the
whole paste), Inser adds a line, Suppr deletes the chosen lines."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kitcop_desktop.domain.sheets import Sheet
from kitcop_desktop.i18n import tr, tr_n
from kitcop_desktop.storage import sheets
from kitcop_desktop.storage.errors import StoreError
from kitcop_desktop.storage.sheets import SheetRow
from kitcop_desktop.tools.chantier.sheet_table import ID_ROLE, SORT_ROLE, SheetTable, tooltip
from kitcop_desktop.ui import theme
from kitcop_desktop.ui.icons import icon

AREA = "stakeholders"
Index = QModelIndex | QPersistentModelIndex


class SheetModel(QAbstractTableModel):
    def __init__(self, view: SheetView) -> None:
        super().__init__()
        self.view = view
        self.sheet = view.sheet
        self.rows: list[SheetRow] = []

    def set_rows(self, rows: list[SheetRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def _flag_column(self, column: int) -> bool:
        return bool(self.sheet.flag) and column == len(self.sheet.keys)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.sheet.keys) + (1 if self.sheet.flag else 0)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if self._flag_column(section):
                return tr(self.sheet.flag_label)
            return self.sheet.columns[self.sheet.keys[section]]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == ID_ROLE:
            return row.id
        if self._flag_column(index.column()):
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if row.flag else Qt.CheckState.Unchecked
            if role == SORT_ROLE:
                return int(row.flag)
            if role == Qt.ItemDataRole.ToolTipRole:
                return tr(
                    "Coché\u00a0: projeté dans la séquence «\u00a0Quelques chiffres clés\u00a0»"
                )
            return None
        value = row.values[self.sheet.keys[index.column()]]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return value
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(value)
        if role == SORT_ROLE:
            return value.casefold()
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if self._flag_column(index.column()):
            return super().flags(index) | Qt.ItemFlag.ItemIsUserCheckable
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid():
            return False
        row = self.rows[index.row()]
        if self._flag_column(index.column()):
            if role != Qt.ItemDataRole.CheckStateRole:
                return False
            ticked = Qt.CheckState(value) == Qt.CheckState.Checked
            return ticked != row.flag and self.view.set_flag(row.id, ticked)
        if role != Qt.ItemDataRole.EditRole:
            return False
        key = self.sheet.keys[index.column()]
        if str(value) == row.values[key]:
            return False
        return self.view.edit_cell(row.id, key, str(value))


class SheetView(QWidget):
    """A sheet's title line (its brique, its count, its buttons) above its table."""

    counted = Signal(int)

    def __init__(self, ctx, chantier_id: int, sheet: Sheet, widths: tuple[int, ...]) -> None:
        super().__init__()
        self.ctx = ctx
        self.chantier_id = chantier_id
        self.sheet = sheet
        self.model = SheetModel(self)
        titles = [*sheet.columns.values(), *([tr(sheet.flag_label)] if sheet.flag else [])]
        self.table = SheetTable(
            self,
            self.model,
            titles,
            widths,
            {Qt.Key.Key_Space: self.toggle_selected} if sheet.flag else None,
        )
        self.proxy = self.table.proxy
        self.table.setAccessibleName(tr(sheet.title))

        self.heading = QLabel(f"{tr(sheet.title)} — {tr(sheet.brique)}")
        theme.style(self.heading, theme.ACCENT_HEADING)
        self.add_button = QPushButton(icon("new"), tr("Ajouter…"))
        self.add_button.setToolTip(
            tr("Une ligne de plus aux {value} (Inser)").format(value=tr(sheet.title).lower())
        )
        self.add_button.clicked.connect(self.ask_add)
        self.paste_button = QPushButton(icon("paste"), tr("Coller depuis un tableur"))
        self.paste_button.setToolTip(
            tr("Les lignes copiées d'un tableur, dans l'ordre des colonnes ci-dessous (Ctrl+V)")
        )
        self.paste_button.clicked.connect(self.paste_clipboard)
        self.delete_button = QPushButton(icon("delete"), tr("Supprimer"))
        self.delete_button.setToolTip(tr("Supprimer les lignes choisies (Suppr)"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.count = QLabel()
        self.count.setObjectName("PageSubtitle")
        self.bar = QHBoxLayout()
        self.bar.addWidget(self.heading)
        self.bar.addStretch(1)
        self.bar.addWidget(self.count)
        for widget in (self.add_button, self.paste_button, self.delete_button):
            self.bar.addWidget(widget)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 4, 0, 0)
        self.column.addLayout(self.bar)
        self.column.addWidget(self.table, 1)

    def reload(self) -> None:
        try:
            with self.ctx.store.read() as s:
                found = sheets.rows(s, self.sheet, self.chantier_id)
        except StoreError:
            return
        self.model.set_rows(found)
        self.count.setText(tr_n("{n} ligne", "{n} lignes", len(found)).format(n=len(found)))
        self.counted.emit(len(found))

    def edit_cell(self, row_id: int, key: str, value: str) -> bool:
        sheet = self.sheet
        return (
            self.ctx.push(
                tr("Modifier «\u00a0{columns}\u00a0»").format(columns=sheet.columns[key]),
                area=AREA,
                do=lambda s: sheets.update(s, sheet, row_id, **{key: value}),
                undo=lambda s, previous: sheets.update(s, sheet, row_id, **previous),
            )
            is not None
        )

    def set_flag(self, row_id: int, ticked: bool) -> bool:
        return self.set_flags([row_id], ticked)

    def set_flags(self, ids: list[int], ticked: bool) -> bool:
        sheet = self.sheet
        text = tr("Présenter en atelier") if ticked else tr("Ne plus présenter en atelier")

        def do(s):
            return [(i, sheets.update(s, sheet, i, **{sheet.flag: ticked})) for i in ids]

        def undo(s, previous):
            for row_id, values in previous:
                sheets.update(s, sheet, row_id, **values)

        return self.ctx.push(text, area=AREA, do=do, undo=undo) is not None

    def toggle_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        by_id = {row.id: row.flag for row in self.model.rows}
        self.set_flags(ids, not all(by_id.get(i, False) for i in ids))

    def paste_text(self, text: str) -> int:
        sheet = self.sheet
        result = self.ctx.push(
            tr("Coller des {noun}").format(noun=tr(sheet.noun[1])),
            area=AREA,
            do=lambda s: sheets.paste(s, sheet, self.chantier_id, text),
            undo=lambda s, ids: sheets.delete_many(s, sheet, ids),
        )
        if result is None:
            return 0
        self.ctx.show_message(sheets.added_sentence(sheet, len(result)))
        return len(result)

    def paste_clipboard(self) -> None:
        self.paste_text(QApplication.clipboard().text())

    def add_line(self, first: str) -> bool:
        sheet = self.sheet
        return (
            self.ctx.push(
                tr("Ajouter une ligne aux {value}").format(value=tr(sheet.title).lower()),
                area=AREA,
                do=lambda s: sheets.add(s, sheet, self.chantier_id, **{sheet.required: first}),
                undo=lambda s, row_id: sheets.delete_many(s, sheet, [row_id]),
            )
            is not None
        )

    def ask_add(self) -> None:
        sheet = self.sheet
        text, ok = QInputDialog.getText(
            self,
            tr("Ajouter aux {what}").format(what=tr(sheet.title).lower()),
            tr("{column}\u00a0:").format(column=sheet.columns[sheet.required]),
        )
        if ok:
            self.add_line(text)

    def selected_ids(self) -> list[int]:
        return self.table.selected_ids()

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        sheet = self.sheet
        if ids:
            self.ctx.push(
                tr_n("Supprimer {n} ligne", "Supprimer {n} lignes", len(ids)).format(n=len(ids)),
                area=AREA,
                do=lambda s: sheets.delete_many(s, sheet, ids),
                undo=lambda s, data: sheets.recreate_many(s, sheet, data),
            )
