"""Preparing a vote: its title, the proposals, the critères de tri and the rules."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kitcop_desktop.domain.dot_vote import MAX_DOTS_PER_PARTICIPANT, MAX_WINNERS
from kitcop_desktop.tools.voting.commands import VoteCommands
from kitcop_desktop.tools.voting.vote_data import VoteState
from kitcop_desktop.ui.icons import icon
from kitcop_desktop.ui.workshop_page import LongText

ITEM_ID = Qt.ItemDataRole.UserRole


def section(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("font-weight: bold; color: #1f2a44; margin-top: 6px;")
    return label


class SetupPanel(QWidget):
    def __init__(self, commands: VoteCommands, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.commands = commands
        self.state: VoteState | None = None
        self._loading = False

        self.title_edit = QLineEdit()
        self.title_edit.setMaxLength(200)
        self.title_edit.setPlaceholderText("Titre du vote")
        self.title_edit.editingFinished.connect(self._rename)

        self.items = QListWidget()
        self.items.setAlternatingRowColors(True)
        self.items.setWordWrap(True)
        self.items.itemChanged.connect(self._item_edited)
        self.new_item = QLineEdit()
        self.new_item.setPlaceholderText("Nouvelle proposition, puis Entrée")
        self.new_item.setMaxLength(500)
        self.new_item.returnPressed.connect(self.add_item)
        self.remove_button = QPushButton(icon("delete"), "")
        self.remove_button.setToolTip("Retirer la proposition choisie (sans gommettes)")
        self.remove_button.clicked.connect(self.remove_selected)

        self.criteria = LongText(self._save_criteria, "Un critère par ligne", height=118)

        self.dots = QSpinBox()
        self.dots.setRange(1, MAX_DOTS_PER_PARTICIPANT)
        self.per_item = QSpinBox()
        self.per_item.setRange(1, MAX_DOTS_PER_PARTICIPANT)
        self.winners = QSpinBox()
        self.winners.setRange(1, MAX_WINNERS)
        self.secret = QCheckBox("Vote secret")
        self.secret.setToolTip("Résultats masqués sur les deux écrans jusqu'à la révélation (R)")
        secret_hint = QLabel("Les résultats restent masqués, ici aussi, jusqu'à la révélation.")
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
            lambda on: self._setting("hidden", on, "Vote secret" if on else "Vote à découvert")
        )

        add_row = QHBoxLayout()
        add_row.addWidget(self.new_item, 1)
        add_row.addWidget(self.remove_button)
        for box in (self.dots, self.per_item, self.winners):
            box.setFixedWidth(72)
        rules = QFormLayout()
        rules.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        rules.addRow("Gommettes par personne", self.dots)
        rules.addRow("Au plus par proposition", self.per_item)
        rules.addRow("Actions retenues", self.winners)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(section("Titre"))
        layout.addWidget(self.title_edit)
        layout.addWidget(section("Propositions"))
        layout.addWidget(self.items, 1)
        layout.addLayout(add_row)
        layout.addWidget(section("Critères de tri (amendables par le groupe)"))
        layout.addWidget(self.criteria)
        layout.addWidget(section("Règles"))
        layout.addLayout(rules)
        layout.addWidget(self.secret)
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
                tips.append("venue d'un tableau")
            if item.id not in in_round:
                tips.append(f"hors du tour {state.current.number}")
                row.setForeground(Qt.GlobalColor.gray)
            row.setToolTip(" — ".join(tips) + ". Double-clic pour reformuler.")
            self.items.addItem(row)
            if item.id == selected:
                self.items.setCurrentItem(row)
        for box, value in (
            (self.dots, state.dots_per_participant),
            (self.per_item, state.max_per_item),
            (self.winners, state.winners_count),
        ):
            if not box.hasFocus():
                box.setValue(value)
        self.secret.setChecked(state.hidden)
        self._loading = False

    def selected_item_id(self) -> int | None:
        row = self.items.currentItem()
        return None if row is None else row.data(ITEM_ID)

    # --- editing ------------------------------------------------------------------------------
    def _rename(self) -> None:
        if self.state is None or self._loading or self.title_edit.text() == self.state.title:
            return
        if not self.commands.rename(self.state.id, self.title_edit.text()):
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

    def remove_selected(self) -> None:
        item = self.state.item(self.selected_item_id()) if self.state else None
        if item is None:
            self.commands.ctx.show_message("Choisissez d'abord une proposition à retirer.")
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
            "dots_per_participant": self.state.dots_per_participant,
            "max_per_item": self.state.max_per_item,
            "winners_count": self.state.winners_count,
            "hidden": self.state.hidden,
        }[key]
        if value != current and not self.commands.set_settings(
            self.state.id, label, **{key: value}
        ):
            self.show_state(self.state)  # refused: show what is stored
