"""The interviews tool (entretiens): Brique 2 of the kit, field interviews feeding the workshop."""

from __future__ import annotations

from kitcop_desktop.i18n import tr_later
from kitcop_desktop.ui.tool_spec import ToolSpec


def _make_editor(ctx):
    from kitcop_desktop.tools.interviews.editor import InterviewsEditor

    return InterviewsEditor(ctx)


def _make_room_view(ctx):
    from kitcop_desktop.tools.interviews.room_view import InterviewsRoomView

    return InterviewsRoomView(ctx)


SPEC = ToolSpec(
    key="interviews",
    title=tr_later("Entretiens"),
    icon="interviews",
    order=5,
    make_editor=_make_editor,
    make_room_view=_make_room_view,
    description="Guides, prise de notes pseudonymisée, restitution et synthèse vers le speedboat.",
    released_when_hidden=True,  # built again when shown (#15): see ToolSpec
)
