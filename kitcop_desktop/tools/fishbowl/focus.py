"""What the room screen follows in this tool: the fishbowl tab or the rounds tab, and which one.

One RoomFocus per ToolContext, shared by the editor and the room view of this same tool: the
editor says what is on screen, the room view shows it. Widgets never call each other.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

KEY = "fishbowl.room_focus"


class RoomFocus(QObject):
    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.tab = "bowl"  # "bowl" or "rounds"
        self.fishbowl_id: int | None = None
        self.round_id: int | None = None
        self.notes_page = 0  # the page of revealed notes the room sees

    def turn_notes(self, step: int) -> bool:
        """Next (+1) or previous (-1) page of revealed notes; the room view clamps it. False
        when there was no page that way (the clicker then moves the running déroulé on)."""
        before = self.notes_page
        self.notes_page = max(0, self.notes_page + step)
        self.changed.emit()
        return self.notes_page != before

    def show(self, tab: str, item_id: int | None) -> None:
        """Follow `tab` ("bowl" or "rounds") and its item (a fishbowl or a round id)."""
        self.tab = tab
        if tab == "bowl":
            self.fishbowl_id = item_id
        else:
            self.round_id = item_id
        self.changed.emit()


def room_focus(ctx) -> RoomFocus:
    """The context's RoomFocus (created on first use)."""
    focus = ctx.extras.get(KEY)
    if focus is None:
        focus = ctx.extras[KEY] = RoomFocus()
    return focus
