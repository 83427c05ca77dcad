"""#24: the keyboard during a café's run. When the run brings the tables page forward (a
« Rotation » séquence), the keyboard is on the round shown — its first table's people on
« Tables et placement », the list of tables on « Récolte » — instead of nowhere: ↓ then Alt+→
seats a latecomer at the next table for this round, and the clicker's PageDown still turns
the room's map; « Récolte » takes the round the run reached."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kitcop_desktop.tools.tables.seating_view import SeatList
from tests.tools.tables.test_rotation_live import (
    cafe,
    open_window,
    press,
    room_view,
    seated_names,
    settings,  # noqa: F401 - fixture
    to_first_rotation,
)

Key = Qt.Key


def test_the_run_gives_the_keyboard_to_the_round_shown(qtbot, store, workshop_id, settings):  # noqa: F811
    cafe(store, workshop_id)
    window = open_window(qtbot, store, workshop_id, settings)
    to_first_rotation(window)
    page = window.workshop_view.editor("tables")
    assert window.workshop_view.current_key == "tables"
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), SeatList))
    focus = QApplication.focusWidget()
    first = page.seating.boxes[0][0]  # « Tour 1 », « Atelier 1 »
    assert page.seating.tabs.currentIndex() == 0 and focus is first.list
    # ↓ twice: the host, then the next person; Alt+→ seats them at « Atelier 2 ».
    press(Key.Key_Down)
    press(Key.Key_Down)
    name = first.list.currentItem().text()
    press(Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert name in seated_names(store, workshop_id, 1)["Atelier 2"]
    assert name not in seated_names(store, workshop_id, 1)["Atelier 1"]
    assert page.ctx.undo_stack.undoText().startswith("Changer de table")
    # The clicker still turns the room's map from there.
    view = room_view(window)
    assert view is not None and view.state.page == 0
    press(Key.Key_PageDown)
    assert view.state.page == 1
    window.room.close()


def test_on_the_harvest_the_run_leaves_the_keyboard_on_its_tables(
    qtbot,
    store,
    workshop_id,
    settings,  # noqa: F811
):
    cafe(store, workshop_id)
    window = open_window(qtbot, store, workshop_id, settings)
    to_first_rotation(window)
    page = window.workshop_view.editor("tables")
    press(Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)  # « Récolte », the cursor in its line
    assert QApplication.focusWidget() is page.harvest.entry.line
    live = window.workshop_view.editor("agenda").live
    for _ in range(12):  # the map's pages, the countdown: then the second round
        press(Key.Key_PageDown)
        if live.runner.current.title.startswith("Rotation 2"):
            break
    assert live.runner.current.title.startswith("Rotation 2")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.harvest.table_list)
    # « Récolte » took the round the run reached: what is typed now is the second round's.
    assert page.harvest.round_number == 2
    window.room.close()
