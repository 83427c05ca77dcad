"""The fishbowl tool: bocal à poisson and tours de parole (Ctrl+4)."""

from __future__ import annotations

from kitcop_desktop.i18n import tr_later
from kitcop_desktop.ui.tool_spec import ToolSpec


def _make_editor(ctx):
    from kitcop_desktop.tools.fishbowl.editor import FishbowlEditor

    return FishbowlEditor(ctx)


def _make_room_view(ctx):
    from kitcop_desktop.tools.fishbowl.room_view import FishbowlRoomView

    return FishbowlRoomView(ctx)


SPEC = ToolSpec(
    key="fishbowl",
    title=tr_later("Bocal & tours"),
    icon="fishbowl",
    order=4,
    make_editor=_make_editor,
    make_room_view=_make_room_view,
    description="Bocal à poisson (chaises, temps de parole, prise de notes) et tours de parole.",
    item_kinds=("rounds",),
    released_when_hidden=True,  # built again when shown (#15): see ToolSpec
)
