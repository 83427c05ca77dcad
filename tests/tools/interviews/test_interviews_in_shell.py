"""The interviews tool inside the real control window: Ctrl+N, undo from the Edit menu, the
room screen follows the question, clicker keys step through questions."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kitcop_desktop.storage import interviews
from kitcop_desktop.tools.interviews.room_view import InterviewsRoomView
from kitcop_desktop.tools.interviews.spec import SPEC
from kitcop_desktop.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, store, workshop_id):
    w = MainWindow(store, specs=[SPEC])
    qtbot.addWidget(w)
    w.resize(1024, 740)
    w.show()
    qtbot.waitExposed(w)
    assert w.open_workshop(workshop_id)
    w.activate_tool("interviews")
    yield w
    w.room.close()


def count(store, workshop_id):
    with store.read() as s:
        return len(interviews.list_interviews(s, workshop_id))


def test_ctrl_n_undo_redo_and_print_part(qtbot, window, store, workshop_id):
    editor = window.current_editor()
    window.new_action.trigger()  # Ctrl+N
    assert count(store, workshop_id) == 1
    assert editor.print_part() == "interviews"
    window.undo_action.trigger()
    assert count(store, workshop_id) == 0
    window.redo_action.trigger()
    assert count(store, workshop_id) == 1


def test_room_screen_shows_the_question_and_clicker_keys_move(qtbot, window, store):
    editor = window.current_editor()
    window.new_action.trigger()
    editor.pages.setCurrentWidget(editor.notes)
    window.toggle_room()  # F5
    room_views = window.room.findChildren(InterviewsRoomView)
    assert room_views, "the room screen shows the interviews view"
    room = room_views[-1]
    assert room.position.text() == "Question 1 sur 6"
    window.statusBar().setFocus()  # no text field has the keyboard
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    assert editor.notes.current_index == 1
    assert room.position.text() == "Question 2 sur 6"


def test_closing_the_window_right_after_typing_loses_nothing(qtbot, window, store, workshop_id):
    editor = window.current_editor()
    window.new_action.trigger()
    editor.pages.setCurrentWidget(editor.notes)
    editor.notes.editors[0].setFocus()
    editor.notes.editors[0].insertPlainText("Dernière phrase tapée")
    window.close()  # before the 500 ms autosave pause
    with store.read() as s:
        iv = interviews.list_interviews(s, workshop_id)[0]
        assert interviews.get(s, iv.id).answers[0].notes == "Dernière phrase tapée"
