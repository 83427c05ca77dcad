"""The one autosave (ui/autosave.py): what is typed without a pause is stored at the latest
every second, a burst of typing in one field is one undo step on the tool's stack, and leaving
the field, the tool or the app stores at once."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kitcop_desktop.storage import workshops
from kitcop_desktop.ui.workshop_page import WorkshopPage

WORDS = "le manque de tuteurs freine les embauches en alternance dans le batiment "


def problem(store, workshop_id) -> str:
    with store.read() as s:
        return workshops.get(s, workshop_id).problem_statement


def type_without_pause(qtbot, field, text: str, every_ms: int = 40, sample=None):
    """Type `text` one key every `every_ms`, as a fast typist does; after each key, `sample()`
    is recorded with the time since the first key. Returns [(seconds, keys typed, sample)]."""
    samples = []
    keys = iter(text)
    started = time.monotonic()
    timer = QTimer(interval=every_ms)

    def one_key() -> None:
        key = next(keys, None)
        if key is None:
            timer.stop()
            return
        QTest.keyClicks(field, key)
        samples.append((time.monotonic() - started, len(samples) + 1, sample() if sample else None))

    timer.timeout.connect(one_key)
    timer.start()
    qtbot.waitUntil(lambda: not timer.isActive(), timeout=len(text) * every_ms * 4 + 2000)
    return samples


def test_typing_without_a_pause_is_stored_at_the_latest_every_second(qtbot, ctx):
    page = WorkshopPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.problem_edit.setFocus()
    samples = type_without_pause(
        qtbot, page.problem_edit, WORDS[:60], sample=lambda: problem(ctx.store, ctx.workshop_id)
    )
    typed_at = [(t, n) for t, n, _ in samples]
    late = [
        (round(t, 2), n, len(stored))
        for t, n, stored in samples
        if t > 1.0 and len(stored) < max((k for s, k in typed_at if s <= t - 1.0), default=0)
    ]
    assert late == [], "more than the last second of typing was not stored yet"
    assert len(samples) == 60 and samples[-1][0] > 2.0  # the typing really lasted


def test_a_paragraph_typed_with_pauses_is_one_undo_step(qtbot, ctx):
    page = WorkshopPage(ctx)
    qtbot.addWidget(page)
    page.show()
    field = page.problem_edit
    field.setFocus()
    for chunk in ("Comment faire ", "pour recruter ", "des apprentis ?"):
        QTest.keyClicks(field, chunk)
        typed = field.toPlainText().strip()
        qtbot.waitUntil(lambda t=typed: problem(ctx.store, ctx.workshop_id) == t, timeout=3000)
    assert problem(ctx.store, ctx.workshop_id) == "Comment faire pour recruter des apprentis ?"
    assert field.toPlainText() == "Comment faire pour recruter des apprentis ?"  # no blank eaten
    assert ctx.undo_stack.count() == 1
    assert ctx.undo_stack.undoText() == "Modifier la problématique"
    ctx.undo_stack.undo()
    assert problem(ctx.store, ctx.workshop_id) == ""
    assert field.toPlainText() == ""
    ctx.undo_stack.redo()
    assert problem(ctx.store, ctx.workshop_id) == "Comment faire pour recruter des apprentis ?"


def test_leaving_the_field_stores_at_once_and_ends_the_undo_step(qtbot, ctx):
    page = WorkshopPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    page.problem_edit.setFocus()
    qtbot.waitUntil(page.problem_edit.hasFocus)
    QTest.keyClicks(page.problem_edit, "Premier jet")
    page.notes_edit.setFocus()  # no pause: the field is left
    assert problem(ctx.store, ctx.workshop_id) == "Premier jet"
    QTest.keyClicks(page.notes_edit, "Salle 12")
    page.problem_edit.setFocus()
    QTest.keyClicks(page.problem_edit, ", puis le second")
    page.hide()  # another tool, the window closing: stored at once
    assert problem(ctx.store, ctx.workshop_id) == "Premier jet, puis le second"
    stack = ctx.undo_stack
    assert [stack.text(i) for i in range(stack.count())] == [
        "Modifier la problématique",
        "Modifier les notes",
        "Modifier la problématique",
    ]


def test_quitting_stores_every_field_still_waiting(qtbot, ctx):
    page = WorkshopPage(ctx)
    qtbot.addWidget(page)
    page.title_edit.setText("Atelier de Vienne")  # typed, no pause, still focused
    assert page.title_edit.text() == "Atelier de Vienne"
    QApplication.instance().aboutToQuit.emit()
    with ctx.store.read() as s:
        assert workshops.get(s, ctx.workshop_id).title == "Atelier de Vienne"


def test_a_one_line_field_typed_without_pause_is_stored_too(qtbot, ctx):
    page = WorkshopPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.title_edit.setFocus()
    page.title_edit.selectAll()

    def title() -> str:
        with ctx.store.read() as s:
            return workshops.get(s, ctx.workshop_id).title

    samples = type_without_pause(qtbot, page.title_edit, WORDS[:40], sample=title)
    assert [n for t, n, stored in samples if t < 1.2 and stored != "Atelier de test"], (
        "nothing stored in the first second"
    )


def test_typing_for_a_sequence_undone_meanwhile_is_dropped_without_an_error(qtbot, ctx):
    """Found by the random-click soak: typing waits to be stored, Ctrl+Z takes the séquence
    away, the detail shows another row and stores what waited: no exception, nothing stored."""
    from kitcop_desktop.storage import agenda
    from kitcop_desktop.tools.agenda.spec import SPEC

    editor = SPEC.make_editor(ctx)
    qtbot.addWidget(editor)
    editor.show()
    editor.new_item()
    field = editor.detail.instructions
    field.setFocus()
    field.insertPlainText("Consigne à moitié tapée")
    assert field.autosave.pending
    ctx.undo_stack.undo()  # « Ajouter une séquence »: the séquence is gone
    with ctx.store.read() as s:
        assert agenda.list_sequences(s, ctx.workshop_id) == []
