"""Counting from the physical wall: one field per proposal, keyboard only.

Type the number of gommettes, Enter (or ↓) goes to the next proposal, ↑ to the previous one.
Each count is stored when the field is left: one undoable entry per proposal.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kitcop_desktop.i18n import tr, tr_later
from kitcop_desktop.tools.voting.commands import VoteCommands
from kitcop_desktop.tools.voting.vote_data import RoundState, VoteState

# A secret vote's count, once entered, is never in the field: every field shows the same mask,
# whatever the count (one ● per digit would tell 7 from 12 on a mirrored screen).
MASK = "●●●"
MASK_TIP = tr_later(
    "Vote secret : le nombre saisi reste masqué jusqu'à la révélation. Tapez pour le remplacer."
)


class CountField(QLineEdit):
    def __init__(self, item_id: int) -> None:
        super().__init__()
        self.item_id = item_id
        self.masked = False
        self.setFixedWidth(72)
        self.setMaxLength(6)
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setPlaceholderText("0")

    def show_count(self, value: int, masked: bool) -> None:
        """The stored count, or the same mask for every count of a secret round."""
        self.masked = masked
        self.setText("" if masked or not value else str(value))
        self.setPlaceholderText(MASK if masked else "0")
        self.setToolTip(tr(MASK_TIP) if masked else "")
        self.setModified(False)


class WallEntry(QWidget):
    def __init__(self, commands: VoteCommands, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.commands = commands
        self.round: RoundState | None = None
        self.texts: dict[int, str] = {}
        self.fields: list[CountField] = []
        self.hint = hint = QLabel()
        hint.setWordWrap(True)
        hint.setObjectName("PageSubtitle")
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setObjectName("Rows")
        self._scroll = scroll
        self._grid = QGridLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(hint)
        layout.addWidget(scroll, 1)

    def show_state(self, state: VoteState, vote_round: RoundState) -> None:
        focused = next((f.item_id for f in self.fields if f.hasFocus()), None)
        hint = tr(
            "Comptez les gommettes au mur et tapez-les : Entrée ou ↓ passe à la proposition "
            "suivante, ↑ revient."
        )
        if not state.tallies_visible(vote_round):
            hint += tr(" Vote secret : chaque nombre est masqué dès qu'il est saisi.")
        if not vote_round.open:
            hint = tr("Le tour {number} est clos : rouvrez-le pour corriger un nombre.").format(
                number=vote_round.number
            )
        self.hint.setText(hint)
        same_rows = self.round is not None and self.round.item_ids == vote_round.item_ids
        self.round = vote_round
        self.texts = {
            i: (item.text if (item := state.item(i)) else "") for i in vote_round.item_ids
        }
        if not same_rows:
            self._rebuild(vote_round)
        for field in self.fields:
            if field.hasFocus() and field.isModified():
                continue  # never overwrite what is being typed
            # Secret vote: a count shows only while it is typed, masked once entered.
            value = vote_round.wall_counts.get(field.item_id, 0)
            field.show_count(value, masked=not state.tallies_visible(vote_round))
            field.setReadOnly(not vote_round.open)
        for index, item_id in enumerate(vote_round.item_ids):
            cell = self._grid.itemAtPosition(index, 1)
            label = cell.widget() if cell is not None else None
            if isinstance(label, QLabel):
                label.setText(self.texts[item_id])
        if focused is not None and not same_rows:
            self.focus_item(focused)

    def _rebuild(self, vote_round: RoundState) -> None:
        # A fresh host: the scroll area deletes the old one with its rows at once.
        host = QWidget()
        host.setAutoFillBackground(False)
        self._grid = QGridLayout(host)
        self._grid.setColumnStretch(1, 1)
        self._grid.setVerticalSpacing(4)
        self.fields = []
        for index, item_id in enumerate(vote_round.item_ids):
            number = QLabel(f"{index + 1}.")
            text = QLabel(self.texts[item_id])
            text.setWordWrap(True)
            field = CountField(item_id)
            field.editingFinished.connect(lambda f=field: self._commit(f))
            field.installEventFilter(self)
            text.setBuddy(field)
            self._grid.addWidget(number, index, 0, Qt.AlignmentFlag.AlignVCenter)
            self._grid.addWidget(text, index, 1)
            self._grid.addWidget(field, index, 2, Qt.AlignmentFlag.AlignVCenter)
            self.fields.append(field)
        self._grid.setRowStretch(len(vote_round.item_ids), 1)
        self._scroll.setWidget(host)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.KeyPress and obj in self.fields:
            index = self.fields.index(obj)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Down):
                self._move(index + 1)
                return True
            if event.key() == Qt.Key.Key_Up:
                self._move(index - 1)
                return True
        return super().eventFilter(obj, event)

    def _move(self, index: int) -> None:
        if 0 <= index < len(self.fields):
            self.fields[index].setFocus()
            self.fields[index].selectAll()
        elif self.fields:
            self._commit(self.fields[-1])

    def _commit(self, field: CountField) -> None:
        if self.round is None or not field.isModified():
            return
        field.setModified(False)
        stored = self.round.wall_counts.get(field.item_id, 0)
        text = field.text().strip()
        if text == str(stored) or (text == "" and (stored == 0 or field.masked)):
            field.show_count(stored, field.masked)  # nothing new typed: masked again
            return
        if not self.commands.set_wall_count(
            self.round.id, field.item_id, text, self.texts.get(field.item_id, "")
        ):
            field.show_count(stored, field.masked)

    def focus_item(self, item_id: int) -> None:
        for field in self.fields:
            if field.item_id == item_id:
                field.setFocus()
                field.selectAll()

    def focus_first(self) -> None:
        self._move(0)
