"""One ballot per participant on the laptop: pick your name, place your dots, validate.

The ballot being filled in lives only here until « Valider »; once stored it is hidden and the
laptop is ready for the next person. Limits are enforced as dots are placed, with a message
saying which one; digits 1–9 place or remove a dot on that proposal.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kitcop_desktop.domain.dot_vote import VoteRules, dots_text, place_dot, remove_dot
from kitcop_desktop.domain.participants import name_key
from kitcop_desktop.domain.validation import InvalidInput
from kitcop_desktop.i18n import tr
from kitcop_desktop.storage import voting_phones
from kitcop_desktop.tools.voting.commands import VoteCommands
from kitcop_desktop.tools.voting.vote_data import RoundState, VoteState
from kitcop_desktop.ui import theme
from kitcop_desktop.ui.icons import icon
from kitcop_desktop.ui.widgets.row_list import Row, RowList

DOT, EMPTY = "●", "○"


class BallotBox(QWidget):
    def __init__(self, commands: VoteCommands, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.commands = commands
        self.state: VoteState | None = None
        self.round: RoundState | None = None
        self.voter: tuple[int, str] | None = None
        self.dots: dict[int, int] = {}
        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_pick())
        self.pages.addWidget(self._build_ballot())
        self.pages.addWidget(self._build_done())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

    # --- pages --------------------------------------------------------------------------------
    def _build_pick(self) -> QWidget:
        page = QWidget()
        self.who = QComboBox()
        self.who.setMinimumWidth(150)
        self.start_button = QPushButton(icon("user", theme.WHITE), tr("Commencer mon vote"))
        self.start_button.setObjectName("Primary")
        self.start_button.clicked.connect(self.start)
        self.pick_hint = QLabel()
        self.pick_hint.setWordWrap(True)
        self.voted = RowList()
        self.voted.setMaximumHeight(150)
        self.reopen_button = QPushButton(tr("Rouvrir ce bulletin"))
        self.reopen_button.setToolTip(tr("Permet à cette personne de voter à nouveau (annulable)"))
        self.reopen_button.clicked.connect(self.reopen_selected)
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("Qui vote ?")))
        row.addWidget(self.who, 1)
        row.addWidget(self.start_button)
        self.voted_label = QLabel()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.pick_hint)
        layout.addWidget(self.voted_label)
        layout.addWidget(self.voted)
        layout.addWidget(self.reopen_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        return page

    def _build_ballot(self) -> QWidget:
        page = QWidget()
        self.ballot_title = QLabel()
        self.ballot_title.setObjectName("PageTitle")
        self.remaining = QLabel()
        theme.style(self.remaining, theme.HEADING)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setObjectName("Rows")
        self._scroll = scroll
        self.validate_button = QPushButton(icon("check", theme.WHITE), tr("Valider mon vote"))
        self.validate_button.setObjectName("Primary")
        self.validate_button.clicked.connect(self.validate)
        cancel = QPushButton(tr("Annuler"))
        cancel.clicked.connect(self.cancel)
        buttons = QHBoxLayout()
        buttons.addWidget(cancel)
        buttons.addStretch(1)
        buttons.addWidget(self.validate_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.ballot_title)
        layout.addWidget(self.remaining)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        return page

    def _build_done(self) -> QWidget:
        page = QWidget()
        self.thanks = QLabel()
        self.thanks.setObjectName("PageTitle")
        self.thanks.setWordWrap(True)
        self.thanks.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next_button = QPushButton(tr("Personne suivante (Entrée)"))
        self.next_button.setObjectName("Primary")
        self.next_button.clicked.connect(self.next_person)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self.thanks)
        layout.addWidget(self.next_button, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(2)
        return page

    # --- showing ------------------------------------------------------------------------------
    def show_state(self, state: VoteState, vote_round: RoundState) -> None:
        round_changed = self.round is None or self.round.id != vote_round.id
        self.state, self.round = state, vote_round
        if round_changed or not vote_round.open:
            self.cancel()
        waiting = [v for v in state.voters if v.participant_id is not None and not v.ballot_id]
        waiting.sort(key=lambda v: not v.present)  # those present first
        current = self.who.currentData()
        self.who.clear()
        for v in waiting:
            self.who.addItem(v.name if v.present else f"{v.name} (absent·e)", v.participant_id)
        if current is not None and self.who.findData(current) >= 0:
            self.who.setCurrentIndex(self.who.findData(current))
        voted = [v for v in state.voters if v.ballot_id]
        self.voted_label.setText(
            tr("Ont voté : {n_voted} sur {n_voters}").format(
                n_voted=len(voted), n_voters=len(state.voters)
            )
            + (
                tr(
                    " · ⚠ peut-être compté·e deux fois\u00a0: {names} (rouvrez le bulletin de trop)"
                ).format(names=", ".join(state.doubles))
                if state.doubles
                else ""
            )
        )
        self.voted_label.setWordWrap(True)
        twice = {name_key(n) for n in state.doubles}
        rows = []
        for v in voted:
            phone = voting_phones.split_phone_name(v.name)
            key = name_key(phone[1] if phone else v.name)
            tooltip = ""
            if key in twice:
                tooltip = tr(
                    "Un bulletin du téléphone porte le même prénom qu'un autre bulletin\u00a0: "
                    "rouvrez celui de trop pour ne pas compter deux fois."
                )
            text = f"⚠ {v.name}" if key in twice else f"✓ {v.name}"
            rows.append(Row(text, key=(v.ballot_id, v.name), tooltip=tooltip))
        self.voted.set_rows(rows)
        can_vote = vote_round.open and bool(waiting)
        self.start_button.setEnabled(can_vote)
        self.who.setEnabled(can_vote)
        self.reopen_button.setEnabled(vote_round.open and bool(voted))
        if not state.voters:
            hint = tr(
                "Ajoutez les participant·es dans la page « Atelier » pour voter par bulletins."
            )
        elif not vote_round.open:
            hint = tr("Le tour {number} est clos : plus de bulletin.").format(
                number=vote_round.number
            )
        elif not waiting:
            hint = tr("Tout le monde a voté. Clôturez le tour puis révélez les résultats (R).")
        else:
            rules = vote_round.rules
            hint = tr(
                "{dots_per_participant} chacun·e, {max_per_item} au plus par proposition. Le bulletin est masqué dès qu'il est validé."
            ).format(
                dots_per_participant=dots_text(rules.dots_per_participant),
                max_per_item=rules.max_per_item,
            )
        self.pick_hint.setText(hint)
        if self.pages.currentIndex() == 1:
            self._show_ballot()

    @property
    def rules(self) -> VoteRules | None:
        """The current round's rules; None before a vote is shown."""
        return self.state.current.rules if self.state is not None else None

    def start(self) -> None:
        if self.who.currentData() is None or self.state is None:
            return
        name = self.who.currentText().replace(" (absent·e)", "")
        self.voter = (self.who.currentData(), name)
        self.dots = {}
        self.pages.setCurrentIndex(1)
        self._show_ballot()
        self.validate_button.setFocus()

    def _show_ballot(self) -> None:
        state, vote_round, rules = self.state, self.round, self.rules
        if self.voter is None or state is None or vote_round is None or rules is None:
            return
        # A fresh host each time: the scroll area deletes the old one and its rows at once.
        host = QWidget()
        host.setAutoFillBackground(False)
        self._rows = QGridLayout(host)
        self._rows.setColumnStretch(1, 1)
        self.ballot_title.setText(tr("Bulletin de {name}").format(name=self.voter[1]))
        left = rules.dots_per_participant - sum(self.dots.values())
        self.remaining.setText(
            f"Il vous reste {dots_text(left)}."
            if left
            else tr("Toutes vos gommettes sont placées.")
        )
        for index, item_id in enumerate(vote_round.item_ids):
            item = state.item(item_id)
            n = self.dots.get(item_id, 0)
            number = QLabel(f"{index + 1}.")
            text = QLabel(item.text if item else "")
            text.setWordWrap(True)
            # The participant reads this, not the facilitator: a little larger.
            for label in (number, text):
                theme.style(label, theme.LARGE)
            marks = QLabel(DOT * n + EMPTY * (rules.max_per_item - n))
            theme.style(marks, theme.ACCENT_MARKS)
            marks.setAccessibleName(dots_text(n))
            add = QPushButton("+")
            add.setToolTip(
                tr("Placer une gommette (touche {number})").format(number=index + 1)
                if index < 9
                else ""
            )
            add.setFixedSize(40, 34)
            add.clicked.connect(lambda _c=False, i=item_id: self.add_dot(i))
            minus = QPushButton("−")
            minus.setFixedSize(40, 34)
            minus.setEnabled(n > 0)
            minus.clicked.connect(lambda _c=False, i=item_id: self.remove_dot(i))
            for col, widget in enumerate((number, text, marks, minus, add)):
                self._rows.addWidget(widget, index, col)
        self._rows.setRowStretch(len(vote_round.item_ids), 1)
        self._scroll.setWidget(host)

    # --- placing dots -------------------------------------------------------------------------
    def add_dot(self, item_id: int) -> bool:
        rules = self.rules
        if rules is None:
            return False
        try:
            self.dots = place_dot(rules, self.dots, item_id)
        except InvalidInput as exc:
            self.commands.ctx.show_message(str(exc))
            return False
        self._show_ballot()
        return True

    def remove_dot(self, item_id: int) -> None:
        self.dots = remove_dot(self.dots, item_id)
        self._show_ballot()

    def toggle_number(self, number: int) -> None:
        """Digit keys: a dot on proposal `number` (1-based), or take it back when full."""
        vote_round, rules = self.round, self.rules
        if vote_round is None or rules is None or self.pages.currentIndex() != 1:
            return
        if not 1 <= number <= len(vote_round.item_ids):
            return
        item_id = vote_round.item_ids[number - 1]
        if self.dots.get(item_id, 0) >= rules.max_per_item:
            self.remove_dot(item_id)
        else:
            self.add_dot(item_id)

    def validate(self) -> bool:
        if self.voter is None or self.round is None:
            return False
        pid, name = self.voter
        if not self.commands.cast_ballot(self.round.id, pid, dict(self.dots), name):
            return False
        # The ballot is stored: hide it at once, before the next person comes to the laptop.
        self.dots, self.voter = {}, None
        self.thanks.setText(
            tr("Merci {name} !\nVotre bulletin est enregistré et masqué.").format(name=name)
        )
        self.pages.setCurrentIndex(2)
        self.next_button.setFocus()
        return True

    def cancel(self) -> None:
        self.dots, self.voter = {}, None
        self.pages.setCurrentIndex(0)

    def next_person(self) -> None:
        self.pages.setCurrentIndex(0)
        self.who.setFocus()

    def reopen_selected(self) -> None:
        chosen = self.voted.current_key()
        if chosen is None:
            self.commands.ctx.show_message(tr("Choisissez d'abord le bulletin à rouvrir."))
            return
        ballot_id, name = chosen
        self.commands.reopen_ballot(ballot_id, name)

    def handle_key(self, key: int) -> bool:
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_9 and self.pages.currentIndex() == 1:
            self.toggle_number(key - Qt.Key.Key_0)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.pages.currentIndex() == 1:
                self.validate()
                return True
            if self.pages.currentIndex() == 2:
                self.next_person()
                return True
        return False
