"""The window shown at once while the library opens (imports and the database take ~0.5 s).

It imports Qt only, so it appears as fast as a bare Qt window; the main window replaces it at
the same place and size.

It has the keyboard while the app comes back (after a crash the facilitator presses the clicker
at once): the keys pressed then are kept, in order, and `hand_keys_to(window)` sends them to the
restored main window once it is where the facilitator was (the run loaded, the room screen up),
where the live keys' layer takes them as if they had been pressed there. A key that reaches this
window later (read by Qt only once the event loop runs) goes straight to the main window. Each
key is delivered once; a held key's repeats are kept as repeats (the layer drops them).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from kitcop_desktop import APP_NAME
from kitcop_desktop.i18n import tr

# (type, key, modifiers, text, auto-repeat, count) of a key event, to send it again later.
KeyFacts = tuple[QEvent.Type, int, Qt.KeyboardModifier, str, bool, int]


HANDOVER_MS = 3000  # closed by then even if no window ever gets the keyboard (X without a WM)


class StartupWindow(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(APP_NAME)
        self.setGeometry(default_geometry())
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        title = QLabel(APP_NAME)
        title.setObjectName("PageTitle")
        title.setStyleSheet("font-size: 22pt;")
        message = QLabel(tr("Ouverture de votre bibliothèque d'ateliers…"))
        message.setObjectName("PageSubtitle")
        for label in (title, message):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(title)
        layout.addWidget(message)
        layout.addStretch(1)
        self.pending: list[KeyFacts] = []  # keys pressed before there was a main window
        self._heir: QWidget | None = None  # the main window, once it took over

    def event(self, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease) and isinstance(
            event, QKeyEvent
        ):
            facts: KeyFacts = (
                event.type(),
                event.key(),
                event.modifiers(),
                event.text(),
                event.isAutoRepeat(),
                event.count(),
            )
            if self._heir is None:
                self.pending.append(facts)
            else:
                _send(self._heir, facts)
            event.accept()
            return True
        return super().event(event)

    def hand_keys_to(self, window: QWidget) -> None:
        """The main window is ready: the keys pressed until now go to it, in order, once; those
        that still arrive here go to it too. This window closes once the main window has the
        keyboard (until then the system sends the keys here, not nowhere)."""
        self._heir = window
        pending, self.pending = self.pending, []
        for facts in pending:
            _send(window, facts)
        if window.isActiveWindow():
            self.close()
        else:
            window.installEventFilter(self)
            QTimer.singleShot(HANDOVER_MS, self, self._handed_over)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if obj is self._heir and event.type() == QEvent.Type.WindowActivate:
            self._handed_over()
        return False

    def _handed_over(self) -> None:
        if self._heir is not None:
            self._heir.removeEventFilter(self)
        self.close()


def _send(window: QWidget, facts: KeyFacts) -> None:
    """A key to the window's focused widget (or the window), through the app's event filters,
    as if it had been pressed there."""
    kind, key, mods, text, repeat, count = facts
    target = window.focusWidget() or window
    QApplication.sendEvent(target, QKeyEvent(kind, key, mods, text, repeat, count))


def default_geometry(width: int = 1200, height: int = 800) -> QRect:
    """The preferred size, shrunk to the screen's free area (a 1024×768 laptop wired to a
    projector in mirror mode must see the whole window), centred."""
    screen = QGuiApplication.primaryScreen()
    if screen is None:
        return QRect(0, 0, width, height)
    free = screen.availableGeometry()
    # Leave room for the window frame the window manager adds around it.
    w = min(width, free.width() - 16)
    h = min(height, free.height() - 48)
    rect = QRect(0, 0, w, h)
    rect.moveCenter(free.center())
    return rect
