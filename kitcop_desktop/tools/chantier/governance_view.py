"""The chantier's gouvernance on screen (kit Brique 1-6 / 3-6): its instances on the left; for
the chosen one, its degree of participation, its role, and every actor of the map with its
RACI letter (keys R, A, C, I on the table; Suppr or 0 takes the actor out). An instance
without exactly one « A » says so in a warning: nothing is refused."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kitcop_desktop.domain.governance import PARTICIPATION, RACI, SUGGESTED_BODIES
from kitcop_desktop.domain.stakeholder_map import CATEGORIES, INFLUENCE_MARK
from kitcop_desktop.i18n import tr, tr_later
from kitcop_desktop.storage import governance, stakeholder_map
from kitcop_desktop.storage.errors import StoreError
from kitcop_desktop.storage.governance import BodyRow
from kitcop_desktop.storage.stakeholder_map import ActorRow
from kitcop_desktop.ui import theme
from kitcop_desktop.ui.autosave import Autosave
from kitcop_desktop.ui.icons import icon
from kitcop_desktop.ui.widgets.cell_table import HeadedRowsModel
from kitcop_desktop.ui.widgets.row_list import Row, RowList

AREA = "stakeholders"
KEY_HELP = tr_later(
    "Sur le tableau\u00a0: R réalise · A arbitre · C consulté · I informé · Suppr ou 0\u00a0: "
    "hors de l'instance · Inser\u00a0: nouvelle instance"
)


_AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class RaciRow:
    """One actor of the map in the chosen instance's table: its letter (« » when out of it)."""

    actor_id: int
    letter: str
    actor: str
    category: str


class RaciModel(HeadedRowsModel):
    """The chosen instance's table, read-only (keys and buttons set the letters): its actors
    first (R, A, C, I), then the rest of the map, greyed. A letter typed re-sorts the rows;
    rows kept in the same order are updated in place."""

    def __init__(self, headers: list[str], parent=None) -> None:
        super().__init__(headers, parent)
        self._rows: list[RaciRow] = []

    def data(self, index: _AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.letter or "—", row.actor, row.category)[column]
        if role == Qt.ItemDataRole.UserRole:
            return row.actor_id
        if role == Qt.ItemDataRole.ForegroundRole and not row.letter:
            return QBrush(QColor(theme.INK_HINT))
        if column == 0 and row.letter:
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignCenter.value)
            if role == Qt.ItemDataRole.ToolTipRole:
                return RACI[row.letter]
        return None

    def flags(self, index: _AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled

    def actor_id(self, row: int) -> int | None:
        return self._rows[row].actor_id if 0 <= row < len(self._rows) else None

    def actor_ids(self) -> list[int]:
        return [r.actor_id for r in self._rows]

    def set_rows(self, rows: list[RaciRow]) -> None:
        if [r.actor_id for r in rows] != self.actor_ids():
            self.beginResetModel()
            self._rows = list(rows)
            self.endResetModel()
            return
        for number, (shown, wanted) in enumerate(zip(self._rows, rows, strict=True)):
            if shown != wanted:
                self._rows[number] = wanted
                self.dataChanged.emit(self.index(number, 0), self.index(number, 2))


class RaciTable(QTableView):
    letter = Signal(object)  # "R", "A", "C", "I" or None (out of the instance)
    add_body = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        text = event.text().upper()
        plain = not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        )
        if plain and text in RACI:
            self.letter.emit(text)
        elif plain and (
            event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) or text in ("0", "-")
        ):
            self.letter.emit(None)
        elif event.key() == Qt.Key.Key_Insert:
            self.add_body.emit()
        else:
            super().keyPressEvent(event)


class GovernanceView(QWidget):
    print_requested = Signal()

    def __init__(self, ctx, chantier_id: int) -> None:
        super().__init__()
        self.ctx = ctx
        self.chantier_id = chantier_id
        self.bodies: list[BodyRow] = []
        self.actors: list[ActorRow] = []

        self.list = RowList()
        self.list.setAccessibleName(tr("Instances de la gouvernance"))
        self.list.current_moved.connect(lambda _key: self._show_body())
        self.add_button = QPushButton(icon("new"), tr("Ajouter une instance…"))
        self.add_button.clicked.connect(self.ask_add)
        self.rename_button = QPushButton(icon("edit"), tr("Renommer…"))
        self.rename_button.clicked.connect(self.ask_rename)
        self.delete_button = QPushButton(icon("delete"), tr("Supprimer"))
        self.delete_button.clicked.connect(self.delete_current)
        left = QWidget()
        left_col = QVBoxLayout(left)
        left_col.setContentsMargins(0, 0, 8, 0)
        title = QLabel(tr("Instances"))
        theme.style(title, theme.BOLD)
        left_col.addWidget(title)
        left_col.addWidget(self.list, 1)
        left_col.addWidget(self.add_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.rename_button)
        buttons.addWidget(self.delete_button)
        left_col.addLayout(buttons)
        left.setMinimumWidth(200)

        self.body_title = QLabel()
        self.body_title.setObjectName("PageTitle")
        self.body_title.setWordWrap(True)
        self.participation = QComboBox()
        for code, label in PARTICIPATION.items():
            self.participation.addItem(label, code)
        self.participation.activated.connect(self._participation_chosen)
        self.purpose = QLineEdit()
        self.purpose.setPlaceholderText(tr("Son rôle, à quel rythme elle se réunit…"))
        self.purpose_save = Autosave(self.purpose, self._save_purpose)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        theme.style(self.warning, theme.CAUTION)
        self.table = RaciTable()
        self.raci = RaciModel([tr("RACI"), tr("Acteur"), tr("Catégorie")], self)
        self.table.setModel(self.raci)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.letter.connect(self.set_letter_selected)
        self.table.add_body.connect(self.ask_add)
        letters = QHBoxLayout()
        self.letter_buttons: dict[str, QPushButton] = {}
        for letter, meaning in RACI.items():
            button = QPushButton(f"{letter} — {meaning}")
            button.setToolTip(tr("Touche {letter}").format(letter=letter))
            button.clicked.connect(lambda _c=False, x=letter: self.set_letter_selected(x))
            letters.addWidget(button)
            self.letter_buttons[letter] = button
        out = QPushButton(tr("Hors de l'instance"))
        out.setToolTip(tr("Touche Suppr"))
        out.clicked.connect(lambda: self.set_letter_selected(None))
        letters.addWidget(out)
        self.print_button = QPushButton(icon("pdf"), tr("Imprimer la gouvernance (PDF)…"))
        self.print_button.clicked.connect(self.print_requested.emit)

        right = QWidget()
        form = QFormLayout()
        form.addRow(tr("Degré de participation\u00a0:"), self.participation)
        form.addRow(tr("Rôle\u00a0:"), self.purpose)
        right_col = QVBoxLayout(right)
        right_col.setContentsMargins(8, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.body_title, 1)
        top.addWidget(self.print_button)
        right_col.addLayout(top)
        right_col.addLayout(form)
        right_col.addWidget(self.warning)
        right_col.addWidget(self.table, 1)
        right_col.addLayout(letters)
        self.empty = QLabel(
            tr(
                "Aucune instance\u00a0: «\u00a0Ajouter une instance…\u00a0» (comité de pilotage, "
                "groupe projet…). Appuyez-vous sur les instances qui existent déjà."
            )
        )
        self.empty.setWordWrap(True)
        right_col.addWidget(self.empty)
        self.detail = right

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        keys = QLabel(tr(KEY_HELP))
        keys.setObjectName("PageSubtitle")
        keys.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(splitter, 1)
        layout.addWidget(keys)

    # ------------------------------------------------------------------------------- reading
    def reload(self) -> None:
        try:
            with self.ctx.store.read() as s:
                self.bodies = governance.bodies(s, self.chantier_id)
                self.actors = stakeholder_map.rows(s, self.chantier_id)
        except StoreError:
            return
        # Changed in place: the instance chosen stays chosen; when it went, the first one.
        self.list.blockSignals(True)
        self.list.set_rows(
            [
                Row(
                    body.name,
                    key=body.id,
                    tooltip=body.warning,
                    icon=icon("warning", theme.CAUTION_ICON) if body.warning else None,
                )
                for body in self.bodies
            ]
        )
        if self.list.current_key() is None and self.bodies:
            self.list.setCurrentRow(0)
        self.list.blockSignals(False)
        self._show_body()

    def current_body_id(self) -> int | None:
        return self.list.current_key()

    def current_body(self) -> BodyRow | None:
        body_id = self.current_body_id()
        return next((b for b in self.bodies if b.id == body_id), None)

    def _show_body(self) -> None:
        body = self.current_body()
        for widget in (
            self.participation,
            self.purpose,
            self.table,
            self.rename_button,
            self.delete_button,
            *self.letter_buttons.values(),
        ):
            widget.setEnabled(body is not None)
        self.empty.setVisible(body is None)
        if body is None:
            self.body_title.setText(tr("Gouvernance"))
            self.warning.hide()
            self.raci.set_rows([])
            return
        self.body_title.setText(body.name)
        self.participation.setCurrentIndex(max(0, self.participation.findData(body.participation)))
        self.purpose_save.show(body.purpose)
        self.warning.setText(body.warning)
        self.warning.setVisible(bool(body.warning))
        letters = {m.actor_id: m.raci for m in body.members}
        selected = self.selected_actor_id()
        # The instance's actors first (R, A, C, I), then the rest of the map.
        order = [m.actor_id for m in body.members] + [
            a.id for a in self.actors if a.id not in letters
        ]
        by_id = {a.id: a for a in self.actors}
        self.raci.set_rows(
            [
                RaciRow(
                    actor_id,
                    letters.get(actor_id, ""),
                    (f"{INFLUENCE_MARK} " if by_id[actor_id].influential else "")
                    + by_id[actor_id].label,
                    CATEGORIES.get(by_id[actor_id].category, ""),
                )
                for actor_id in order
            ]
        )
        # The actor typed on stays chosen, wherever its letter moved it.
        if selected in order and self.selected_actor_id() != selected:
            self.table.selectRow(order.index(selected))
        if not self.actors:
            self.warning.setText(
                tr(
                    "La carte des acteurs est vide\u00a0: placez-y d'abord les acteurs (onglet "
                    "«\u00a0Acteurs\u00a0»)."
                )
            )
            self.warning.show()

    def selected_actor_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.raci.actor_id(index.row()) if index.isValid() else None

    # ------------------------------------------------------------------------------- changes
    def set_letter(self, body_id: int, actor_id: int, letter: str | None) -> bool:
        actor = next((a for a in self.actors if a.id == actor_id), None)
        name = actor.name[:40] if actor else ""
        text = (
            tr("«\u00a0{name}\u00a0» hors de l'instance").format(name=name)
            if letter is None
            else tr("«\u00a0{name}\u00a0»\u00a0: {letter} ({RACI})").format(
                name=name, letter=letter, RACI=RACI[letter]
            )
        )
        return (
            self.ctx.push(
                text,
                area=AREA,
                do=lambda s: ("was", governance.set_raci(s, body_id, actor_id, letter)),
                undo=lambda s, result: governance.set_raci(s, body_id, actor_id, result[1]),
            )
            is not None
        )

    def set_letter_selected(self, letter: str | None) -> None:
        body_id, actor_id = self.current_body_id(), self.selected_actor_id()
        if body_id is not None and actor_id is not None:
            self.set_letter(body_id, actor_id, letter)
            self.reload()

    def add_body(self, name: str, participation: str = "consultation") -> int | None:
        result = self.ctx.push(
            tr("Ajouter l'instance «\u00a0{value}\u00a0»").format(value=name.strip()[:40]),
            area=AREA,
            do=lambda s: governance.add_body(s, self.chantier_id, name, participation).id,
            undo=lambda s, body_id: governance.delete_body(s, body_id),
        )
        return None if result is None else int(result)

    def ask_add(self) -> None:
        taken = {b.name for b in self.bodies}
        offered = [n for n in SUGGESTED_BODIES if n not in taken] or list(SUGGESTED_BODIES)
        name, ok = QInputDialog.getItem(
            self, tr("Ajouter une instance"), "Nom de l'instance\u00a0:", offered, 0, True
        )
        if ok:
            body_id = self.add_body(name)
            if body_id is not None:
                self.reload()
                self.list.select_key(body_id)
                self.table.setFocus()

    def ask_rename(self) -> None:
        body = self.current_body()
        if body is None:
            return
        name, ok = QInputDialog.getText(
            self, "Renommer l'instance", "Nouveau nom\u00a0:", text=body.name
        )
        if ok and name != body.name:
            self.ctx.push_update(
                "Renommer l'instance", AREA, governance.update_body, body.id, name=name
            )

    def delete_current(self) -> None:
        body = self.current_body()
        if body is None:
            return
        if body.members:
            answer = QMessageBox.question(
                self,
                tr("Supprimer l'instance"),
                tr(
                    "Supprimer «\u00a0{name}\u00a0» et la place de ses {count} acteurs\u00a0? (Ctrl+Z la remet.)"
                ).format(name=body.name, count=len(body.members)),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.ctx.push(
            tr("Supprimer l'instance «\u00a0{name}\u00a0»").format(name=body.name[:40]),
            area=AREA,
            do=lambda s: governance.delete_body(s, body.id),
            undo=lambda s, data: governance.recreate_body(s, data),
        )

    def _participation_chosen(self, _index: int) -> None:
        body = self.current_body()
        code = self.participation.currentData()
        if body is not None and code != body.participation:
            self.ctx.push_update(
                tr("Degré de participation"),
                AREA,
                governance.update_body,
                body.id,
                participation=code,
            )

    def _save_purpose(self) -> None:
        body = self.current_body()
        if body is not None:
            self.ctx.push_update(
                tr("Rôle de l'instance"),
                AREA,
                governance.update_body,
                body.id,
                purpose=self.purpose.text(),
            )

    def new_item(self) -> None:
        self.ask_add()
