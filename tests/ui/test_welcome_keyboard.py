"""The list of workshops, from the keyboard: it has the keyboard when shown, so Entrée opens
the workshop chosen (it took eight Tabs from « Nouvel atelier » to reach the list)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kitcop_desktop.app import build_main_window


def test_enter_on_the_list_of_workshops_opens_the_one_chosen(qtbot, store, demo):
    workshop_id = demo
    window = build_main_window(store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.show_welcome()
    qtbot.wait(20)
    table = window.welcome.table
    assert QApplication.focusWidget() is table
    # Down to the demo workshop (the chantiers come first), then Entrée.
    for _ in range(10):
        if window.welcome.selected_id() == workshop_id:
            break
        qtbot.keyClick(table, Qt.Key.Key_Down)
    assert window.welcome.selected_id() == workshop_id
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.workshop_view is not None, timeout=2000)
    assert window.workshop_view.ctx.workshop_id == workshop_id
    window.room.close()
