"""Who sits where, round by round: one tab per round, and in it one box per table side by side
(its name, topic and « Porteur·se », then the people seated there, the host first in bold), wrapping
onto further rows when the window is narrow. A person is moved by dragging their name onto
another table, by Alt+→ / Alt+← (the next / previous table) or with « Changer de table » (a
menu of the other tables); each move is one undo step (the editor pushes it), and a person
placed by hand shows « (à la main) » in its tooltip and a hand mark: « Répartir
automatiquement » keeps them there."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kitcop_desktop.i18n import tr
from kitcop_desktop.storage import tables_seating
from kitcop_desktop.ui.icons import icon
from kitcop_desktop.ui.widgets.flow_layout import FlowLayout

PERSON = Qt.ItemDataRole.UserRole  # a person's participant id
BOX_WIDTH = 186  # a table's box: four side by side in a 1024 px window
MIME = "application/x-kitcop-seat"  # a dragged person: their participant id
HAND = "\u270b"  # ✋ after a name placed by hand


def person_of(mime: QMimeData) -> int | None:
    """The participant a drag carries, or None (another kind of drag)."""
    if not mime.hasFormat(MIME):
        return None
    try:
        return int(bytes(mime.data(MIME).data()).decode("ascii"))
    except ValueError:
        return None


class SeatList(QListWidget):
    """The names at one table: dragged to another table, or moved by Alt+→ / Alt+←."""

    dropped = Signal(int)  # a person dropped here (participant id)
    step = Signal(int, int)  # a person to move to the next (+1) / previous (−1) table

    def __init__(self) -> None:
        super().__init__()
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)  # the source never removes it

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt API
        return [MIME]

    def mimeData(self, items) -> QMimeData:  # noqa: N802 - Qt API
        mime = QMimeData()
        if items:
            mime.setData(MIME, str(int(items[0].data(PERSON))).encode("ascii"))
        return mime

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802 - Qt API
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt API
        if person_of(event.mimeData()) is not None:
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt API
        person = person_of(event.mimeData())
        if person is None:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)  # nothing removed from the source list
        event.accept()
        self.dropped.emit(person)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        alt = event.modifiers() == Qt.KeyboardModifier.AltModifier
        item = self.currentItem()
        if alt and item is not None and event.key() in (Qt.Key.Key_Right, Qt.Key.Key_Left):
            self.step.emit(int(item.data(PERSON)), 1 if event.key() == Qt.Key.Key_Right else -1)
            event.accept()
            return
        super().keyPressEvent(event)


class TableBox(QFrame):
    """One table in one round: its title and the people seated there."""

    def __init__(
        self,
        table_id: int,
        title: str,
        host: str,
        names: list[tuple[int, str, bool]],
        by_hand: frozenset[int] = frozenset(),
    ) -> None:
        super().__init__()
        self.table_id = table_id
        self.setObjectName("Card")
        self.setFixedWidth(BOX_WIDTH)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        said = f"<b>{_escape(title)}</b> ({len(names)})"
        if host:
            said += f"<br/>Porteur·se\u00a0: {_escape(host)}"
        self.title = QLabel(said)
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.title)
        self.list = SeatList()
        self.setAcceptDrops(True)  # dropped on the title: the same as on the names
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)  # one line a name
        self.list.setAccessibleName(title)
        for person, label, hosting in names:
            item = QListWidgetItem(f"{label} {HAND}" if person in by_hand else label)
            item.setData(PERSON, person)
            tip = tr("{label}, porteur·se de la table").format(label=label) if hosting else label
            if person in by_hand:
                tip += tr(" (placé·e à la main : « Répartir automatiquement » l'y laisse)")
            item.setToolTip(tip + tr(". Glissez le nom sur une autre table, ou Alt+→ / Alt+←."))
            if hosting:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.list.addItem(item)
        rows = sum(self.list.sizeHintForRow(i) for i in range(self.list.count()))
        self.list.setFixedHeight(max(rows, self.list.sizeHintForRow(0) if names else 24) + 6)
        layout.addWidget(self.list)
        # As tall as its wrapped title and its names need: never a name under the frame.
        self.setFixedHeight(layout.totalHeightForWidth(BOX_WIDTH))

    def names(self) -> list[str]:
        return [self.list.item(i).text().removesuffix(f" {HAND}") for i in range(self.list.count())]

    def people(self) -> list[int]:
        return [int(self.list.item(i).data(PERSON)) for i in range(self.list.count())]

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.list.dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.list.dragEnterEvent(event)

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.list.dropEvent(event)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class SeatingView(QWidget):
    """The rounds' tabs; `move_requested(round, person, table)` asks the editor to move."""

    move_requested = Signal(int, int, int)  # round id, participant id, table id
    round_shown = Signal(int)  # the round whose tab is on screen (its id)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.empty = QLabel(
            tr(
                "Personne n'est encore placé. « Répartir automatiquement » assoit les personnes "
                "présentes à chaque tour : un tour par séquence « Rotation » du déroulé."
            )
        )
        self.empty.setWordWrap(True)
        self.empty.setObjectName("PageSubtitle")
        layout.addWidget(self.empty)
        self.tabs = QTabWidget()
        self.tabs.currentChanged.connect(self._on_tab)
        layout.addWidget(self.tabs, 1)
        self.move_button = QPushButton(icon("next"), tr("Changer de table"))
        self.move_button.setToolTip(
            tr("Asseoir la personne choisie à une autre table pour ce tour")
        )
        self.move_menu = QMenu(self)
        self.move_button.setMenu(self.move_menu)
        self.move_menu.aboutToShow.connect(self._fill_menu)
        layout.addWidget(self.move_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.rounds: list[tables_seating.RoundPlan] = []
        self.table_names: dict[int, str] = {}
        self.boxes: list[list[TableBox]] = []  # per round, per table

    def show_rounds(
        self,
        rounds: list[tables_seating.RoundPlan],
        table_rows: list[tuple[int, str, str]],
        names: dict[int, str],
        hosts: dict[int, tuple[int | None, str]],
    ) -> None:
        """`table_rows`: (id, name, topic); `names`: participant id -> name; `hosts`: table id
        -> (the participant who hosts it or None, the host's name: a guest's too)."""
        current = self.tabs.currentIndex()
        picked = self.selected()
        self.rounds = rounds
        self.table_names = {tid: name for tid, name, _ in table_rows}
        self.tabs.clear()
        self.boxes = []
        for plan in rounds:
            page = QWidget()
            flow = FlowLayout(page)
            boxes = []
            for table_id, name, topic in table_rows:
                host_id, host_name = hosts.get(table_id, (None, ""))
                seated = [
                    (person, names.get(person, "?"), person == host_id)
                    for person in plan.seated.get(table_id, [])
                ]
                title = f"{name} — {topic}" if topic else name
                if table_id in plan.teams:  # as the room's map says it
                    title += tr(" · Équipe\u00a0{number}").format(number=plan.teams[table_id] + 1)
                box = TableBox(table_id, title, host_name, seated, plan.by_hand)
                box.list.itemSelectionChanged.connect(
                    lambda b=box: self._picked_in(b) if b.list.selectedItems() else None
                )
                box.list.dropped.connect(
                    lambda person, r=plan.id, t=table_id: self.move_requested.emit(r, person, t)
                )
                box.list.step.connect(lambda person, d, r=plan.id: self._step(r, person, d))
                flow.addWidget(box)
                boxes.append(box)
            self.boxes.append(boxes)
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            scroll.setWidget(page)
            self.tabs.addTab(scroll, tr("Tour {number}").format(number=plan.number))
            self.tabs.setTabToolTip(self.tabs.count() - 1, plan.label)
        if rounds:
            self.tabs.setCurrentIndex(min(max(current, 0), len(rounds) - 1))
            if picked is not None:
                self.select(picked[1])
        self.empty.setVisible(not rounds)
        self.tabs.setVisible(bool(rounds))
        self._update_button()

    def _on_tab(self, index: int) -> None:
        self._update_button()
        if 0 <= index < len(self.rounds):
            self.round_shown.emit(self.rounds[index].id)

    def show_round(self, round_id: int) -> bool:
        """Bring a round's tab forward (the déroulé's run reached its séquence)."""
        for index, plan in enumerate(self.rounds):
            if plan.id == round_id:
                self.tabs.setCurrentIndex(index)
                return True
        return False

    def current_round(self) -> int | None:
        index = self.tabs.currentIndex()
        return self.rounds[index].id if 0 <= index < len(self.rounds) else None

    # --- the selection -----------------------------------------------------------------------
    def _picked_in(self, chosen: TableBox) -> None:
        """One person chosen at a time: choosing in one table clears the others."""
        for box in self._current_boxes():
            if box is not chosen:
                box.list.clearSelection()
        self._update_button()

    def _current_boxes(self) -> list[TableBox]:
        index = self.tabs.currentIndex()
        return self.boxes[index] if 0 <= index < len(self.boxes) else []

    def selected(self) -> tuple[int, int, int] | None:
        """(round id, participant id, table id) of the person chosen, or None."""
        for box in self._current_boxes():
            items = box.list.selectedItems()
            if items:
                plan = self.rounds[self.tabs.currentIndex()]
                return plan.id, int(items[0].data(PERSON)), box.table_id
        return None

    def select(self, participant_id: int) -> bool:
        for box in self._current_boxes():
            for row in range(box.list.count()):
                if box.list.item(row).data(PERSON) == participant_id:
                    box.list.setCurrentRow(row)
                    return True
        return False

    def focus_round(self) -> None:
        """The keyboard on the round shown: its first table's list of people (↑↓ choose a
        person, Alt+→ seats them at the next table), else the rounds' tabs."""
        boxes = self._current_boxes()
        if boxes:
            boxes[0].list.setFocus()
            return
        self.tabs.tabBar().setFocus()

    def pick(self, round_index: int, table_id: int, row: int) -> str:
        """Choose the person at `row` of a table in a round, as a click does; their name."""
        self.tabs.setCurrentIndex(round_index)
        box = next(b for b in self.boxes[round_index] if b.table_id == table_id)
        box.list.setCurrentRow(row)
        return box.list.item(row).text()

    def seated_at(self, round_index: int, table_id: int) -> list[str]:
        """The names shown at a table in a round (tests, probes)."""
        box = next((b for b in self.boxes[round_index] if b.table_id == table_id), None)
        return box.names() if box else []

    def _step(self, round_id: int, person: int, direction: int) -> None:
        """Alt+→ / Alt+←: the person goes to the next / previous table (round the ends)."""
        order = list(self.table_names)
        here = next((b.table_id for b in self._current_boxes() if person in b.people()), None)
        if here is None or len(order) < 2:
            return
        target = order[(order.index(here) + direction) % len(order)]
        self.move_requested.emit(round_id, person, target)

    def _update_button(self) -> None:
        self.move_button.setEnabled(self.selected() is not None)

    def _fill_menu(self) -> None:
        self.move_menu.clear()
        picked = self.selected()
        if picked is None:
            return
        round_id, person, here = picked
        for table_id, name in self.table_names.items():
            if table_id == here:
                continue
            action = self.move_menu.addAction(name)
            action.triggered.connect(
                lambda _c=False, t=table_id: self.move_requested.emit(round_id, person, t)
            )
