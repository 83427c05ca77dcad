"""The interviews editor: list, card, real name kept apart, undo that loses nothing, erasing
for good (no trace in the database file nor its WAL), search and clicker keys."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent

from kitcop_desktop.storage import interviews
from kitcop_desktop.tools.interviews.spec import SPEC
from tests.model_tester import assert_model_sound, model_tester


@pytest.fixture
def editor(qtbot, ctx):
    widget = SPEC.make_editor(ctx)
    qtbot.addWidget(widget)
    widget.resize(1024, 768)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def listed(editor) -> list[str]:
    view = editor.interview_list
    return [view.row_text(i) for i in range(view.count()) if not view.isRowHidden(i)]


def test_kits_guides_are_there_and_new_interviews_are_pseudonyms(ctx, editor):
    guides = [editor.guide_combo.itemText(i) for i in range(editor.guide_combo.count())]
    assert guides == [
        "Entreprises engagées",
        "Métiers, formation et transition",
        "Sans guide (notes libres)",
    ]
    editor.new_item()
    editor.guide_combo.setCurrentIndex(2)  # no guide: free notes only
    editor.new_item()
    assert [t.split(" · ")[0] for t in listed(editor)] == ["○ Enquêté·e 1", "○ Enquêté·e 2"]
    assert editor.form.guide_label.text() == "Sans guide\u00a0: notes libres seulement"
    assert len(editor.notes.editors) == 1  # the free notes


def test_real_name_is_masked_kept_apart_and_never_listed(qtbot, ctx, editor):
    editor.new_item()
    name = editor.form.real_name
    assert name.echoMode() == name.EchoMode.Password
    name.setFocus()
    name.insert("Zoé Lambert")
    editor.form.lines["profession"].setFocus()  # leaving the field stores it
    with ctx.store.read() as s:
        assert interviews.real_name(s, editor.interview_id) == "Zoé Lambert"
        summary = interviews.list_interviews(s, ctx.workshop_id)[0]
    assert "Zoé" not in repr(summary)
    assert not any("Zoé" in text for text in listed(editor))
    editor.form.show_name.click()
    assert name.echoMode() == name.EchoMode.Normal


def test_card_fields_are_stored_and_undone_one_by_one(qtbot, ctx, editor):
    editor.new_item()
    form = editor.form
    form.lines["sector"].setFocus()
    form.lines["sector"].insert("Bâtiment <&> 🌱")
    form.lines["territory"].setFocus()
    form.minutes.setValue(90)
    form.minutes.editingFinished.emit()
    form.consent.click()
    with ctx.store.read() as s:
        iv = interviews.get(s, editor.interview_id)
        assert (iv.sector, iv.planned_minutes, iv.consent_to_record) == (
            "Bâtiment <&> 🌱",
            90,
            True,
        )
    ctx.undo_stack.undo()
    ctx.undo_stack.undo()
    assert not form.consent.isChecked()
    assert form.minutes.value() == 60
    assert form.lines["sector"].text() == "Bâtiment <&> 🌱"


def test_undoing_a_new_interview_never_loses_what_was_typed(qtbot, ctx, editor):
    editor.new_item()
    interview_id = editor.interview_id
    editor.pages.setCurrentWidget(editor.notes)
    editor.notes.editors[0].insertPlainText("Des notes précieuses")
    editor.flush()
    assert ctx.undo_stack.undoText() == "Notes de la question 1"  # typing is one undo step
    ctx.undo_stack.undo()
    assert editor.notes.editors[0].toPlainText() == ""
    ctx.undo_stack.undo()  # « Nouvel entretien »
    assert listed(editor) == []
    ctx.undo_stack.redo()
    ctx.undo_stack.redo()
    assert len(listed(editor)) == 1
    with ctx.store.read() as s:
        assert interviews.get(s, interview_id).answers[0].notes == "Des notes précieuses"
    assert editor.interview_id == interview_id
    assert editor.notes.editors[0].toPlainText() == "Des notes précieuses"


def test_erasing_an_interviewee_leaves_no_trace_in_the_file_nor_the_wal(
    qtbot, ctx, editor, db_path
):
    name = "Zéphyrine Quasimodo-Brandt"
    secret = "Secret-de-fabrication-XK42"
    editor.new_item()
    editor.new_item()
    kept_id = editor.interview_id
    editor.focus_item(kept_id - 1)
    erased_id = editor.interview_id
    editor.form.real_name.setFocus()
    editor.form.real_name.insert(name)
    editor.form.lines["profession"].setFocus()
    editor.pages.setCurrentWidget(editor.notes)
    editor.notes.editors[0].insertPlainText(secret)
    editor.notes.mark("lever")
    editor.flush()
    raw = db_path.read_bytes() + db_path.with_name(db_path.name + "-wal").read_bytes()
    assert name.encode() in raw and secret.encode() in raw  # the check is not vacuous

    summary = editor.erase_summary(erased_id)
    assert "Enquêté·e 1" in summary and "son nom réel" in summary
    assert "1 passage marqué" in summary and "ne pourra pas être annulé" in summary
    assert editor.erase_current(confirm=False)

    for path in (db_path, db_path.with_name(db_path.name + "-wal")):
        if path.exists():
            data = path.read_bytes()
            assert name.encode() not in data, path.name
            assert secret.encode() not in data, path.name
    assert ctx.undo_stack.count() == 0  # no undo step keeps a copy either
    assert [t.split(" · ")[0] for t in listed(editor)] == ["○ Enquêté·e 2"]
    assert editor.interview_id == kept_id
    assert "effacés définitivement" in ctx.extras["messages"][-1]


def test_search_filters_by_profession_sector_or_territory(qtbot, ctx, editor):
    with ctx.store.write() as s:
        guide_id = interviews.list_guides(s, ctx.workshop_id)[0].id
        interviews.create_interview(s, ctx.workshop_id, guide_id, profession="Plaquiste")
        interviews.create_interview(s, ctx.workshop_id, guide_id, territory="Nord-Isère")
    editor.refresh()
    editor.search()  # Ctrl+F
    assert editor.filter.hasFocus()
    editor.filter.insert("isère")
    assert [t.split(" · ")[0] for t in listed(editor)] == ["○ Enquêté·e 2"]
    editor.filter.clear()
    assert len(listed(editor)) == 2


def test_clicker_keys_step_through_questions_only_while_taking_notes(qtbot, ctx, editor):
    editor.new_item()
    page_down = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_PageDown, Qt.KeyboardModifier.NoModifier)
    page_up = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_PageUp, Qt.KeyboardModifier.NoModifier)
    assert not editor.handle_room_key(page_down)  # on the card: not ours
    editor.pages.setCurrentWidget(editor.notes)
    assert not editor.left.isVisible()  # taking notes uses the whole width
    assert editor.handle_room_key(page_down)
    assert editor.handle_room_key(page_down)
    assert editor.notes.current_index == 2
    assert editor.handle_room_key(page_up)
    assert editor.notes.current_index == 1
    editor.pages.setCurrentWidget(editor.form)
    assert editor.left.isVisible()


def test_planned_minutes_typed_too_big_are_refused_never_cut(qtbot, ctx, editor):
    """A plain spin box (5 to 180) kept « 18 » of « 1800 » without a word; the field now
    refuses the whole number with the limit the kit gives."""
    from PySide6.QtTest import QTest

    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    editor.new_item()
    box = editor.form.minutes
    before = box.value()
    steps = ctx.undo_stack.count()
    for typed, message in (
        ("1800", "Un entretien dure au plus 180 minutes (le kit conseille 30 à 90). "),
        ("2", "Un entretien dure au moins 5 minutes. "),
    ):
        box.setFocus()
        box.selectAll()
        QTest.keyClicks(box, typed)
        QTest.keyClick(box, Qt.Key.Key_Return)
        assert ctx.extras["messages"][-1] == message + "Rien n'a été modifié."
        assert box.value() == before
    with ctx.store.read() as s:
        assert interviews.get(s, editor.interview_id).planned_minutes == before
    assert ctx.undo_stack.count() == steps


def test_the_interviews_list_is_a_sound_model_and_keeps_the_interview_chosen(ctx, editor, qtlog):
    tester = model_tester(editor.interview_list.model())
    for _ in range(3):
        editor.new_item()
    assert len(listed(editor)) == 3
    editor.interview_list.setCurrentRow(1)
    chosen = editor.interview_id
    ctx.hub.notify("interviews", ctx.workshop_id)  # another view changed something
    assert editor.interview_id == chosen and editor.interview_list.currentRow() == 1
    editor.filter.setText("Enquêté·e 3")
    assert len(listed(editor)) == 1
    editor.filter.setText("")
    ctx.undo_stack.undo()  # the third interview goes
    assert len(listed(editor)) == 2
    assert tester is not None
    assert_model_sound(qtlog)
