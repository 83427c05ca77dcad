"""A field's visibility, shown next to it: an icon and a word (salle, restitution,
animateur·rice), the promise in the tooltip. Colour is never the only signal."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kitcop_desktop.domain.visibility import PROMISES, WORDS, Visibility
from kitcop_desktop.ui import theme
from kitcop_desktop.ui.icons import icon

COLOURS = theme.VISIBILITY_INK  # text on the light control window, contrast ≥ 4.5:1
ICONS = {
    Visibility.ROOM: "visibility_room",
    Visibility.RESTITUTION: "visibility_restitution",
    Visibility.FACILITATOR: "visibility_facilitator",
}


class VisibilityBadge(QWidget):
    """« [icon] animateur·rice », with what that promises as its tooltip."""

    def __init__(self, visibility: Visibility, detail: str = "", parent=None) -> None:
        super().__init__(parent)
        self.detail = detail
        self.glyph = QLabel()
        self.word = QLabel()
        self.word.setTextFormat(Qt.TextFormat.PlainText)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.glyph)
        layout.addWidget(self.word)
        layout.addStretch(1)
        self.set_visibility(visibility)

    def set_visibility(self, visibility: Visibility) -> None:
        """Show another visibility (a vote turned secret or public)."""
        self.visibility = Visibility(visibility)
        colour = COLOURS[self.visibility]
        self.glyph.setPixmap(icon(ICONS[self.visibility], colour).pixmap(QSize(14, 14)))
        detail = f" · {self.detail}" if self.detail else ""
        self.word.setText(WORDS[self.visibility] + detail)
        theme.style(self.word, theme.visibility_words(self.visibility))
        self.setToolTip(PROMISES[self.visibility])

    def text(self) -> str:
        return self.word.text()


def form_label(text: str, visibility: Visibility, detail: str = "") -> QWidget:
    """A form row's label with the field's visibility under it: « Notes » / « 🔒 animateur·rice »."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(1)
    label = QLabel(text)
    layout.addWidget(label)
    layout.addWidget(VisibilityBadge(visibility, detail))
    layout.addStretch(1)
    return box


def visibility_header(visibility: Visibility, role):
    """What a table header shows of its column's visibility, beside the word its text ends
    with: the icon (DecorationRole), the promise (ToolTipRole), the colour (ForegroundRole)."""
    if role == Qt.ItemDataRole.DecorationRole:
        return icon(ICONS[visibility], COLOURS[visibility])
    if role == Qt.ItemDataRole.ToolTipRole:
        return PROMISES[visibility]
    if role == Qt.ItemDataRole.ForegroundRole:
        return QColor(COLOURS[visibility])
    return None
