"""The tables tool as the shell loads it (#24)."""

from __future__ import annotations

from kitcop_desktop.ui.tool_spec import ToolSpec


def _make_editor(ctx):
    from kitcop_desktop.tools.tables.editor import TablesEditor

    return TablesEditor(ctx)


def _make_room_view(ctx):
    from kitcop_desktop.tools.tables.room_view import TablesRoomView

    return TablesRoomView(ctx)


SPEC = ToolSpec(
    key="tables",
    title="Tables",
    icon="tables",
    order=8,
    make_editor=_make_editor,
    make_room_view=_make_room_view,
    description="Les tables d'un world café, d'un pro-action café ou des sous-groupes, "
    "et qui s'assoit où à chaque tour.",
)
