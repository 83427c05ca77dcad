"""A workshop opened again leaves nothing behind on the room screen (issue 15).

The room views of a closed workshop stayed in the room window, hidden, each still reading the
store at every change of that workshop: opening the same workshop three times made every
post-it typed read the board four times.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtTest import QTest

from kitcop_desktop.app import load_tool_specs
from kitcop_desktop.storage import boards
from kitcop_desktop.tools.boards import board_data
from kitcop_desktop.tools.boards.room_view import BoardRoomView
from kitcop_desktop.ui.main_window import MainWindow


def test_a_post_it_typed_after_reopening_the_workshop_reads_the_board_once(
    qtbot, store, workshop_id, monkeypatch
):
    with store.write() as s:
        board = boards.create_board(s, workshop_id, "speedboat", "Diagnostic")
        boards.add_card(s, board.id, "levers", "Des artisans motivés")
    window = MainWindow(store, specs=load_tool_specs())
    qtbot.addWidget(window)
    window.resize(1024, 740)
    window.show()
    for _ in range(3):  # the facilitator goes back to the list and opens it again
        assert window.open_workshop(workshop_id)
        window.activate_tool("boards")
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qtbot.waitUntil(lambda: len(window.room.findChildren(BoardRoomView)) == 1)
    reads = []
    load = board_data.load_board
    monkeypatch.setattr(
        board_data, "load_board", lambda *a, **k: reads.append(a[1]) or load(*a, **k)
    )
    line = window.current_editor().entry.line
    line.setFocus()
    line.setText("Un CFA tout proche")
    QTest.keyClick(line, Qt.Key.Key_Return)
    qtbot.wait(20)
    with store.read() as s:
        assert len(boards.cards_of(s, board.id)) == 2  # stored at once
    assert reads == [board.id]  # the editor's read; the room view shares it
    room_view = window.workshop_view.room_view("boards")
    assert window.room.findChildren(BoardRoomView) == [room_view]
    window.room.close()
