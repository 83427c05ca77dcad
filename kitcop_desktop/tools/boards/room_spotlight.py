"""What the room screen puts forward on a board, moved by the clicker: the whole board, each
zone, each sous-thématique, and the pages of one too full to read (room_pages.py).

BoardsEditor holds one RoomSpotlight and hands it its room keys (handle_room_key). The
spotlight is not an undo step: it changes no content.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent

from kitcop_desktop.domain.board_kinds import KINDS
from kitcop_desktop.i18n import tr
from kitcop_desktop.storage import boards
from kitcop_desktop.tools.boards.board_data import BoardData
from kitcop_desktop.tools.boards.open_board import OpenBoard
from kitcop_desktop.tools.boards.room_pages import pages_of
from kitcop_desktop.tools.boards.spotlight import spotlight_entries, spotlight_label, step_spotlight
from kitcop_desktop.ui.tool_spec import ToolContext

ROOM_KEYS: dict[int, int] = {  # QKeyEvent.key() is an int
    Qt.Key.Key_PageDown: 1,
    Qt.Key.Key_Right: 1,
    Qt.Key.Key_PageUp: -1,
    Qt.Key.Key_Left: -1,
}


class RoomSpotlight:
    def __init__(self, ctx: ToolContext, board: OpenBoard) -> None:
        self.ctx = ctx
        self.board = board

    def set(self, value: str) -> None:
        """What the room screen puts forward ("", "zone:levers", "cluster:12")."""
        data = self.board.data
        if data is None or data.board_id is None:
            return
        with self.ctx.store.write() as s:
            boards.update_board(s, data.board_id, spotlight=value)
        self.ctx.hub.notify(
            "boards",
            self.ctx.workshop_id,
            tr("Écran de salle : {data}").format(data=spotlight_label(data, value)),
        )

    def _walked(self) -> BoardData | None:
        """The board the clicker walks: one board, not a combined view."""
        data = self.board.data
        return None if data is None or data.combined else data

    def forward(self) -> bool:
        """PageDown: the room's next page of a zone too full to read, else the next spotlight."""
        data = self._walked()
        if data is None:
            return False
        pages = pages_of(self.ctx)
        if pages.forward():
            return True
        if _ends(data, 1):
            return False  # past the last zone: the clicker moves the running déroulé on
        pages.reset()
        self.set(step_spotlight(data, 1))
        return True

    def back(self) -> bool:
        data = self._walked()
        if data is None:
            return False
        pages = pages_of(self.ctx)
        if pages.back():
            return True
        if _ends(data, -1):
            return False  # before the whole board: the clicker goes back in the déroulé
        pages.reset(at_end=True)  # the previous zone from its last page
        self.set(step_spotlight(data, -1))
        return True

    def handle_key(self, event: QKeyEvent) -> bool:
        """Clicker keys move the room screen's spotlight: whole board, each zone, each cluster."""
        data = self._walked()
        if data is None:
            return False
        step = ROOM_KEYS.get(event.key())
        if step is not None and not data.cards:
            return False  # an empty board: the room shows the séquence, the clicker is the run's
        if step is not None:
            return self.forward() if step > 0 else self.back()
        if Qt.Key.Key_0 <= event.key() <= Qt.Key.Key_9:
            index = event.key() - Qt.Key.Key_0
            zones = KINDS[data.kind].zone_keys
            if index == 0:
                self.set("")
                return True
            if index <= len(zones):
                self.set(f"zone:{zones[index - 1]}")
                return True
        return False


def _ends(data: BoardData, step: int) -> bool:
    """One more step would wrap around the spotlights (whole board, zones, clusters)."""
    values = [value for value, _label in spotlight_entries(data)]
    index = values.index(data.spotlight) if data.spotlight in values else 0
    return not 0 <= index + step < len(values)
