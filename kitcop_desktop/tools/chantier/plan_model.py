"""The action plan as a Qt table model: one row per fiche action of the chantier, sortable,
the status, pilots and « comment tester » edited in place, each edit one undo step."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from kitcop_desktop.domain.action_plan import STATUS_ORDER, STATUSES
from kitcop_desktop.domain.french import long_date
from kitcop_desktop.i18n import tr, tr_later
from kitcop_desktop.storage import action_plan, actions
from kitcop_desktop.storage.action_plan import PlanRow

AREA = "action_plan"
COLUMNS = (
    ("number", tr_later("N°")),
    ("heading", tr_later("Fiche action")),
    ("workshop", tr_later("Atelier")),
    ("status", tr_later("Statut")),
    ("leads", tr_later("Pilotes")),
    ("next_step", tr_later("Prochaine étape")),
    ("test_plan", tr_later("Comment tester")),
    ("protocol", tr_later("Protocole")),
)
KEYS = tuple(key for key, _label in COLUMNS)
EDITABLE = ("status", "leads", "test_plan")
SortRole = Qt.ItemDataRole.UserRole + 10
CardRole = Qt.ItemDataRole.UserRole + 11
Index = QModelIndex | QPersistentModelIndex


def one_line(text: str, limit: int = 120) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def next_step_text(row: PlanRow) -> str:
    step = row.next_step
    if step is None:
        return tr("toutes faites") if row.steps else "—"
    when = f" ({long_date(step.due)})" if step.due else ""
    return f"{step.label}{when}"


class PlanModel(QAbstractTableModel):
    def __init__(self, ctx) -> None:
        super().__init__()
        self.ctx = ctx
        self.rows: list[PlanRow] = []

    def set_rows(self, rows: list[PlanRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(COLUMNS[section][1])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if KEYS[index.column()] in EDITABLE:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        key = KEYS[index.column()]
        if role == CardRole:
            return row.card_id
        if role == SortRole:
            if key == "status":
                return STATUS_ORDER.get(row.status, 99)
            if key == "next_step":
                step = row.next_step
                return (step.due or date.max).isoformat() if step else "9999"
            if key == "number":
                return row.number
            return self.data(index).casefold()
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "number":
                return str(row.number)
            if key == "status":
                return STATUSES.get(row.status, row.status)
            if key == "next_step":
                return next_step_text(row)
            if key == "protocol":
                return tr("écrit") if row.protocol_id else "—"
            return one_line(getattr(row, key))
        if role == Qt.ItemDataRole.EditRole:
            return row.status if key == "status" else getattr(row, key, "")
        if role == Qt.ItemDataRole.ToolTipRole and key in ("heading", "test_plan", "leads"):
            return getattr(row, key) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "number":
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        row = self.rows[index.row()]
        key = KEYS[index.column()]
        if key == "status":
            return self.set_status(row.card_id, str(value))
        if key in ("leads", "test_plan"):
            if str(value) == getattr(row, key):
                return False
            label = tr("Pilotes") if key == "leads" else tr("Comment tester")
            return (
                self.ctx.push_update(
                    tr("Modifier «\u00a0{label}\u00a0»").format(label=label),
                    AREA,
                    actions.update,
                    row.card_id,
                    **{key: value},
                )
                is not None
            )
        return False

    def set_status(self, card_id: int, status: str) -> bool:
        row = next((r for r in self.rows if r.card_id == card_id), None)
        if row is None or row.status == status:
            return False
        label = STATUSES.get(status, status)
        return (
            self.ctx.push(
                tr("Statut «\u00a0{label}\u00a0»").format(label=label),
                area=AREA,
                do=lambda s: action_plan.set_status(s, card_id, status),
                undo=lambda s, previous: action_plan.set_status(s, card_id, previous),
            )
            is not None
        )

    def row_of(self, card_id: int) -> int:
        return next((i for i, r in enumerate(self.rows) if r.card_id == card_id), -1)
