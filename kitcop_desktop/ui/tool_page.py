"""The tool page contract: what the shell may ask of a tool's editor (the page it shows).

Every editor is a QWidget made by its spec's `make_editor(ctx)` (ui/tool_spec.py). All the rest
is optional, one small Protocol per capability. The shell asks `isinstance(editor, Searches)`
(runtime-checkable: the method is there) and then calls it, typed; a tool gains a capability by
defining the method, without a base class. What each hook does for the user: HACKING.md,
« Editor hooks the shell calls ».
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Protocol, TypeVar, runtime_checkable

from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)
T = TypeVar("T")


def safely(hook: Callable[..., T], *args: object) -> T | None:
    """Call a tool's hook; a failing tool is logged, never takes the shell down (None)."""
    try:
        return hook(*args)
    except Exception:
        log.exception("%s failed", getattr(hook, "__name__", hook))
        return None


@runtime_checkable
class Activates(Protocol):
    def activated(self) -> None:
        """The tool comes on screen in the control window."""


@runtime_checkable
class Deactivates(Protocol):
    def deactivated(self) -> None:
        """The tool leaves the screen (another tool, the workshop closed)."""


@runtime_checkable
class CreatesItems(Protocol):
    def new_item(self) -> object:
        """Ctrl+N: a new item of the tool (a board, a vote…)."""


@runtime_checkable
class Searches(Protocol):
    def search(self) -> None:
        """Ctrl+F."""


@runtime_checkable
class FocusesItems(Protocol):
    def focus_item(self, ref_id: int) -> None:
        """activate_tool(key, ref_id): show that item (a linked séquence, another tool)."""


@runtime_checkable
class FocusesKinds(Protocol):
    def focus_kind(self, kind: str, ref_id: int | None) -> None:
        """activate_tool(kind, ref_id) for one of the spec's item_kinds (« rounds »)."""


@runtime_checkable
class PrintsPart(Protocol):
    def print_part(self) -> str:
        """Ctrl+P: the part of printing.parts.PART_NAMES to preselect."""


@runtime_checkable
class PreselectsPart(Protocol):
    def preselect_part(self, part: str) -> None:
        """The printing tool, opened by Ctrl+P: tick that part."""


@runtime_checkable
class HandlesRoomKeys(Protocol):
    def handle_room_key(self, event: QKeyEvent) -> bool:
        """The tool's own room keys (R, digits, L…) while no text field has focus; True when
        used. A tool without handle_live_action also gets the live keys here."""


@runtime_checkable
class HandlesLiveActions(Protocol):
    def handle_live_action(self, action: str) -> bool:
        """A live action of ui/live_keys.py the tool on screen uses first; False gives it to
        the run."""


@runtime_checkable
class HandlesFallbackKeys(Protocol):
    def handle_fallback_key(self, event: QKeyEvent) -> bool:
        """Offered the keys the tool on screen did not use (the live déroulé: PageDown)."""


@runtime_checkable
class RunsLive(Protocol):
    def live_state(self) -> str | None:
        """« running » / « paused » while the tool has a run, « ready » while its live view is
        shown, else None: the shell's live keys are on while a tool says so."""


@runtime_checkable
class KeepsView(Protocol):
    def view_state(self) -> str:
        """The tool's own view, for the probe and a restart (ui/resume.py)."""

    def restore_view(self, view: str) -> None:
        """Show that view again."""


@runtime_checkable
class HoldsInput(Protocol):
    def holds_input(self) -> bool:
        """Something entered on the page is not stored yet (a ballot being filled in): the
        shell keeps the page while it is hidden (ToolSpec.released_when_hidden)."""


@runtime_checkable
class ResumesFields(Protocol):
    def field_spot(self, widget: QWidget) -> tuple[int, str] | None:
        """Which typed field of the tool `widget` is: (item, name) (ui/field_resume.py)."""

    def restore_field(self, item: int, name: str) -> QWidget | None:
        """Open that field again and give it back (None: it is gone)."""
