"""The attendance list as a Qt table model. Edits go through undoable store commands."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from kitcop_desktop.domain.participants import CATEGORY_LABELS
from kitcop_desktop.domain.visibility import WORDS, Visibility
from kitcop_desktop.i18n import tr, tr_later
from kitcop_desktop.storage import participants as ops
from kitcop_desktop.ui.tool_spec import ToolContext
from kitcop_desktop.ui.widgets.visibility_badge import visibility_header

# Presence first: the list reads as a checklist (Espace coche, puis la personne suivante).
COLUMNS = ("present", "name", "structure", "category", "email")
HEADERS = {
    "name": tr_later("Nom"),
    "structure": tr_later("Structure"),
    "category": tr_later("Catégorie d'acteur"),
    "present": tr_later("Présent·e"),
    "email": tr_later("E-mail"),
}
# Columns whose header says their visibility (icon, word, promise): the e-mails never leave
# the facilitator's version.
PRIVATE_COLUMNS = {"email": Visibility.FACILITATOR}
FIELD_LABELS = {
    "name": tr_later("le nom"),
    "structure": tr_later("la structure"),
    "category": tr_later("la catégorie"),
    "present": tr_later("la présence"),
    "email": tr_later("l'e-mail"),
}
CategoryRole = Qt.ItemDataRole.UserRole + 1
WATCHED_AREAS = ("participants", "fishbowl", "rounds", "voting")


class ParticipantsModel(QAbstractTableModel):
    def __init__(self, ctx: ToolContext) -> None:
        super().__init__()
        self._ctx = ctx
        self._rows: list[ops.ParticipantData] = []
        ctx.hub.changed.connect(self._on_changed)
        self.reload()

    def _on_changed(self, area: str, workshop_id: int) -> None:
        # Taking part in a round, a vote or the bowl ticks people present (and undo unticks).
        if area in WATCHED_AREAS and workshop_id == self._ctx.workshop_id:
            self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        with self._ctx.store.read() as session:
            self._rows = [ops.as_data(p) for p in ops.list_for(session, self._ctx.workshop_id)]
        self.endResetModel()

    def participant_id(self, row: int) -> int:
        return self._rows[row].id

    def ids(self) -> list[int]:
        return [r.id for r in self._rows]

    def names(self) -> list[str]:
        return [r.name for r in self._rows]

    def presence(self) -> dict[int, bool]:
        return {r.id: r.present for r in self._rows}

    # --- Qt model API ------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        horizontal = orientation == Qt.Orientation.Horizontal
        private = horizontal and COLUMNS[section] in PRIVATE_COLUMNS
        if private and role != Qt.ItemDataRole.DisplayRole:
            return visibility_header(PRIVATE_COLUMNS[COLUMNS[section]], role)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if horizontal:
            text = tr(HEADERS[COLUMNS[section]])
            # On two lines: the word fits a narrow column at 1024 px.
            return f"{text}\n{WORDS[PRIVATE_COLUMNS[COLUMNS[section]]]}" if private else text
        return str(section + 1)

    def flags(self, index):
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if COLUMNS[index.column()] == "present":
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if column == "present":
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if row.present else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return tr("présent·e") if row.present else tr("absent·e")
            return None
        if column == "category":
            if role == Qt.ItemDataRole.DisplayRole:
                return CATEGORY_LABELS.get(row.category, "—")
            if role in (Qt.ItemDataRole.EditRole, CategoryRole):
                return row.category
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return getattr(row, column) or ""
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid():
            return False
        column = COLUMNS[index.column()]
        if column == "present":
            if role != Qt.ItemDataRole.CheckStateRole:
                return False
            value = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role != Qt.ItemDataRole.EditRole:
            return False
        row = self._rows[index.row()]
        if getattr(row, column) == value:
            return False
        pid = row.id
        result = self._ctx.push_update(
            tr("Modifier {field} de {name}").format(field=tr(FIELD_LABELS[column]), name=row.name),
            "participants",
            ops.update,
            pid,
            **{column: value},
        )
        return result is not None
