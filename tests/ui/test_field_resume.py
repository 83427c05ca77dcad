"""Reopen where the typing was (#20 item 2): every tool with typed fields says which field had
focus and opens it again, the caret where it was (ui/field_resume.py; the real kill and restart
are in tests/e2e/test_slow_kill_while_typing.py)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QLineEdit

from kitcop_desktop.app import load_tool_specs
from kitcop_desktop.ui import field_resume
from kitcop_desktop.ui.main_window import MainWindow


def window_on(qtbot, store, settings_file, workshop_id: int) -> MainWindow:
    """The app (started again): a new window reading the settings file afresh."""
    settings = QSettings(str(settings_file), QSettings.Format.IniFormat)
    window = MainWindow(store, load_tool_specs(), settings)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.open_workshop(workshop_id)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return window


def pick(editor, tool: str):
    """A typed field of each tool, on an item that is not the first one when there are items."""
    if tool == "workshop":
        return editor.problem_edit
    if tool == "agenda":
        editor.select(editor.model.rows[2].id)
        return editor.detail.instructions
    if tool == "actions":
        editor.list.setCurrentRow(1)
        return editor.fields["description"]
    if tool == "boards":
        return editor.entry.line
    if tool == "fishbowl":
        editor.tabs.setCurrentWidget(editor.bowl)
        editor.bowl.side.setCurrentIndex(editor.bowl.side.count() - 1)  # « Notes »
        return editor.bowl.notes.entries["actions"]
    if tool == "interviews":
        editor.interview_list.setCurrentRow(1)
        editor.pages.setCurrentWidget(editor.report)
        return editor.report.parts["report_levers"]
    raise AssertionError(tool)


@pytest.mark.parametrize(
    "tool", ["workshop", "agenda", "actions", "boards", "fishbowl", "interviews"]
)
def test_the_field_and_its_caret_come_back_in_every_tool(qtbot, store, demo, tmp_path, tool):
    settings_file = tmp_path / "kitcop.ini"
    first = window_on(qtbot, store, settings_file, demo)
    tracker = field_resume.FieldTracker(first)
    first.activate_tool(tool)
    editor = first.workshop_view.current_editor()
    field = pick(editor, tool)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    if isinstance(field, QLineEdit):
        field.setText("Un post-it à moitié")
        field.setCursorPosition(3)
    else:
        field.setPlainText(field.toPlainText() or "Une note assez longue")
        cursor = field.textCursor()
        cursor.setPosition(5)
        field.setTextCursor(cursor)
    spot = editor.field_spot(field)
    assert spot is not None
    tracker.remember(field)
    first.close()

    again = window_on(qtbot, store, settings_file, demo)
    again.activate_tool(tool)  # what ui/resume.py does for the tool on screen
    restored = field_resume.restore(again)
    assert restored is not None
    editor = again.workshop_view.current_editor()
    assert editor.field_spot(restored) == spot
    assert field_resume.caret_of(restored) == (3 if isinstance(field, QLineEdit) else 5)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is restored)


def test_a_field_of_another_tool_or_a_vanished_item_is_not_forced_open(
    qtbot, store, demo, tmp_path
):
    settings_file = tmp_path / "kitcop.ini"
    first = window_on(qtbot, store, settings_file, demo)
    tracker = field_resume.FieldTracker(first)
    first.activate_tool("actions")
    editor = first.workshop_view.current_editor()
    field = pick(editor, "actions")
    field.setFocus()
    tracker.remember(field)
    first.close()
    again = window_on(qtbot, store, settings_file, demo)
    again.activate_tool("boards")  # the facilitator had gone elsewhere
    assert field_resume.restore(again) is None
    # A garbled value is ignored, never an error.
    again.settings.setValue("resume/field", "actions|x|<&>|🙂")
    again.activate_tool("actions")
    assert field_resume.restore(again) is None
