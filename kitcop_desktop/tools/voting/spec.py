"""The voting tool (vote par gommettes) as the shell loads it."""

from __future__ import annotations

from kitcop_desktop.i18n import tr_later
from kitcop_desktop.ui.tool_spec import ToolSpec


def _make_editor(ctx):
    from kitcop_desktop.tools.voting.editor import VotingEditor

    return VotingEditor(ctx)


def _make_room_view(ctx):
    from kitcop_desktop.tools.voting.room_view import VotingRoomView

    return VotingRoomView(ctx)


SPEC = ToolSpec(
    key="voting",
    title=tr_later("Vote"),
    icon="voting",
    order=3,
    make_editor=_make_editor,
    make_room_view=_make_room_view,
    description="Vote par gommettes : critères, bulletins ou décompte au mur, tours, révélation.",
    released_when_hidden=True,  # built again when shown (#15): see ToolSpec
)
