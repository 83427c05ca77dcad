"""Speaking rounds from the keyboard (#22, found by the keyboard KISS run).

A round a template made before anyone signed in: Modèle KISS makes its brise-glace and déclusion rounds when the workshop is prepared, days
before the attendance list is signed: the rounds are empty. On the day, the clicker's PageDown
on the déclusion skipped the whole round (« nobody in it: the clicker is the run's ») and the
tab said « 0 sur 0 », although Démarrer takes the people signed in.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent

from kitcop_desktop.domain.clock import FakeClock
from kitcop_desktop.storage import participants, rounds
from kitcop_desktop.tools.fishbowl.spec import SPEC


def _page_down() -> QKeyEvent:
    return QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_PageDown, Qt.KeyboardModifier.NoModifier)


def _tab(ctx, qtbot):
    ctx.extras["clock"] = FakeClock()
    editor = SPEC.make_editor(ctx)
    room = SPEC.make_room_view(ctx)
    qtbot.addWidget(editor)
    qtbot.addWidget(room)
    room.resize(1024, 768)
    editor.tabs.setCurrentWidget(editor.rounds)
    return editor, room


def test_the_clicker_starts_a_round_made_before_anyone_signed_in(ctx, qtbot):
    with ctx.store.write() as s:
        rounds.create_round(s, ctx.workshop_id, "closing", title="Déclusion")  # the template
        participants.paste(s, ctx.workshop_id, "Claire\nThomas\nNadia\n")  # signed in, later
    editor, room = _tab(ctx, qtbot)
    panel = editor.rounds
    assert "3 personnes" in panel.upcoming.text()  # not « 0 sur 0 »: who will speak
    assert "Claire" in panel.upcoming.text()
    assert editor.handle_room_key(_page_down())  # PageDown starts the round…
    assert room.round.speaker.text() == "Claire"  # …with the people signed in
    assert room.round.kicker.text().endswith("1 sur 3")
    ctx.undo_stack.undo()  # one step: the round is as the template made it
    with ctx.store.read() as s:
        assert rounds.round_data(s, panel.round_id).entries == []


def test_a_round_nobody_signed_in_for_still_leaves_the_clicker_to_the_run(ctx, qtbot):
    with ctx.store.write() as s:
        rounds.create_round(s, ctx.workshop_id, "closing", title="Déclusion")
    editor, _room = _tab(ctx, qtbot)
    assert not editor.handle_room_key(_page_down())  # the déroulé moves on
    assert ctx.undo_stack.count() == 0


def test_ctrl_n_while_someone_speaks_puts_the_cursor_in_the_word_field(ctx, qtbot):
    """During a live déclusion the new thing to type is the person's word: Ctrl+N used to make
    a new météo round (shown at once on the room screen) instead."""
    with ctx.store.write() as s:
        participants.paste(s, ctx.workshop_id, "Claire\nThomas\n")
        rounds.create_round(s, ctx.workshop_id, "closing", title="Déclusion")
    editor, room = _tab(ctx, qtbot)
    editor.show()
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    assert editor.handle_room_key(_page_down())  # Claire has the floor
    count = ctx.undo_stack.count()
    editor.new_item()  # Ctrl+N
    assert editor.rounds.word.hasFocus()
    assert ctx.undo_stack.count() == count  # no new round
    with ctx.store.read() as s:
        assert len(rounds.rounds_of(s, ctx.workshop_id)) == 1
    assert room.round.speaker.text() == "Claire"


def test_ctrl_n_without_a_live_round_still_makes_a_new_round(ctx, qtbot):
    editor, _room = _tab(ctx, qtbot)
    editor.new_item()
    with ctx.store.read() as s:
        assert len(rounds.rounds_of(s, ctx.workshop_id)) == 1
