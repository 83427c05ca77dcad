"""How a tool plugs into the shell. Only app.py knows every tool; a tool knows only this.

A tool package `kitcop_desktop/tools/<name>/` exposes `SPEC: ToolSpec` in `spec.py`.
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


class ToolEditor(QWidget):
    """Optional base for editors. The shell calls these hooks when they exist:

    - handle_room_key(event) -> bool: the tool's own room keys (R, digits, L…) while this tool
      is active; return True when consumed. Not called when a text field has focus. A tool
      without handle_live_action also gets the live keys here (PageDown, Space, +…).
    - handle_live_action(action) -> bool: a live action of ui/live_keys.py (next, previous,
      toggle, plus_one, minus_one, plus_five) the tool on screen uses first; False lets the
      run have it.
    - live_state() -> "running" | "paused" | "ready" | None: the tool has a run (the déroulé);
      the shell's live keys are on while a tool says so.
    - view_state() -> str / restore_view(view): the tool's own view, for the probe and a
      restart (ui/resume.py).
    - focus_item(ref_id): activate_tool asked to show one item.
    - focus_kind(kind, ref_id | None): activate_tool asked for one of the spec's item_kinds.
    - new_item(): Ctrl+N. search(): Ctrl+F. print_part() -> str: the PDF part Ctrl+P preselects.
    - activated() / deactivated(): the tool becomes (in)visible in the control window.
    """
