"""#13 item 14 and #22 item 7: attendance taken in the room with one key per person, warnings
when it contradicts the vote, and whoever speaks, votes or sits in the bowl is present (one
undo step with the action). Real store, real widgets, keyboard only where the facilitator is."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView

from kitcop_desktop.domain.clock import FakeClock
from kitcop_desktop.storage import participants, rounds, voting, voting_entries
from kitcop_desktop.ui import attendance as rule
from kitcop_desktop.ui.participants_model import COLUMNS
from kitcop_desktop.ui.participants_view import ParticipantsView

TWELVE = [
    "Claire Dubois",
    "Thomas Girard",
    "Nadia Haddad",
    "Léa Fontaine",
    "Karim Benali",
    "Sophie Martin",
    "Julien Roche",
    "Amina Diallo",
    "Paul Lefèvre",
    "Inès Moreau",
    "Hugo Bernard",
    "Camille Petit",
]


@pytest.fixture
def people(ctx):
    with ctx.store.write() as s:
        participants.paste(s, ctx.workshop_id, "\n".join(TWELVE))
    return TWELVE


@pytest.fixture
def view(ctx, qtbot, people):
    widget = ParticipantsView(ctx)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def ticked(ctx) -> list[str]:
    with ctx.store.read() as s:
        return [p.name for p in participants.list_for(s, ctx.workshop_id) if p.present]


def test_one_space_per_person_ticks_the_whole_room_without_editing_a_name(view, ctx):
    table = view.table
    assert COLUMNS[0] == "present"  # the list reads as a checklist
    table.setFocus()
    table.selectRow(0)
    for _ in TWELVE:
        QTest.keyClick(table, Qt.Key.Key_Space)
        assert table.state() != QAbstractItemView.State.EditingState
    assert ticked(ctx) == TWELVE
    assert view.count_label.text() == "12 présent·es sur 12 inscrit·es"
    with ctx.store.read() as s:
        assert [p.name for p in participants.list_for(s, ctx.workshop_id)] == TWELVE
    # Space on someone ticked unticks them (and moves on); each key is one undo step.
    table.selectRow(3)
    QTest.keyClick(table, Qt.Key.Key_Space)
    assert "Léa Fontaine" not in ticked(ctx)
    assert table.currentIndex().row() == 4
    ctx.undo_stack.undo()
    assert ticked(ctx) == TWELVE
    ctx.undo_stack.undo()
    assert ticked(ctx) == TWELVE[:-1]


def test_everyone_is_here_and_invert_by_keyboard_each_one_undo_step(view, ctx):
    view.table.setFocus()
    QTest.keyClick(view, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)  # Tout le monde est là
    assert ticked(ctx) == TWELVE
    assert ctx.undo_stack.count() == 1
    view.table.selectRow(0)
    QTest.keyClick(view.table, Qt.Key.Key_Space)  # Claire is not here after all
    QTest.keyClick(view, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)  # Inverser
    assert ticked(ctx) == ["Claire Dubois"]
    ctx.undo_stack.undo()
    assert ticked(ctx) == TWELVE[1:]


def test_36_dots_counted_for_nobody_ticked_is_warned(view, ctx, qtbot):
    assert view.attendance.warning.isHidden()
    assert view.count_label.text() == "Présence non relevée\u00a0: 12 inscrit·es"
    with ctx.store.write() as s:
        vote = voting.create_vote_from_texts(
            s, ctx.workshop_id, [(f"Idée {n}", None) for n in range(1, 7)], "Défi"
        )
        for item, n in zip(vote.items, (9, 7, 3, 7, 7, 3), strict=True):
            voting_entries.set_wall_count(s, vote.rounds[0].id, item.id, n)
    ctx.hub.notify("voting", ctx.workshop_id)
    assert view.attendance.warning.isVisible()
    assert view.attendance.warning.text() == (
        "⚠ 36 gommettes comptées au vote, soit au moins 12 votant·es, pour 0 présent·e\u00a0: "
        "cochez qui est là (Espace)."
    )
    view.attendance.everyone_here()
    assert view.attendance.warning.isHidden()


def test_sitting_in_the_bowl_ticks_present_in_the_same_undo_step(ctx, qtbot, people):
    from kitcop_desktop.tools.fishbowl.spec import SPEC

    ctx.extras["clock"] = FakeClock()
    editor = SPEC.make_editor(ctx)
    qtbot.addWidget(editor)
    panel = editor.bowl
    panel.new_item()
    row = next(
        panel.centre.circle.model().index(r, 0)
        for r in range(panel.centre.circle.count())
        if panel.centre.circle.row_text(r).startswith("Léa")
    )
    panel.centre.circle.activated.emit(row)
    assert panel.centre.cards[0].name.full_text() == "Léa Fontaine"
    assert ticked(ctx) == ["Léa Fontaine"]
    assert ctx.extras["messages"][-1] == "Léa Fontaine\u00a0: noté·e présent·e (Ctrl+Z annule)."
    ctx.undo_stack.undo()  # one step: out of the chair and unticked
    assert ticked(ctx) == []
    assert panel.centre.cards[0].name.full_text() == "Chaise vide"


def test_with_the_rule_off_someone_absent_cannot_sit_unless_the_facilitator_says_so(
    ctx, qtbot, people
):
    from kitcop_desktop.tools.fishbowl.spec import SPEC

    rule.accept_rule(ctx, False)
    asked = []
    answers = [(False, False), (True, True)]

    def ask(parent, names, action):
        asked.append((names, action))
        return answers.pop(0)

    ctx.extras[rule.ASK_KEY] = ask
    ctx.extras["clock"] = FakeClock()
    editor = SPEC.make_editor(ctx)
    qtbot.addWidget(editor)
    panel = editor.bowl
    panel.new_item()
    claire = panel.data.members[0].id
    panel.commands.seat(claire)  # « Annuler »: she does not sit
    assert panel.data.centre.seated == {}
    assert "Rien n'a été modifié" in ctx.extras["messages"][-1]
    panel.commands.seat(claire)  # « Marquer présente », never ask again
    assert panel.data.centre.seated == {0: claire}
    assert asked == [(["Claire Dubois"], "s'assoit au centre")] * 2
    assert rule.rule_accepted(ctx)
    panel.commands.seat(panel.data.members[1].id)  # the rule holds again: no question
    assert len(asked) == 2
    assert ticked(ctx) == ["Claire Dubois", "Thomas Girard"]


def test_whoever_speaks_in_a_round_or_casts_a_ballot_is_ticked_present(ctx, qtbot, people):
    from kitcop_desktop.tools.fishbowl.spec import SPEC as BOWL
    from kitcop_desktop.tools.voting.spec import SPEC as VOTE

    ctx.extras["clock"] = FakeClock()
    editor = BOWL.make_editor(ctx)
    qtbot.addWidget(editor)
    editor.tabs.setCurrentWidget(editor.rounds)
    editor.rounds.create_round("check_in")
    panel = editor.rounds
    panel.next_speaker()  # Claire has the floor: not ticked yet, she has not spoken
    assert ticked(ctx) == []
    panel.next_speaker()  # Claire has spoken
    panel.next_speaker()  # Thomas too
    assert ticked(ctx) == ["Claire Dubois", "Thomas Girard"]
    ctx.undo_stack.undo()
    assert ticked(ctx) == ["Claire Dubois"]
    with ctx.store.write() as s:
        vote = voting.create_vote_from_texts(s, ctx.workshop_id, [("A", None), ("B", None)], "D")
        voting.set_settings(s, vote.id, dots_per_participant=1)
        voting_entries_round = vote.rounds[0].id
    voter = VOTE.make_editor(ctx)
    qtbot.addWidget(voter)
    inès = TWELVE.index("Inès Moreau")
    with ctx.store.read() as s:
        inès_id = participants.list_for(s, ctx.workshop_id)[inès].id
        item = voting.get(s, vote.id).items[0].id
    from kitcop_desktop.storage import voting_rounds

    with ctx.store.write() as s:
        voting_rounds.set_entry_mode(s, voting_entries_round, "ballots")
    assert voter.commands.cast_ballot(voting_entries_round, inès_id, {item: 1}, "Inès Moreau")
    assert ticked(ctx) == ["Claire Dubois", "Inès Moreau"]
    ctx.undo_stack.undo()  # the ballot and the tick, together
    assert ticked(ctx) == ["Claire Dubois"]
    with ctx.store.read() as s:
        assert rounds.list_rounds(s, ctx.workshop_id)[0].entries[0].status == "done"
