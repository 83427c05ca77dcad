"""The fishbowl tool's editor: two tabs, « Bocal à poisson » and « Tours de parole ».

The shell's hooks (keys, Ctrl+N, activation) go to the tab in front; the room screen follows
that tab through the shared RoomFocus.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from kitcop_desktop.i18n import tr
from kitcop_desktop.tools.fishbowl.bowl_panel import BowlPanel
from kitcop_desktop.tools.fishbowl.focus import room_focus
from kitcop_desktop.tools.fishbowl.round_panel import RoundPanel
from kitcop_desktop.ui.icons import icon


class FishbowlEditor(QWidget):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.focus = room_focus(ctx)
        # The page built again after the shell let it go (#15): the tab the room follows.
        came_back = self.focus.fishbowl_id is not None or self.focus.round_id is not None
        tab = self.focus.tab
        self.bowl = BowlPanel(ctx)
        self.rounds = RoundPanel(ctx)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.bowl, icon("fishbowl"), tr("Bocal à poisson"))
        self.tabs.addTab(self.rounds, icon("speaker"), tr("Tours de parole"))
        self.tabs.currentChanged.connect(self._tab_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.tabs)
        if came_back:
            self.tabs.setCurrentWidget(self.rounds if tab == "rounds" else self.bowl)
        elif not self.bowl.data and self.rounds.data:
            self.tabs.setCurrentWidget(self.rounds)
        self._tab_changed()

    def current_panel(self) -> BowlPanel | RoundPanel:
        return self.bowl if self.tabs.currentWidget() is self.bowl else self.rounds

    def _tab_changed(self, _index: int = 0) -> None:
        if self.current_panel() is self.bowl:
            self.focus.show("bowl", self.bowl.fishbowl_id)
        else:
            self.focus.show("rounds", self.rounds.round_id)

    # --- the shell's hooks ------------------------------------------------------------------
    def handle_room_key(self, event) -> bool:
        return self.current_panel().handle_room_key(event)

    def new_item(self) -> None:
        self.current_panel().new_item()

    def focus_item(self, ref_id: int) -> None:
        """activate_tool("fishbowl", id) shows that fishbowl."""
        self.tabs.setCurrentWidget(self.bowl)
        self.bowl.fishbowl_id = ref_id
        self.bowl.reload()
        self._tab_changed()

    def focus_kind(self, kind: str, ref_id: int | None) -> None:
        """activate_tool("rounds", id) shows that speaking round (a séquence opens its météo or
        its déclusion); without an id, the rounds tab as it was."""
        if kind != "rounds":
            return
        self.tabs.setCurrentWidget(self.rounds)
        if ref_id is not None:
            self.rounds.round_id = ref_id
        self.rounds.reload()
        self._tab_changed()

    # --- where the typing was (ui/resume.py) ---------------------------------------------------
    def field_spot(self, widget) -> tuple[int, str] | None:
        """The bowl or round and the field `widget` is: « note:<heading> », « question »,
        « word » or « prompt »."""
        bowl, rounds = self.bowl, self.rounds
        for heading, entry in bowl.notes.entries.items():
            if widget is entry and bowl.fishbowl_id is not None:
                return bowl.fishbowl_id, f"note:{heading}"
        if widget is bowl.notes.facilitator_note and bowl.fishbowl_id is not None:
            return bowl.fishbowl_id, "facilitator_note"
        if widget is bowl.question and bowl.fishbowl_id is not None:
            return bowl.fishbowl_id, "question"
        if widget in (rounds.word, rounds.prompt) and rounds.round_id is not None:
            return rounds.round_id, "word" if widget is rounds.word else "prompt"
        return None

    def restore_field(self, item: int, name: str):
        if name in ("word", "prompt"):
            self.focus_kind("rounds", item)
            if self.rounds.round_id != item:
                return None
            if name == "prompt":
                self.rounds.setup_button.setChecked(True)
            return self.rounds.word if name == "word" else self.rounds.prompt
        self.focus_item(item)
        if self.bowl.fishbowl_id != item:
            return None
        if name == "question":
            self.bowl.setup_button.setChecked(True)
            return self.bowl.question
        side = self.bowl.side  # the notes are behind their tab
        for index in range(side.count()):
            page = side.widget(index)
            if page is not None and page.isAncestorOf(self.bowl.notes):
                side.setCurrentIndex(index)
        if name == "facilitator_note":
            return self.bowl.notes.facilitator_note
        return self.bowl.notes.entries.get(name.removeprefix("note:"))

    def activated(self) -> None:
        self.bowl.reload()
        self.rounds.reload()
        self._tab_changed()

    def deactivated(self) -> None:
        self.bowl.ticker.stop()

    def print_part(self) -> str:
        """Ctrl+P preselects the part of the tab in front."""
        return "fishbowl" if self.current_panel() is self.bowl else "rounds"
