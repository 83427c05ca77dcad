"""Reordering the proposals of a vote: Alt+↑/↓, the arrow buttons and a drag, each one undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QListWidget

from kitcop_desktop.storage import voting, voting_entries, voting_rounds
from kitcop_desktop.tools.voting.setup_panel import ITEM_ID
from kitcop_desktop.tools.voting.spec import SPEC

TEXTS = ("Guichet unique", "Mentorat", "Aides CEE")


@pytest.fixture
def editor(ctx, qtbot, store, workshop_id):
    with store.write() as s:
        voting.create_vote_from_texts(s, workshop_id, [(t, None) for t in TEXTS], "Priorités")
    widget = SPEC.make_editor(ctx)
    qtbot.addWidget(widget)
    widget.resize(1024, 768)
    widget.show()
    return widget


def stored_texts(store, vote_id):
    with store.read() as s:
        return [i.text for i in voting.get(s, vote_id).items]


def shown_texts(editor):
    items = editor.setup.items
    return [items.item(row).text() for row in range(items.count())]


def alt_key(widget, key):
    QTest.keyClick(widget, key, Qt.KeyboardModifier.AltModifier)


def chosen_text(editor):
    return editor.setup.items.currentItem().text()


def test_alt_down_moves_the_chosen_proposal_and_one_undo_puts_it_back(editor, ctx, store):
    vote_id = editor.state.id
    items = editor.setup.items
    items.setFocus()
    items.setCurrentRow(0)
    depth = ctx.undo_stack.count()
    alt_key(items, Qt.Key.Key_Down)
    expected = ["Mentorat", "Guichet unique", "Aides CEE"]
    assert stored_texts(store, vote_id) == expected
    assert shown_texts(editor) == expected
    assert chosen_text(editor) == "Guichet unique"  # the selection follows the proposal
    assert ctx.undo_stack.count() == depth + 1
    assert ctx.undo_stack.undoText() == "Déplacer une proposition"
    # The current round (room screen, wall entry) lists the items in the new order.
    assert [editor.state.item(i).text for i in editor.state.current.item_ids] == expected
    alt_key(items, Qt.Key.Key_Down)
    assert shown_texts(editor) == ["Mentorat", "Aides CEE", "Guichet unique"]
    ctx.undo_stack.undo()
    assert stored_texts(store, vote_id) == expected
    ctx.undo_stack.undo()
    assert stored_texts(store, vote_id) == list(TEXTS)
    assert shown_texts(editor) == list(TEXTS)
    assert chosen_text(editor) == "Guichet unique"
    ctx.undo_stack.redo()
    assert shown_texts(editor) == expected


def test_the_ends_are_refused_with_a_message_and_nothing_pushed(editor, ctx, store):
    items = editor.setup.items
    items.setFocus()
    items.setCurrentRow(0)
    assert not editor.setup.up_button.isEnabled()
    assert editor.setup.down_button.isEnabled()
    depth = ctx.undo_stack.count()
    alt_key(items, Qt.Key.Key_Up)
    assert ctx.extras["messages"][-1] == "Cette proposition est déjà en tête. Rien n'a été modifié."
    items.setCurrentRow(2)
    assert editor.setup.up_button.isEnabled()
    assert not editor.setup.down_button.isEnabled()
    alt_key(items, Qt.Key.Key_Down)
    assert "déjà en dernier" in ctx.extras["messages"][-1]
    assert ctx.undo_stack.count() == depth
    assert shown_texts(editor) == list(TEXTS)
    assert chosen_text(editor) == "Aides CEE"


def test_the_arrow_buttons_name_their_key_and_move_the_chosen_proposal(editor, ctx, store, qtbot):
    setup = editor.setup
    assert "Alt+↑" in setup.up_button.toolTip()
    assert "Alt+↓" in setup.down_button.toolTip()
    setup.items.setCurrentRow(2)
    qtbot.mouseClick(setup.up_button, Qt.MouseButton.LeftButton)
    assert shown_texts(editor) == ["Guichet unique", "Aides CEE", "Mentorat"]
    assert chosen_text(editor) == "Aides CEE"
    qtbot.mouseClick(setup.up_button, Qt.MouseButton.LeftButton)
    assert stored_texts(store, editor.state.id) == ["Aides CEE", "Guichet unique", "Mentorat"]
    assert not setup.up_button.isEnabled()
    ctx.undo_stack.undo()
    ctx.undo_stack.undo()
    assert stored_texts(store, editor.state.id) == list(TEXTS)


def test_a_drag_inside_the_list_is_one_undoable_move(editor, ctx, store, monkeypatch):
    items = editor.setup.items
    assert items.dragDropMode() == QListWidget.DragDropMode.InternalMove

    def qt_drag(self, actions):  # what Qt does on a drop below the last row
        assert self.model().moveRow(QModelIndex(), 0, QModelIndex(), 3)

    monkeypatch.setattr(QListWidget, "startDrag", qt_drag)
    items.setCurrentRow(0)
    depth = ctx.undo_stack.count()
    items.startDrag(Qt.DropAction.MoveAction)
    expected = ["Mentorat", "Aides CEE", "Guichet unique"]
    assert stored_texts(store, editor.state.id) == expected
    assert shown_texts(editor) == expected
    assert chosen_text(editor) == "Guichet unique"
    assert ctx.undo_stack.count() == depth + 1
    ctx.undo_stack.undo()
    assert shown_texts(editor) == list(TEXTS)


def test_a_drag_that_changes_nothing_leaves_no_undo_step(editor, ctx, monkeypatch):
    items = editor.setup.items
    items.setCurrentRow(1)
    depth = ctx.undo_stack.count()
    monkeypatch.setattr(QListWidget, "startDrag", lambda self, actions: None)  # cancelled
    items.startDrag(Qt.DropAction.MoveAction)
    # A drop Qt left half done (the row copied, not yet removed): the stored order comes back.
    monkeypatch.setattr(
        QListWidget, "startDrag", lambda self, actions: self.addItem(self.item(1).clone())
    )
    items.startDrag(Qt.DropAction.MoveAction)
    assert ctx.undo_stack.count() == depth
    assert shown_texts(editor) == list(TEXTS)
    assert chosen_text(editor) == "Mentorat"


def test_results_and_tallies_survive_a_move(editor, ctx, store, workshop_id):
    state = editor.state
    first, second, third = (i.id for i in state.items)
    with store.write() as s:
        voting_entries.set_wall_count(s, state.current.id, first, 2)
        voting_entries.set_wall_count(s, state.current.id, second, 2)
        voting_entries.set_wall_count(s, state.current.id, third, 5)
        voting_rounds.set_state(s, state.current.id, state="closed", revealed=True)
    ctx.hub.notify("voting", workshop_id)
    ranked = [r.item_id for r in editor.state.current.results.rows]
    assert ranked == [third, first, second]
    editor.setup.items.setCurrentRow(1)
    alt_key(editor.setup.items, Qt.Key.Key_Up)  # second before first: the tie shows so
    rows = editor.state.current.results.rows
    assert [r.item_id for r in rows] == [third, second, first]
    assert [r.count for r in rows] == [5, 2, 2]
    assert rows[1].rank == rows[2].rank
    assert editor.setup.items.currentItem().data(ITEM_ID) == second


def test_in_the_control_window_the_room_screen_follows_and_ctrl_z_undoes(qtbot, store, workshop_id):
    from kitcop_desktop.tools.voting.room_view import VotingRoomView
    from kitcop_desktop.ui.main_window import MainWindow

    with store.write() as s:
        voting.create_vote_from_texts(s, workshop_id, [(t, None) for t in TEXTS], "Priorités")
    window = MainWindow(store, specs=[SPEC])
    qtbot.addWidget(window)
    window.resize(1024, 740)
    window.show()
    qtbot.waitExposed(window)
    assert window.open_workshop(workshop_id)
    window.activate_tool("voting")
    editor = window.current_editor()
    window.toggle_room()
    room = window.room.findChildren(VotingRoomView)[-1]
    items = editor.setup.items
    items.setFocus()
    items.setCurrentRow(1)
    qtbot.keyClick(items, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    moved = ["Mentorat", "Guichet unique", "Aides CEE"]
    assert [room.state.item(i).text for i in room.state.current.item_ids] == moved
    assert window.undo_action.text().endswith("Déplacer une proposition")
    assert QKeySequence("Ctrl+Z") in window.undo_action.shortcuts()
    window.undo_action.trigger()  # Ctrl+Z (the room window has the focus offscreen)
    assert shown_texts(editor) == list(TEXTS)
    assert [room.state.item(i).text for i in room.state.current.item_ids] == list(TEXTS)
    assert chosen_text(editor) == "Mentorat"
    window.room.close()
