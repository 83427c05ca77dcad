"""A field's visibility, shown next to it: an icon and a word (salle, restitution,
animateur·rice), the promise in the tooltip. Colour is never the only signal."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from kitcop_desktop.domain.visibility import PROMISES, WORDS, Visibility
from kitcop_desktop.ui.icons import icon

COLOURS = {  # text on the light control window, contrast ≥ 4.5:1
    Visibility.ROOM: "#1f5f8b",
    Visibility.RESTITUTION: "#7a4d00",
    Visibility.FACILITATOR: "#a3320b",
}
ICONS = {
    Visibility.ROOM: "visibility_room",
    Visibility.RESTITUTION: "visibility_restitution",
    Visibility.FACILITATOR: "visibility_facilitator",
}


class VisibilityBadge(QWidget):
    """« [icon] animateur·rice », with what that promises as its tooltip."""

    def __init__(self, visibility: Visibility, detail: str = "", parent=None) -> None:
        super().__init__(parent)
        self.visibility = Visibility(visibility)
        colour = COLOURS[self.visibility]
        glyph = QLabel()
        glyph.setPixmap(icon(ICONS[self.visibility], colour).pixmap(QSize(14, 14)))
        self.word = QLabel(WORDS[self.visibility] + (f" · {detail}" if detail else ""))
        self.word.setStyleSheet(f"color: {colour}; font-weight: bold;")
        self.word.setTextFormat(Qt.TextFormat.PlainText)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(glyph)
        layout.addWidget(self.word)
        layout.addStretch(1)
        self.setToolTip(PROMISES[self.visibility])

    def text(self) -> str:
        return self.word.text()
