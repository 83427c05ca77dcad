"""The live part of the fishbowl in the control window: the centre chairs and the circle.

A chair card shows who sits there and how long they spoke; one click on « Parle » marks the
speaker, « Sort » frees the chair. The circle lists everyone else: Enter or a double-click
seats the selected person on the empty chair; « Quitte l'atelier » (Suppr, or the context menu)
marks someone who leaves for good, shown greyed « (parti·e) » at the end of the list. This widget
only emits what the facilitator asked for; the panel turns it into an undoable command.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kitcop_desktop.domain import fishbowl as rules
from kitcop_desktop.i18n import tr, tr_later
from kitcop_desktop.tools.fishbowl.bowl_data import BowlData
from kitcop_desktop.ui import theme
from kitcop_desktop.ui.icons import icon
from kitcop_desktop.ui.widgets.row_list import KEY_ROLE, Row, RowList

DEPART_TIP = tr_later(
    "La personne sélectionnée quitte l'atelier pour de bon : elle sort du centre si elle y est "
    "assise et ne compte plus parmi celles qui n'ont pas encore parlé (Suppr dans le cercle ; "
    "Ctrl+Z annule)"
)
RETURN_TIP = tr_later("La personne sélectionnée revient dans le cercle (Suppr dans le cercle)")


def spoken_text(person: rules.PersonStats) -> str:
    """« 2 min 05 s · 3 fois », or « Pas encore parlé »."""
    if not person.turns:
        return tr("Pas encore parlé")
    return f"{rules.speaking_clock(person.seconds)} · {person.turns} fois"


class ElidedLabel(QLabel):
    """One line that ends in « … » when too narrow (a long name never pushes the card)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setMinimumWidth(20)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt API
        self._full = text
        self.setToolTip(text)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        self._elide()
        super().resizeEvent(event)

    def _elide(self) -> None:
        metrics = self.fontMetrics()
        super().setText(metrics.elidedText(self._full, Qt.TextElideMode.ElideRight, self.width()))

    def sizeHint(self):  # noqa: D102 - Qt API
        hint = super().sizeHint()
        hint.setWidth(20)
        return hint


class ChairCard(QFrame):
    speak_clicked = Signal(int)  # member id
    leave_clicked = Signal(int)
    depart_clicked = Signal(int)  # leaves the chair and the workshop, in one step

    def __init__(self, chair: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ChairCard")
        self.chair = chair
        self.member_id: int | None = None
        self.number = QLabel(tr("Chaise {n}").format(n=chair + 1))
        theme.style(self.number, theme.SMALL_MUTED)
        self.name = ElidedLabel()
        theme.style(self.name, theme.HEADING)
        # A long name ends in « … », but a chair is never narrower than « Chaise vide ».
        self.name.ensurePolished()
        self.name.setMinimumWidth(self.name.fontMetrics().horizontalAdvance("Chaise vide") + 2)
        self.time = ElidedLabel()
        theme.style(self.time, theme.MUTED_TEXT)
        self.speak = QPushButton(icon("speaker"), tr("Parle"))
        self.speak.setCheckable(True)
        self.speak.setToolTip(tr("Marquer qui parle (touche {n})").format(n=chair + 1))
        self.leave = QPushButton(tr("Sort"))
        self.leave.setToolTip(tr("Libérer cette chaise (clic droit : quitte l'atelier)"))
        self.speak.clicked.connect(
            lambda: self.member_id and self.speak_clicked.emit(self.member_id)
        )
        self.leave.clicked.connect(
            lambda: self.member_id and self.leave_clicked.emit(self.member_id)
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.speak, 1)
        buttons.addWidget(self.leave)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(2)
        layout.addWidget(self.number)
        layout.addWidget(self.name)
        layout.addWidget(self.time)
        layout.addStretch(1)
        layout.addSpacing(2)
        layout.addLayout(buttons)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)

    def _context_menu(self, pos) -> None:
        if self.member_id is None:
            return
        member = self.member_id
        menu = QMenu(self)
        menu.addAction(tr("Sort (libère la chaise)")).triggered.connect(
            lambda: self.leave_clicked.emit(member)
        )
        menu.addAction(icon("leave"), tr("Quitte l'atelier")).triggered.connect(
            lambda: self.depart_clicked.emit(member)
        )
        menu.exec(self.mapToGlobal(pos))

    def show_member(self, member_id: int | None, name: str, speaking: bool, spoken: str) -> None:
        self.member_id = member_id
        empty = member_id is None
        self.name.setText(tr("Chaise vide") if empty else name)
        # « Libre » whole in the narrowest chair (« Libre pour qui veut parler » read « Libre … »).
        self.time.setText(tr("Libre") if empty else spoken)
        self.speak.setVisible(not empty)
        self.leave.setVisible(not empty)
        self.speak.setChecked(speaking)
        self.speak.setText(tr("Parle…") if speaking else tr("Parle"))
        self.setProperty("speaking", "true" if speaking else "false")
        self.setProperty("empty", "true" if empty else "false")
        self.style().unpolish(self)
        self.style().polish(self)


# Keys the bowl takes while no text field has focus (« 4 » gives chair 4 the floor, Space the
# timebox…): the circle list lets them through instead of searching a name with them.
ROOM_KEY_TEXTS = set("0123456789+-=−*") | {" "}


class CircleList(RowList):
    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.text() in ROOM_KEY_TEXTS and not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            event.ignore()  # up to the window, which hands it to the bowl
            return
        super().keyPressEvent(event)


class CentreView(QWidget):
    """Chairs above, the circle below; signals carry member ids."""

    seat_requested = Signal(int)
    speak_requested = Signal(int)
    leave_requested = Signal(int)
    depart_requested = Signal(int)  # quitte l'atelier
    return_requested = Signal(int)  # revient dans l'atelier
    latecomer_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        theme.style(self, theme.CHAIR_CARDS)
        self.cards: list[ChairCard] = []
        self._columns = 0
        self._seat_row = -1  # the circle row of the person just seated: the next one is chosen
        self.grid = QGridLayout()
        self.grid.setSpacing(8)
        centre_title = self.title = QLabel(tr("Au centre"))
        theme.style(centre_title, theme.HEADING_SMALL)
        circle_title = QLabel(tr("Le cercle · Entrée : s'asseoir"))
        circle_title.setToolTip(
            tr("Entrée ou double-clic : la personne choisie s'assoit sur la chaise vide")
        )
        theme.style(circle_title, theme.BOLD)
        self.circle = CircleList()
        self.circle.setAlternatingRowColors(True)
        self.circle.setMinimumHeight(110)
        self.circle.activated.connect(self._activated)
        self.circle.current_moved.connect(self._selection_changed)
        self.circle.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.circle.customContextMenuRequested.connect(self._context_menu)
        self.seat_button = QPushButton(icon("chair"), tr("Asseoir au centre"))
        self.seat_button.clicked.connect(self._seat_selected)
        self.depart_button = QPushButton(icon("leave"), tr("Quitte l'atelier"))
        self.depart_button.setToolTip(tr(DEPART_TIP))
        self.depart_button.clicked.connect(self._depart_selected)
        # The context menu's entry; Suppr itself is read by eventFilter (as in the notes).
        self.depart_action = QAction(tr("Quitte l'atelier"), self)
        self.depart_action.setShortcut(QKeySequence(Qt.Key.Key_Delete))
        self.depart_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.depart_action.triggered.connect(self._depart_selected)
        self.circle.installEventFilter(self)
        self._left: set[int] = set()
        self.latecomer = QLineEdit()
        self.latecomer.setPlaceholderText(tr("Retardataire : prénom nom"))
        self.latecomer.returnPressed.connect(self._add_latecomer)
        add = QPushButton(icon("new"), tr("Ajouter"))
        add.setToolTip(tr("Ajouter au cercle et à la liste d'émargement"))
        add.clicked.connect(self._add_latecomer)
        row = QHBoxLayout()
        row.addWidget(self.latecomer, 1)
        row.addWidget(add)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(centre_title)
        layout.addLayout(self.grid)
        layout.addWidget(circle_title)
        layout.addWidget(self.circle, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.seat_button, 1)
        actions.addWidget(self.depart_button)
        layout.addLayout(actions)
        layout.addLayout(row)

    def _ensure_cards(self, chairs: int) -> None:
        if len(self.cards) == chairs:
            return
        for card in self.cards:
            self.grid.removeWidget(card)
            card.hide()  # at once: deleteLater waits for the event loop
            card.deleteLater()
        self.cards = []
        for chair in range(chairs):
            card = ChairCard(chair)
            card.speak_clicked.connect(self.speak_requested)
            card.leave_clicked.connect(self.leave_requested)
            card.depart_clicked.connect(self.depart_requested)
            self.cards.append(card)
        self._columns = 0
        self._place_cards()

    def columns_for(self, width: int) -> int:
        """As many chairs side by side as fit `width`, in balanced rows (4: one row or 2 × 2)."""
        if not self.cards:
            return 1
        card_w = max(c.minimumSizeHint().width() for c in self.cards)
        spacing = self.grid.spacing()
        fit = max(1, (width + spacing) // (card_w + spacing))
        chairs = len(self.cards)
        if fit >= chairs:
            return chairs
        rows = -(-chairs // fit)
        return -(-chairs // rows)

    def _place_cards(self) -> None:
        """Lay the chairs out from the width the centre has now."""
        columns = self.columns_for(self.width())
        if columns == self._columns:
            return
        self._columns = columns
        for card in self.cards:
            self.grid.removeWidget(card)
        for chair, card in enumerate(self.cards):
            self.grid.addWidget(card, chair // columns, chair % columns)
        # Two rows of chairs need more height: the splitter and the scroll area must know.
        self.updateGeometry()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._place_cards()

    def focus_next_in_circle(self) -> None:
        """After someone sat: the focus on the circle (never a text field), on the next person,
        so that a digit gives a chair the floor and Enter seats the next one."""
        self.circle.setFocus()

    def show_bowl(self, data: BowlData, now: datetime) -> None:
        """Fill chairs and circle from the data; times as of `now`."""
        self._ensure_cards(data.chairs)
        centre = data.centre
        seconds = {p.member_id: p for p in data.stats(now).people}
        for card in self.cards:
            who = centre.seated.get(card.chair)
            person = seconds.get(who) if who is not None else None
            spoken = spoken_text(person) if person is not None else ""
            card.show_member(who, data.name(who), who is not None and who == centre.speaker, spoken)
        selected = self.selected_member()
        seated = set(centre.seated.values())
        self._left = {m.id for m in data.members if m.left}
        # Those still here first, in the circle's order; those who left the workshop at the end.
        rows = []
        for m in sorted(data.members, key=lambda m: m.left):
            if m.id in seated:
                continue
            person = seconds.get(m.id)
            time = (
                rules.speaking_clock(person.seconds)
                if person and person.turns
                else tr("pas encore")
            )
            text = f"{rules.shown_name(m)}  —  {time}"
            if m.left:
                tip = tr("A quitté l'atelier : ne peut plus s'asseoir au centre")
                rows.append(
                    Row(text, key=m.id, foreground=theme.INK_LEFT, italic=True, tooltip=tip)
                )
            else:
                rows.append(Row(text, key=m.id))
        self.circle.set_rows(rows)  # the chosen person stays chosen while still in the circle
        if selected is not None:
            self.circle.select_key(selected)
        if self.circle.current_key() is None and self._seat_row >= 0 and self.circle.count():
            # The person just seated left the list: the one who took their row is next.
            self.circle.setCurrentRow(min(self._seat_row, self.circle.count() - 1))
        self._seat_row = -1
        self._selection_changed()

    def update_times(self, data: BowlData, now: datetime) -> None:
        """Only the times (each second while someone speaks): no list rebuilt, no flicker."""
        seconds = {p.member_id: p for p in data.stats(now).people}
        for card in self.cards:
            person = seconds.get(card.member_id) if card.member_id is not None else None
            if person is not None:
                card.time.setText(spoken_text(person))

    def selected_member(self) -> int | None:
        return self.circle.current_key()

    def _activated(self, index: QModelIndex) -> None:
        self._seat_row = index.row()
        self.seat_requested.emit(index.data(KEY_ROLE))

    def _seat_selected(self) -> None:
        member = self.selected_member()
        if member is not None:
            self._seat_row = self.circle.currentRow()
            self.seat_requested.emit(member)

    def _selection_changed(self, *_args) -> None:
        """The buttons follow the selected person: someone who left can come back, not sit."""
        member = self.selected_member()
        gone = member in self._left
        self.seat_button.setEnabled(member is not None and not gone)
        self.depart_button.setEnabled(member is not None)
        text = tr("Revient dans l'atelier") if gone else tr("Quitte l'atelier")
        self.depart_button.setText(text)
        self.depart_button.setIcon(icon("come_back" if gone else "leave"))
        self.depart_button.setToolTip(tr(RETURN_TIP if gone else DEPART_TIP))
        self.depart_action.setText(text)

    def _depart_selected(self) -> None:
        member = self.selected_member()
        if member is None:
            return
        if member in self._left:
            self.return_requested.emit(member)
        else:
            self.depart_requested.emit(member)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if (
            obj is self.circle
            and event.type() == event.Type.KeyPress
            and event.key() == Qt.Key.Key_Delete
            and not event.modifiers()
            and self.selected_member() is not None
        ):
            self._depart_selected()
            return True
        return super().eventFilter(obj, event)

    def _context_menu(self, pos) -> None:
        index = self.circle.indexAt(pos)
        if not index.isValid():
            return
        self.circle.setCurrentIndex(index)
        menu = QMenu(self)
        seat = menu.addAction(icon("chair"), tr("Asseoir au centre"))
        seat.setEnabled(self.seat_button.isEnabled())
        seat.triggered.connect(self._seat_selected)
        menu.addAction(self.depart_action)
        menu.exec(self.circle.viewport().mapToGlobal(pos))

    def _add_latecomer(self) -> None:
        text = self.latecomer.text()
        if text.strip():
            self.latecomer_requested.emit(text)
