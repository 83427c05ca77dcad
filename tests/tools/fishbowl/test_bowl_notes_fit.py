"""The bowl's notes beside the room window at 1024×768 (#13 follow-up: « the bowl notes toolbar
cut at 1024×768 »): the tool gets about 630 px; the note-taker's board, its « Révéler »,
« Tout révéler… », « Tout masquer » and the count of notes shown, and the facilitator's note,
all whole, nothing off the right edge, nothing cut."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kitcop_desktop.domain.clock import FakeClock
from kitcop_desktop.storage import participants
from kitcop_desktop.tools.fishbowl.spec import SPEC as FISHBOWL
from tests.layout_checks import cut_widgets, narrow_fields
from tests.ui.test_polish_fit_and_plurals import impose


def _inside(widget, viewport) -> bool:
    left = widget.mapTo(viewport, widget.rect().topLeft()).x()
    return left >= 0 and left + widget.width() <= viewport.width()


@pytest.mark.parametrize("size", [(630, 620), (800, 620), (630, 480)])
def test_the_notes_tab_shows_every_button_whole_beside_the_room_window(app_look, ctx, qtbot, size):
    with ctx.store.write() as s:
        participants.paste(s, ctx.workshop_id, "Claire\nThomas\nNadia\nPaul\nJeanne\n")
    ctx.extras["clock"] = FakeClock()
    editor = FISHBOWL.make_editor(ctx)
    host = impose(qtbot, editor, *size)  # noqa: F841 - kept alive
    panel = editor.bowl
    panel.new_item()
    panel.side.setCurrentIndex(panel.side.count() - 1)  # « Notes »
    notes = panel.notes
    qtbot.waitUntil(lambda: notes.isVisible())
    qtbot.wait(50)  # laid out
    viewport = notes.parentWidget()  # the viewport of the tab's FitScrollArea
    assert viewport.objectName() == "qt_scrollarea_viewport"
    # Nothing off the right edge (the facilitator's note and its badge ran past it).
    qtbot.waitUntil(lambda: notes.width() <= viewport.width(), timeout=2000)
    assert cut_widgets(notes) == []
    assert narrow_fields(notes, 120) == []
    for button in (notes.reveal_one, notes.reveal_all, notes.hide_all):
        if button.isVisibleTo(notes):
            assert _inside(button, viewport), button.text()


def test_tab_leaves_the_question_and_the_consigne_never_types_a_tab(ctx, qtbot):
    """Found driving Modèle 1 by keys: Tab towards the circle of people stopped in the bowl's
    « Question » and typed tab characters into what the room shows (the round's « Consigne »
    did the same). Tab now moves on, as in every other multi-line field (ui/long_text)."""
    ctx.extras["clock"] = FakeClock()
    editor = FISHBOWL.make_editor(ctx)
    qtbot.addWidget(editor)
    editor.show()
    editor.bowl.new_item()
    editor.bowl.setup_button.setChecked(True)
    for field in (editor.bowl.question, editor.rounds.prompt):
        field.window().activateWindow()
        field.setFocus()
        qtbot.waitUntil(field.hasFocus)
        before = field.toPlainText()
        QTest.keyClick(field, Qt.Key.Key_Tab)
        assert field.toPlainText() == before
        assert "\t" not in field.toPlainText()
        assert not field.hasFocus()
