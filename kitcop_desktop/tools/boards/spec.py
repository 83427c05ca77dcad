"""The boards tool (tableaux): speedboat, rétrospective KISS, chemin, fiche étonnement."""

from __future__ import annotations

from kitcop_desktop.i18n import tr_later
from kitcop_desktop.ui.tool_spec import ToolSpec


def _make_editor(ctx):
    from kitcop_desktop.tools.boards.editor import BoardsEditor

    return BoardsEditor(ctx)


def _make_room_view(ctx):
    from kitcop_desktop.tools.boards.room_view import BoardRoomView

    return BoardRoomView(ctx)


SPEC = ToolSpec(
    key="boards",
    title=tr_later("Tableaux"),
    icon="boards",
    order=2,
    make_editor=_make_editor,
    make_room_view=_make_room_view,
    description="Speedboat, rétrospective KISS, chemin de la rétrospective, fiche étonnement.",
)
