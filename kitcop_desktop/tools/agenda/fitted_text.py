"""Text painted as large as its rect allows, wrapped, for the room screen.

The size is searched between a floor (body text: 1/20 of the room's height, never smaller)
and a ceiling; when even the floor does not fit (5,000-character consignes), the text is cut
at a word with « … » rather than shrunk into unreadable print.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from kitcop_desktop.ui import theme

FLAGS = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)


class FittedText(QWidget):
    def __init__(self, parent: QWidget | None = None, *, bold: bool = False) -> None:
        super().__init__(parent)
        self._text = ""
        self._colour = QColor("#f5f7fa")
        self._bold = bold
        self._floor = 1 / 20
        self._ceiling = 1 / 9
        self._align = FLAGS
        self.reference_height = 0  # the room's height; 0 = this widget's top-level height
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.shown_text = ""  # what was actually painted (tests, the elision)
        self.pixel_size = 0

    def set_text(self, text: str) -> None:
        """Show `text` (French spacing applied: « Question : … » never breaks before « : »)."""
        self._text = french_spacing(text or "")
        self.update()

    def text(self) -> str:
        return self._text

    def set_colour(self, colour: str) -> None:
        self._colour = QColor(colour)
        self.update()

    def set_fractions(self, floor: float, ceiling: float) -> None:
        """Font pixel size between floor and ceiling fractions of the room's height."""
        self._floor, self._ceiling = floor, ceiling
        self.update()

    def set_centered(self, centered: bool) -> None:
        horizontal = Qt.AlignmentFlag.AlignHCenter if centered else Qt.AlignmentFlag.AlignLeft
        vertical = Qt.AlignmentFlag.AlignVCenter if centered else Qt.AlignmentFlag.AlignTop
        self._align = int(horizontal | vertical | Qt.TextFlag.TextWordWrap)
        self.update()

    def _room_height(self) -> int:
        return self.reference_height or max(1, self.window().height())

    def fit(self) -> tuple[QFont, str]:
        """The font and text to paint in the current rect."""
        rect = self.rect()
        h = self._room_height()
        low = max(12, int(h * self._floor))
        high = max(low, int(h * self._ceiling))
        text = self._text
        font = QFont(theme.FONT_FAMILY)
        font.setBold(self._bold)
        best = None
        while low <= high:
            mid = (low + high) // 2
            font.setPixelSize(mid)
            if _fits(font, rect, text):
                best = mid
                low = mid + 1
            else:
                high = mid - 1
        if best is not None:
            font.setPixelSize(best)
            return font, text
        font.setPixelSize(max(12, int(h * self._floor)))
        return font, elide_to_fit(font, rect, text)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if not self._text:
            self.shown_text, self.pixel_size = "", 0
            return
        font, text = self.fit()
        self.shown_text, self.pixel_size = text, font.pixelSize()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setFont(font)
        painter.setPen(self._colour)
        painter.drawText(self.rect(), self._align, text)
        painter.end()


def _fits(font: QFont, rect: QRect, text: str) -> bool:
    metrics = QFontMetrics(font)
    bound = metrics.boundingRect(QRect(0, 0, rect.width(), 100_000), FLAGS, text)
    return bound.height() <= rect.height() and bound.width() <= rect.width()


def elide_to_fit(font: QFont, rect: QRect, text: str) -> str:
    """The longest start of `text`, cut at a word and ended with « … », that fits."""
    words = text.split(" ")
    low, high, best = 0, len(words), "…"
    while low <= high:
        mid = (low + high) // 2
        candidate = " ".join(words[:mid]).rstrip(" ,;:.") + " …"
        if _fits(font, rect, candidate):
            best = candidate
            low = mid + 1
        else:
            high = mid - 1
    return best


def french_spacing(text: str) -> str:
    """No-break spaces before : ; ! ? and inside « », as French typography wants.

    Typed text uses ordinary spaces; on the projector a line must never start with « : ».
    """
    for mark, space in ((":", "\u00a0"), (";", "\u202f"), ("!", "\u202f"), ("?", "\u202f")):
        text = text.replace(f" {mark}", f"{space}{mark}")
    return text.replace("« ", "«\u00a0").replace(" »", "\u00a0»")
