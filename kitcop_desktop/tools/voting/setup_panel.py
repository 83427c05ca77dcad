"""Preparing a vote: its title, the proposals, the critères de tri and the rules."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kitcop_desktop.domain.dot_vote import MAX_DOTS_PER_PARTICIPANT, MAX_WINNERS, rules_warning
from kitcop_desktop.domain.visibility import Visibility
from kitcop_desktop.i18n import tr
from kitcop_desktop.storage.visibility import tallies_visibility
from kitcop_desktop.tools.voting.commands import VoteCommands
from kitcop_desktop.tools.voting.vote_data import VoteState
from kitcop_desktop.ui import theme
from kitcop_desktop.ui.autosave import Autosave
from kitcop_desktop.ui.icons import icon
from kitcop_desktop.ui.long_text import LongText
from kitcop_desktop.ui.widgets.number_field import NumberField
from kitcop_desktop.ui.widgets.visibility_badge import VisibilityBadge

ITEM_ID = Qt.ItemDataRole.UserRole


def section(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    theme.style(label, theme.SECTION_NAVY)
    return label


class ProposalList(QListWidget):
    """The proposals in the vote's order: Alt+↑ / Alt+↓ or a drag asks to move one.

    The list never keeps a move of its own: it emits `move_requested` and shows the order again
    once the store has it (or as it was, when the move is refused).
    """

    move_requested = Signal(int, int)  # item id, new index

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(True)

    def ids(self) -> list[int]:
        return [self.item(row).data(ITEM_ID) for row in range(self.count())]

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt name)
        key = event.key()
        if event.modifiers() & Qt.KeyboardModifier.AltModifier and key in (
            Qt.Key.Key_Up,
            Qt.Key.Key_Down,
        ):
            row = self.currentItem()
            if row is not None:
                step = -1 if key == Qt.Key.Key_Up else 1
                self.move_requested.emit(row.data(ITEM_ID), self.currentRow() + step)
            event.accept()
            return
        super().keyPressEvent(event)

    def startDrag(self, actions) -> None:  # noqa: N802 (Qt name)
        """Let Qt move the row, then ask for that move as one command (whichever way Qt did it)."""
        row = self.currentItem()
        dragged = None if row is None else row.data(ITEM_ID)
        before = self.ids()
        super().startDrag(actions)
        after = self.ids()
        if dragged is None or after == before:
            return
        if Counter(after) == Counter(before):
            self.move_requested.emit(dragged, after.index(dragged))
        else:  # a half-done drop: ask for no move, the panel shows the stored order again
            self.move_requested.emit(dragged, before.index(dragged))


class SetupPanel(QWidget):
    def __init__(self, commands: VoteCommands, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.commands = commands
        self.state: VoteState | None = None
        self._loading = False

        self.title_edit = QLineEdit()
        self.title_edit.setMaxLength(200)
        self.title_edit.setPlaceholderText(tr("Titre du vote"))
        Autosave(self.title_edit, self._rename)

        self.items = ProposalList()
        self.items.setAlternatingRowColors(True)
        self.items.setWordWrap(True)
        self.items.itemChanged.connect(self._item_edited)
        self.items.move_requested.connect(self.move_item)
        self.items.currentRowChanged.connect(self._update_move_buttons)
        self.up_button = QPushButton(icon("up"), "")
        self.up_button.setToolTip(tr("Monter la proposition choisie (Alt+↑)"))
        self.up_button.setAccessibleName(tr("Monter"))
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button = QPushButton(icon("down"), "")
        self.down_button.setToolTip(tr("Descendre la proposition choisie (Alt+↓)"))
        self.down_button.setAccessibleName(tr("Descendre"))
        self.down_button.clicked.connect(lambda: self.move_selected(+1))
        self.new_item = QLineEdit()
        self.new_item.setPlaceholderText(tr("Nouvelle proposition, puis Entrée"))
        self.new_item.setMaxLength(500)
        self.new_item.returnPressed.connect(self.add_item)
        self.remove_button = QPushButton(icon("delete"), "")
        self.remove_button.setToolTip(tr("Retirer la proposition choisie (sans gommettes)"))
        self.remove_button.setAccessibleName(tr("Retirer"))
        self.remove_button.clicked.connect(self.remove_selected)

        self.criteria = LongText(self._save_criteria, tr("Un critère par ligne"), height=118)

        # Typing 999 is refused out loud (a plain spin box would keep « 9 » without a word).
        self.dots = NumberField(
            1,
            MAX_DOTS_PER_PARTICIPANT,
            "Chaque participant·e a au plus {maximum} gommettes.",
            "Chaque participant·e a au moins 1 gommette.",
        )
        self.per_item = NumberField(
            1,
            MAX_DOTS_PER_PARTICIPANT,
            tr("Au plus {maximum} gommettes sur une même proposition."),
            "Au moins 1 gommette par proposition.",
        )
        self.winners = NumberField(
            1, MAX_WINNERS, "On retient au plus {maximum} actions.", "On retient au moins 1 action."
        )
        for box in (self.dots, self.per_item, self.winners):
            box.refused.connect(commands.ctx.show_message)
        self.rules_warning = QLabel()
        self.rules_warning.setWordWrap(True)
        theme.style(self.rules_warning, theme.WARNING_TEXT)
        self.rules_warning.hide()
        self.secret = QCheckBox(tr("Vote secret"))
        self.secret.setToolTip(
            tr(
                "Résultats masqués sur les deux écrans jusqu'à la révélation (R). "
                "Ce choix ne s'annule pas par Ctrl+Z : recliquez."
            )
        )
        self.secret_badge = VisibilityBadge(Visibility.RESTITUTION)
        secret_hint = QLabel(tr("Les résultats restent masqués, ici aussi, jusqu'à la révélation."))
        secret_hint.setWordWrap(True)
        secret_hint.setObjectName("PageSubtitle")
        self.dots.editingFinished.connect(
            lambda: self._setting(
                "dots_per_participant", self.dots.value(), "Gommettes par personne"
            )
        )
        self.per_item.editingFinished.connect(
            lambda: self._setting("max_per_item", self.per_item.value(), "Maximum par proposition")
        )
        self.winners.editingFinished.connect(
            lambda: self._setting("winners_count", self.winners.value(), "Actions retenues")
        )
        self.secret.toggled.connect(
            lambda on: self._setting(
                "hidden", on, tr("Vote secret") if on else tr("Vote à découvert")
            )
        )

        add_row = QHBoxLayout()
        add_row.addWidget(self.new_item, 1)
        add_row.addWidget(self.remove_button)
        # The arrows sit on the title line of the list: no width taken from the typing field.
        items_title = QHBoxLayout()
        items_title.addWidget(section(tr("Propositions")), 1)
        for button in (self.up_button, self.down_button):
            button.setFixedWidth(self.remove_button.sizeHint().width())
            items_title.addWidget(button, 0, Qt.AlignmentFlag.AlignBottom)
        for box in (self.dots, self.per_item, self.winners):
            box.setFixedWidth(72)
        rules = QFormLayout()
        rules.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        rules.addRow(tr("Gommettes par personne"), self.dots)
        rules.addRow(tr("Au plus par proposition"), self.per_item)
        rules.addRow(tr("Actions retenues"), self.winners)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(section(tr("Titre")))
        layout.addWidget(self.title_edit)
        layout.addLayout(items_title)
        layout.addWidget(self.items, 1)
        layout.addLayout(add_row)
        layout.addWidget(section(tr("Critères de tri (amendables par le groupe)")))
        layout.addWidget(self.criteria)
        layout.addWidget(section(tr("Règles")))
        layout.addLayout(rules)
        layout.addWidget(self.rules_warning)
        secret_row = QHBoxLayout()
        secret_row.addWidget(self.secret)
        secret_row.addWidget(self.secret_badge, 1)
        layout.addLayout(secret_row)
        layout.addWidget(secret_hint)

    # --- showing ------------------------------------------------------------------------------
    def show_state(self, state: VoteState | None) -> None:
        self.state = state
        self.setEnabled(state is not None)
        if state is None:
            return
        self._loading = True
        if not self.title_edit.hasFocus():
            self.title_edit.setText(state.title)
            self.title_edit.setCursorPosition(0)  # show the start of a long title
        self.criteria.set_value("\n".join(state.criteria))
        selected = self.selected_item_id()
        self.items.clear()
        in_round = set(state.current.item_ids)
        for number, item in enumerate(state.items, start=1):
            row = QListWidgetItem(item.text)
            row.setData(ITEM_ID, item.id)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsEditable)
            tips = [f"Proposition {number}"]
            if item.from_board:
                tips.append(tr("venue d'un tableau"))
            if item.id not in in_round:
                tips.append(tr("hors du tour {number}").format(number=state.current.number))
                row.setForeground(Qt.GlobalColor.gray)
            row.setToolTip(
                " — ".join(tips) + tr(". Double-clic pour reformuler, Alt+↑ / Alt+↓ pour déplacer.")
            )
            self.items.addItem(row)
            if item.id == selected:
                self.items.setCurrentItem(row)
        rules = state.current.rules  # a round among ex æquo has its own
        for box, value in (
            (self.dots, rules.dots_per_participant),
            (self.per_item, rules.max_per_item),
            (self.winners, state.winners_count),
        ):
            if not box.hasFocus():
                box.setValue(value)
        self.secret.setChecked(state.hidden)
        self.secret_badge.set_visibility(tallies_visibility(state.hidden))
        warning = rules_warning(rules, len(state.current.item_ids))
        self.rules_warning.setVisible(warning is not None)
        self.rules_warning.setText(f"⚠ {warning}" if warning else "")
        self._loading = False
        self._update_move_buttons()

    def selected_item_id(self) -> int | None:
        row = self.items.currentItem()
        return None if row is None else row.data(ITEM_ID)

    # --- editing ------------------------------------------------------------------------------
    def _rename(self) -> None:
        if self.state is None or self._loading or self.title_edit.text() == self.state.title:
            return
        renamed = self.commands.rename(self.state.id, self.title_edit.text())
        if not renamed and not self.title_edit.hasFocus():  # typing: the message says why
            self.title_edit.setText(self.state.title)

    def add_item(self) -> None:
        if self.state is None:
            return
        if self.commands.add_item(self.state.id, self.new_item.text()) is not None:
            self.new_item.clear()

    def _item_edited(self, row: QListWidgetItem) -> None:
        if self._loading or self.state is None:
            return
        item = self.state.item(row.data(ITEM_ID))
        if item is None or row.text() == item.text:
            return
        if not self.commands.update_item(item.id, row.text()):
            self._loading = True
            row.setText(item.text)
            self._loading = False

    def move_selected(self, step: int) -> None:
        """The arrow buttons: move the chosen proposal one place up (-1) or down (+1)."""
        item_id = self.selected_item_id()
        if self.state is None or item_id is None:
            self.commands.ctx.show_message(tr("Choisissez d'abord une proposition à déplacer."))
            return
        self.move_item(item_id, self.items.currentRow() + step)

    def move_item(self, item_id: int, new_index: int) -> None:
        """One undoable move; the list follows the store (the moved proposal stays chosen)."""
        if self.state is None or self._loading:
            return
        order = [item.id for item in self.state.items]
        if item_id not in order or new_index == order.index(item_id):
            self.show_state(self.state)  # nothing to store (a drop back in place): no undo step
            self._select(item_id)
            return
        if not self.commands.move_item(item_id, new_index):
            self.show_state(self.state)  # refused: show the stored order again
            self._select(item_id)
        elif self.selected_item_id() != item_id:
            self._select(item_id)

    def _select(self, item_id: int) -> None:
        for row in range(self.items.count()):
            if self.items.item(row).data(ITEM_ID) == item_id:
                self.items.setCurrentRow(row)
                return

    def _update_move_buttons(self, *_args) -> None:
        row, count = self.items.currentRow(), self.items.count()
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < count - 1)

    def remove_selected(self) -> None:
        item_id = self.selected_item_id()
        item = self.state.item(item_id) if self.state and item_id is not None else None
        if item is None:
            self.commands.ctx.show_message(tr("Choisissez d'abord une proposition à retirer."))
            return
        self.commands.delete_item(item.id, item.text)

    def _save_criteria(self) -> None:
        if self.state is None or self._loading:
            return
        lines = self.criteria.toPlainText().split("\n")
        if [line.strip() for line in lines if line.strip()] != self.state.criteria:
            self.commands.set_criteria(self.state.id, lines)

    def _setting(self, key: str, value, label: str) -> None:
        if self._loading or self.state is None:
            return
        current = {
            "dots_per_participant": self.state.current.rules.dots_per_participant,
            "max_per_item": self.state.current.rules.max_per_item,
            "winners_count": self.state.winners_count,
            "hidden": self.state.hidden,
        }[key]
        if value == current:
            return
        if key == "hidden":  # who may see the counts: outside undo, like a reveal
            done = self.commands.set_secret(self.state.id, value)
        else:
            done = self.commands.set_settings(self.state.id, label, **{key: value})
        if not done:
            self.show_state(self.state)  # refused: show what is stored
