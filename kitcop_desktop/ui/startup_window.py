"""The window shown at once while the library opens (imports and the database take ~0.5 s).

It imports Qt only, so it appears as fast as a bare Qt window; the main window replaces it at
the same place and size.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kitcop_desktop import APP_NAME


class StartupWindow(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(APP_NAME)
        self.resize(1200, 800)
        title = QLabel(APP_NAME)
        title.setObjectName("PageTitle")
        title.setStyleSheet("font-size: 22pt;")
        message = QLabel("Ouverture de votre bibliothèque d'ateliers…")
        message.setObjectName("PageSubtitle")
        for label in (title, message):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(title)
        layout.addWidget(message)
        layout.addStretch(1)
