"""A keyboard-only interview: new interview, card, notes question by question, marks, all
autosaved, and nothing lost when the page is left at once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kitcop_desktop.storage import interviews
from kitcop_desktop.tools.interviews.spec import SPEC
from tests.model_tester import assert_model_sound, model_tester

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def editor(qtbot, ctx):
    widget = SPEC.make_editor(ctx)
    qtbot.addWidget(widget)
    widget.resize(1024, 768)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def focused():
    return QApplication.focusWidget()


def stored(ctx, interview_id):
    with ctx.store.read() as s:
        iv = interviews.get(s, interview_id)
        return (
            [a.notes for a in iv.answers],
            iv.free_notes,
            [(m.kind, m.text) for m in iv.marks],
            iv.profession,
        )


def test_spec_is_the_interviews_tool():
    assert (SPEC.key, SPEC.title, SPEC.icon, SPEC.order) == (
        "interviews",
        "Entretiens",
        "interviews",
        5,
    )


def test_keyboard_only_interview_is_autosaved_and_marked(qtbot, ctx, editor):
    editor.new_item()  # Ctrl+N in the shell
    interview_id = editor.interview_id
    assert interview_id is not None
    assert editor.form.title.text() == "Enquêté·e 1"
    # The card opens on the profession, ready to type.
    assert focused() is editor.form.lines["profession"]
    qtbot.keyClicks(focused(), "Plaquiste")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)  # leaving the field stores it
    assert stored(ctx, interview_id)[3] == "Plaquiste"

    # Ctrl+Tab in the interview's pages reaches the note taking, on question 1.
    editor.form.lines["structure"].setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_Tab, CTRL)
    assert editor.pages.currentWidget() is editor.notes
    notes = editor.notes
    qtbot.waitUntil(lambda: focused() is notes.editors[0])
    assert notes.position_label.text() == "Question 1 sur 6"

    qtbot.keyClicks(focused(), "Label RGE depuis 2019")
    qtbot.keyClick(focused(), Qt.Key.Key_Down, CTRL)  # next question, first answer saved
    assert focused() is notes.editors[1]
    assert stored(ctx, interview_id)[0][0] == "Label RGE depuis 2019"
    assert notes.position_label.text() == "Question 2 sur 6"

    qtbot.keyClicks(focused(), "Manque de candidats")
    qtbot.keyClick(focused(), Qt.Key.Key_1, ALT)  # the current line is a frein
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.keyClicks(focused(), "Aides de la Region")
    qtbot.keyClick(focused(), Qt.Key.Key_2, ALT)  # and this one a levier
    assert stored(ctx, interview_id)[2] == [
        ("brake", "Manque de candidats"),
        ("lever", "Aides de la Region"),
    ]
    assert notes.marks_list.count() == 2
    assert focused() is notes.editors[1]  # marking never takes the keyboard away

    # Typing is saved after a short pause, without moving.
    qtbot.keyClicks(focused(), " et du departement")
    qtbot.waitUntil(
        lambda: stored(ctx, interview_id)[0][1].endswith("du departement"),
        timeout=3000,
    )

    # Back to question 1, then all the way to the free notes (past the last question).
    qtbot.keyClick(focused(), Qt.Key.Key_Up, CTRL)
    assert notes.current_index == 0
    for _ in range(10):
        qtbot.keyClick(focused(), Qt.Key.Key_PageDown, CTRL)
    assert notes.position_label.text() == "Après les questions"
    qtbot.keyClicks(focused(), "A rappeler en mars")
    # Leaving the tool at once (no pause) loses nothing.
    editor.hide()
    assert stored(ctx, interview_id)[1] == "A rappeler en mars"
    # Each burst of typing in one field is one undo step on the tool's stack, as each mark is.
    stack = ctx.undo_stack
    assert [stack.text(i) for i in range(stack.count())] == [
        "Nouvel entretien",
        "Modifier : Profession",
        "Notes de la question 1",
        "Notes de la question 2",
        "Marquer un passage : frein",
        "Notes de la question 2",
        "Marquer un passage : levier",
        "Notes de la question 2",
        "Notes libres",
    ]


def test_marking_a_selection_and_removing_a_mark_with_delete(qtbot, ctx, editor):
    editor.new_item()
    notes = editor.notes
    editor.pages.setCurrentWidget(notes)
    field = notes.editors[0]
    field.insertPlainText("Nous manquons de formateurs issus du terrain, hélas.")
    cursor = field.textCursor()
    cursor.setPosition(5)
    cursor.setPosition(44, cursor.MoveMode.KeepAnchor)
    field.setTextCursor(cursor)
    qtbot.keyClick(field, Qt.Key.Key_3, ALT)
    assert stored(ctx, editor.interview_id)[2] == [
        ("difficulty", "manquons de formateurs issus du terrain")
    ]
    notes.marks_list.setFocus()
    notes.marks_list.setCurrentRow(0)
    qtbot.keyClick(notes.marks_list, Qt.Key.Key_Delete)
    assert stored(ctx, editor.interview_id)[2] == []
    ctx.undo_stack.undo()
    assert stored(ctx, editor.interview_id)[2] == [
        ("difficulty", "manquons de formateurs issus du terrain")
    ]


def test_marking_an_empty_line_is_refused_in_french(qtbot, ctx, editor):
    editor.new_item()
    editor.pages.setCurrentWidget(editor.notes)
    qtbot.keyClick(editor.notes.editors[0], Qt.Key.Key_5, ALT)
    assert stored(ctx, editor.interview_id)[2] == []
    assert ctx.extras["messages"][-1].endswith("Rien n'a été modifié.")


def test_huge_and_odd_pasted_notes_are_kept_or_refused_without_loss(qtbot, ctx, editor):
    editor.new_item()
    editor.pages.setCurrentWidget(editor.notes)
    field = editor.notes.editors[0]
    odd = "Cote <b>gras</b> & R&D « guillemets » 🌱\tœ\u0007"
    field.insertPlainText(odd)
    editor.flush()
    assert stored(ctx, editor.interview_id)[0][0] == odd.replace("\u0007", "")
    field.insertPlainText("x" * 25_000)  # over the 20 000 limit
    editor.flush()
    assert "trop long" in ctx.extras["messages"][-1]
    assert "x" * 25_000 in field.toPlainText()  # still on screen, nothing lost
    assert stored(ctx, editor.interview_id)[0][0] == odd.replace("\u0007", "")


def test_timer_is_discreet_and_uses_the_stored_start(qtbot, ctx, store, workshop_id):
    from kitcop_desktop.domain.clock import FakeClock

    clock = FakeClock()
    ctx.extras["clock"] = clock
    widget = SPEC.make_editor(ctx)
    qtbot.addWidget(widget)
    widget.new_item()
    notes = widget.notes
    assert notes.timer_label.text() == "Durée prévue\u00a0: 60 min"
    notes.timer.start()
    clock.advance(50 * 60)
    notes.timer.update_reading()
    assert notes.timer_label.text() == "⏱ 50 min / 60 — bientôt fini"
    # A restart (a new editor) reads the same start from the store.
    clock.advance(15 * 60)
    again = SPEC.make_editor(ctx)
    qtbot.addWidget(again)
    again.notes.load(widget.interview_id)
    assert again.notes.timer_label.text() == "⏱ 65 min / 60 (+5)"


def test_timer_changes_colour_with_its_stage_and_only_then(qtbot, ctx, monkeypatch):
    """Muted while on time, amber near the end, orange-red when over; the label is restyled
    when the stage changes, not at every second (a style sheet relays the whole label out)."""
    from kitcop_desktop.domain.clock import FakeClock
    from kitcop_desktop.ui import theme

    clock = FakeClock()
    ctx.extras["clock"] = clock
    widget = SPEC.make_editor(ctx)
    qtbot.addWidget(widget)
    widget.new_item()
    timer, label = widget.notes.timer, widget.notes.timer_label
    timer.start()
    restyled: list[str] = []
    real_style = theme.style
    monkeypatch.setattr(
        theme, "style", lambda w, look: (restyled.append(look), real_style(w, look))
    )
    seen = []
    for _ in range(70):
        clock.advance(60)
        timer.update_reading()
        seen.append(label.styleSheet())
    assert theme.INK_MUTED in seen[0]  # 1 min of 60
    assert theme.ENDING in seen[50]  # 51 min: « bientôt fini »
    assert theme.WARNING in seen[-1]  # 70 min: over
    assert len(restyled) == 2  # ending, then over: 70 readings, two restylings


def test_the_marks_list_is_a_sound_model(qtbot, ctx, editor, qtlog):
    editor.new_item()
    notes = editor.notes
    tester = model_tester(notes.marks_list.model())
    editor.pages.setCurrentWidget(notes)
    field = notes.editors[0]
    field.insertPlainText("Pas de candidats. Des aides régionales.")
    for start, end, digit in ((0, 17, Qt.Key.Key_1), (18, 39, Qt.Key.Key_2)):
        cursor = field.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, cursor.MoveMode.KeepAnchor)
        field.setTextCursor(cursor)
        qtbot.keyClick(field, digit, Qt.KeyboardModifier.AltModifier)
    assert notes.marks_list.count() == 2
    notes.marks_list.setFocus()
    notes.marks_list.setCurrentRow(1)
    qtbot.keyClick(notes.marks_list, Qt.Key.Key_Delete)
    assert notes.marks_list.count() == 1
    assert notes.marks_list.currentRow() == -1  # nothing chosen for a second Suppr
    ctx.undo_stack.undo()
    assert notes.marks_list.count() == 2
    assert tester is not None
    assert_model_sound(qtlog)
