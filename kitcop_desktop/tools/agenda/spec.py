"""The déroulé (agenda): the kit's five-column run sheet, prepared and run live."""

from __future__ import annotations

from kitcop_desktop.i18n import tr_later
from kitcop_desktop.ui.tool_spec import ToolSpec


def _make_editor(ctx):
    from kitcop_desktop.tools.agenda.editor import AgendaEditor

    return AgendaEditor(ctx)


def _make_room_view(ctx):
    from kitcop_desktop.tools.agenda.room_view import AgendaRoomView

    return AgendaRoomView(ctx)


SPEC = ToolSpec(
    key="agenda",
    title=tr_later("Déroulé"),
    icon="agenda",
    order=1,
    make_editor=_make_editor,
    make_room_view=_make_room_view,
    description="Le déroulé du kit en cinq colonnes, ses modèles, et le minuteur de la salle.",
)
