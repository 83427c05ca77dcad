"""Per-tool undo histories that meet in one database (found by the soak, issue #21): what one
tool's Ctrl+Z or Ctrl+Y acts on may have been changed meanwhile from another tool. A redo never
lands on a row another tool made since (ids are never given twice while the app runs), and an
undo of something gone says so in French, changes nothing, and leaves no traceback."""

from __future__ import annotations

import pytest

from kitcop_desktop.app import load_tool_specs
from kitcop_desktop.storage import agenda, agenda_links, boards, interviews
from kitcop_desktop.storage.models.board import Card
from kitcop_desktop.tools.boards.commands import BoardCommands
from kitcop_desktop.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, store, workshop_id):
    w = MainWindow(store, specs=load_tool_specs())
    qtbot.addWidget(w)
    w.resize(1024, 740)
    w.show()
    qtbot.waitExposed(w)
    assert w.open_workshop(workshop_id)
    yield w
    w.room.close()


def board_titles(store, workshop_id) -> list[str]:
    with store.read() as s:
        return sorted(b.title for b in boards.list_boards(s, workshop_id))


def open_linked_board(window, store, workshop_id) -> int:
    """The déroulé's run reaches a séquence that opens a board: one step on the agenda's stack
    (as tools/agenda/live.py does)."""
    with store.write() as s:
        sid = agenda.add_sequence(s, workshop_id, title="Speedboat", tool_key="boards").id
    ctx = window.workshop_view.context("agenda")
    ctx.push(
        "Ouvrir un élément neuf pour « Speedboat »",
        area="boards",
        do=lambda s: agenda_links.open_item(s, sid),
        undo=lambda s, saved: agenda_links.close_item(s, saved),
    )
    with store.read() as s:
        return agenda.get(s, sid).tool_ref


def test_a_board_redone_after_another_tool_made_one_keeps_both(window, store, workshop_id):
    stack = window.workshop_view.undo_stack("boards")
    made = BoardCommands(window.workshop_view.context("boards")).new_board(
        "speedboat", "Freins du matin"
    )
    stack.undo()
    assert board_titles(store, workshop_id) == []
    linked = open_linked_board(window, store, workshop_id)  # another tool makes a board
    assert linked != made  # the id of a row some history may bring back is not given again
    stack.redo()  # « UNIQUE constraint failed: boards.id » before
    assert board_titles(store, workshop_id) == ["Freins du matin", "Speedboat"]
    stack.undo()  # the boards' Ctrl+Z takes back its own board, never the déroulé's
    assert board_titles(store, workshop_id) == ["Speedboat"]


def test_the_agendas_ctrl_z_keeps_a_board_someone_wrote_on(window, store, workshop_id):
    board_id = open_linked_board(window, store, workshop_id)
    commands = BoardCommands(window.workshop_view.context("boards"))
    assert commands.add_card(board_id, "brakes", "Le bus") is not None
    window.workshop_view.undo_stack("agenda").undo()  # the link goes, the post-it stays
    with store.read() as s:
        assert [c.text for c in boards.cards_of(s, board_id)] == ["Le bus"]
    window.workshop_view.undo_stack("boards").undo()  # « Ce post-it n'existe plus » before
    with store.read() as s:
        assert boards.cards_of(s, board_id) == []


def test_undoing_an_edit_of_a_post_it_another_tool_took_back_says_so(
    window, store, workshop_id, qtbot
):
    with store.write() as s:
        interview = interviews.create_interview(s, workshop_id)
        interviews.add_mark(s, interview.id, "brake", "Pas de bus le matin")
    window.activate_tool("interviews")
    campaign = window.current_editor().campaign
    campaign.send_to_board()
    with store.read() as s:
        card_id = s.query(Card.id).scalar()
    window.activate_tool("boards")
    BoardCommands(window.workshop_view.context("boards")).edit_card(
        card_id, "Modifier le post-it", text="Pas de bus avant 8 h"
    )
    window.workshop_view.undo_stack("interviews").undo()  # the synthesis goes back
    messages = []
    window.workshop_view.ctx.hub.saved.connect(messages.append)
    assert window.undo_action.text() == "Annuler Modifier le post-it"
    window.undo_action.trigger()  # raised NotFound out of QUndoCommand.undo before
    assert messages[-1] == (
        "Impossible d'annuler «\u00a0Modifier le post-it\u00a0»\u00a0: ce post-it n'existe plus. "
        "Rien n'a été modifié."
    )
    assert window.undo_action.text() != "Annuler Modifier le post-it"  # gone from the history
    assert not window.workshop_view.undo_stack("boards").canRedo()  # nothing half-redone
    with store.read() as s:
        assert s.query(Card).count() == 0


def test_a_redo_that_runs_its_change_again_gives_the_same_ids_so_later_steps_still_apply(
    ctx, store, workshop_id
):
    """Ids are never reused, so a redo that creates its row again must take the id it had:
    the next step of the history names that id (a post-it on that board)."""
    board = ctx.push(
        "Créer le tableau",
        area="boards",
        do=lambda s: boards.create_board(s, workshop_id, "speedboat", "Matin").id,
        undo=lambda s, board_id: boards.delete_board(s, board_id),
    )
    card = ctx.push(
        "Ajouter un post-it",
        area="boards",
        do=lambda s: boards.add_card(s, board, "brakes", "Le bus").id,
        undo=lambda s, card_id: boards.delete_card(s, card_id),
    )
    ctx.undo_stack.undo()
    ctx.undo_stack.undo()
    ctx.undo_stack.redo()
    ctx.undo_stack.redo()
    with store.read() as s:
        assert [(b.id, b.title) for b in boards.list_boards(s, workshop_id)] == [(board, "Matin")]
        assert [(c.id, c.text) for c in boards.cards_of(s, board)] == [(card, "Le bus")]
