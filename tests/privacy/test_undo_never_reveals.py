"""Undoing never makes anything more visible (issue #21): what Ctrl+Z puts back comes back
hidden, and turning a vote public or secret is outside the undo history, like a reveal."""

from __future__ import annotations

import pytest

from kitcop_desktop.storage import fishbowl, fishbowl_notes, participants, voting, voting_entries
from kitcop_desktop.tools.fishbowl.spec import SPEC as FISHBOWL
from kitcop_desktop.tools.voting.spec import SPEC as VOTING

TEXTS = ("Guichet unique", "Chantiers-écoles", "Tutorat partagé")


@pytest.fixture
def vote(ctx, qtbot, store, workshop_id):
    with store.write() as s:
        participants.paste(s, workshop_id, "\n".join(f"Personne {i}" for i in range(12)))
        vote = voting.create_vote_from_texts(s, workshop_id, [(t, None) for t in TEXTS], "Vote")
        for item, count in zip(vote.items, (5, 3, 1), strict=True):
            voting_entries.set_wall_count(s, vote.rounds[0].id, item.id, count)
    editor = VOTING.make_editor(ctx)
    room = VOTING.make_room_view(ctx)
    for widget in (editor, room):
        qtbot.addWidget(widget)
        widget.resize(1024, 768)
    editor.reload()
    return editor, room


def test_undoing_reopen_never_puts_the_counts_back_on_the_projector(ctx, vote):
    editor, room = vote
    assert editor.reveal()
    assert room.shows_counts()
    editor.reopen_round()  # a count to correct: the results leave the screen
    assert not room.shows_counts()
    ctx.undo_stack.undo()
    assert not room.shows_counts()  # closed again, not shown again (R shows it, on purpose)
    assert not editor.state.current.open


def test_a_vote_turned_secret_stays_secret_whatever_ctrl_z_does(ctx, vote, store):
    editor, room = vote
    editor.setup.secret.setChecked(False)
    assert room.shows_counts()
    editor.setup.secret.setChecked(True)
    assert not room.shows_counts()
    while ctx.undo_stack.canUndo():
        ctx.undo_stack.undo()
        assert not room.shows_counts()
    with store.read() as s:
        assert voting.list_for(s, ctx.workshop_id)[0].hidden


def test_a_deleted_vote_comes_back_with_its_results_hidden(ctx, vote):
    editor, room = vote
    editor.reveal()
    editor.delete_vote()
    ctx.undo_stack.undo()
    assert editor.state is not None and editor.state.items
    assert not room.shows_counts()


def test_a_deleted_note_or_bowl_comes_back_hidden(ctx, qtbot, store, workshop_id):
    editor = FISHBOWL.make_editor(ctx)
    qtbot.addWidget(editor)
    panel = editor.bowl
    panel.new_item()
    panel.commands.add_note("levers", "Un levier révélé puis supprimé")
    panel.commands.add_note("actions", "Une action révélée")
    panel.commands.confirm_reveal = lambda count: True
    panel.commands.reveal(True)
    assert all(n.revealed for n in panel.data.notes)
    panel.commands.delete_note(panel.data.notes[0].id)
    ctx.undo_stack.undo()
    assert [n.revealed for n in panel.data.notes] == [False, True]
    panel.commands.delete_current()
    ctx.undo_stack.undo()
    with store.read() as s:
        (bowl,) = fishbowl.list_fishbowls(s, workshop_id)
        assert not any(n.revealed for n in fishbowl_notes.notes(s, bowl.id))
