"""Which board the facilitator has open: shared by the editor and the room view of one ctx.

The room view must follow the control window without the two widgets calling each other,
so both hold this small object, kept in ctx.extras.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class BoardSelection(QObject):
    # board id, or 0 with a kind for the combined view of that kind
    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.board_id: int | None = None
        self.combined_kind: str = ""
        self.search: str = ""
        # What the editor last read for this selection: the room view reuses it rather than
        # reading the same board again for every card typed.
        self.data = None
        self.generation = 0  # store changes seen (any area), counted before any view hears
        self.data_generation = -1  # the generation `data` was read at

    def note_change(self, *_args) -> None:
        self.generation += 1

    def fresh_data(self):
        """The editor's last read, if nothing changed in the store since; else None."""
        return self.data if self.data_generation == self.generation else None

    def share(self, data) -> None:
        self.data, self.data_generation = data, self.generation

    def show_board(self, board_id: int | None) -> None:
        self.board_id, self.combined_kind, self.data = board_id, "", None
        self.changed.emit()

    def show_combined(self, kind: str) -> None:
        self.board_id, self.combined_kind, self.data = None, kind, None
        self.changed.emit()


def selection_of(ctx) -> BoardSelection:
    """The one BoardSelection of this context (created on first use)."""
    sel = ctx.extras.get("boards.selection")
    if sel is None:
        sel = ctx.extras["boards.selection"] = BoardSelection()
        # Connected before the editor and the room view connect theirs: it counts first.
        ctx.hub.changed.connect(sel.note_change)
    return sel
