"""Ctrl+Z and Ctrl+Shift+Z / Ctrl+Y reach the workshop's undo stack from a one-line field.

A QLineEdit claims the undo and redo keys for its own typing whenever it has focus, even when
it has nothing of its own to undo: with the cursor in a search field, « Rétablir » did nothing.
This application-wide filter lets the field keep the key only while it has typing of its own
to undo or redo; otherwise the key goes to the window's Annuler / Rétablir actions.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLineEdit

REDO_KEYS = (QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y"))


def _is_undo(event) -> bool:
    return event.matches(QKeySequence.StandardKey.Undo)


def _is_redo(event) -> bool:
    if event.matches(QKeySequence.StandardKey.Redo):
        return True
    pressed = QKeySequence(event.keyCombination())
    return any(pressed.matches(k) == QKeySequence.SequenceMatch.ExactMatch for k in REDO_KEYS)


class UndoKeysFilter(QObject):
    """Installed on the application by the main window."""

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(watched, QLineEdit):
            return False
        if _is_undo(event):
            own = watched.isUndoAvailable() and not watched.isReadOnly()
        elif _is_redo(event):
            own = watched.isRedoAvailable() and not watched.isReadOnly()
        else:
            return False
        if own:
            return False  # the field undoes its own typing first, as any text field does
        event.ignore()
        return True  # not claimed: the window's shortcut acts
