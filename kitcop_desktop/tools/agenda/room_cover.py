"""A séquence always shows the room something useful.

When the running séquence opens its tool on an item that is still empty (a round not started,
a board without a post-it, a vote without a proposal, a bowl not started), the room keeps the
séquence's title, consignes and countdown over that tool's view (RoomScreen.set_cover), until
the item gets its first content: then the tool's own view shows, with the one countdown strip.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QObject

from kitcop_desktop.storage import agenda_links
from kitcop_desktop.ui.tool_spec import ToolContext

AREAS = ("boards", "voting", "fishbowl", "rounds", "participants")


class RoomCover(QObject):
    def __init__(self, ctx: ToolContext, live, make_view) -> None:
        super().__init__()
        self.ctx = ctx
        self.live = live
        self._make_view = make_view
        self.view = None  # the déroulé's own room view, made when first needed
        self._over = None  # the tool's room view the cover stands for
        self._link: tuple[str, int | None] | None = None
        live.linked.connect(self._on_linked)
        live.changed.connect(self.update)
        ctx.hub.changed.connect(self._on_hub)
        room = self._room()
        if room is not None and hasattr(room, "stage_changed"):
            room.stage_changed.connect(self._on_stage)

    def _room(self):
        room = self.ctx.room
        return room if room is not None and hasattr(room, "set_cover") else None

    def _on_linked(self, tool_key: str, ref: int) -> None:
        room = self._room()
        self._link = (tool_key, None if ref < 0 else ref)
        self._over = room.current_stage() if room is not None else None
        self.update()

    def _on_stage(self) -> None:
        """After a restart the run comes back on a séquence whose tool is on screen without
        having opened it (no `linked`): the cover takes that tool's view as it did before."""
        room = self._room()
        runner = self.live.runner
        current = runner.current
        if (
            self._link is not None
            or room is None
            or current is None
            or not current.tool_key
            or runner.state() not in ("running", "paused")
        ):
            return
        stage = room.current_stage()
        # Only the view of the séquence's own tool (the rounds live in the fishbowl tool): the
        # facilitator may have been showing another tool when the app was killed.
        owner = "fishbowl" if current.tool_key == "rounds" else current.tool_key
        if stage is None or f".tools.{owner}." not in type(stage).__module__:
            return
        self._link = (current.tool_key, current.tool_ref)
        self._over = stage
        self.update()

    def _on_hub(self, area: str, workshop_id: int) -> None:
        if workshop_id == self.ctx.workshop_id and area in AREAS and self._link is not None:
            self.update()

    def wanted(self) -> bool:
        """True while the running séquence's tool has nothing to show yet."""
        runner = self.live.runner
        current = runner.current
        if self._link is None or current is None or runner.state() not in ("running", "paused"):
            return False
        key, ref = self._link
        if current.tool_key != key:
            return False
        with self.ctx.store.read() as session:
            return not agenda_links.has_content(session, key, ref)

    def update(self) -> None:
        room = self._room()
        if room is None:
            return
        if self._over is not None and self.wanted():
            if self.view is None:
                self.view = self._make_view(self.ctx)
            room.set_cover(self.view, self._over)
        else:
            room.set_cover(None)

    def close(self) -> None:
        room = self._room()
        if room is not None:
            with contextlib.suppress(RuntimeError):  # the room may be gone first (at exit)
                room.set_cover(None)
        with contextlib.suppress(RuntimeError, TypeError):
            self.ctx.hub.changed.disconnect(self._on_hub)
        with contextlib.suppress(RuntimeError, TypeError, AttributeError):
            room.stage_changed.disconnect(self._on_stage)
