"""What the boards editor's parts see of the editor: the board it has open.

BoardsEditor holds its gestures as parts (card_gestures, selected_items, board_gestures,
room_spotlight); each is given the widgets it acts on and this view of the editor, so that it
reads the board as last read and asks for it to be read again, and nothing more.
"""

from __future__ import annotations

from typing import Protocol

from kitcop_desktop.tools.boards.board_data import BoardData


class OpenBoard(Protocol):
    """The board open in the editor (BoardsEditor)."""

    data: BoardData | None  # as last read (None: no board, or a workshop without boards)

    def reload(self) -> None:
        """Read the board again and show it (a refused gesture puts back what is stored)."""
