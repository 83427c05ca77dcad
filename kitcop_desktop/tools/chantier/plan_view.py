"""The chantier's action plan: the sortable table of its fiches actions (keys: ↑ ↓ to move,
1–5 to set the status, F2 or Entrée to edit a cell), and the steps of the selected one."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QSplitter,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kitcop_desktop.domain.action_plan import STATUSES, status_from_key
from kitcop_desktop.i18n import tr, tr_later
from kitcop_desktop.storage import action_plan
from kitcop_desktop.tools.chantier.plan_model import KEYS, CardRole, PlanModel, SortRole
from kitcop_desktop.tools.chantier.steps_panel import StepsPanel

KEY_HELP = tr_later(
    "↑ ↓\u00a0: choisir une fiche · 1 à 5\u00a0: statut (1 à lancer, 2 en cours, 3 testée, "
    "4 passée à l'échelle, 5 abandonnée) · F2\u00a0: modifier la case · Ctrl+N\u00a0: nouvelle étape · "
    "clic sur un titre de colonne\u00a0: trier"
)


# Starting widths (px) of the columns; « Comment tester » takes what is left.
WIDTHS = {
    "number": 44,
    "heading": 250,
    "workshop": 130,
    "status": 120,
    "leads": 130,
    "next_step": 160,
    "protocol": 80,
}


class StatusDelegate(QStyledItemDelegate):
    """The status column edited with a list of the five statuses."""

    def createEditor(self, parent, option, index):  # noqa: N802 - Qt API
        combo = QComboBox(parent)
        for code, label in STATUSES.items():
            combo.addItem(label, code)
        return combo

    def setEditorData(self, editor, index):  # noqa: N802 - Qt API
        at = editor.findData(index.data(Qt.ItemDataRole.EditRole))
        editor.setCurrentIndex(max(0, at))

    def setModelData(self, editor, model, index):  # noqa: N802 - Qt API
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class PlanTable(QTableView):
    status_key = Signal(str)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if self.state() != QAbstractItemView.State.EditingState and not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            status = status_from_key(event.text())
            if status is not None:
                self.status_key.emit(status)
                return
        super().keyPressEvent(event)


class ActionPlanView(QWidget):
    protocol_requested = Signal(int)

    def __init__(self, ctx, chantier_id: int) -> None:
        super().__init__()
        self.setObjectName("plan")
        self.ctx = ctx
        self.chantier_id = chantier_id
        self.model = PlanModel(ctx)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.table = PlanTable()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setItemDelegateForColumn(KEYS.index("status"), StatusDelegate(self.table))
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for key in ("heading", "test_plan"):  # the two long texts share what is left
            header.setSectionResizeMode(KEYS.index(key), QHeaderView.ResizeMode.Stretch)
        metrics = header.fontMetrics()
        for key, width in WIDTHS.items():  # never narrower than its title
            title = self.model.headerData(KEYS.index(key), Qt.Orientation.Horizontal)
            header.resizeSection(KEYS.index(key), max(width, metrics.horizontalAdvance(title) + 28))
        header.setMinimumSectionSize(40)
        self.table.status_key.connect(self.set_current_status)
        self.table.activated.connect(self._activated)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_steps())
        self.empty = QLabel(
            tr(
                "Aucune fiche action dans les ateliers de ce chantier\u00a0: rédigez-les dans l'outil "
                "«\u00a0Fiches actions\u00a0» d'un atelier, elles viennent ici."
            )
        )
        self.empty.setWordWrap(True)
        self.empty.setObjectName("PageSubtitle")
        self.help = QLabel(tr(KEY_HELP))
        self.help.setWordWrap(True)
        self.help.setObjectName("PageSubtitle")
        self.steps = StepsPanel(ctx)

        top = QWidget()
        column = QVBoxLayout(top)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.help)
        column.addWidget(self.table, 1)
        column.addWidget(self.empty)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(self.steps)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(split)

    # --- what is shown -----------------------------------------------------------------------
    def reload(self) -> None:
        current = self.current_card()
        with self.ctx.store.read() as s:
            rows = action_plan.rows(s, self.chantier_id)
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        self.table.setVisible(bool(rows))
        self.select_card(current or (rows[0].card_id if rows else 0))
        self._show_steps()

    def current_card(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(CardRole) if index.isValid() else None

    def current_row(self):
        card = self.current_card()
        return next((r for r in self.model.rows if r.card_id == card), None)

    def select_card(self, card_id: int) -> None:
        row = self.model.row_of(card_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 1))
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)

    def _show_steps(self) -> None:
        self.steps.show_card(self.current_row())

    # --- commands ----------------------------------------------------------------------------
    def set_current_status(self, status: str) -> None:
        card = self.current_card()
        if card is not None:
            self.model.set_status(card, status)

    def _activated(self, index) -> None:
        """Entrée or a double click on «\u00a0Protocole\u00a0»: that fiche's protocole de test."""
        if KEYS[index.column()] == "protocol":
            self.protocol_requested.emit(index.data(CardRole))

    def new_item(self) -> None:
        self.steps.focus_new()
