"""The word each person gives in a speaking round, typed in one field under the countdown.

Enter stores the word and gives the floor to the next person (and a fresh field), in one undo
step, as Enter adds a post-it and empties a board's field. At a déclusion, a second choice says
whether the person wants to stay involved in the chantier: Alt+O (oui) / Alt+N (non) from the
field. RoundPanel (round_panel.py) holds one WordCapture and lays its row out; the capture
acts on the round the panel shows through its RoundScreen side.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit
from sqlalchemy.orm import Session

from kitcop_desktop.i18n import tr, tr_later
from kitcop_desktop.storage import rounds as ops
from kitcop_desktop.storage.rounds import EntryData, RoundData
from kitcop_desktop.tools.fishbowl.clock import clock_of
from kitcop_desktop.tools.fishbowl.round_table import RoundTable
from kitcop_desktop.ui.attendance import round_marking
from kitcop_desktop.ui.autosave import Autosave
from kitcop_desktop.ui.changes import Area
from kitcop_desktop.ui.tool_spec import ToolContext

AREA = Area.ROUNDS
INVOLVED_CHOICES = (
    (tr_later("Rester impliqué·e ? —"), None),
    (tr_later("Oui, reste impliqué·e"), True),
    (tr_later("Non"), False),
)


class RoundScreen(Protocol):
    """What the word capture and the order row need from the tab they act for (RoundPanel)."""

    round_id: int | None  # the round shown (None: this workshop has none)
    data: RoundData | None  # its facts as last loaded
    table: RoundTable  # the speaking order, whose selected row the order row moves

    def reload(self) -> None:
        """Read the rounds again and show the current one."""

    def current_entry(self) -> EntryData | None:
        """Who has the floor, if anyone."""


class WordCapture(QObject):
    """The capture row (`row`) and what its keys do."""

    def __init__(self, ctx: ToolContext, screen: RoundScreen, parent: QObject | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.screen = screen
        self.clock = clock_of(ctx)
        self.word = QLineEdit()
        self.word.setPlaceholderText(tr("Le mot ou la phrase de la personne, puis Entrée"))
        self.word.setMinimumWidth(220)  # what is typed stays in sight, whatever the window
        self.word.returnPressed.connect(self.word_entered)
        self.word.installEventFilter(self)  # Alt+O / Alt+N: « rester impliqué·e ? »
        # Stored as typed too (ui/autosave.py): a kill while the word is typed loses nothing.
        self.word_autosave = Autosave(self.word, lambda: self.capture_word(quiet=True))
        self.involved = QComboBox()
        for label, _value in INVOLVED_CHOICES:
            self.involved.addItem(tr(label))
        self.involved.setToolTip(
            tr("Envie de continuer d'être impliqué·e (Alt+O : oui, Alt+N : non)")
        )
        self.involved.activated.connect(lambda _i: self.capture_word())
        self.word_label = QLabel(tr("Mot\u00a0:"))
        self.word_label.setWordWrap(True)  # « Mot de Marie-Christine Dupont-Lefèvre : »
        self.word_label.setMaximumWidth(180)
        self.row = QHBoxLayout()
        self.row.addWidget(self.word_label)
        self.row.addWidget(self.word, 1)
        self.row.addWidget(self.involved)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """At a déclusion, Alt+O (oui) and Alt+N (non) answer « rester impliqué·e ? » from the
        word field (before the menus' Alt shortcuts); Enter then stores both."""
        data = self.screen.data
        if watched is not self.word or data is None or data.kind != "closing":
            return False
        if event.type() not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        if not isinstance(event, QKeyEvent):
            return False
        if event.modifiers() != Qt.KeyboardModifier.AltModifier:
            return False
        answers: dict[int, int] = {Qt.Key.Key_O: 1, Qt.Key.Key_N: 2}  # the « involved » choice
        index = answers.get(event.key())
        if index is None:
            return False
        event.accept()
        if event.type() == QEvent.Type.KeyPress:
            self.involved.setCurrentIndex(index)
        return True

    def word_entered(self) -> None:
        """Enter in the word field: the word is stored and the next person gets the floor (and
        a fresh field), in one undo step, as Enter adds a post-it and empties the board's field."""
        self.word_autosave.settle()  # stored here, with the move: not a second time
        current, data, round_id = (
            self.screen.current_entry(),
            self.screen.data,
            self.screen.round_id,
        )
        if current is None or data is None or round_id is None:
            return
        entry_id, now = current.id, self.clock.wall()
        text = self.word.text()
        involved = (
            INVOLVED_CHOICES[self.involved.currentIndex()][1]
            if data.kind == "closing"
            else ops.UNCHANGED
        )

        def do(s: Session) -> tuple[Any, Any]:
            previous = ops.set_word(s, entry_id, text, involved)
            return previous, ops.next_speaker(s, round_id, now)

        def undo(s: Session, result: tuple[Any, Any]) -> None:
            previous, snap = result
            ops.restore_live(s, snap)
            ops.restore_word(s, entry_id, previous)

        do, undo = round_marking(self.ctx, round_id, do, undo)
        if (
            self.ctx.push(
                tr("Noter le mot de {name} et passer à la suite").format(name=current.name),
                area=AREA,
                do=do,
                undo=undo,
            )
            is None
        ):
            self.screen.reload()

    def capture_word(self, quiet: bool = False) -> None:
        """Save the word typed for the current speaker (and, at a déclusion, their choice)."""
        current, data = self.screen.current_entry(), self.screen.data
        if current is None or data is None:
            return
        involved = INVOLVED_CHOICES[self.involved.currentIndex()][1]
        text = self.word.text()
        if text.strip() == current.word and involved == current.stay_involved:
            return
        if quiet and not text.strip() and involved is None:
            return
        self.set_word(current.id, text, involved if data.kind == "closing" else ops.UNCHANGED)

    def set_word(self, entry_id: int, text: str, involved: object = ops.UNCHANGED) -> None:
        if (
            self.ctx.push(
                tr("Noter un mot"),
                area=AREA,
                do=lambda s: ops.set_word(s, entry_id, text, involved),
                undo=lambda s, previous: ops.restore_word(s, entry_id, previous),
            )
            is None
        ):
            self.screen.reload()
