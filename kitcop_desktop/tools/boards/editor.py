"""The boards tool on the control window: board chooser, quick entry, the board itself.

The editor reads the store into plain data (board_data), mirrors it in a BoardScene and turns
every gesture into one undoable command (commands.py). It refreshes only on the change hub.
"""

from __future__ import annotations

from collections import Counter
from operator import attrgetter

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kitcop_desktop.domain.board_kinds import KINDS, kinds_offered
from kitcop_desktop.i18n import tr
from kitcop_desktop.tools.boards import board_data
from kitcop_desktop.tools.boards.board_bar import BoardBar
from kitcop_desktop.tools.boards.commands import BoardCommands
from kitcop_desktop.tools.boards.context_menu import is_echo, is_menu_key, open_keyboard_menu
from kitcop_desktop.tools.boards.editor_actions import EditorActions
from kitcop_desktop.tools.boards.entry import QuickEntry
from kitcop_desktop.tools.boards.look import CONTROL
from kitcop_desktop.tools.boards.phone_tray import PhoneTray
from kitcop_desktop.tools.boards.room_pages import pages_of
from kitcop_desktop.tools.boards.scene import BoardScene
from kitcop_desktop.tools.boards.selection import selection_of
from kitcop_desktop.tools.boards.selection_bar import HINT, SelectionBar
from kitcop_desktop.tools.boards.spotlight import spotlight_entries, step_spotlight
from kitcop_desktop.tools.boards.view import BoardView
from kitcop_desktop.ui import icons
from kitcop_desktop.ui.drafts import LineDraft, draft_prefix

AREAS = ("boards", "interviews", "workshop", "actions")  # actions: KISS « fiche action » marks

ROOM_KEYS = {
    Qt.Key.Key_PageDown: 1,
    Qt.Key.Key_Right: 1,
    Qt.Key.Key_PageUp: -1,
    Qt.Key.Key_Left: -1,
}


class EmptyBoards(QWidget):
    """What an atelier without boards shows: one button per kind, as the kit names them."""

    chosen = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        title = QLabel(tr("Aucun tableau dans cet atelier"))
        title.setObjectName("PageTitle")
        hint = QLabel(
            tr(
                "Un tableau par sous-groupe ; les post-it se tapent au clavier pendant la pause "
                "ou directement par le groupe, et l'écran de salle les montre."
            )
        )
        hint.setObjectName("PageSubtitle")
        hint.setWordWrap(True)
        for label in (title, hint):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label)
        row = QHBoxLayout()
        row.addStretch(1)
        for index, kind in enumerate(KINDS.values()):
            button = QPushButton(kind.label)
            button.setIcon(icons.icon("new", "#ffffff" if index == 0 else "#1f2a44"))
            if index == 0:
                button.setObjectName("Primary")  # the speedboat: the kit's first board
            button.clicked.connect(lambda _c=False, k=kind.key: self.chosen.emit(k))
            row.addWidget(button)
        row.addStretch(1)
        layout.addSpacing(12)
        layout.addLayout(row)
        layout.addStretch(2)


class BoardsEditor(EditorActions, QWidget):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.commands = BoardCommands(ctx)
        self.selection = selection_of(ctx)
        self.data: board_data.BoardData | None = None
        self.bar = BoardBar()
        self.entry = QuickEntry()
        # A post-it half typed when the battery dies is there again on the next start.
        self.entry_draft = LineDraft(
            self.entry.line, ctx.settings, draft_prefix(ctx.store, ctx.workshop_id) + "/boards"
        )
        self.actions_bar = SelectionBar()
        self.scene = BoardScene(CONTROL, self)
        self.view = BoardView(self.scene)
        self.empty = EmptyBoards()
        self.empty.chosen.connect(self.new_board)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.setSpacing(6)
        layout.addWidget(self.bar)
        layout.addWidget(self.entry)
        self.phone_tray = PhoneTray(ctx)  # #19: post-its from phones wait here
        layout.addWidget(self.phone_tray)
        self.entry.extra_row.addWidget(self.actions_bar)
        self.view.viewport().setToolTip(tr(HINT))
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty, 1)
        self._connect()
        ctx.hub.changed.connect(self._on_changed)
        self.reload()

    def _connect(self) -> None:
        bar, entry, scene = self.bar, self.entry, self.scene
        bar.board_chosen.connect(self.show_entry)
        bar.new_board.connect(self.new_board)
        bar.rename.connect(self.ask_rename)
        bar.delete.connect(self.delete_board)
        bar.zoom.connect(self.zoom)
        bar.search_changed.connect(self.apply_search)
        bar.spotlight_chosen.connect(self.set_spotlight)
        bar.split_toggled.connect(self.set_split)
        entry.submitted.connect(self.submit)
        entry.pasted.connect(self.paste)
        entry.merge_asked.connect(self.merge_into)
        entry.zone_changed.connect(self._zone_changed)
        entry.line.down_to_board.connect(self._down_to_board)
        scene.cards_dropped.connect(self.drop_cards)
        scene.cluster_dropped.connect(self.drop_cluster)
        scene.card_activated.connect(self.edit_card)
        scene.cluster_activated.connect(self.edit_cluster)
        scene.cluster_toggled.connect(self.toggle_cluster)
        scene.selectionChanged.connect(self._selection_changed)
        self.view.editor.committed.connect(self.commit_edit)
        self.view.editor.cancelled.connect(self.view.setFocus)  # back on the chosen post-it
        self.view.key_action.connect(self._view_key)
        self.view.menu_asked.connect(self.show_menu)
        # Maj+F10 (and the Menu key where the platform does not turn it into a context menu
        # itself: Qt does so for the Menu key only, on X11) opens the chosen post-its' menu.
        self.view.installEventFilter(self)
        self.view.viewport().installEventFilter(self)
        self.actions_bar.connect_to(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        if watched is self.view and event.type() == QEvent.Type.KeyPress and is_menu_key(event):
            open_keyboard_menu(self.view)
            return True
        if watched is self.view.viewport() and event.type() == QEvent.Type.ContextMenu:
            return is_echo(event)  # swallowed: that press has had its menu
        return super().eventFilter(watched, event)

    # -- reading the store --------------------------------------------------------------------
    def _on_changed(self, area: str, workshop_id: int) -> None:
        if area in AREAS and workshop_id == self.ctx.workshop_id:
            self.reload()

    def _current(self) -> object:
        if self.selection.combined_kind:
            return ("combined", self.selection.combined_kind)
        return ("board", self.selection.board_id)

    def reload(self) -> None:
        """Read the open board (or the combined view) again and mirror it."""
        titles = board_data.list_board_titles(self.ctx.store, self.ctx.workshop_id)
        ids = [t[0] for t in titles]
        sel = self.selection
        # A combined view needs two boards of its kind (an undone import may leave one):
        # else the first board of that kind, editable, as the list then shows.
        same_kind = [t[0] for t in titles if t[1] == sel.combined_kind]
        if sel.combined_kind and len(same_kind) < 2:
            sel.combined_kind, sel.board_id = "", same_kind[0] if same_kind else None
        if not sel.combined_kind and sel.board_id not in ids:
            sel.board_id = ids[0] if ids else None
        entries: list[tuple[object, str]] = [(("board", i), label) for i, _k, label in titles]
        for kind in KINDS.values():
            count = sum(1 for t in titles if t[1] == kind.key)
            if count > 1:
                entries.append(
                    (
                        ("combined", kind.key),
                        tr("{label} — vue combinée ({count} tableaux)").format(
                            label=kind.label, count=count
                        ),
                    )
                )
        self.bar.set_boards(entries, self._current())
        self.bar.set_kinds_offered(kinds_offered(t[1] for t in titles))
        if sel.combined_kind:
            data = board_data.load_combined(self.ctx.store, self.ctx.workshop_id, sel.combined_kind)
        elif sel.board_id is not None:
            data = board_data.load_board(self.ctx.store, sel.board_id, self.data)
        else:
            data = None
        self.data = data
        self.phone_tray.show_board(0 if data is None or data.combined else (sel.board_id or 0))
        self.view.setVisible(data is not None)
        self.entry.setVisible(data is not None)
        self.actions_bar.setVisible(data is not None)
        self.empty.setVisible(data is None)
        self.bar.set_editable(data is not None and not data.combined)
        self.bar.set_split(
            data is not None and data.kind == "retro_path" and not data.combined,
            data is not None and data.split_by_angle,
        )
        self.bar.set_empty(data is None)
        self.scene.show(data, self._aspect())
        if data is not None:
            counts = dict.fromkeys(KINDS[data.kind].zone_keys, 0)
            counts.update(Counter(map(attrgetter("zone"), data.cards)))  # 5,000 in 0.3 ms
            self.entry.set_kind(data.kind, counts)
            self.entry.set_editable(not data.combined)
            self.entry.set_split(data.split_by_angle)
            self.bar.set_spotlights(spotlight_entries(data), data.spotlight)
            if self.view.fitted:
                self.view.fit()
        self._show_found()
        self._selection_changed()
        self.selection.share(data)
        self.selection.changed.emit()

    def _aspect(self) -> float:
        w, h = self.view.viewport().width(), self.view.viewport().height()
        return w / h if w > 50 and h > 50 else 16 / 9

    def show_entry(self, entry: object) -> None:
        """Open a board ("board", id) or a combined view ("combined", kind)."""
        what, ref = entry
        if what == "combined":
            self.selection.combined_kind, self.selection.board_id = ref, None
        else:
            self.selection.combined_kind, self.selection.board_id = "", ref
        self.view.fitted, self.view.fit_whole = True, False
        self.reload()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        compact = self.width() < 1400
        narrow = self.width() < 800  # one screen: the room screen beside takes the rest
        self.bar.set_narrow(narrow)
        self.entry.set_narrow(narrow)
        self.bar.set_compact(compact)
        self.actions_bar.set_compact(compact)
        self.entry.set_compact(compact)
        self._selection_changed()
        # The best number of card columns depends on the window's shape.
        if self.data is not None and abs(self._aspect() - self.scene.aspect) > 0.15:
            QTimer.singleShot(0, self, self._relayout)

    def _relayout(self) -> None:
        self.scene.aspect = self._aspect()
        self.scene.relayout()
        if self.view.fitted:
            self.view.fit()

    # -- hooks the shell calls ----------------------------------------------------------------
    def activated(self) -> None:
        self.reload()
        if self.data is not None and not self.data.combined:
            self.entry.line.setFocus()

    def deactivated(self) -> None:
        if self.view.editor.isVisible():
            self.view.editor.clearFocus()

    def focus_item(self, ref_id: int) -> None:
        """activate_tool("boards", board_id) opens that board."""
        self.show_entry(("board", ref_id))

    def field_spot(self, widget) -> tuple[int, str] | None:
        """The board whose post-it line `widget` is (ui/resume.py)."""
        if widget is self.entry.line and self.selection.board_id:
            return self.selection.board_id, "entry"
        return None

    def restore_field(self, item: int, name: str):
        self.focus_item(item)
        return self.entry.line if name == "entry" and self.selection.board_id == item else None

    def new_item(self) -> None:
        """Ctrl+N: the cursor in the card field (a new post-it is the most common new item)."""
        if self.data is None:
            self.bar.new_button.showMenu()
            return
        self.entry.line.setFocus()
        self.entry.line.selectAll()

    def search(self) -> None:
        self.bar.search.setFocus()
        self.bar.search.selectAll()

    def print_part(self) -> str:
        return "boards"

    def room_forward(self) -> bool:
        """PageDown: the room's next page of a zone too full to read, else the next spotlight."""
        if self.data is None or self.data.combined:
            return False
        pages = pages_of(self.ctx)
        if pages.forward():
            return True
        if self._spotlight_ends(1):
            return False  # past the last zone: the clicker moves the running déroulé on
        pages.reset()
        self.set_spotlight(step_spotlight(self.data, 1))
        return True

    def room_back(self) -> bool:
        if self.data is None or self.data.combined:
            return False
        pages = pages_of(self.ctx)
        if pages.back():
            return True
        if self._spotlight_ends(-1):
            return False  # before the whole board: the clicker goes back in the déroulé
        pages.reset(at_end=True)  # the previous zone from its last page
        self.set_spotlight(step_spotlight(self.data, -1))
        return True

    def _spotlight_ends(self, step: int) -> bool:
        """One more step would wrap around the spotlights (whole board, zones, clusters)."""
        values = [value for value, _label in spotlight_entries(self.data)]
        index = values.index(self.data.spotlight) if self.data.spotlight in values else 0
        return not 0 <= index + step < len(values)

    def handle_room_key(self, event) -> bool:
        """Clicker keys move the room screen's spotlight: whole board, each zone, each cluster."""
        if self.data is None or self.data.combined:
            return False
        step = ROOM_KEYS.get(event.key())
        if step is not None and not self.data.cards:
            return False  # an empty board: the room shows the séquence, the clicker is the run's
        if step is not None:
            return self.room_forward() if step > 0 else self.room_back()
        if Qt.Key.Key_0 <= event.key() <= Qt.Key.Key_9:
            index = event.key() - Qt.Key.Key_0
            zones = KINDS[self.data.kind].zone_keys
            if index == 0:
                self.set_spotlight("")
                return True
            if index <= len(zones):
                self.set_spotlight(f"zone:{zones[index - 1]}")
                return True
        return False
