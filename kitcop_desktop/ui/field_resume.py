"""Where the typing was: the field that had focus and its caret, so that a restart after a
crash or a kill opens on it — the tool, the item, the field, the caret where it was.

One value of ui/resume.py's state, written (and synced) when a text field gains or loses focus
and each time the autosave stores it, so at most a second old while typing:

    "field"   str   "<tool>|<item>|<field>|<caret>": the tool key ("workshop" for the workshop
                    page), the item's id (empty when the tool has no items), the field in the
                    tool's words (« answer:12 », « description »…), the caret's position

A tool takes part with two editor hooks (the shell calls neither when they are missing):

    field_spot(widget) -> (item | None, name) | None   which field of the tool `widget` is
    restore_field(item | None, name) -> QWidget | None   show that item, return that field

`restore(window)` runs at start-up after the tool on screen is back (ui/resume.py): when the
field belonged to that tool, it gets the focus and the caret.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from kitcop_desktop.ui import resume
from kitcop_desktop.ui.autosave import activity
from kitcop_desktop.ui.tool_page import ResumesFields, safely

KEY = "field"
TEXT_FIELDS = (QLineEdit, QPlainTextEdit, QTextEdit)


@dataclass(frozen=True)
class FieldSpot:
    tool: str
    item: int | None
    name: str
    caret: int

    def text(self) -> str:
        return f"{self.tool}|{'' if self.item is None else self.item}|{self.name}|{self.caret}"

    @classmethod
    def parse(cls, value) -> FieldSpot | None:
        parts = str(value or "").split("|")
        if len(parts) != 4 or not parts[0] or not parts[2] or not parts[3].isdigit():
            return None
        if parts[1] and not parts[1].isdigit():
            return None
        return cls(parts[0], int(parts[1]) if parts[1] else None, parts[2], int(parts[3]))


def caret_of(widget: QWidget) -> int:
    if isinstance(widget, QLineEdit):
        return widget.cursorPosition()
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return widget.textCursor().position()
    return 0


def put_caret(widget: QWidget, caret: int) -> None:
    if isinstance(widget, QLineEdit):
        widget.setCursorPosition(min(caret, len(widget.text())))
        return
    if not isinstance(widget, QPlainTextEdit | QTextEdit):
        return
    cursor = widget.textCursor()
    cursor.setPosition(min(caret, widget.document().characterCount() - 1))
    widget.setTextCursor(cursor)
    widget.ensureCursorVisible()


class FieldTracker(QObject):
    """Writes where the typing is, for as long as the window lives."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        activity.stored.connect(self.remember)

    def _focus_changed(self, old, new) -> None:
        for widget in (old, new):  # the caret where the old field was left, then the new one
            if isinstance(widget, TEXT_FIELDS):
                self.remember(widget)

    def remember(self, widget) -> None:
        view = getattr(self.window, "workshop_view", None)
        if view is None or not isinstance(widget, TEXT_FIELDS) or not widget.isVisible():
            return
        editor = view.current_editor()
        spot = safely(editor.field_spot, widget) if isinstance(editor, ResumesFields) else None
        if spot is None:
            return
        item, name = spot
        here = FieldSpot(view.current_key, item, name, caret_of(widget))
        resume.save(self.window.settings, KEY, here.text())


def restore(window) -> QWidget | None:
    """At start-up: the field that had focus in the tool on screen, caret where it was."""
    view = getattr(window, "workshop_view", None)
    state = resume.load(window.settings)
    spot = FieldSpot.parse(state.get(KEY))
    if (
        view is None
        or spot is None
        or spot.tool != view.current_key
        or state.get("db") != str(window.store.path)
        or state.get("workshop") != view.ctx.workshop_id
    ):
        return None
    editor = view.current_editor()
    if not isinstance(editor, ResumesFields):
        return None
    widget = safely(editor.restore_field, spot.item, spot.name)
    if not isinstance(widget, TEXT_FIELDS):
        return None
    widget.setFocus()
    put_caret(widget, spot.caret)
    return widget
