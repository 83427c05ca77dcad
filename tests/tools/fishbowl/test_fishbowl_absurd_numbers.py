"""#13 item 15 in the bowl's setup: an absurd number of chairs or minutes is refused out loud,
never silently cut (a plain spin box turns « 999 » minutes into « 99 » without a word)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kitcop_desktop.storage import fishbowl, participants
from kitcop_desktop.tools.fishbowl.spec import SPEC


def test_999_minutes_or_99_chairs_are_refused_with_the_limit(ctx, qtbot):
    with ctx.store.write() as s:
        participants.paste(s, ctx.workshop_id, "Claire\nThomas\n")
    editor = SPEC.make_editor(ctx)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    panel = editor.bowl
    panel.new_item()
    steps = ctx.undo_stack.count()
    for box, typed, message in (
        (panel.timebox, "999", "Un bocal dure au plus 240 minutes. Rien n'a été modifié."),
        (panel.chairs, "99", "Le bocal compte au plus 12 chaises au centre. Rien n'a été modifié."),
    ):
        before = box.value()
        box.setFocus()
        box.selectAll()
        QTest.keyClicks(box, typed)
        QTest.keyClick(box, Qt.Key.Key_Return)
        assert ctx.extras["messages"][-1] == message
        assert box.value() == before
    with ctx.store.read() as s:
        bowl = fishbowl.get(s, panel.fishbowl_id)
        assert (bowl.timebox_minutes, bowl.chairs) == (35, 4)
    assert ctx.undo_stack.count() == steps


def test_a_round_s_seconds_per_person_typed_too_big_are_refused_never_cut(ctx, qtbot):
    """A plain spin box (10 to 1 800 s) turned « 99999 » into « 9999 »… then « 999 » stored
    without a word; the field now refuses the whole number with the limit."""
    from kitcop_desktop.storage import rounds

    editor = SPEC.make_editor(ctx)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    editor.tabs.setCurrentWidget(editor.rounds)
    panel = editor.rounds
    panel.create_round("closing")
    panel.setup_button.setChecked(True)
    steps = ctx.undo_stack.count()
    for typed, message in (
        (
            "99999",
            "Le temps par personne ne peut pas dépasser 30 minutes. Rien n'a été modifié.",
        ),
        ("5", "Le temps par personne doit être d'au moins 10 secondes. Rien n'a été modifié."),
    ):
        box = panel.seconds
        before = box.value()
        box.setFocus()
        box.selectAll()
        QTest.keyClicks(box, typed)
        QTest.keyClick(box, Qt.Key.Key_Return)
        assert ctx.extras["messages"][-1] == message
        assert box.value() == before
    with ctx.store.read() as s:
        assert rounds.get(s, panel.round_id).seconds_per_speaker == before
    assert ctx.undo_stack.count() == steps
    box.selectAll()
    QTest.keyClicks(box, "90")  # a number in range is stored, one undo step
    QTest.keyClick(box, Qt.Key.Key_Return)
    with ctx.store.read() as s:
        assert rounds.get(s, panel.round_id).seconds_per_speaker == 90
    assert ctx.undo_stack.count() == steps + 1
