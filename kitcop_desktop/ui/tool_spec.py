"""How a tool plugs into the shell. Only app.py knows every tool; a tool knows only this.

A tool package `kitcop_desktop/tools/<name>/` exposes `SPEC: ToolSpec` in `spec.py`; what the
shell may ask of its editor (optional hooks, one Protocol each) is in ui/tool_page.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from kitcop_desktop.storage.engine import Store
from kitcop_desktop.storage.errors import StoreError
from kitcop_desktop.ui.autosave import typing_burst
from kitcop_desktop.ui.changes import ChangeHub
from kitcop_desktop.ui.undo import StoreCommand


@dataclass
class ToolContext:
    """What a tool's widgets may use. Services are passed in; nobody reaches for the app."""

    store: Store
    hub: ChangeHub
    undo_stack: QUndoStack
    workshop_id: int
    # Switch the control window (and so the room screen) to another tool, optionally focusing
    # one of its items (a board id, a vote id…): activate_tool("boards", board_id).
    activate_tool: Callable[[str, int | None], None]
    # Show a short French message in the status line (errors included).
    show_message: Callable[[str], None]
    # The room screen: room.set_footer(widget | None) adds a strip under any tool's view
    # (the agenda runner's countdown while another tool is shown); room.is_visible().
    room: Any = None
    settings: Any = None  # QSettings for small per-user preferences (sound on/off…)
    extras: dict = field(default_factory=dict)

    def command(self, text: str, *, area: str, do, undo, redo=None) -> StoreCommand:
        return StoreCommand(
            self.store,
            self.hub,
            text,
            area=area,
            workshop_id=self.workshop_id,
            do=do,
            undo=undo,
            redo=redo,
            merge_key=typing_burst(),  # typed edits of one field merge into one undo step
        )

    def push(self, text: str, *, area: str, do, undo, redo=None) -> Any:
        """Run a change as one undoable command.

        Bad input (ValueError, e.g. InvalidInput): the French message is shown, nothing is
        stored or pushed, and None is returned. Otherwise returns do's result, or True when
        do returned None, so `if ctx.push(...) is None` always means « refused ».
        """
        cmd = self.command(text, area=area, do=do, undo=undo, redo=redo)
        try:
            cmd.run_first()
        except (ValueError, StoreError) as exc:  # InvalidInput, NotFound: French sentences
            self.show_message(str(exc))
            return None
        self.undo_stack.push(cmd)
        return True if cmd.result is None else cmd.result

    def push_update(self, text: str, area: str, update, row_id: int, /, **fields) -> Any:
        """`push` for the usual edit: `update(session, row_id, **fields)` returns the previous
        values of those fields, and undo is the same call with them. (Positional-only, so a
        field may be called `text` or `area`.)"""
        return self.push(
            text,
            area=area,
            do=lambda s: update(s, row_id, **fields),
            undo=lambda s, previous: update(s, row_id, **previous),
        )


@dataclass(frozen=True)
class ToolSpec:
    key: str  # "agenda", "boards", "voting", "fishbowl", "interviews", "actions", "printing"
    title: str  # French, shown in the sidebar: « Déroulé »
    icon: str  # a name from ui/icons.py
    order: int  # position in the sidebar; Ctrl+<order> opens it
    make_editor: Callable[[ToolContext], QWidget]
    # What the room screen shows while this tool is active; None = the workshop's title card.
    make_room_view: Callable[[ToolContext], QWidget] | None = None
    description: str = ""
    # Other kinds of item this tool holds, which a séquence may link to under their own key
    # (the fishbowl tool also holds the speaking rounds: « rounds »). activate_tool("rounds", id)
    # opens this tool and calls its editor's focus_kind("rounds", id).
    item_kinds: tuple[str, ...] = ()
    # Its page is let go once another tool is on screen, and built again when shown (#15: a
    # page is 3–8 MB). Only for a page that keeps nothing of its own: what it shows comes back
    # (ctx.extras, or `view_state`/`restore_view`), what is typed is stored as it is typed
    # (ui/autosave.py, ui/drafts.py), anything else pending says so (`holds_input`).
    released_when_hidden: bool = False
