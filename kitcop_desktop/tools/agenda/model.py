"""The déroulé as a Qt table model: the kit's five columns, plus the duration.

Rows are plain snapshots read from the store; every edit goes through ctx.push (undoable) and
the model reloads on the hub's « agenda » notification. Conflicts are shown on the row (red
horaire with a warning sign and the reason as tooltip), never fixed behind the user's back.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QMimeData, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from kitcop_desktop.domain import schedule as sched
from kitcop_desktop.domain.french import minutes_text
from kitcop_desktop.i18n import tr, tr_later
from kitcop_desktop.storage import agenda
from kitcop_desktop.ui import theme
from kitcop_desktop.ui.tool_spec import ToolContext

COL_TIME, COL_MINUTES, COL_INTENTION, COL_TITLE, COL_INSTRUCTIONS, COL_MATERIALS = range(6)
# The kit's column names, on two lines so that they are never cut in a narrow column.
HEADERS = (
    tr_later("Horaire"),
    tr_later("Durée"),
    tr_later("Objectif –\nintention"),
    tr_later("Séquence"),
    tr_later("Consignes"),
    tr_later("Matériel /\nconfig salle"),
)
MIME = "application/x-kitcop-sequence-row"
PIN = "\U0001f4cc"  # a pushpin; the tooltip says it in words


@dataclass(frozen=True)
class Row:
    id: int
    title: str
    intention: str
    instructions: str
    materials: str
    ticked: str
    minutes: int
    pinned: bool
    kind: str
    tool_key: str
    tool_ref: int | None
    start: int
    end: int
    conflict: str
    gap_before: int
    facilitator_notes: str = ""


class AgendaModel(QAbstractTableModel):
    def __init__(self, ctx: ToolContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[Row] = []
        self.schedule: sched.Schedule | None = None
        self.current_id: int | None = None  # the séquence being run, shown in bold
        self.reload()

    # --- data ----------------------------------------------------------------------------
    def reload(self) -> None:
        self.beginResetModel()
        with self.ctx.store.read() as session:
            sequences = agenda.list_sequences(session, self.ctx.workshop_id)
            self.schedule = agenda.schedule_for(session, self.ctx.workshop_id)
            self.rows = [
                Row(
                    s.id,
                    s.title,
                    s.intention,
                    s.instructions,
                    s.materials,
                    s.materials_ticked,
                    s.duration_minutes,
                    s.pinned_start is not None,
                    s.kind,
                    s.tool_key,
                    s.tool_ref,
                    slot.start,
                    slot.end,
                    slot.conflict,
                    slot.gap_before,
                    s.facilitator_notes,
                )
                for s, slot in zip(sequences, self.schedule.slots, strict=True)
            ]
        self.endResetModel()

    def row_of(self, sequence_id: int | None) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == sequence_id), -1)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(HEADERS[section])
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col)
        if role == Qt.ItemDataRole.EditRole:
            return {
                COL_TIME: sched.clock_text(row.start) if row.pinned else "",
                COL_MINUTES: row.minutes,
                COL_INTENTION: row.intention,
                COL_TITLE: row.title,
            }.get(col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, col)
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_TIME and row.conflict:
            return QBrush(QColor(theme.CONFLICT))
        if role == Qt.ItemDataRole.BackgroundRole and row.id == self.current_id:
            return QBrush(QColor(theme.NOTICE_FILL))
        if role == Qt.ItemDataRole.FontRole and (row.id == self.current_id or col == COL_TITLE):
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_TIME, COL_MINUTES):
            return int(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def _display(self, row: Row, col: int) -> str:
        if col == COL_TIME:
            text = f"{sched.clock_text(row.start)} – {sched.clock_text(row.end)}"
            if row.pinned:
                text = f"{PIN} {text}"
            if row.conflict:
                text = f"⚠ {text}"
            return text
        if col == COL_MINUTES:
            return minutes_text(row.minutes)
        if col == COL_INTENTION:
            return _short(row.intention, 160)
        if col == COL_TITLE:
            return row.title
        if col == COL_INSTRUCTIONS:
            return _short(row.instructions, 220)
        if col == COL_MATERIALS:
            lines = agenda.material_lines(row.materials)
            ticked = set(agenda.material_lines(row.ticked))
            return "\n".join(("☑ " if line in ticked else "☐ ") + line for line in lines[:6])
        return ""

    def _tooltip(self, row: Row, col: int) -> str | None:
        if col == COL_TIME:
            parts = []
            if row.pinned:
                parts.append(
                    tr("Heure de début fixée (épinglée)\u00a0: les autres séquences s'adaptent.")
                )
            else:
                parts.append(tr("Calculé à partir des durées. Tapez une heure pour la fixer."))
            if row.gap_before:
                parts.append(
                    tr("Battement de {minutes} avant cette séquence.").format(
                        minutes=minutes_text(row.gap_before)
                    )
                )
            if row.conflict:
                parts.append(row.conflict)
            return "\n".join(parts)
        if col in (COL_INSTRUCTIONS, COL_INTENTION) and row.instructions:
            return _short(row.instructions if col == COL_INSTRUCTIONS else row.intention, 800)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex):
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid():
            return base | Qt.ItemFlag.ItemIsDropEnabled
        base |= Qt.ItemFlag.ItemIsDragEnabled
        if index.column() in (COL_TIME, COL_MINUTES, COL_INTENTION, COL_TITLE):
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    # --- editing ---------------------------------------------------------------------------
    def setData(  # noqa: N802
        self, index: QModelIndex | QPersistentModelIndex, value, role=Qt.ItemDataRole.EditRole
    ) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        row = self.rows[index.row()]
        field = {
            COL_TIME: "pinned_start",
            COL_MINUTES: "duration_minutes",
            COL_INTENTION: "intention",
            COL_TITLE: "title",
        }.get(index.column())
        if field is None:
            return False
        return update_field(self.ctx, row.id, field, value)

    # --- drag and drop reorder --------------------------------------------------------------
    def supportedDropActions(self):  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self):  # noqa: N802
        return [MIME]

    def mimeData(self, indexes):  # noqa: N802
        data = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        if rows:
            data.setData(MIME, str(self.rows[rows[0]].id).encode())
        return data

    def dropMimeData(self, data, action, row, column, parent) -> bool:  # noqa: N802
        if not data.hasFormat(MIME):
            return False
        sequence_id = int(bytes(data.data(MIME)).decode())
        target = row if row >= 0 else (parent.row() if parent.isValid() else len(self.rows))
        old = self.row_of(sequence_id)
        if old < 0:
            return False
        new = target - 1 if target > old else target
        move(self.ctx, sequence_id, new)
        return False  # we moved it ourselves; the view must not remove a row


def _short(text: str, limit: int) -> str:
    text = text or ""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# --- undoable commands shared by the table and the detail panel ---------------------------------
FIELD_NAMES = {
    "title": tr_later("le titre"),
    "duration_minutes": tr_later("la durée"),
    "pinned_start": tr_later("l'heure fixée"),
    "intention": tr_later("l'intention"),
    "instructions": tr_later("les consignes"),
    "facilitator_notes": tr_later("les notes pour l'animateur·rice"),
    "materials": tr_later("le matériel"),
    "kind": tr_later("le type"),
    "tool_key": tr_later("l'outil lié"),
    "tool_ref": tr_later("l'outil lié"),
}


def update_field(ctx: ToolContext, sequence_id: int, field: str, value) -> bool:
    """One undoable change of one séquence column; False when refused (message shown)."""
    with ctx.store.read() as session:
        current = getattr(agenda.get(session, sequence_id), field)
    if field == "pinned_start":
        same = (current is None and str(value or "").strip() == "") or (
            current is not None and str(value).strip() == f"{current:%H:%M}"
        )
    else:
        same = current == value
    if same:
        return True
    text = tr("Modifier {what}").format(what=tr(FIELD_NAMES.get(field, field)))
    return (
        ctx.push(
            text,
            area="agenda",
            do=lambda s: agenda.update_sequence(s, sequence_id, **{field: value}),
            undo=lambda s, previous: agenda.restore_fields(s, sequence_id, previous),
        )
        is not None
    )


def move(ctx: ToolContext, sequence_id: int, new_index: int) -> bool:
    """Move a séquence (drag or Alt+↑/↓), undoable."""
    return (
        ctx.push(
            tr("Déplacer la séquence"),
            area="agenda",
            do=lambda s: agenda.move_sequence(s, sequence_id, new_index),
            undo=lambda s, old: agenda.move_sequence(s, sequence_id, old),
        )
        is not None
    )
