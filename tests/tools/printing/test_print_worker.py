"""The printing screen's PDFs are made by a child process (the print worker), so reportlab never
loads in the app; leaving « Impression » ends it; a refusal is said in French as before; where
the worker cannot run, the PDF is made in the app as before (#15)."""

from __future__ import annotations

import os

from kitcop_desktop.i18n import current_language, set_language
from kitcop_desktop.storage import workshops
from kitcop_desktop.tools.printing.print_worker import PrintWorker
from kitcop_desktop.tools.printing.spec import SPEC
from tests.printing.pdf_support import reader, text_of


def make(ctx, qtbot):
    editor = SPEC.make_editor(ctx)
    qtbot.addWidget(editor)
    editor.resize(1024, 700)
    return editor


def title_of(ctx) -> str:
    with ctx.store.read() as s:
        return workshops.get(s, ctx.workshop_id).title


def test_the_preview_is_made_by_the_worker_and_ends_with_the_screen(ctx, qtbot):
    editor = make(ctx, qtbot)
    editor.activated()
    qtbot.waitUntil(lambda: editor.pdf is not None, timeout=60_000)
    worker = editor.worker
    assert worker.running and not worker.unavailable
    assert worker.pid() not in (0, os.getpid())  # another process made the PDF
    assert title_of(ctx) in " ".join(text_of(editor.pdf).split())
    assert len(editor.preview.pages) == len(reader(editor.pdf).pages)
    # A second part ticked: the same worker answers again, with both parts.
    pid = worker.pid()
    editor.checks["attendance"].setChecked(True)
    assert editor.refresh() is not None
    assert worker.pid() == pid
    assert "émargement" in text_of(editor.pdf).lower()
    process = worker._process
    with qtbot.waitSignal(process.finished, timeout=30_000):
        editor.deactivated()  # « Impression » left: its memory goes with the worker
    assert not worker.running


def test_a_workshop_gone_is_said_in_french_without_a_pdf(ctx, qtbot):
    editor = make(ctx, qtbot)
    assert editor.refresh() is not None
    with ctx.store.write() as s:
        workshops.trash(s, ctx.workshop_id)
    messages: list[str] = []
    ctx.show_message = messages.append
    editor.checks["attendance"].setChecked(True)
    assert editor.refresh() is None
    assert editor.pdf is None
    assert messages and "Traceback" not in messages[-1]
    assert not editor.worker.unavailable  # the worker answered: it was the workshop


def test_where_the_worker_cannot_run_the_pdf_is_made_in_the_app(ctx, qtbot, tmp_path):
    editor = make(ctx, qtbot)
    # A worker that cannot open its library exits without a word: the app makes the PDF.
    editor.worker = PrintWorker(tmp_path / "absent" / "library.sqlite3")
    assert editor.refresh() is not None
    assert title_of(ctx) in " ".join(text_of(editor.pdf).split())
    assert editor.worker.unavailable and not editor.worker.running
    assert editor.refresh() is not None  # not tried again


def test_the_worker_prints_in_the_app_language(ctx, qtbot):
    editor = make(ctx, qtbot)
    previous = current_language()
    set_language("en")
    try:
        assert editor.refresh() is not None
    finally:
        set_language(previous)
    words = " ".join(text_of(editor.pdf).split())
    assert "Workshop report" in words and "Participation level" in words
