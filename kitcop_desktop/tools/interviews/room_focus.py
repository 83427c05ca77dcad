"""What the room screen may show of an interview: the question being asked, never a name.

One RoomFocus per ToolContext, shared by the interview tool's editor and its room view (the
same tool, so no cross-tool call): the editor says which question is asked, the view shows it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

KEY = "interviews.room_focus"


class RoomFocus(QObject):
    # guide title, question index (0-based), question count, question text
    changed = Signal(str, int, int, str)

    def __init__(self) -> None:
        super().__init__()
        self.state: tuple[str, int, int, str] = ("", 0, 0, "")

    def show_question(self, guide_title: str, index: int, count: int, text: str) -> None:
        self.state = (guide_title, index, count, text)
        self.changed.emit(*self.state)


def room_focus(ctx) -> RoomFocus:
    """The context's RoomFocus (created on first use)."""
    focus = ctx.extras.get(KEY)
    if focus is None:
        focus = ctx.extras[KEY] = RoomFocus()
    return focus
