"""The clicker drives the running déroulé even while a tool that has no use for it is shown."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kitcop_desktop.app import load_tool_specs
from kitcop_desktop.storage import agenda
from kitcop_desktop.ui.main_window import MainWindow


def current_title(window) -> tuple[str, int]:
    """Where the run is: the séquence, and the page of its consignes on the room (the clicker
    turns the pages of long consignes before it moves on)."""
    live = window.workshop_view.editor("agenda").live
    seq = next(s for s in live.runner.sequences if s.id == live.runner.current_id)
    return seq.title, live.page


def test_pagedown_on_the_printing_screen_moves_the_running_agenda_on(qtbot, store, workshop_id):
    with store.write() as s:
        agenda.apply_template(s, workshop_id, "modele_1")
    window = MainWindow(store, specs=load_tool_specs())
    qtbot.addWidget(window)
    window.resize(1024, 740)
    window.show()
    assert window.open_workshop(workshop_id)
    window.activate_tool("agenda")
    assert window.current_editor().live.start()  # « Démarrer » : the first séquence runs
    first = current_title(window)
    window.activate_tool("printing")
    window.setFocus()
    QTest.keyClick(window, Qt.Key.Key_PageDown)
    second = current_title(window)
    assert second != first
    # The Brise-glace opens its tour de parole: back to the printing screen, PageUp.
    window.activate_tool("printing")
    window.setFocus()
    QTest.keyClick(window, Qt.Key.Key_PageUp)
    assert current_title(window) == first
    window.room.close()
