"""Keys that move through a form the way a facilitator expects, in every window of the app.

- **Entrée presses the button that has the keyboard**, as Espace does. Qt's push buttons answer
  Entrée only in a dialog (its « default » buttons): in the main window, a facilitator who
  Tabbed to « Nouvel atelier » and pressed Entrée saw nothing happen — and in front of a room,
  a key that does nothing reads as a frozen app. Dialogs keep Qt's own rule (Entrée is their
  default button: « Créer », « OK »…). During a run no key presses a button (docs/ux.md: a
  key meant for the run never does something else in front of the room).
- **Tab leaves a date or an hour box.** Qt's date and time boxes take Tab to walk their own
  parts: « mardi 8 décembre 2026 » took four Tabs, and the two hours four more, on the way
  from the title to « Créer l'atelier ». ← and → still move between the parts, digits still
  fill them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QDateTimeEdit, QDialog, QPushButton, QToolButton

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
TAB_KEYS = (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
# A modifier changes the key's meaning (Ctrl+Entrée sends a form, Maj+Entrée a new line).
PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)


def presses(watched: QObject, event: QKeyEvent) -> bool:
    """Whether Entrée on `watched` should click it (a button outside a dialog, ready to click)."""
    if event.key() not in ENTER_KEYS or event.modifiers() not in PLAIN or event.isAutoRepeat():
        return False
    if not isinstance(watched, (QPushButton, QToolButton)):
        return False
    if not (watched.isEnabled() and watched.isVisible() and watched.hasFocus()):
        return False
    return not isinstance(watched.window(), QDialog)


def leaves(watched: QObject, event: QKeyEvent) -> bool:
    """Whether this Tab (or Maj+Tab) is one a date or hour box would keep for its parts."""
    if event.key() not in TAB_KEYS or not isinstance(watched, QDateTimeEdit):
        return False
    shift_only = event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
    return not shift_only and watched.parentWidget() is not None


class FieldKeys(QObject):
    """Installed on the application for key presses (ui/app_events); `run_exists()` says
    whether a run goes on (then Entrée presses nothing)."""

    def __init__(self, parent: QObject, run_exists: Callable[[], bool]) -> None:
        super().__init__(parent)
        self._run_exists = run_exists

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        if event.type() != QEvent.Type.KeyPress:
            return False
        if presses(watched, event) and not self._run_exists():
            button: QAbstractButton = watched
            button.animateClick()  # the button is seen going down, as with Espace
            return True
        if leaves(watched, event):
            # The box's parent takes the Tab as any widget does: the next field (Qt's own
            # focus chain, Maj+Tab the one before).
            parent = watched.parentWidget()
            forward = event.key() == Qt.Key.Key_Tab and not (
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            )
            key = Qt.Key.Key_Tab if forward else Qt.Key.Key_Backtab
            mods = Qt.KeyboardModifier.NoModifier if forward else Qt.KeyboardModifier.ShiftModifier
            QCoreApplication.sendEvent(parent, QKeyEvent(QEvent.Type.KeyPress, key, mods))
            return True
        return False
