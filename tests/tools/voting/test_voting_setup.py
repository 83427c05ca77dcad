"""Preparing a vote in the control window: criteria, rules, secret, deleting, the tie dialog."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kitcop_desktop.storage import participants, voting, voting_entries, voting_rounds
from kitcop_desktop.tools.voting.decision_dialog import DecisionDialog
from kitcop_desktop.tools.voting.spec import SPEC


@pytest.fixture
def editor(ctx, qtbot, store, workshop_id):
    with store.write() as s:
        voting.create_vote_from_texts(
            s, workshop_id, [("Guichet unique", None), ("Mentorat", None)], "Priorités"
        )
    widget = SPEC.make_editor(ctx)
    qtbot.addWidget(widget)
    widget.resize(1024, 768)
    widget.show()
    return widget


def stored_vote(store, vote_id):
    with store.read() as s:
        vote = voting.get(s, vote_id)
        return voting.criteria_of(vote), vote.dots_per_participant, vote.max_per_item, vote.hidden


def test_the_group_amends_the_criteria_and_undo_brings_the_kit_ones_back(editor, ctx, store):
    criteria = editor.setup.criteria
    criteria.setFocus()
    criteria.selectAll()
    criteria.insertPlainText("Réalisable d'ici 2030\nUtile aux TPE < 10 salarié·es & artisans\n\n")
    editor.setup.title_edit.setFocus()  # leaving the field stores it
    vote_id = editor.state.id
    assert stored_vote(store, vote_id)[0] == [
        "Réalisable d'ici 2030",
        "Utile aux TPE < 10 salarié·es & artisans",
    ]
    ctx.undo_stack.undo()
    assert len(stored_vote(store, vote_id)[0]) == 4
    assert editor.setup.criteria.toPlainText().startswith("Réalisable d'ici 2030\nFinançable")


def test_rules_and_secret_setting(editor, ctx, store, workshop_id, qtbot):
    vote_id = editor.state.id
    editor.setup.dots.setValue(2)
    editor.setup.dots.editingFinished.emit()
    editor.setup.per_item.setValue(2)
    editor.setup.per_item.editingFinished.emit()
    assert stored_vote(store, vote_id)[1:3] == (2, 2)
    editor.setup.per_item.setValue(5)  # more than the dots each person has
    editor.setup.per_item.editingFinished.emit()
    assert "Le maximum par proposition va de 1 à 2 gommettes" in ctx.extras["messages"][-1]
    assert editor.setup.per_item.value() == 2
    room = SPEC.make_room_view(ctx)
    qtbot.addWidget(room)
    with store.write() as s:
        voting_entries.set_wall_count(s, editor.state.current.id, editor.state.items[0].id, 3)
    ctx.hub.notify("voting", workshop_id)
    assert not room.shows_counts()
    editor.setup.secret.setChecked(False)  # vote à découvert: counts show as they come
    assert stored_vote(store, vote_id)[3] is False
    assert room.shows_counts()
    assert editor.results.ranking.isVisible()


def test_rules_are_locked_once_a_ballot_is_in(editor, ctx, store, workshop_id):
    with store.write() as s:
        pid = participants.add(s, workshop_id, "Inès Moreau").id
        voting_rounds.set_entry_mode(s, editor.state.current.id, "ballots")
        voting_entries.cast_ballot(s, editor.state.current.id, pid, {editor.state.items[0].id: 1})
    ctx.hub.notify("voting", workshop_id)
    editor.setup.dots.setValue(5)
    editor.setup.dots.editingFinished.emit()
    assert "ne peuvent plus changer" in ctx.extras["messages"][-1]
    assert editor.setup.dots.value() == 3
    # The entry mode is locked too, and the buttons say so by staying as they are.
    editor.wall_mode.click()
    assert editor.state.current.mode == "ballots"
    assert editor.ballot_mode.isChecked()


def test_withdrawing_a_proposal_with_dots_is_refused(editor, ctx, store, workshop_id):
    rid = editor.state.current.id
    first, second = editor.state.items
    editor.commands.set_wall_count(rid, first.id, "4", first.text)
    editor.setup.items.setCurrentRow(0)
    editor.setup.remove_selected()
    assert "fausserait le décompte" in ctx.extras["messages"][-1]
    editor.setup.items.setCurrentRow(1)
    editor.setup.remove_selected()
    assert [i.text for i in editor.state.items] == ["Guichet unique"]
    ctx.undo_stack.undo()
    assert [i.text for i in editor.state.items] == ["Guichet unique", "Mentorat"]


def test_rewording_a_proposal_in_the_list(editor, ctx, store):
    row = editor.setup.items.item(1)
    row.setText("Mentorat des apprentis par des retraité·es")
    assert editor.state.items[1].text == "Mentorat des apprentis par des retraité·es"
    editor.setup.items.item(1).setText("guichet UNIQUE")
    assert "déjà au vote" in ctx.extras["messages"][-1]
    assert editor.setup.items.item(1).text() == "Mentorat des apprentis par des retraité·es"


def test_deleting_a_vote_is_undoable_and_a_second_vote_can_be_chosen(editor, ctx, store):
    first = editor.state.id
    second = editor.create_vote()
    assert editor.state.id == second and editor.vote_box.count() == 2
    editor.vote_box.setCurrentIndex(editor.vote_box.findData(first))
    assert editor.state.id == first
    editor.delete_vote()
    assert editor.vote_box.count() == 1 and editor.state.id == second
    ctx.undo_stack.undo()
    assert editor.vote_box.count() == 2
    assert first in [editor.vote_box.itemData(i) for i in range(2)]
    editor.focus_item(first)  # as « Envoyer au vote » or an agenda séquence would
    assert [i.text for i in editor.state.items] == ["Guichet unique", "Mentorat"]


def test_decision_dialog_orders_and_requires_a_reason(qtbot):
    dialog = DecisionDialog([(7, "Guichet unique"), (9, "Mentorat")])
    qtbot.addWidget(dialog)
    dialog.list.setCurrentRow(1)
    dialog._move(-1)
    dialog.reason_edit.insert("Choix du groupe à main levée")
    assert dialog.order() == [9, 7]
    assert dialog.reason() == "Choix du groupe à main levée"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
