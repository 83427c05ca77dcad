"""The boards tool on the control window: board chooser, quick entry, the board itself.

The editor reads the store into plain data (board_data), mirrors it in a BoardScene and turns
every gesture into one undoable command (commands.py). It refreshes only on the change hub.
Its gestures are parts it holds, each given the widgets it acts on and the open board
(open_board.OpenBoard): `card_gestures` (one post-it or sous-thématique: the post-it line,
edits in place, drag and drop), `selected` (the chosen post-its: selection bar, keys, menu),
`board_gestures` (the board as a whole) and `spotlight` (the room screen's, and its clicker).
"""

from __future__ import annotations

from collections import Counter
from operator import attrgetter

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QContextMenuEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kitcop_desktop.domain.board_kinds import KINDS, kinds_offered
from kitcop_desktop.i18n import tr, tr_n
from kitcop_desktop.tools.boards import board_data
from kitcop_desktop.tools.boards.board_bar import BoardBar
from kitcop_desktop.tools.boards.board_data import CardData
from kitcop_desktop.tools.boards.board_gestures import BoardGestures
from kitcop_desktop.tools.boards.card_gestures import CardGestures
from kitcop_desktop.tools.boards.commands import BoardCommands
from kitcop_desktop.tools.boards.context_menu import is_echo, is_menu_key, open_keyboard_menu
from kitcop_desktop.tools.boards.entry import QuickEntry
from kitcop_desktop.tools.boards.look import CONTROL
from kitcop_desktop.tools.boards.phone_tray import PhoneTray
from kitcop_desktop.tools.boards.room_spotlight import RoomSpotlight
from kitcop_desktop.tools.boards.scene import BoardScene
from kitcop_desktop.tools.boards.selected_items import GROUP_TITLE, SelectedItems
from kitcop_desktop.tools.boards.selection import selection_of
from kitcop_desktop.tools.boards.selection_bar import HINT, SelectionBar
from kitcop_desktop.tools.boards.spotlight import spotlight_entries
from kitcop_desktop.tools.boards.view import BoardView
from kitcop_desktop.ui import icons, theme
from kitcop_desktop.ui.drafts import LineDraft, draft_prefix
from kitcop_desktop.ui.tool_spec import ToolContext

AREAS = ("boards", "interviews", "workshop", "actions")  # actions: KISS « fiche action » marks

# What the board chooser lists: ("board", board id) or ("combined", kind).
BoardEntry = tuple[str, object]


class EmptyBoards(QWidget):
    """What an atelier without boards shows: one button per kind, as the kit names them."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
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
            button.setIcon(icons.icon("new", theme.WHITE if index == 0 else theme.NAVY))
            if index == 0:
                button.setObjectName("Primary")  # the speedboat: the kit's first board
            button.clicked.connect(lambda _c=False, k=kind.key: self.chosen.emit(k))
            row.addWidget(button)
        row.addStretch(1)
        layout.addSpacing(12)
        layout.addLayout(row)
        layout.addStretch(2)


class BoardsEditor(QWidget):
    def __init__(self, ctx: ToolContext, parent: QWidget | None = None) -> None:
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
        commands = self.commands
        self.card_gestures = CardGestures(ctx, commands, self, self.entry, self.scene, self.view)
        self.selected = SelectedItems(
            ctx, commands, self, self.scene, self.actions_bar, self.card_gestures, self
        )
        self.board_gestures = BoardGestures(ctx, commands, self, self)
        self.spotlight = RoomSpotlight(ctx, self)
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
        bar, entry, scene, view = self.bar, self.entry, self.scene, self.view
        cards, selected, board = self.card_gestures, self.selected, self.board_gestures
        bar.board_chosen.connect(self.show_entry)
        bar.new_board.connect(self.new_board)
        bar.rename.connect(board.ask_rename)
        bar.delete.connect(board.delete)
        bar.zoom.connect(self.zoom)
        bar.search_changed.connect(self.apply_search)
        bar.spotlight_chosen.connect(self.spotlight.set)
        bar.split_toggled.connect(board.set_split)
        entry.submitted.connect(cards.submit)
        entry.pasted.connect(cards.paste)
        entry.merge_asked.connect(cards.merge_into)
        entry.zone_changed.connect(self._zone_changed)
        entry.line.down_to_board.connect(self._down_to_board)
        scene.cards_dropped.connect(cards.drop_cards)
        scene.cluster_dropped.connect(cards.drop_cluster)
        scene.card_activated.connect(cards.edit_card)
        scene.cluster_activated.connect(cards.edit_cluster)
        scene.cluster_toggled.connect(cards.toggle_cluster)
        # The editor receives it: removing the items as the editor is deleted changes the
        # selection, and Qt calls no slot of an editor being deleted.
        scene.selectionChanged.connect(self._selection_changed)
        view.editor.committed.connect(cards.commit_edit)
        view.editor.cancelled.connect(view.setFocus)  # back on the chosen post-it
        view.key_action.connect(selected.key)
        view.menu_asked.connect(selected.show_menu)
        # Maj+F10 (and the Menu key where the platform does not turn it into a context menu
        # itself: Qt does so for the Menu key only, on X11) opens the chosen post-its' menu.
        view.installEventFilter(self)
        view.viewport().installEventFilter(self)
        self.actions_bar.connect_to(selected)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if (
            watched is self.view
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and is_menu_key(event)
        ):
            open_keyboard_menu(self.view)
            return True
        if watched is self.view.viewport() and event.type() == QEvent.Type.ContextMenu:
            return isinstance(event, QContextMenuEvent) and is_echo(event)  # swallowed: that
            # press has had its menu
        return super().eventFilter(watched, event)

    # -- reading the store --------------------------------------------------------------------
    def _on_changed(self, area: str, workshop_id: int) -> None:
        if area in AREAS and workshop_id == self.ctx.workshop_id:
            self.reload()

    def _current(self) -> BoardEntry:
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
        data: board_data.BoardData | None
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
        self.selected.show_count()
        self.selection.share(data)
        self.selection.changed.emit()

    def _selection_changed(self) -> None:
        self.selected.show_count()

    def _aspect(self) -> float:
        w, h = self.view.viewport().width(), self.view.viewport().height()
        return w / h if w > 50 and h > 50 else 16 / 9

    def show_entry(self, entry: BoardEntry) -> None:
        """Open a board ("board", id) or a combined view ("combined", kind)."""
        what, ref = entry
        if what == "combined":
            self.selection.combined_kind, self.selection.board_id = str(ref), None
        else:
            board_id = ref if isinstance(ref, int) else None
            self.selection.combined_kind, self.selection.board_id = "", board_id
        self.view.fitted, self.view.fit_whole = True, False
        self.reload()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        compact = self.width() < 1400
        narrow = self.width() < 800  # one screen: the room screen beside takes the rest
        self.bar.set_narrow(narrow)
        self.entry.set_narrow(narrow)
        self.bar.set_compact(compact)
        self.actions_bar.set_compact(compact)
        self.entry.set_compact(compact)
        self.selected.show_count()
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

    def handle_room_key(self, event: QKeyEvent) -> bool:
        """Clicker keys move the room screen's spotlight: whole board, each zone, each cluster."""
        return self.spotlight.handle_key(event)

    def room_forward(self) -> bool:
        """PageDown: the room's next page of a zone too full to read, else the next spotlight."""
        return self.spotlight.forward()

    def room_back(self) -> bool:
        return self.spotlight.back()

    # -- the view -----------------------------------------------------------------------------
    def zoom(self, factor: float) -> None:
        if factor == 0:
            self.view.fit(whole=True)
        else:
            self.view.zoom_by(factor)

    def apply_search(self, query: str) -> int:
        count = self.scene.apply_search(query)
        self._show_found()
        return count

    def _show_found(self) -> None:
        if not self.scene.query:
            self.bar.show_found("")
            return
        n = sum(1 for i in self.scene.cards.values() if i.matched)
        self.bar.show_found(
            tr("Aucun post-it") if n == 0 else tr_n("{n} trouvé", "{n} trouvés", n).format(n=n)
        )

    def _down_to_board(self) -> None:
        """↓ in the post-it line: the keyboard goes onto the board, on its first post-it."""
        self.view.setFocus()
        if not self.selected.cards():
            self.view.step_selection(1)

    def _zone_changed(self, zone: str) -> None:
        item = self.scene.zones.get(zone)
        if item is not None and not self.view.fitted:
            self.view.ensureVisible(item.rect, 20, 20)

    # -- the gestures, as the menus, the buttons and the tests name them ----------------------
    def new_board(self, kind: str) -> int | None:
        """A board of this kind for the next sous-groupe, opened, the cursor in its line."""
        board_id = self.board_gestures.new_board(kind)
        if board_id is not None:
            self.show_entry(("board", board_id))
            self.entry.line.setFocus()
        return board_id

    def rename_board(self, title: str, subgroup: str) -> bool:
        return self.board_gestures.rename(title, subgroup)

    def delete_board(self) -> bool:
        return self.board_gestures.delete()

    def set_split(self, split: bool) -> bool:
        return self.board_gestures.set_split(split)

    def set_spotlight(self, value: str) -> None:
        self.spotlight.set(value)

    def submit(self, zone: str, text: str, author: str, force: bool) -> int | None:
        return self.card_gestures.submit(zone, text, author, force)

    def edit_card(self, card_id: int) -> None:
        self.card_gestures.edit_card(card_id)

    def edit_cluster(self, cluster_id: int) -> None:
        self.card_gestures.edit_cluster(cluster_id)

    def toggle_cluster(self, cluster_id: int) -> None:
        self.card_gestures.toggle_cluster(cluster_id)

    def selected_cards(self) -> list[CardData]:
        return self.selected.cards()

    def group_selected(self, title: str = GROUP_TITLE) -> int | None:
        return self.selected.group(title)

    def merge_selected(self) -> bool:
        return self.selected.merge()

    def dissolve_selected(self) -> None:
        self.selected.dissolve()

    def recolour_selected(self, colour: str) -> bool:
        return self.selected.recolour(colour)

    def delete_selected(self) -> bool:
        return self.selected.delete()

    def send_selected_to_vote(self) -> int | None:
        return self.selected.send_to_vote()

    def start_to_actions(self) -> list[int]:
        return self.selected.start_to_actions()
