"""The bowl's two kinds of notes, apart, each with its visibility (icon and word):

- the note-taker's board (prise de notes, visibility restitution): notes under three headings,
  off the room screen and out of every restitution until revealed for the « partage des
  enjeux », note by note (« Révéler ») or all at once (« Tout révéler… », confirmed).
  Each note says whether the room sees it (eye icon and tooltip). Enter adds a note under its
  heading; Suppr removes the selected note; double-click edits it. A note being typed is kept
  as a draft (ui/drafts.py) until Enter stores it.
- the facilitator's own note (visibility animateur·rice): never projected, only in the
  facilitator's document.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kitcop_desktop.domain import fishbowl as rules
from kitcop_desktop.domain.palette import OKABE_ITO
from kitcop_desktop.domain.visibility import Visibility
from kitcop_desktop.i18n import tr, tr_later
from kitcop_desktop.storage.fishbowl_notes import NoteData
from kitcop_desktop.ui import theme
from kitcop_desktop.ui.drafts import LineDraft
from kitcop_desktop.ui.icons import icon
from kitcop_desktop.ui.long_text import LongText
from kitcop_desktop.ui.widgets.flow_layout import FlowLayout
from kitcop_desktop.ui.widgets.visibility_badge import VisibilityBadge

HEADING_COLOURS = {
    "actions": OKABE_ITO["green"],
    "levers": OKABE_ITO["blue"],
    "brakes_overcome": OKABE_ITO["vermilion"],
}
SHOWN_TIP = tr_later("Révélée : la salle la voit, elle sera dans la restitution.")
HIDDEN_TIP = tr_later("Pas encore révélée : ni à l'écran ni dans la restitution.")


class NotesView(QWidget):
    add_requested = Signal(str, str)  # heading, text
    edit_requested = Signal(int, str)  # note id, text
    delete_requested = Signal(int)
    # Deliberate acts outside the undo history: (reveal?, note id or None for all).
    reveal_requested = Signal(bool, object)
    facilitator_note_changed = Signal(str)

    def __init__(self, settings=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lists: dict[str, QListWidget] = {}
        self.entries: dict[str, QLineEdit] = {}
        self.drafts: dict[str, LineDraft] = {}
        self._notes: dict[int, NoteData] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)  # « 7/8 à l'écran » clear of the scroll bar

        # --- the facilitator's own note (animateur·rice) ---
        mine = QGroupBox()
        mine.setObjectName("FacilitatorNote")
        theme.style(mine, theme.FACILITATOR_BOX)
        mine_layout = QVBoxLayout(mine)
        mine_layout.setContentsMargins(6, 4, 6, 6)
        mine_title = QLabel(tr("Ma note"))
        theme.style(mine_title, theme.BOLD)
        self.facilitator_badge = VisibilityBadge(Visibility.FACILITATOR, tr("jamais à l'écran"))
        # Beside the room window the notes get about 250 px: the promise wraps under the title.
        self.facilitator_badge.word.setWordWrap(True)
        mine_layout.addWidget(mine_title)
        mine_layout.addWidget(self.facilitator_badge)
        self.facilitator_note: LongText = LongText(
            lambda: self.facilitator_note_changed.emit(self.facilitator_note.toPlainText()),
            tr("Pour vous seul·e : qui relancer, ce qu'il ne faut pas citer…"),
            46,
        )
        mine_layout.addWidget(self.facilitator_note)
        layout.addWidget(mine)
        layout.addSpacing(4)
        # --- the note-taker's board (restitution) ---
        board_head = FlowLayout(spacing=6)
        title = QLabel(tr("Prise de notes"))
        theme.style(title, theme.BOLD)
        self.board_badge = VisibilityBadge(Visibility.RESTITUTION)
        self.shown_count = QLabel()
        self.shown_count.setToolTip(
            tr("Les notes révélées sont à l'écran de salle et seront imprimées")
        )
        board_head.addWidget(title)
        board_head.addWidget(self.board_badge)
        board_head.addWidget(self.shown_count)
        layout.addLayout(board_head)
        # Beside the room window (about 280 px for the notes) the buttons take two lines.
        reveal_bar = FlowLayout(spacing=4)
        self.reveal_one = QPushButton(icon("reveal"), tr("Révéler"))
        self.reveal_one.setToolTip(
            tr(
                "Montrer à la salle la note choisie (hors annulation : Ctrl+Z ne la cache pas, "
                "« Masquer » le fait)"
            )
        )
        self.reveal_one.clicked.connect(self._toggle_selected)
        self.reveal_all = QPushButton(tr("Tout révéler…"))
        self.reveal_all.setToolTip(tr("Partage des enjeux : montrer toutes les notes à la salle"))
        self.reveal_all.clicked.connect(lambda: self.reveal_requested.emit(True, None))
        self.hide_all = QPushButton(tr("Tout masquer"))
        self.hide_all.setToolTip(tr("Retirer toutes les notes de l'écran de salle"))
        self.hide_all.clicked.connect(lambda: self.reveal_requested.emit(False, None))
        for button in (self.reveal_one, self.reveal_all, self.hide_all):
            reveal_bar.addWidget(button)
        layout.addLayout(reveal_bar)
        for heading, label in rules.NOTE_HEADINGS.items():
            box = QGroupBox(label)
            theme.style(box, theme.heading_group(HEADING_COLOURS[heading]))
            notes = QListWidget()
            notes.setWordWrap(True)
            notes.setMinimumHeight(44)  # the panel scrolls only below two lines a heading
            notes.itemChanged.connect(self._item_changed)
            notes.currentItemChanged.connect(self._update_buttons)
            notes.installEventFilter(self)
            entry = QLineEdit()
            entry.setPlaceholderText(tr("{label} : une note, puis Entrée").format(label=label))
            entry.returnPressed.connect(lambda h=heading: self._add(h))
            inner = QVBoxLayout(box)
            inner.setContentsMargins(6, 2, 6, 4)
            inner.addWidget(notes, 1)
            inner.addWidget(entry)
            layout.addWidget(box, 1)
            self.lists[heading] = notes
            self.entries[heading] = entry
            self.drafts[heading] = LineDraft(entry, settings)

        self._update_buttons()

    def keep_drafts(self, prefix: str | None) -> None:
        """The notes of another fishbowl (or none): each field keeps its own draft."""
        for heading, draft in self.drafts.items():
            draft.set_key(f"{prefix}/{heading}" if prefix else None)

    def show_notes(self, notes: list[NoteData], facilitator_note: str = "") -> None:
        selected = self.selected_note()
        self._notes = {n.id: n for n in notes}
        for heading, widget in self.lists.items():
            widget.blockSignals(True)
            widget.clear()
            for note in notes:
                if note.heading == heading:
                    item = QListWidgetItem(note.text)
                    item.setData(Qt.ItemDataRole.UserRole, note.id)
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
                    item.setIcon(icon("reveal" if note.revealed else "hide"))
                    item.setToolTip(tr(SHOWN_TIP if note.revealed else HIDDEN_TIP))
                    widget.addItem(item)
                    if selected is not None and note.id == selected.id:
                        widget.setCurrentItem(item)
            widget.blockSignals(False)
        self.facilitator_note.set_value(facilitator_note)
        self._update_buttons()

    def selected_note(self) -> NoteData | None:
        """The note picked in one of the lists (the one with focus first)."""
        ordered = sorted(self.lists.values(), key=lambda w: not w.hasFocus())
        for widget in ordered:
            item = widget.currentItem()
            if item is not None and item.isSelected():
                return self._notes.get(item.data(Qt.ItemDataRole.UserRole))
        return None

    def _update_buttons(self, *_args) -> None:
        note = self.selected_note()
        self.reveal_one.setEnabled(note is not None)
        revealed = note is not None and note.revealed
        self.reveal_one.setText(tr("Masquer") if revealed else tr("Révéler"))
        self.reveal_one.setIcon(icon("hide" if revealed else "reveal"))
        shown = sum(1 for n in self._notes.values() if n.revealed)
        self.shown_count.setText(
            tr("{shown}/{count} à l'écran").format(shown=shown, count=len(self._notes))
            if self._notes
            else ""
        )
        self.reveal_all.setEnabled(any(not n.revealed for n in self._notes.values()))
        self.hide_all.setEnabled(any(n.revealed for n in self._notes.values()))

    def _toggle_selected(self) -> None:
        note = self.selected_note()
        if note is not None:
            self.reveal_requested.emit(not note.revealed, note.id)

    def _add(self, heading: str) -> None:
        entry = self.entries[heading]
        if entry.text().strip():
            self.add_requested.emit(heading, entry.text())  # the panel clears it once stored

    def note_added(self, heading: str) -> None:
        self.entries[heading].clear()

    def _item_changed(self, item: QListWidgetItem) -> None:
        self.edit_requested.emit(item.data(Qt.ItemDataRole.UserRole), item.text())

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if (
            isinstance(obj, QListWidget)
            and event.type() == event.Type.KeyPress
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
            and obj.state() != QListWidget.State.EditingState
            and obj.currentItem() is not None
        ):
            self.delete_requested.emit(obj.currentItem().data(Qt.ItemDataRole.UserRole))
            return True
        return super().eventFilter(obj, event)
