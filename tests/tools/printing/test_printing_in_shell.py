"""Ctrl+P in the real shell: from the boards tool, the printing screen opens on « Tableaux »."""

from __future__ import annotations

import pytest

from kitcop_desktop.app import load_tool_specs
from kitcop_desktop.storage import boards
from kitcop_desktop.ui.main_window import MainWindow
from tests.printing.pdf_support import text_of


@pytest.fixture
def window(qtbot, store, workshop_id):
    with store.write() as s:
        board = boards.create_board(s, workshop_id, "speedboat", "Bateau de la table 2")
        boards.add_card(s, board.id, "brakes", "Pas assez de formateurs")
    w = MainWindow(store, specs=load_tool_specs())
    qtbot.addWidget(w)
    w.resize(1024, 740)
    w.show()
    qtbot.waitExposed(w)
    assert w.open_workshop(workshop_id)
    yield w
    w.room.close()


def test_ctrl_p_from_boards_preselects_the_boards_part(window, qtbot):
    if not any(spec.key == "boards" for spec in window.specs):
        pytest.skip("the boards tool is not loadable in this tree")
    window.activate_tool("boards")
    window.print_action.trigger()
    editor = window.current_editor()
    assert type(editor).__name__ == "PrintingEditor"
    assert editor.selected_parts() == ["boards"]
    qtbot.waitUntil(lambda: editor.pdf is not None)
    text = text_of(editor.pdf)
    assert "Bateau de la table 2" in text and "Pas assez de formateurs" in text
