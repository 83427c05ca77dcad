"""One screen only: the room window beside the control window, never over it, and a banner
that says how to extend the display so the room screen goes fullscreen on the projector.

`OneScreenLayout` is owned by the main window: when the room screen is shown as a window on
the control window's own screen, it narrows the control window to the left of the room
window (remembering its geometry, given back when the room window closes or a projector
appears) and shows the banner. A projector plugged in (or « Étendre » chosen) while the room
window is up sends it fullscreen there at once.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QByteArray, QEvent, QObject, QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QFrame, QHBoxLayout, QLabel, QWidget

from kitcop_desktop.i18n import tr, tr_later
from kitcop_desktop.ui import app_events, theme

# How each system extends the display to a second screen (French, as its menus say).
EXTEND_HINTS = {
    "win32": tr_later("touches Windows + P, puis « Étendre »"),
    "darwin": tr_later("Réglages Système › Moniteurs, puis « Étendre » (pas « Recopie »)"),
    "linux": tr_later(
        "paramètres d'affichage › Écrans, « Joindre » ou « Étendre » (pas « Miroir »)"
    ),
}
# The control window never gets narrower than this beside the room window (1024 − 320).
CONTROL_MIN_WIDTH = 700


def room_geometry(available: QRect) -> QRect:
    """The room window on the control window's screen: 4:3 in the top-right corner, a third
    of the width, leaving the control window at least CONTROL_MIN_WIDTH (320 px at least)."""
    width = max(320, min(available.width() // 3, available.width() - CONTROL_MIN_WIDTH))
    height = min(available.height(), width * 3 // 4)
    return QRect(available.right() - width + 1, available.top(), width, height)


def extend_hint(platform: str | None = None) -> str:
    platform = platform or sys.platform
    key = "win32" if platform.startswith("win") else platform
    return tr(EXTEND_HINTS.get(key, EXTEND_HINTS["linux"]))


def banner_text(platform: str | None = None) -> str:
    return tr(
        "<b>Un seul écran.</b> L'écran de salle est la fenêtre à droite (double-clic : plein "
        "écran, Échap : revenir). Pour le projeter seul sur le vidéoprojecteur : {hint}."
    ).format(hint=extend_hint(platform))


class OneScreenBanner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("OneScreenBanner")
        theme.style(self, theme.ONE_SCREEN_BANNER)
        self.label = QLabel(banner_text())
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addWidget(self.label, 1)
        self.hide()


class OneScreenLayout(QObject):
    """Keeps the room window and the control window side by side on a single screen."""

    def __init__(self, control: QWidget, room, banner: OneScreenBanner) -> None:
        super().__init__(control)
        self.control = control
        self.room = room
        self.banner = banner
        self._saved: QByteArray | None = None
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenAdded.connect(self._screens_changed)
            app.screenRemoved.connect(self._screens_changed)
        app_events.install(self, QEvent.Type.Show)  # dialogs open over the control window

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Show and isinstance(obj, QDialog) and obj.isWindow():
            self.keep_off_the_room(obj)
        return False

    def keep_off_the_room(self, dialog: QWidget) -> None:
        """A dialog (F1, a message, a file chooser) that would show over the room screen is
        moved over the control window, shrunk to fit it if needed."""
        room = self.room
        if not room.isVisible() or not dialog.frameGeometry().intersects(room.frameGeometry()):
            return
        target = self.control.frameGeometry()
        width = min(dialog.width(), max(200, target.width() - 24))
        height = min(dialog.height(), max(150, target.height() - 48))
        dialog.resize(width, height)
        frame = dialog.frameGeometry()
        dialog.move(
            target.left() + (target.width() - frame.width()) // 2,
            target.top() + (target.height() - frame.height()) // 2,
        )

    def uninstall(self) -> None:
        app_events.remove(self)

    def one_screen(self) -> bool:
        """The room screen is a window on the control window's screen."""
        return (
            self.room.isVisible()
            and not self.room.isFullScreen()
            and self.room.projector_screen(self.control.screen()) is None
        )

    def refresh(self) -> None:
        """After the room screen was shown, hidden or left fullscreen."""
        if self.one_screen():
            self.banner.show()
            self._fit_beside()
        else:
            self.banner.hide()
            self._give_back()

    def _fit_beside(self) -> None:
        control, room = self.control, self.room
        if not control.frameGeometry().intersects(room.frameGeometry()):
            return
        if self._saved is None:
            self._saved = control.saveGeometry()
        if control.isMaximized() or control.isFullScreen():
            control.showNormal()
        available = control.screen().availableGeometry()
        frame_w = control.frameGeometry().width() - control.width()
        frame_h = control.frameGeometry().height() - control.height()
        room_left = room.frameGeometry().left()
        width = max(CONTROL_MIN_WIDTH, room_left - available.left() - frame_w)
        control.move(available.topLeft())
        control.resize(width, available.height() - frame_h)

    def own_geometry(self) -> QByteArray:
        """The control window's geometry as the facilitator set it (not narrowed)."""
        return self._saved if self._saved is not None else self.control.saveGeometry()

    def _give_back(self) -> None:
        if self._saved is not None:
            self.control.restoreGeometry(self._saved)
            self._saved = None

    def _screens_changed(self, _screen=None) -> None:
        if self.room.isVisible() and not self.room.isFullScreen():
            # A projector appeared (or went): show the room screen where it now belongs.
            self.room.show_on_projector(self.control.screen())
            self.refresh()
