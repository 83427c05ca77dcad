"""#13 item 15: an absurd séquence duration is refused out loud, never silently cut to 99."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kitcop_desktop.storage import agenda
from kitcop_desktop.tools.agenda.spec import SPEC


def test_9999_minutes_is_refused_with_the_maximum_and_nothing_changes(ctx, qtbot, store):
    with store.write() as s:
        agenda.apply_template(s, ctx.workshop_id, "modele_1")
        first = agenda.list_sequences(s, ctx.workshop_id)[0]
        stored = (first.id, first.duration_minutes)
    editor = SPEC.make_editor(ctx)
    qtbot.addWidget(editor)
    editor.resize(1024, 700)
    editor.show()
    qtbot.waitExposed(editor)
    editor.activateWindow()
    editor.select(stored[0])
    field = editor.detail.minutes
    assert field.value() == stored[1]
    field.setFocus()
    field.selectAll()
    QTest.keyClicks(field, "9999")
    QTest.keyClick(field, Qt.Key.Key_Return)
    assert ctx.extras["messages"][-1] == (
        "Une séquence dure au plus 480 minutes. Rien n'a été modifié."
    )
    assert field.value() == stored[1]
    with store.read() as s:
        assert agenda.list_sequences(s, ctx.workshop_id)[0].duration_minutes == stored[1]
    assert ctx.undo_stack.count() == 0
    # A sensible number still goes through, as one undo step.
    field.selectAll()
    QTest.keyClicks(field, "25")
    QTest.keyClick(field, Qt.Key.Key_Return)
    with store.read() as s:
        assert agenda.list_sequences(s, ctx.workshop_id)[0].duration_minutes == 25
    assert ctx.undo_stack.count() == 1
