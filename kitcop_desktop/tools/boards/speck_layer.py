"""One cached drawing for the specks of a board seen whole (issue 15).

A board of thousands fitted on the laptop's screen shows each post-it a few pixels tall
(`items.GREEK_BELOW_PX`). Qt then draws every post-it's cached pixmap, one item at a time, at
each repaint: ≈ 4 µs each, 20 ms of every post-it typed on a KISS board of 5,000, whose four
zones fit the screen whole. At that scale the post-its that nothing marks (not chosen, not
found by a search, not dragged) are drawn here instead, into one picture cached for the view,
each by its own `CardItem.paint` (the same strokes), and Qt skips their items
(`ItemHasNoContents`; they are still clicked, chosen and dropped on as before). Only what
changed is drawn again: a post-it added, moved, recoloured or gone asks `redraw(item)` for its
place; many at once (a new layout) draw the visible board again, once.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath
from PySide6.QtWidgets import QGraphicsItem

from kitcop_desktop.tools.boards.items import GREEK_BELOW_PX, CardItem

# Larger than any board: a fixed bounding rect never invalidates the whole cached drawing
# when the board grows (Qt caches only the part of it on screen).
_EVERYWHERE = QRectF(-1e6, -1e6, 2e6, 2e6)
# Past this many places to draw again before the next paint, the visible board is drawn
# again whole (Qt would unite the places one by one).
_MANY = 200
_NO_CONTENTS = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents


def is_speck_scale(card_px: float, scale: float) -> bool:
    """Whether a post-it's words are too small to read at this view scale."""
    return card_px * scale < GREEK_BELOW_PX


class SpeckLayer(QGraphicsItem):
    """The plain post-its of a board while they are specks, drawn as one cached picture."""

    def __init__(self) -> None:
        super().__init__()
        self.active = False
        self._pending = 0  # places asked to be drawn again since the last paint
        # Over the sous-thématiques' frames (-1), under the post-its drawn alone (0).
        self.setZValue(-0.5)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setVisible(False)  # off: not painted, no cached picture held (a view's size)

    # -- which post-its it draws --------------------------------------------------------------
    def set_active(self, active: bool, cards) -> None:
        """Draw the plain post-its here (True) or let each draw itself again (False)."""
        if active == self.active:
            return
        self.active = active
        for item in cards:
            self.mark(item, quietly=True)
        self.setVisible(active)
        self.update()

    def adopt(self, item: CardItem) -> None:
        """A post-it just made: drawn here from the start when it is plain."""
        item.layer = self
        self.mark(item, quietly=True)

    def mark(self, item: CardItem, *, quietly: bool = False) -> None:
        """Whether `item` is drawn here now: when the layer is on and nothing marks it."""
        item.layer = self
        # (A post-it dragged is chosen; only a search dims a post-it on the control window.)
        speck = self.active and item.matched is None and not item.isSelected()
        if speck == item.speck:
            return
        if not quietly and item.speck:
            self.redraw(item)  # its place here is emptied…
        item.speck = speck
        item.setFlag(_NO_CONTENTS, speck)
        if not quietly and speck:
            self.redraw(item)  # …or filled
        if not quietly and not speck:
            item.update()

    def redraw(self, item: CardItem) -> None:
        """Draw again where `item` is (call it before a move or a removal, and after)."""
        self._redraw(item.sceneBoundingRect())

    def redraw_at(self, pos: QPointF, item: CardItem) -> None:
        """Draw again where `item` was, at `pos` (it moved)."""
        self._redraw(item.rect().translated(pos))

    def _redraw(self, rect: QRectF) -> None:
        if not self.active:
            return
        self._pending += 1
        if self._pending < _MANY:
            self.update(rect)
        elif self._pending == _MANY:
            self.update()

    # -- QGraphicsItem ------------------------------------------------------------------------
    def boundingRect(self) -> QRectF:
        return _EVERYWHERE

    def shape(self) -> QPainterPath:
        return QPainterPath()  # never under the pointer: clicks go to the post-its and zones

    def paint(self, painter: QPainter, option, _widget=None) -> None:
        self._pending = 0
        scene = self.scene()
        if not self.active or scene is None:
            return
        base = painter.worldTransform()
        area = option.exposedRect
        inverse, invertible = base.inverted()
        device = painter.device()
        if invertible and device is not None:
            # The cache holds only the part on screen: nothing else is drawn.
            area = area.intersected(inverse.mapRect(QRectF(0, 0, device.width(), device.height())))
        # Qt's exposedRect is the rectangle around every place exposed (a post-it added far
        # from the last one, a scroll's two edges): only the places themselves, the clip Qt
        # set, are drawn again.
        areas = [area]
        if painter.hasClipping():
            # (QRegion iterates over its rectangles; its type stubs do not say so.)
            rects = cast(Iterable[QRect], painter.clipRegion())
            areas = [QRectF(rect).intersected(area) for rect in rects]
        # Qt clears whole pixels: a post-it within a pixel of a place is drawn again too.
        pixel = 2 / max(abs(base.m11()), 1e-6)
        drawn: set[int] = set()
        x = y = 0.0
        for rect in areas:
            if rect.isEmpty():
                continue
            for item in scene.items(
                rect.adjusted(-pixel, -pixel, pixel, pixel),
                Qt.ItemSelectionMode.IntersectsItemBoundingRect,
                Qt.SortOrder.AscendingOrder,
            ):
                if isinstance(item, CardItem) and item.speck and item.isVisible():
                    key = id(item)
                    if key in drawn:
                        continue
                    drawn.add(key)
                    pos = item.pos()
                    painter.translate(pos.x() - x, pos.y() - y)
                    x, y = pos.x(), pos.y()
                    item.paint(painter, option)
        painter.setWorldTransform(base)
