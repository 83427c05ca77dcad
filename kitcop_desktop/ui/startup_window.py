"""The window shown at once while the library opens (imports and the database take ~0.5 s).

It imports Qt only, so it appears as fast as a bare Qt window; the main window replaces it at
the same place and size.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kitcop_desktop import APP_NAME
from kitcop_desktop.i18n import tr


class StartupWindow(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(APP_NAME)
        self.setGeometry(default_geometry())
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
