"""The initiatives inspirantes on screen (kit Brique 1-1): the kit's seven columns as a
sortable table (a click on a column's title sorts), F2 edits a cell, Ctrl+V pastes lines copied
from a spreadsheet (one undo step for the whole paste), Inser adds a line, Suppr deletes the
chosen lines, L links the chosen one to the campaign's interviews where it was met (shown in
the last column, with those whose interviewee's structure names it)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kitcop_desktop.domain.initiatives import COLUMNS, KEYS
from kitcop_desktop.i18n import tr, tr_later, tr_n
from kitcop_desktop.storage import initiatives
from kitcop_desktop.storage.errors import StoreError
from kitcop_desktop.storage.initiatives import InitiativeRow, Meeting
from kitcop_desktop.tools.chantier.sheet_table import ID_ROLE, SORT_ROLE, SheetTable, tooltip
from kitcop_desktop.ui.icons import icon

AREA = "stakeholders"
KEY_HELP = tr_later(
    "Ctrl+V\u00a0: coller des lignes copiées d'un tableur (les sept colonnes du kit) · "
    "Inser\u00a0: nouvelle initiative · F2\u00a0: modifier la case · Suppr\u00a0: supprimer les lignes "
    "choisies · L\u00a0: lier aux entretiens · clic sur un titre de colonne\u00a0: trier"
)
MET_COLUMN = tr_later("Rencontrée en entretien")
Index = QModelIndex | QPersistentModelIndex
# The widths each column asks for (the eighth: the interviews where it was met), shared out
# in proportion to the table's width (tools/chantier/sheet_table.py).
WIDTHS = (170, 100, 110, 220, 200, 150, 150, 150)


class InitiativesModel(QAbstractTableModel):
    def __init__(self, view: InitiativesView) -> None:
        super().__init__()
        self.view = view
        self.rows: list[InitiativeRow] = []
        self.met: dict[int, list[Meeting]] = {}

    def set_rows(self, rows: list[InitiativeRow], met: dict[int, list[Meeting]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.met = met
        self.endResetModel()

    def met_text(self, initiative_id: int) -> str:
        return " ; ".join(m.label for m in self.met.get(initiative_id, []))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(KEYS) + 1

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[KEYS[section]] if section < len(KEYS) else tr(MET_COLUMN)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if index.column() == len(KEYS):
            if role == ID_ROLE:
                return row.id
            value = self.met_text(row.id)
            if role == Qt.ItemDataRole.DisplayRole:
                return value or "—"
            if role == Qt.ItemDataRole.ToolTipRole:
                return value or tr("L\u00a0: la lier aux entretiens où elle a été rencontrée")
            if role == SORT_ROLE:
                return value.casefold()
            return None
        value = row.values[KEYS[index.column()]]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return value
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(value)
        if role == ID_ROLE:
            return row.id
        if role == SORT_ROLE:
            return value.casefold()
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if index.column() == len(KEYS):
            return super().flags(index)
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        row = self.rows[index.row()]
        if index.column() >= len(KEYS):
            return False
        key = KEYS[index.column()]
        if str(value) == row.values[key]:
            return False
        return self.view.edit_cell(row.id, key, str(value))


class InitiativesView(QWidget):
    def __init__(self, ctx, chantier_id: int) -> None:
        super().__init__()
        self.ctx = ctx
        self.chantier_id = chantier_id
        self.model = InitiativesModel(self)
        self.table = SheetTable(
            self,
            self.model,
            [*COLUMNS.values(), tr(MET_COLUMN)],
            WIDTHS,
            {Qt.Key.Key_L: self.ask_link},
        )
        self.proxy = self.table.proxy
        self.table.setAccessibleName(tr("Initiatives inspirantes"))

        self.add_button = QPushButton(icon("new"), tr("Ajouter une initiative…"))
        self.add_button.clicked.connect(self.ask_add)
        self.paste_button = QPushButton(icon("paste"), tr("Coller depuis un tableur"))
        self.paste_button.setToolTip(
            tr("Les lignes copiées d'un tableur, dans les sept colonnes du kit")
        )
        self.paste_button.clicked.connect(self.paste_clipboard)
        self.delete_button = QPushButton(icon("delete"), tr("Supprimer"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.link_button = QPushButton(icon("link"), tr("Lier aux entretiens…"))
        self.link_button.setToolTip(
            tr("Les entretiens de la campagne où l'initiative choisie a été rencontrée (L)")
        )
        self.link_button.clicked.connect(self.ask_link)
        self.count = QLabel()
        self.count.setObjectName("PageSubtitle")
        bar = QHBoxLayout()
        for widget in (self.add_button, self.paste_button, self.link_button, self.delete_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.count)
        keys = QLabel(tr(KEY_HELP))
        keys.setObjectName("PageSubtitle")
        keys.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(keys)

    def reload(self) -> None:
        try:
            with self.ctx.store.read() as s:
                found = initiatives.rows(s, self.chantier_id)
                met = initiatives.meetings(s, self.chantier_id)
        except StoreError:
            return
        self.model.set_rows(found, met)
        self.count.setText(
            tr_n("{n} initiative", "{n} initiatives", len(found)).format(n=len(found))
        )

    def edit_cell(self, initiative_id: int, key: str, value: str) -> bool:
        return (
            self.ctx.push_update(
                tr("Modifier «\u00a0{COLUMNS}\u00a0»").format(COLUMNS=COLUMNS[key]),
                AREA,
                initiatives.update,
                initiative_id,
                **{key: value},
            )
            is not None
        )

    def paste_text(self, text: str) -> int:
        result = self.ctx.push(
            tr("Coller des initiatives"),
            area=AREA,
            do=lambda s: initiatives.paste(s, self.chantier_id, text),
            undo=lambda s, ids: initiatives.delete_many(s, ids),
        )
        if result is None:
            return 0
        count = len(result)
        self.ctx.show_message(
            tr_n("{n} initiative ajoutée.", "{n} initiatives ajoutées.", count).format(n=count)
        )
        return count

    def paste_clipboard(self) -> None:
        self.paste_text(QApplication.clipboard().text())

    def ask_add(self) -> None:
        name, ok = QInputDialog.getText(
            self, tr("Ajouter une initiative"), "Nom de l'initiative\u00a0:"
        )
        if ok:
            self.ctx.push(
                tr("Ajouter une initiative"),
                area=AREA,
                do=lambda s: initiatives.add(s, self.chantier_id, name),
                undo=lambda s, initiative_id: initiatives.delete_many(s, [initiative_id]),
            )

    def selected_ids(self) -> list[int]:
        return self.table.selected_ids()

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.ctx.push(
                tr_n("Supprimer {n} initiative", "Supprimer {n} initiatives", len(ids)).format(
                    n=len(ids)
                ),
                area=AREA,
                do=lambda s: initiatives.delete_many(s, ids),
                undo=lambda s, data: initiatives.recreate_many(s, data),
            )

    def link(self, initiative_id: int, interview_ids: list[int]) -> bool:
        """Link the initiative by hand to these interviews (one undo step)."""
        row = next((r for r in self.model.rows if r.id == initiative_id), None)
        name = row.values["name"][:40] if row else ""
        return (
            self.ctx.push(
                tr("Lier «\u00a0{name}\u00a0» aux entretiens").format(name=name),
                area=AREA,
                do=lambda s: initiatives.link_interviews(s, initiative_id, interview_ids),
                undo=lambda s, previous: initiatives.update(s, initiative_id, **previous),
            )
            is not None
        )

    def link_dialog(self, initiative_id: int):
        from kitcop_desktop.tools.chantier.link_dialog import ChecklistDialog, Entry

        with self.ctx.store.read() as s:
            interviews = initiatives.campaign(s, self.chantier_id)
            met = initiatives.meetings(s, self.chantier_id).get(initiative_id, [])
        by_hand = {m.interview_id for m in met if m.by_hand}
        recognised = {m.interview_id for m in met if not m.by_hand}
        entries = [
            Entry(
                f"{label} — reconnu par sa structure" if i in recognised else label,
                i,
                i in by_hand,
                i in recognised,
            )
            for i, label, _structure in interviews
        ]
        row = next(r for r in self.model.rows if r.id == initiative_id)
        return ChecklistDialog(
            self,
            tr("Lier «\u00a0{name}\u00a0»").format(name=row.values["name"][:40]),
            tr("Cochez les entretiens de la campagne où cette initiative a été rencontrée."),
            entries,
            tr("Aucun entretien dans les ateliers du chantier pour l'instant."),
        )

    def ask_link(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 1:
            self.ctx.show_message(
                tr("Choisissez une initiative (une ligne) à lier aux entretiens.")
            )
            return
        try:
            dialog = self.link_dialog(ids[0])
        except StoreError as exc:
            self.ctx.show_message(str(exc))
            return
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.link(ids[0], [int(v) for v in dialog.values()])

    def new_item(self) -> None:
        self.ask_add()
