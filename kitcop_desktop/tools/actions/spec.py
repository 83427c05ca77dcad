"""The fiches actions tool as the shell loads it."""

from __future__ import annotations

from kitcop_desktop.i18n import tr_later
from kitcop_desktop.ui.tool_spec import ToolSpec


def _make_editor(ctx):
    from kitcop_desktop.tools.actions.editor import ActionsEditor

    return ActionsEditor(ctx)


def _make_room_view(ctx):
    from kitcop_desktop.tools.actions.room_view import ActionCardRoomView

    return ActionCardRoomView(ctx)


SPEC = ToolSpec(
    key="actions",
    title=tr_later("Fiches actions"),
    icon="actions",
    order=6,
    make_editor=_make_editor,
    make_room_view=_make_room_view,
    description="Les fiches actions du kit : défi, pilotes, impact, faisabilité, indicateurs…",
    released_when_hidden=True,  # built again when shown (#15): see ToolSpec
)
