"""The board's banner (title, the speedboat's destination) and the speedboat drawing.

The boat must read on a washed-out projector: a dark hull on the waterline between the sky
(leviers: sails and wind) and the water (freins: anchors), drawn behind the cards.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF, QTextLayout
from PySide6.QtWidgets import QGraphicsItem

from kitcop_desktop.domain.palette import ZONE_COLOURS
from kitcop_desktop.tools.boards.items import _layout_text
from kitcop_desktop.tools.boards.look import Look
from kitcop_desktop.ui import theme


class BannerItem(QGraphicsItem):
    """A line or two above the board: its title, and for the speedboat the destination."""

    def __init__(self, look: Look) -> None:
        super().__init__()
        self.look = look
        self.rect = QRectF()
        self.title = ""
        self.destination = ""
        self._title_layout: QTextLayout | None = None
        self._dest_layout: QTextLayout | None = None
        self._heights: dict[tuple, float] = {}

    def height_for(self, title: str, destination: str, width: float) -> float:
        """The banner's height at this width, without changing what is shown (cached)."""
        key = (title, destination, width)
        if key not in self._heights:
            if len(self._heights) > 200:
                self._heights.clear()
            self._heights[key] = self._measure(title, destination, width)
        return self._heights[key]

    def _measure(self, title: str, destination: str, width: float) -> float:
        _layout, th = _layout_text(title, self.look.font(self.look.banner_px, bold=True), width)
        dh = 0.0
        if destination:
            _layout, dh = _layout_text(
                f"⚑  Destination : {destination}",
                self.look.font(int(self.look.banner_px * 0.85)),
                width - 24,
            )
            dh += 28
        return th + dh + 12

    def set_text(self, title: str, destination: str, width: float) -> float:
        """Lay the text out for this width; returns the banner's height."""
        if (title, destination, width) == (self.title, self.destination, self.rect.width()):
            return self.rect.height()
        self.prepareGeometryChange()
        self.title, self.destination = title, destination
        self._title_layout, th = _layout_text(
            title, self.look.font(self.look.banner_px, bold=True), width
        )
        dh = 0.0
        if destination:
            self._dest_layout, dh = _layout_text(
                f"⚑  Destination : {destination}",
                self.look.font(int(self.look.banner_px * 0.85)),
                width - 24,
            )
            dh += 28
        self.rect = QRectF(0, 0, width, th + dh + 12)
        self.update()
        return self.rect.height()

    def boundingRect(self) -> QRectF:
        return self.rect

    def paint(self, painter: QPainter, _option, _widget=None) -> None:
        if self._title_layout is None:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QColor(self.look.text))
        self._title_layout.draw(painter, QPointF(0, 0))
        if self._dest_layout is not None and self.destination:
            top = self._title_layout.boundingRect().height() + 8
            box = QRectF(0, top, self.rect.width(), self.rect.height() - top - 4)
            painter.setPen(QPen(QColor(ZONE_COLOURS["levers"]), 2))
            painter.setBrush(self.look.tint(ZONE_COLOURS["levers"], 30))
            painter.drawRoundedRect(box, 10, 10)
            painter.setPen(QColor(self.look.text))
            self._dest_layout.draw(painter, QPointF(12, top + 10))


class SpeedboatItem(QGraphicsItem):
    """Sail in the sky, hull on the waterline, anchor chains into the water."""

    def __init__(self, look: Look) -> None:
        super().__init__()
        self.look = look
        self.sky = QRectF()
        self.water = QRectF()
        self.setZValue(-1.5)
        # Large and translucent: drawn once into a pixmap, not again for every card typed.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def set_zones(self, sky: QRectF, water: QRectF) -> None:
        if (sky, water) == (self.sky, self.water):
            return
        self.prepareGeometryChange()
        self.sky, self.water = sky, water
        self.update()

    def boundingRect(self) -> QRectF:
        return self.sky.united(self.water).adjusted(-4, -4, 4, 4)

    def paint(self, painter: QPainter, _option, _widget=None) -> None:
        if self.sky.isNull():
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        room = self.look.room
        hull_colour = QColor(theme.ROOM_HULL) if room else QColor(theme.NAVY)
        faint = 60 if room else 45
        gap_top, gap_bottom = self.sky.bottom(), self.water.top()
        width = self.sky.width()
        cx = self.sky.center().x()
        # Waterline waves across the gap, just above the water zone.
        wave = QPainterPath()
        y = gap_bottom - 18
        wave.moveTo(self.sky.left(), y)
        step = 40.0
        x = self.sky.left()
        while x < self.sky.right():
            wave.quadTo(x + step / 2, y - 10, x + step, y)
            x += step
        painter.setPen(QPen(QColor(ZONE_COLOURS["levers"]), 4))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(wave)
        # Hull: a long boat whose deck sits in the gap, its keel on the waterline.
        half = min(width * 0.32, 520)
        deck = gap_top + 26
        keel = gap_bottom - 22
        hull = QPolygonF(
            [
                QPointF(cx - half, deck),
                QPointF(cx + half + 70, deck),  # the bow points right, towards the destination
                QPointF(cx + half - 30, keel),
                QPointF(cx - half + 40, keel),
            ]
        )
        painter.setPen(QPen(hull_colour, 3))
        painter.setBrush(hull_colour)
        painter.drawPolygon(hull)
        # Mast and sail rising into the sky zone, faint, behind the cards.
        sail_colour = QColor(ZONE_COLOURS["levers"])
        sail_colour.setAlpha(faint)
        mast_top = self.sky.top() + 90
        painter.setPen(QPen(self.look.tint(hull_colour.name(), 140), 6))
        painter.drawLine(QPointF(cx, deck), QPointF(cx, mast_top))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(sail_colour)
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(cx + 8, mast_top),
                    QPointF(cx + 8, deck - 8),
                    QPointF(cx + half * 0.9, deck - 8),
                ]
            )
        )
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(cx - 8, mast_top + 40),
                    QPointF(cx - 8, deck - 8),
                    QPointF(cx - half * 0.6, deck - 8),
                ]
            )
        )
        # Anchor chains going down into the water zone, ending in anchors.
        chain = QColor(ZONE_COLOURS["brakes"])
        chain.setAlpha(150 if room else 120)
        painter.setPen(QPen(chain, 4, Qt.PenStyle.DashLine))
        painter.setFont(self.look.font(int(self.look.zone_px * 1.6), bold=True))
        for fraction in (0.3, 0.7):
            x = cx - half + 40 + (2 * half - 70) * fraction
            bottom = self.water.bottom() - 60
            painter.drawLine(QPointF(x, keel), QPointF(x, bottom))
            painter.drawText(
                QRectF(x - 40, bottom - 10, 80, 70), Qt.AlignmentFlag.AlignCenter, "⚓"
            )
