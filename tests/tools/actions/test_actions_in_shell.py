"""Fiches actions inside the real control window: the keys of the shell still reach it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kitcop_desktop.storage import actions
from kitcop_desktop.tools.actions.spec import SPEC
from kitcop_desktop.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, store, workshop_id):
    w = MainWindow(store, specs=[SPEC])
    qtbot.addWidget(w)
    w.resize(1024, 740)
    w.show()
    w.windowHandle().requestActivate()
    qtbot.waitUntil(w.isActiveWindow)  # shortcuts act in the active window only
    assert w.open_workshop(workshop_id)
    w.activate_tool("actions")
    yield w
    w.room.close()


def _count(store, workshop_id) -> int:
    with store.read() as s:
        return len(actions.list_for(s, workshop_id))


@pytest.mark.parametrize(
    "redo",
    [
        (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier),
        (Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier),
    ],
)
def test_redo_is_not_swallowed_by_the_focused_search_field(qtbot, window, store, workshop_id, redo):
    """Issue #22 item 9: with the cursor in « Rechercher… », Ctrl+Shift+Z did nothing."""
    editor = window.current_editor()
    editor.new_item()
    assert _count(store, workshop_id) == 1
    editor.search()  # Ctrl+F: the cursor in the search field
    search = editor.filter_edit
    assert search.hasFocus()
    qtbot.keyClick(search, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _count(store, workshop_id) == 0  # undone
    qtbot.keyClick(search, *redo)
    assert _count(store, workshop_id) == 1  # redone from the search field
    assert search.hasFocus()


def test_a_search_being_typed_keeps_its_own_undo(qtbot, window, store, workshop_id):
    editor = window.current_editor()
    editor.new_item()
    editor.search()
    search = editor.filter_edit
    qtbot.keyClicks(search, "forum")
    qtbot.keyClick(search, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert search.text() == ""  # the typing is undone first, as in any text field
    assert _count(store, workshop_id) == 1
