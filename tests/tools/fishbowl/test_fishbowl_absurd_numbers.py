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
