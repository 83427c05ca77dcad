"""Found by the KISS run in the real app (#22 « done when »): Échap while a post-it was being
edited in place closed the room screen (« Écran de salle fermé ») and left the edit open,
floating over the wrong post-it once the control window widened again. Échap cancels the
edit first, as it cancels a table cell's; the next Échap is the room's."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kitcop_desktop.app import load_tool_specs
from kitcop_desktop.storage import agenda, boards
from kitcop_desktop.ui.main_window import MainWindow
from tests.ui.test_kiss_keyboard_run import press, settle, type_text

Key = Qt.Key
Mod = Qt.KeyboardModifier


def test_escape_cancels_the_post_it_edit_and_keeps_the_room_screen(qtbot, store, workshop_id):
    with store.write() as s:
        agenda.apply_template(s, workshop_id, "modele_kiss")
        (kiss,) = boards.list_boards(s, workshop_id, "kiss")
        boards.add_card(s, kiss.id, "start", "Un comité de pilotage")
    window = MainWindow(store, specs=load_tool_specs())
    qtbot.addWidget(window)
    window.resize(1024, 740)
    window.show()
    assert window.open_workshop(workshop_id)
    qtbot.waitUntil(lambda: window.isActiveWindow())
    press(window, Key.Key_2, Mod.ControlModifier)
    board = window.workshop_view.editor("boards")
    board.focus_item(kiss.id)
    settle()
    press(window, Key.Key_F5)
    assert window.room.isVisible()
    press(window, Key.Key_N, Mod.ControlModifier)  # the post-it line
    press(window, Key.Key_Down)  # down onto the board, on its post-it
    assert [c.text for c in board.selected_cards()] == ["Un comité de pilotage"]
    press(window, Key.Key_F2)
    editor = board.view.editor
    assert editor.isVisible() and QApplication.focusWidget() is editor
    type_text(window, " régional")
    press(window, Key.Key_Escape)
    assert not editor.isVisible()  # the edit is cancelled…
    with store.read() as s:
        assert [c.text for c in boards.cards_of(s, kiss.id)] == ["Un comité de pilotage"]
    assert window.room.isVisible()  # …and the room screen stays up
    assert board.view.hasFocus()  # back on the board, the post-it still chosen
    assert [c.text for c in board.selected_cards()] == ["Un comité de pilotage"]
    press(window, Key.Key_Escape)  # the next Échap is the room's, as F1 says
    assert not window.room.isVisible()
