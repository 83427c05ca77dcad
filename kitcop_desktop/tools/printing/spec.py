"""The printing tool's registration with the shell (Ctrl+7, « Impression »)."""

from __future__ import annotations

from kitcop_desktop.i18n import tr_later
from kitcop_desktop.ui.tool_spec import ToolSpec


def _make_editor(ctx):
    from kitcop_desktop.tools.printing.editor import PrintingEditor

    return PrintingEditor(ctx)


SPEC = ToolSpec(
    key="printing",
    title=tr_later("Impression"),
    icon="printing",
    order=7,
    make_editor=_make_editor,
    # The room keeps the workshop's title card while the facilitator prepares a PDF.
    make_room_view=None,
    description="Déroulé, restitution, fiches actions et supports vierges en PDF.",
    released_when_hidden=True,  # built again when shown (#15): see ToolSpec
)
