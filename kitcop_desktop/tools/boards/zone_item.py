"""A zone of a board: its area tinted with its colour, a tab with its name and « · N », what
goes there, and on a chemin split by angle its lanes."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem

from kitcop_desktop.domain.board_layout import ZONE_HEADER
from kitcop_desktop.domain.palette import ZONE_COLOURS, room_tint
from kitcop_desktop.tools.boards.items import _dark_enough
from kitcop_desktop.tools.boards.look import Look
from kitcop_desktop.ui import theme

TAB_PADDING = 28.0  # inside a zone's tab, around its label
TAB_MARGIN = 24.0  # from the zone's edges to its tab


class ZoneItem(QGraphicsItem):
    """A zone's area: tinted with its colour, its label and what goes there at the top."""

    def __init__(self, key: str, label: str, hint: str, look: Look) -> None:
        super().__init__()
        self.key, self.label, self.hint, self.look = key, label, hint, look
        self.rect = QRectF()
        self.count = 0
        self.dimmed = False
        self.lanes: list[tuple[str, QRectF, int]] = []  # (label, scene rect, count) when split
        self.setZValue(-2)
        # Large and translucent: drawn once into a pixmap, not again for every card typed.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def set_geometry(self, rect: QRectF, count: int) -> None:
        if rect == self.rect and count == self.count:
            return
        if rect == self.rect:
            # A post-it more, the zone as large as before (the usual Enter): only the tab
            # says something new. Redrawing the whole zone redrew every post-it over it.
            self.count = count
            metrics = QFontMetricsF(self.look.font(self.look.zone_px, bold=True))
            tab = max(ZONE_HEADER, metrics.height() + 20)
            self.update(QRectF(rect.x() - 2, rect.y() - 2, rect.width() + 4, tab))
            return
        self.prepareGeometryChange()
        self.rect = rect
        self.count = count
        self.update()

    def set_lanes(self, lanes: list[tuple[str, QRectF, int]]) -> None:
        """A chemin split by angle: the zone's lanes (« Actions », « Ressentis »…)."""
        if lanes != self.lanes:
            self.lanes = lanes
            self.update()

    def lane_labels(self) -> list[str]:
        return [label for label, _rect, _count in self.lanes]

    def boundingRect(self) -> QRectF:
        return self.rect.adjusted(-2, -2, 2, 2)

    def tab_width(self, count: int | None = None) -> float:
        """How wide the zone must be for its tab to say its name and count whole."""
        metrics = QFontMetricsF(self.look.font(self.look.zone_px, bold=True))
        text = self._tab_label(self.count if count is None else count)
        return metrics.horizontalAdvance(text) + TAB_PADDING + TAB_MARGIN

    def _tab_label(self, count: int) -> str:
        return f"{self.label}  ·  {count}"

    def tab_text(self) -> tuple[str, int]:
        """What the zone's tab says, and at what pixel size: the name and « · N », always.

        The layout makes zones wide enough (tab_width); should one still be narrower, the type
        steps down a little, then the name (never the count) ends with « … »."""
        room = self.rect.width() - TAB_MARGIN - TAB_PADDING
        text = self._tab_label(self.count)
        px = self.look.zone_px
        metrics = QFontMetricsF(self.look.font(px, bold=True))
        while px > self.look.zone_px * 0.85 and metrics.horizontalAdvance(text) > room:
            px -= 1
            metrics = QFontMetricsF(self.look.font(px, bold=True))
        if metrics.horizontalAdvance(text) > room:
            count = f"  ·  {self.count}"
            name = metrics.elidedText(
                self.label, Qt.TextElideMode.ElideRight, room - metrics.horizontalAdvance(count)
            )
            text = name + count
        return text, px

    def _paint_lanes(self, painter: QPainter, colour: QColor) -> None:
        """Each lane a lighter panel with its name, so the angle reads without colour."""
        font = self.look.font(self.look.hint_px + (6 if self.look.room else 2), bold=True)
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        fill = QColor(self.look.background)
        fill.setAlpha(150 if self.look.room else 170)
        for label, rect, count in self.lanes:
            painter.setPen(QPen(self.look.tint(colour.name(), 150), 1.5))
            painter.setBrush(fill)
            painter.drawRoundedRect(rect, 10, 10)
            text = f"{label}  ·  {count}"
            marker = QRectF(rect.x() + 10, rect.y() + 12, 6, metrics.height() - 4)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(marker, 3, 3)
            painter.setPen(QColor(self.look.text if label != "Sans angle" else self.look.muted))
            painter.drawText(
                QRectF(marker.right() + 8, rect.y() + 10, rect.width() - 34, metrics.height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width() - 34),
            )

    def tab_colours(self) -> tuple[str, str]:
        """(fill, text) of the zone's title tab. On the room screen the zone's hue lightened
        to 7:1 on the dark background, with dark text: ≥ 7:1 from the back of the room."""
        colour = ZONE_COLOURS[self.key]
        if self.look.room:
            return room_tint(colour, self.look.background), self.look.background
        text = theme.WHITE if _dark_enough(QColor(colour)) else theme.BLACK
        return colour, text

    def paint(self, painter: QPainter, _option, _widget=None) -> None:
        colour = QColor(ZONE_COLOURS[self.key])
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(colour, 3))
        painter.setBrush(QBrush(self.look.tint(colour.name())))
        painter.drawRoundedRect(self.rect, 14, 14)
        # Label: the zone's colour as a solid tab, so colour is never the only signal.
        label, px = self.tab_text()
        painter.setFont(self.look.font(px, bold=True))
        metrics = QFontMetricsF(painter.font())
        tab_w = min(self.rect.width() - TAB_MARGIN, metrics.horizontalAdvance(label) + TAB_PADDING)
        tab = QRectF(self.rect.x() + 12, self.rect.y() + 10, tab_w, metrics.height() + 8)
        fill, ink = self.tab_colours()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(fill))
        painter.drawRoundedRect(tab, 8, 8)
        painter.setPen(QColor(ink))
        painter.drawText(tab, Qt.AlignmentFlag.AlignCenter, label)
        if self.lanes:
            self._paint_lanes(painter, colour)
        if self.look.room:
            return  # the room has heard the consigne; the hint would crowd the cards
        painter.setFont(self.look.font(self.look.hint_px))
        painter.setPen(QColor(self.look.muted))
        hint_rect = QRectF(
            self.rect.x() + 16, tab.bottom() + 2, self.rect.width() - 32, self.look.hint_px * 1.6
        )
        painter.drawText(hint_rect, Qt.AlignmentFlag.AlignLeft, self.hint)
