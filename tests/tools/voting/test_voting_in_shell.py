"""The voting and fiches actions tools inside the real control window: Ctrl+N, R reveals on the
room screen, winners open the fiches actions tool, undo from the Edit menu."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kitcop_desktop.storage import actions, voting
from kitcop_desktop.storage.demo import create_demo
from kitcop_desktop.tools.actions.spec import SPEC as ACTIONS
from kitcop_desktop.tools.voting.room_view import VotingRoomView
from kitcop_desktop.tools.voting.spec import SPEC as VOTING
from kitcop_desktop.ui import theme
from kitcop_desktop.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, store, workshop_id):
    w = MainWindow(store, specs=[VOTING, ACTIONS])
    qtbot.addWidget(w)
    w.resize(1024, 740)
    w.show()
    qtbot.waitExposed(w)
    assert w.open_workshop(workshop_id)
    w.activate_tool("voting")
    yield w
    w.room.close()


def test_from_proposals_to_fiches_actions_with_the_keyboard(qtbot, window, store, workshop_id):
    editor = window.current_editor()
    window.new_action.trigger()  # Ctrl+N: no vote yet, so a new vote
    with store.read() as s:
        assert len(voting.list_for(s, workshop_id)) == 1
    for text in ("Guichet unique", "Chantiers-écoles", "Mentorat"):
        window.new_action.trigger()  # Ctrl+N: the new-proposal field
        assert editor.setup.new_item.hasFocus()
        editor.setup.new_item.insert(text)
        qtbot.keyClick(editor.setup.new_item, Qt.Key.Key_Return)
    editor.wall.focus_first()
    for digits in ("4", "9", "2"):
        field = next(f for f in editor.wall.fields if f.hasFocus())
        qtbot.keyClicks(field, digits)
        qtbot.keyClick(field, Qt.Key.Key_Return)
    window.toggle_room()  # F5
    room = window.room.findChildren(VotingRoomView)[-1]
    assert window.room.current_stage() is room
    assert not room.shows_counts()
    window.statusBar().setFocus()  # no text field has the keyboard
    qtbot.keyClick(window, Qt.Key.Key_R)
    assert room.shows_counts()
    assert [r.count for r in room.state.current.results.rows] == [9, 4, 2]
    editor.results.make_cards()
    assert window.current_editor().print_part() == "actions"
    with store.read() as s:
        assert [c.action for c in actions.list_for(s, workshop_id)] == [
            "Chantiers-écoles",
            "Guichet unique",
            "Mentorat",
        ]
    # The cards were made from the vote: Ctrl+Z takes them back there, not from the cards'
    # tool (each tool has its own history, issue #21).
    window.undo_action.trigger()
    with store.read() as s:
        assert len(actions.list_for(s, workshop_id)) == 3
    window.activate_tool("voting")
    assert window.undo_action.text() == "Annuler Créer les fiches actions des actions retenues"
    window.undo_action.trigger()
    with store.read() as s:
        assert actions.list_for(s, workshop_id) == []


@pytest.fixture
def themed(qapp):
    """The application's real font and style sheet (they set the widths), restored after."""
    font, style = qapp.font(), qapp.styleSheet()
    theme.apply_control_theme(qapp)
    yield
    qapp.setStyleSheet(style)
    qapp.setFont(font)


def test_results_fit_the_control_window_at_1024(qtbot, themed, window, store):
    """The demo vote at 1024×740: the counts after the bars are not hidden behind the scroll
    bar, and the kept actions are quoted whole (or shortened with « … »), never cut mid-word."""
    assert window.open_workshop(create_demo(store))
    window.activate_tool("voting")
    editor = window.current_editor()
    qtbot.wait(50)  # let the layout settle
    column = editor.right_column
    viewport = column.viewport()
    ranking = editor.results.ranking
    assert ranking.isVisible() and ranking.rows
    # The counts are painted at the right end of the ranking: it must lie in the viewport.
    assert ranking.mapTo(viewport, ranking.rect().topLeft()).x() >= 0
    assert ranking.mapTo(viewport, ranking.rect().topRight()).x() < viewport.width()
    assert column.widget().width() <= viewport.width()
    for button in (editor.ballot_mode, editor.results.cards_button):
        assert button.mapTo(viewport, button.rect().topRight()).x() < viewport.width()
    left = editor.left_column
    assert left.widget().width() <= left.viewport().width()

    texts = {row.text for row in editor.results.ranking.rows}
    label = editor.results.winners_label.text()
    assert label.startswith("Actions retenues\u00a0: ")
    for quoted in label.removeprefix("Actions retenues\u00a0: ").split("\u00a0; "):
        inner = quoted.removeprefix("«\u00a0").removesuffix("\u00a0»")
        assert inner in texts or inner.endswith("…"), inner
