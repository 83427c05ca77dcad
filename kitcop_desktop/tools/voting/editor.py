"""The voting tool in the control window: prepare a vote, enter the dots, reveal, decide.

Left: title, proposals, critères de tri, rules. Right: the current round (entry at the wall or
by ballots, close, reveal with R), then the results. Every change is one undoable command; the
views reload from the store when the hub says « voting » (or « actions », « participants »)
changed.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kitcop_desktop.i18n import tr
from kitcop_desktop.tools.voting import vote_data
from kitcop_desktop.tools.voting.ballot_box import BallotBox
from kitcop_desktop.tools.voting.commands import VoteCommands
from kitcop_desktop.tools.voting.phone_bar import PhoneBar
from kitcop_desktop.tools.voting.results_panel import ResultsPanel
from kitcop_desktop.tools.voting.setup_panel import SetupPanel
from kitcop_desktop.tools.voting.wall_entry import WallEntry
from kitcop_desktop.ui import theme
from kitcop_desktop.ui.icons import icon
from kitcop_desktop.ui.widgets.room_text import room_pager

AREAS = ("voting", "actions", "participants")
# The setup column: wide enough for its form, never more than a third of a wide screen.
LEFT_BEST, LEFT_MAX = 280, 420


def card(widget: QWidget) -> QFrame:
    frame = QFrame()
    frame.setObjectName("Card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(12, 10, 12, 12)
    layout.addWidget(widget)
    return frame


READABLE_COLUMN = 260  # px: the least a column that scrolls sideways keeps


class Column(QScrollArea):
    """A column that scrolls vertically only and never clips its content on the right.

    Its minimum width is its content's plus the vertical scroll bar, so the splitter cannot
    squeeze it below what its widgets need (with widgetResizable, Qt would otherwise keep the
    content at its minimum width and cut it off behind the scroll bar).
    """

    def __init__(self, widget: QWidget) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(widget)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        hint = super().minimumSizeHint()
        widget = self.widget()
        content = widget.minimumSizeHint().width() if widget is not None else 0
        scroll_bar = self.verticalScrollBar().sizeHint().width()
        width = content + scroll_bar + 2 * self.frameWidth()
        if self.horizontalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
            # Words too long for any column (ui/narrow_text): it scrolls sideways, and keeps
            # a width one can read in.
            width = min(width, READABLE_COLUMN)
        return QSize(width, hint.height())


class VotingEditor(QWidget):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.commands = VoteCommands(ctx)
        self.selection = vote_data.selection(ctx)
        self.state: vote_data.VoteState | None = None

        title = QLabel(tr("Vote par gommettes"))
        title.setObjectName("PageTitle")
        self.vote_box = QComboBox()
        self.vote_box.setMinimumWidth(220)
        self.vote_box.currentIndexChanged.connect(self._vote_chosen)
        new_vote = QPushButton(icon("new"), tr("Nouveau vote"))
        new_vote.clicked.connect(self.create_vote)
        self.delete_button = QPushButton(icon("delete"), tr("Supprimer"))
        self.delete_button.setObjectName("Danger")
        self.delete_button.setToolTip(tr("Supprimer ce vote (Ctrl+Z pour revenir)"))
        self.delete_button.clicked.connect(self.delete_vote)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.vote_box)
        top.addWidget(new_vote)
        top.addWidget(self.delete_button)

        self.setup = SetupPanel(self.commands)
        self.wall = WallEntry(self.commands)
        self.ballots = BallotBox(self.commands)
        self.results = ResultsPanel(self.commands)
        self.round_label = QLabel()
        theme.style(self.round_label, theme.HEADING)
        self.wall_mode = QPushButton(tr("Au mur"))
        self.ballot_mode = QPushButton(tr("Bulletins"))
        self.mode_group = QButtonGroup(self)
        for button, mode in ((self.wall_mode, "wall"), (self.ballot_mode, "ballots")):
            button.setCheckable(True)
            self.mode_group.addButton(button)
            button.clicked.connect(lambda _c=False, m=mode: self.set_mode(m))
        self.wall_mode.setToolTip(tr("Compter les gommettes collées au mur et les taper"))
        self.ballot_mode.setToolTip(tr("Chacun·e vote à son tour sur l'ordinateur"))
        self.close_button = QPushButton(icon("lock"), tr("Clôturer"))
        self.close_button.clicked.connect(self.close_round)
        self.reveal_button = QPushButton(icon("reveal", theme.WHITE), tr("Révéler (R)"))
        self.reveal_button.setObjectName("Primary")
        self.reveal_button.clicked.connect(self.reveal)
        self.reopen_button = QPushButton(tr("Rouvrir"))
        self.reopen_button.clicked.connect(self.reopen_round)
        round_bar = QHBoxLayout()
        round_bar.addWidget(self.round_label, 1)
        round_bar.addWidget(QLabel(tr("Saisie :")))
        round_bar.addWidget(self.wall_mode)
        round_bar.addWidget(self.ballot_mode)
        state_bar = QHBoxLayout()
        state_bar.addWidget(self.close_button)
        state_bar.addWidget(self.reopen_button)
        state_bar.addStretch(1)
        state_bar.addWidget(self.reveal_button)
        self.phone_bar = PhoneBar(ctx)
        self.entry = QStackedWidget()
        self.entry.addWidget(self.wall)
        self.entry.addWidget(self.ballots)
        self.entry.setMinimumHeight(160)
        round_widget = QWidget()
        round_layout = QVBoxLayout(round_widget)
        round_layout.setContentsMargins(0, 0, 0, 0)
        round_layout.addLayout(round_bar)
        round_layout.addLayout(state_bar)
        round_layout.addWidget(self.phone_bar)
        round_layout.addWidget(self.entry, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        # The results at their natural height; the round (its list of counts or the ballot)
        # takes the rest, so a long list scrolls in its own card rather than being squeezed.
        right_layout.addWidget(card(round_widget), 1)
        self.results_card = card(self.results)
        right_layout.addWidget(self.results_card, 0)
        # While a participant fills in a ballot, the laptop shows only the ballot.
        self.ballots.pages.currentChanged.connect(self._ballot_page_changed)
        right_scroll = Column(right)
        left_scroll = Column(card(self.setup))
        left_scroll.setMaximumWidth(LEFT_MAX)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left_scroll)
        self.splitter.addWidget(right_scroll)
        # The extra width of a large screen goes to the round and its results.
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([LEFT_BEST, 720])
        self.left_column, self.right_column = left_scroll, right_scroll

        self.empty = QWidget()
        empty_layout = QVBoxLayout(self.empty)
        empty_text = QLabel(
            tr(
                "Aucun vote pour l'instant.\n\nCréez-en un, ou envoyez des post-it au vote depuis "
                "un tableau (« Envoyer au vote »)."
            )
        )
        empty_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty_text.setWordWrap(True)
        empty_text.setObjectName("PageSubtitle")
        empty_button = QPushButton(icon("new", theme.WHITE), tr("Créer un vote"))
        empty_button.setObjectName("Primary")
        empty_button.clicked.connect(self.create_vote)
        empty_layout.addStretch(1)
        empty_layout.addWidget(empty_text)
        empty_layout.addWidget(empty_button, 0, Qt.AlignmentFlag.AlignCenter)
        empty_layout.addStretch(2)
        self.body = QStackedWidget()
        self.body.addWidget(self.empty)
        self.body.addWidget(self.splitter)

        # A disabled primary button must look disabled (the shared theme styles only enabled).
        theme.style(self, theme.VOTE_PAGE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(top)
        layout.addWidget(self.body, 1)
        ctx.hub.changed.connect(self._on_changed)
        self.reload()

    # --- data ---------------------------------------------------------------------------------
    def _on_changed(self, area: str, workshop_id: int) -> None:
        if workshop_id == self.ctx.workshop_id and area in AREAS:
            self.reload()

    def reload(self) -> None:
        votes = vote_data.list_votes(self.ctx.store, self.ctx.workshop_id)
        ids = [vote_id for vote_id, _ in votes]
        chosen = self.selection.vote_id if self.selection.vote_id in ids else 0
        if not chosen and ids:
            chosen = ids[-1]
        self.vote_box.blockSignals(True)
        self.vote_box.clear()
        for vote_id, title in votes:
            self.vote_box.addItem(title, vote_id)
        self.vote_box.setCurrentIndex(max(0, self.vote_box.findData(chosen)))
        self.vote_box.blockSignals(False)
        self.selection.set(chosen)
        self.state = vote_data.load(self.ctx.store, chosen)
        self._show()

    def _vote_chosen(self) -> None:
        self.selection.set(self.vote_box.currentData())
        self.reload()

    def _show(self) -> None:
        state = self.state
        self.body.setCurrentWidget(self.splitter if state else self.empty)
        self.vote_box.setVisible(state is not None)
        self.delete_button.setVisible(state is not None)
        self.setup.show_state(state)
        self.results.show_state(state)
        if state is None:
            self.phone_bar.show_vote(0, 0)
            return
        self.phone_bar.show_vote(state.id, state.current.id)
        current = state.current
        status = (
            tr("ouvert") if current.open else (tr("révélé") if current.revealed else tr("clos"))
        )
        self.round_label.setText(
            tr("Tour {number} — {status}").format(number=current.number, status=status)
        )
        self.round_label.setToolTip(current.reason)
        (self.wall_mode if current.mode == "wall" else self.ballot_mode).setChecked(True)
        for button in (self.wall_mode, self.ballot_mode):
            button.setEnabled(current.open)
        self.close_button.setVisible(current.open)
        self.reopen_button.setVisible(not current.open)
        self.reveal_button.setEnabled(not current.revealed)
        if current.mode == "wall":
            self.wall.show_state(state, current)
            self.entry.setCurrentWidget(self.wall)
        else:
            self.ballots.show_state(state, current)
            self.entry.setCurrentWidget(self.ballots)

    def _ballot_page_changed(self, index: int) -> None:
        self.results_card.setVisible(index == 0)

    # --- commands -----------------------------------------------------------------------------
    def create_vote(self) -> int | None:
        n = self.vote_box.count() + 1
        vote_id = self.commands.new_vote(
            tr("Priorisation des actions") if n == 1 else tr("Vote {n}").format(n=n)
        )
        if vote_id:
            self.selection.set(vote_id)
            self.reload()
            self.setup.new_item.setFocus()
        return vote_id

    def delete_vote(self) -> None:
        if self.state is not None:
            self.commands.delete_vote(self.state.id, self.state.title)

    def set_mode(self, mode: str) -> None:
        if self.state is None or self.state.current.mode == mode:
            return
        if not self.commands.set_mode(self.state.current.id, mode):
            self._show()

    def close_round(self) -> None:
        if self.state and self.state.current.open:
            current = self.state.current
            self.commands.set_state(
                current.id,
                tr("Clôturer le tour {number}").format(number=current.number),
                state="closed",
                revealed=False,
            )

    def reopen_round(self) -> None:
        if self.state and not self.state.current.open:
            current = self.state.current
            self.commands.set_state(
                current.id,
                tr("Rouvrir le tour {number}").format(number=current.number),
                state="open",
                revealed=False,
            )

    def reveal(self) -> bool:
        if self.state is None or self.state.current.revealed:
            return False
        current = self.state.current
        return self.commands.set_state(
            current.id,
            tr("Révéler le tour {number}").format(number=current.number),
            state="closed",
            revealed=True,
        )

    # --- shell hooks --------------------------------------------------------------------------
    def handle_room_key(self, event: QKeyEvent) -> bool:
        if self.state is None or event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            return False
        if event.key() in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            # Proposals too many for one screen: the clicker turns the room's pages first.
            pager = room_pager(self.ctx, "voting")
            return pager.forward() if event.key() == Qt.Key.Key_PageDown else pager.back()
        if event.key() == Qt.Key.Key_R:
            if not self.reveal():
                # Already revealed: a second R shows the whole ranking at once.
                self.selection.skip_reveal.emit()
            return True
        if self.state.current.mode == "ballots" and self.state.current.open:
            return self.ballots.handle_key(event.key())
        return False

    def focus_item(self, ref_id: int) -> None:
        self.selection.set(ref_id)
        self.reload()

    def new_item(self) -> None:
        if self.state is None:
            self.create_vote()
        else:
            self.setup.new_item.setFocus()

    def activated(self) -> None:
        self.reload()

    def holds_input(self) -> bool:
        """A ballot being filled in lives only here until « Valider » (ballot_box.py): the
        shell keeps this page while it is hidden (ToolSpec.released_when_hidden)."""
        return self.ballots.voter is not None or bool(self.ballots.dots)

    def print_part(self) -> str:
        return "votes"
