"""The boards tool inside the real control window: the room screen follows the board, the
clicker moves the spotlight, B still blanks, Ctrl+Z undoes a typed card."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kitcop_desktop.storage import boards
from kitcop_desktop.tools.boards.room_view import BoardRoomView
from kitcop_desktop.tools.boards.spec import SPEC
from kitcop_desktop.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, store, workshop_id, speedboat):
    w = MainWindow(store, specs=[SPEC])
    qtbot.addWidget(w)
    w.resize(1024, 740)
    w.show()
    qtbot.waitExposed(w)
    assert w.open_workshop(workshop_id)
    w.activate_tool("boards", speedboat["board_id"])
    yield w
    w.room.close()


def _spotlight(store, board_id):
    with store.read() as s:
        return boards.get_board(s, board_id).spotlight


def test_room_follows_and_clicker_moves_the_spotlight(qtbot, window, store, speedboat):
    window.toggle_room()  # F5
    rooms = window.room.findChildren(BoardRoomView)
    assert rooms, "the room screen shows the board"
    room = rooms[-1]
    qtbot.waitUntil(lambda: len(room.scene.cards) == 5)
    window.statusBar().setFocus()  # no text field has the keyboard
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    assert _spotlight(store, speedboat["board_id"]) == "zone:levers"
    qtbot.keyClick(window, Qt.Key.Key_PageUp)
    assert _spotlight(store, speedboat["board_id"]) == ""
    qtbot.keyClick(window, Qt.Key.Key_B)  # the shell's blank key is not taken by the board
    assert window.room.blanked


def test_typed_card_then_ctrl_z(qtbot, window, store, speedboat):
    editor = window.current_editor()
    editor.entry.line.setFocus()
    qtbot.keyClicks(editor.entry.line, "Bonus pour les tuteurs")
    qtbot.keyClick(editor.entry.line, Qt.Key.Key_Return)
    with store.read() as s:
        texts = [c.text for c in boards.cards_of(s, speedboat["board_id"])]
    assert "Bonus pour les tuteurs" in texts
    window.undo_action.trigger()
    with store.read() as s:
        texts = [c.text for c in boards.cards_of(s, speedboat["board_id"])]
    assert "Bonus pour les tuteurs" not in texts
    assert editor.print_part() == "boards"


def test_ctrl_f_searches_and_ctrl_n_goes_to_the_card_field(qtbot, window):
    editor = window.current_editor()
    window.search_action.trigger()  # Ctrl+F
    assert editor.bar.search.hasFocus()
    assert not editor.bar.found.isVisibleTo(editor)  # nothing searched: no room taken
    qtbot.keyClicks(editor.bar.search, "rge")
    lit = [i.card.text for i in editor.scene.cards.values() if i.matched]
    assert lit == ["Le label RGE"]
    assert editor.bar.found.text() == "1 trouvé"
    assert editor.bar.found.isVisibleTo(editor)
    dimmed = [i for i in editor.scene.cards.values() if i.matched is False]
    assert dimmed and all(i.opacity() < 0.5 for i in dimmed)
    editor.bar.search.clear()
    assert not editor.bar.found.isVisibleTo(editor)
    window.new_action.trigger()  # Ctrl+N
    assert editor.entry.line.hasFocus()
