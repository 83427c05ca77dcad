"""After a kill mid-run on a séquence whose tool is still empty (the bowl of « Projection
2030 » not started), the room comes back with the séquence's consignes and running countdown,
as before the kill, never the empty bowl with its question cut and a 35:00 that does not run."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from kitcop_desktop.app import load_tool_specs
from kitcop_desktop.storage import agenda
from kitcop_desktop.tools.agenda.room_view import AgendaRoomView
from tests.ui.test_resume import crash, make_window, restart
from tests.ui.test_sequence_room import shown_countdowns


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def test_after_a_kill_on_an_empty_bowl_the_room_shows_the_sequence_again(
    qtbot, store, workshop_id, settings
):
    specs = load_tool_specs()
    with store.write() as s:
        agenda.apply_template(s, workshop_id, "modele_1")
        projection = next(
            q.id for q in agenda.list_sequences(s, workshop_id) if q.title == "Projection 2030"
        )
    first = make_window(qtbot, store, specs, settings)
    assert first.open_workshop(workshop_id)
    first.activate_tool("agenda")
    first.toggle_room()  # F5
    live = first.current_editor().live
    live.start()
    live.go_to(projection)  # the clicker reached the bowl: a fresh one, still empty
    assert first.workshop_view.current_key == "fishbowl"
    assert isinstance(first.room.shown_stage(), AgendaRoomView)
    crash(first)

    window = restart(qtbot, store, specs, settings)
    assert window.workshop_view.current_key == "fishbowl"
    shown = window.room.shown_stage()
    assert isinstance(shown, AgendaRoomView), type(shown).__name__
    assert shown.title.text() == "Projection 2030"
    (countdown,) = shown_countdowns(window)
    assert countdown.countdown().running  # the séquence's time, going on
    window.room.close()
