"""The real app in a child process, driven from inside: used by the kill-while-typing tests.

    python typing_app.py DB WORKSHOP_ID SHOW TYPE
        SHOW: a field (FIELDS) whose text is printed first (« text <json> »), or « - »;
        TYPE: a field then typed in, one key every 40 ms until the process is killed
              (« ready <json of the text before> », then « key N SECONDS » after each key and
              « stored N » each time the app's autosave stores that field, N keys typed),
              or « - » to quit once SHOW is printed;
    python typing_app.py DB WORKSHOP_ID SHOW TYPE CARET
        the same, typing from that position in the field's text (not from its end);
    python typing_app.py DB WORKSHOP_ID where
        no navigation: prints what start-up put on screen (« where <json> ») and quits.

The app is started by `app.run_gui`, as `kitcop` starts it (settings, lock, resume and all);
the driver waits for its main window, then acts through the widgets, as a user would. Showing
the field killed last and typing in the next one in the same process halves the starts.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QLineEdit  # noqa: E402

from kitcop_desktop.app import make_application, run_gui  # noqa: E402
from kitcop_desktop.ui.autosave import activity  # noqa: E402

KEY_MS = 40
KEYS_PER_SECOND = 1000 // KEY_MS  # a second of typing, counted in keys
CARET: int | None = None  # where typing starts; None: at the end of the field
# What is typed: plain ASCII (QTest aborts on other characters), no double blank.
TEXT = (
    "il faut des tuteurs formes dans chaque entreprise et du temps pour les accueillir "
    "sinon les jeunes partent avant la fin du contrat "
) * 4


def _open(window, key: str, ref: int | None = None):
    window.activate_tool(key, ref)
    return window.workshop_view.current_editor()


def _interview_note(window, question: int):
    editor = _open(window, "interviews")
    editor.interview_list.setCurrentRow(0)
    editor.pages.setCurrentWidget(editor.notes)
    editor.notes.go_to(question)
    return editor.notes.editors[question]


def _agenda_instructions(window):
    editor = _open(window, "agenda")
    editor.prepare.table.selectRow(1)
    return editor.prepare.detail.instructions


def _action_description(window):
    editor = _open(window, "actions")
    editor.list.setCurrentRow(0)
    return editor.fields["description"]


def _round_word(window):
    editor = _open(window, "fishbowl")
    editor.tabs.setCurrentWidget(editor.rounds)
    rounds = editor.rounds
    index = next(
        i for i in range(rounds.picker.count()) if "météo" in rounds.picker.itemText(i).lower()
    )
    rounds.picker.setCurrentIndex(index)
    return rounds.word


def _fishbowl_note(window):
    editor = _open(window, "fishbowl")
    editor.tabs.setCurrentWidget(editor.bowl)
    return editor.bowl.notes.entries["levers"]


FIELDS = {
    "workshop_problem": lambda w: _open(w, "workshop").problem_edit,
    "agenda_instructions": _agenda_instructions,
    "action_description": _action_description,
    "board_entry": lambda w: _open(w, "boards").entry.line,
    "fishbowl_note": _fishbowl_note,
    "round_word": _round_word,
    "interview_note": lambda w: _interview_note(w, 0),
    "interview_note_3": lambda w: _interview_note(w, 2),
}


def text_of(field) -> str:
    return field.text() if isinstance(field, QLineEdit) else field.toPlainText()


def say(*words) -> None:
    print(*words, flush=True)


def main_window():
    from kitcop_desktop.ui.main_window import MainWindow

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow) and widget.isVisible():
            return widget
    return None


def drive(workshop_id: int, show: str, typed: str) -> None:
    window = main_window()
    if window is None:
        QTimer.singleShot(50, lambda: drive(workshop_id, show, typed))
        return
    window.activateWindow()
    if show == "where":
        QTimer.singleShot(300, lambda: report_where(window))
        return
    if window.workshop_view is None or window.workshop_view.ctx.workshop_id != workshop_id:
        window.open_workshop(workshop_id)
    if show != "-":
        say("text", json.dumps(text_of(FIELDS[show](window))))
    if typed == "-":
        QApplication.instance().quit()
        return
    field = FIELDS[typed](window)
    field.setFocus()
    if isinstance(field, QLineEdit):
        field.end(False)
    else:
        field.moveCursor(field.textCursor().MoveOperation.End)
    if CARET is not None:  # typing in the middle of the text
        cursor = field.textCursor()
        cursor.setPosition(CARET)
        field.setTextCursor(cursor)
    say("ready", json.dumps(text_of(field)))
    keys = iter(TEXT)
    started = time.monotonic()
    timer = QTimer(window, interval=KEY_MS)
    count = [0]  # keys typed so far

    def stored(widget) -> None:
        if widget is field:
            say("stored", count[0])

    activity.stored.connect(stored)

    def one_key() -> None:
        key = next(keys, None)
        if key is None:
            timer.stop()
            return
        QTest.keyClicks(field, key)
        count[0] += 1
        say("key", count[0], f"{time.monotonic() - started:.3f}")

    timer.timeout.connect(one_key)
    timer.start()


def report_where(window) -> None:
    focus = QApplication.focusWidget()
    editor = window.workshop_view.current_editor() if window.workshop_view else None
    spot = editor.field_spot(focus) if hasattr(editor, "field_spot") and focus else None
    where = {
        "workshop": window.workshop_view.ctx.workshop_id if window.workshop_view else None,
        "tool": getattr(window.workshop_view, "current_key", None),
        "spot": list(spot) if spot else None,
        "focus": type(focus).__name__ if focus else None,
        "text": text_of(focus)
        if isinstance(focus, QLineEdit) or hasattr(focus, "toPlainText")
        else None,
        "caret": (
            focus.cursorPosition()
            if isinstance(focus, QLineEdit)
            else focus.textCursor().position()
            if hasattr(focus, "textCursor")
            else None
        ),
    }
    say("where", json.dumps(where))
    QApplication.instance().quit()


def main() -> int:
    db, workshop_id, show = sys.argv[1:4]
    typed = sys.argv[4] if len(sys.argv) > 4 else "-"
    global CARET
    CARET = int(sys.argv[5]) if len(sys.argv) > 5 else None
    app = make_application()
    QTimer.singleShot(0, lambda: drive(int(workshop_id), show, typed))
    code = run_gui(Path(db))
    del app
    return code


if __name__ == "__main__":
    sys.exit(main())
