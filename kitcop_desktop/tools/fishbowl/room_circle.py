"""The centre chairs as the room sees them: seats around a circle, each seat a rounded pill
with the sitter's name; the empty chair dashed with « Chaise vide »; the speaker's seat filled
and marked « ▶ » (colour is never the only cue).

Seats are laid out around an ellipse in two rows (three for more than eight chairs), so that
names stay at 1/20 of the room screen's height at least and never overlap.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from kitcop_desktop.domain.palette import ROOM
from kitcop_desktop.ui import theme

NAME_FRACTION = 1 / 20


def seat_rows(chairs: int) -> list[list[int]]:
    """Chair indexes per row, clockwise from top-left: top row left to right, bottom row right
    to left (so neighbours on the circle are neighbours on screen)."""
    rows = 3 if chairs > 8 else 2
    if rows == 2:
        top = (chairs + 1) // 2
        return [list(range(top)), list(range(chairs - 1, top - 1, -1))]
    per = -(-chairs // 3)
    first = list(range(per))
    rest = list(range(per, chairs))
    middle = [rest[0], rest[-1]] if len(rest) >= 2 else rest
    bottom = [c for c in reversed(rest) if c not in middle]
    return [first, middle, bottom]


def fitted(text: str, rect: QRectF, metrics: QFontMetricsF) -> str:
    """The name on two lines when they fit (break at a space), else one line ending in « … »:
    the font never shrinks below the room's body size."""
    if metrics.horizontalAdvance(text) <= rect.width():
        return text
    if rect.height() >= metrics.height() * 2 and " " in text:
        words = text.split(" ")
        for cut in range(len(words) - 1, 0, -1):
            first, second = " ".join(words[:cut]), " ".join(words[cut:])
            if metrics.horizontalAdvance(first) <= rect.width():
                rest = metrics.elidedText(second, Qt.TextElideMode.ElideRight, rect.width())
                return f"{first}\n{rest}"
    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())


class CircleView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chairs = 4
        self.names: dict[int, str] = {}  # chair -> name
        self.speaking_chair: int | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(120)

    def show_centre(self, chairs: int, names: dict[int, str], speaking_chair: int | None) -> None:
        self.chairs, self.names, self.speaking_chair = chairs, dict(names), speaking_chair
        self.update()

    def screen_height(self) -> int:
        return max(240, self.window().height())

    def seat_rects(self) -> dict[int, QRectF]:
        """Where each chair's pill is drawn."""
        rows = seat_rows(self.chairs)
        w, h = float(self.width()), float(self.height())
        gap = max(8.0, h * 0.05)
        row_h = (h - gap * (len(rows) + 1)) / len(rows)
        columns = max(len(r) for r in rows)
        col_w = (w - gap * (columns + 1)) / columns
        rects: dict[int, QRectF] = {}
        for r, row in enumerate(rows):
            top = gap + r * (row_h + gap)
            if len(rows) == 3 and r == 1 and len(row) == 2:
                # The middle row of three sits at the two ends, like the sides of a circle.
                lefts = [gap, w - gap - col_w]
            else:
                width = len(row) * col_w + (len(row) - 1) * gap
                start = (w - width) / 2
                lefts = [start + i * (col_w + gap) for i in range(len(row))]
            for chair, left in zip(row, lefts, strict=False):
                rects[chair] = QRectF(left, top, col_w, row_h)
        return rects

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor(ROOM["background"]))
        rects = self.seat_rects()
        # The circle itself, behind the seats: a quiet ellipse through their centres.
        painter.setPen(QPen(QColor(theme.ROOM_SEAT_RING), 3))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        centre = QPointF(self.width() / 2, self.height() / 2)
        painter.drawEllipse(centre, self.width() * 0.36, self.height() * 0.3)
        font = theme.room_font(self.screen_height(), NAME_FRACTION, bold=True)
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        for chair, rect in rects.items():
            name = self.names.get(chair)
            speaking = name is not None and chair == self.speaking_chair
            radius = min(rect.height(), rect.width()) * 0.25
            if name is None:
                painter.setPen(QPen(QColor(ROOM["accent"]), 4, Qt.PenStyle.DashLine))
                painter.setBrush(QColor(ROOM["background"]))
                text, colour = "Chaise vide", QColor(ROOM["accent"])
            elif speaking:
                painter.setPen(QPen(QColor(ROOM["text"]), 5))
                painter.setBrush(QColor(ROOM["warning"]))
                text, colour = f"▶ {name}", QColor(ROOM["background"])
            else:
                painter.setPen(QPen(QColor(ROOM["muted"]), 3))
                painter.setBrush(QColor(theme.ROOM_SEAT))
                text, colour = name, QColor(ROOM["text"])
            painter.drawRoundedRect(rect, radius, radius)
            painter.setPen(colour)
            inner = rect.adjusted(radius * 0.6, 4, -radius * 0.6, -4)
            painter.drawText(inner, Qt.AlignmentFlag.AlignCenter, fitted(text, inner, metrics))
        painter.end()
