"""The steps of one fiche action (the kit's « étapes », « calendrier »): typed in place, dates
in French, done ticked; added with Entrée, removed with Suppr, each change one undo step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kitcop_desktop.domain.french import long_date, parse_day
from kitcop_desktop.domain.validation import InvalidInput
from kitcop_desktop.i18n import tr
from kitcop_desktop.storage import action_plan
from kitcop_desktop.ui import theme
from kitcop_desktop.ui.icons import icon

AREA = "action_plan"
StepRole = Qt.ItemDataRole.UserRole + 20


def read_day(text: str):
    """«\u00a003/03/2026\u00a0», «\u00a02026-03-03\u00a0» or nothing; InvalidInput (French) otherwise."""
    text = text.strip()
    if not text:
        return None
    try:
        return parse_day(text)
    except InvalidInput as exc:
        raise InvalidInput(
            str(exc).replace(tr("Rien n'a été créé."), tr("Rien n'a été modifié."))
        ) from None


class StepsPanel(QWidget):
    def __init__(self, ctx) -> None:
        super().__init__()
        self.ctx = ctx
        self.card_id: int | None = None
        self._filling = False
        self.title = QLabel(tr("Étapes"))
        theme.style(self.title, theme.BOLD)
        self.title.setWordWrap(True)
        self.model = QStandardItemModel(0, 3)
        self.model.setHorizontalHeaderLabels([tr("Étape"), tr("Échéance"), tr("Faite")])
        self.model.itemChanged.connect(self._edited)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        QShortcut(QKeySequence.StandardKey.Delete, self.table, self.delete_current)
        self.new_label = QLineEdit()
        self.new_label.setPlaceholderText(tr("Nouvelle étape (Entrée pour l'ajouter)"))
        self.new_label.setMaxLength(300)
        self.new_due = QLineEdit()
        self.new_due.setPlaceholderText(tr("Échéance\u00a0: 15/09/2026"))
        self.new_due.setMinimumWidth(
            self.new_due.fontMetrics().horizontalAdvance(tr("Échéance : 15/09/2026")) + 24
        )
        self.add_button = QPushButton(icon("new"), tr("Ajouter l'étape"))
        for field in (self.new_label, self.new_due):
            field.returnPressed.connect(self.add_typed)
        self.add_button.clicked.connect(self.add_typed)
        row = QHBoxLayout()
        row.addWidget(self.new_label, 1)
        row.addWidget(self.new_due)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.show_card(None)

    def show_card(self, row) -> None:
        self.card_id = row.card_id if row is not None else None
        for widget in (self.table, self.new_label, self.new_due, self.add_button):
            widget.setEnabled(row is not None)
        self.title.setText(
            tr("Étapes de «\u00a0{heading}\u00a0» ({workshop})").format(
                heading=row.heading[:80], workshop=row.workshop
            )
            if row is not None
            else tr("Étapes\u00a0: choisissez une fiche action.")
        )
        self._filling = True
        self.model.removeRows(0, self.model.rowCount())
        for step in row.steps if row is not None else ():
            label = QStandardItem(step.label)
            due = QStandardItem(step.due.strftime("%d/%m/%Y") if step.due else "")
            due.setToolTip(long_date(step.due) if step.due else tr("Pas d'échéance"))
            done = QStandardItem("")
            done.setCheckable(True)
            done.setEditable(False)
            done.setCheckState(Qt.CheckState.Checked if step.done else Qt.CheckState.Unchecked)
            for item in (label, due, done):
                item.setData(step.id, StepRole)
            self.model.appendRow([label, due, done])
        self._filling = False

    def step_labels(self) -> list[str]:
        return [self.model.item(r, 0).text() for r in range(self.model.rowCount())]

    # --- commands ----------------------------------------------------------------------------
    def add(self, label: str, due_text: str = "") -> bool:
        card_id = self.card_id
        if card_id is None:
            return False
        try:
            due = read_day(due_text)
        except InvalidInput as exc:
            self.ctx.show_message(str(exc).replace("modifié", "ajouté"))
            return False
        return (
            self.ctx.push(
                tr("Ajouter une étape"),
                area=AREA,
                do=lambda s: action_plan.add_step(s, card_id, label, due).id,
                undo=lambda s, step_id: action_plan.delete_step(s, step_id),
            )
            is not None
        )

    def add_typed(self) -> None:
        if self.add(self.new_label.text(), self.new_due.text()):
            self.new_label.clear()
            self.new_due.clear()
            self.new_label.setFocus()

    def focus_new(self) -> None:
        self.new_label.setFocus()

    def update_step(self, step_id: int, **fields) -> bool:
        return (
            self.ctx.push_update(
                tr("Modifier une étape"), AREA, action_plan.update_step, step_id, **fields
            )
            is not None
        )

    def _edited(self, item: QStandardItem) -> None:
        if self._filling:
            return
        step_id = item.data(StepRole)
        column = item.column()
        if column == 0:
            ok = self.update_step(step_id, label=item.text())
        elif column == 1:
            try:
                ok = self.update_step(step_id, due=read_day(item.text()))
            except InvalidInput as exc:
                self.ctx.show_message(str(exc))
                ok = False
        else:
            ok = self.update_step(step_id, done=item.checkState() == Qt.CheckState.Checked)
        if not ok:  # refused: show the stored value again
            self.ctx.hub.notify(AREA, 0, "")

    def delete_current(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            return
        step_id = index.data(StepRole)
        label = self.model.item(index.row(), 0).text()
        self.ctx.push(
            tr("Supprimer l'étape «\u00a0{label}\u00a0»").format(label=label[:40]),
            area=AREA,
            do=lambda s: action_plan.delete_step(s, step_id),
            undo=lambda s, data: action_plan.recreate_step(s, data),
            redo=lambda s, _data: action_plan.delete_step(s, step_id),
        )
