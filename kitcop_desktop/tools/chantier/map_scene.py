"""The cartographie des acteurs drawn: the kit's three zones as rings around the chantier, and
each actor as a gommette of its category's colour (filled when someone of it came to a
workshop, hollow and dashed when nobody did; a ★ and a vermilion ring for influence).

The scene knows nothing of the store: it reports a drag as `moved(actor_id, x, y)` (map units,
−1…1) once the mouse is released, and the view turns that into one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
)

from kitcop_desktop.domain.palette import MAP_RING, MAP_ZONE_FILLS, MAP_ZONE_NAME, UNKNOWN_CATEGORY
from kitcop_desktop.domain.stakeholder_map import (
    CATEGORY_COLOURS,
    INFLUENCE_COLOUR,
    INFLUENCE_MARK,
    ZONE_HINTS,
    ZONE_RADII,
    ZONES,
    Encounter,
    clamp,
)
from kitcop_desktop.i18n import tr
from kitcop_desktop.storage.stakeholder_map import ActorRow
from kitcop_desktop.ui import theme

# Scene units from the centre to the map's edges: the rings are ellipses as wide as a laptop's
# tab is (the zone of a place is the same whatever the shape: see domain.stakeholder_map).
HALF_X, HALF = 800.0, 500.0
ZONE_FILLS = MAP_ZONE_FILLS
INK = QColor(theme.NAVY)
MAX_WIDTH = 170.0


def to_scene(x: float, y: float) -> QPointF:
    return QPointF(x * HALF_X, y * HALF)


def to_map(point: QPointF) -> tuple[float, float]:
    return clamp(point.x() / HALF_X, point.y() / HALF)


def _lines(text: str, metrics: QFontMetricsF, width: float) -> list[str]:
    """Word wrap on two lines at most; a longer text shows whole in the tooltip."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if metrics.horizontalAdvance(trial) <= width or not line:
            line = trial
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    if len(lines) > 2:
        lines = [
            lines[0],
            metrics.elidedText(" ".join(lines[1:]), Qt.TextElideMode.ElideRight, width),
        ]
    return [metrics.elidedText(item, Qt.TextElideMode.ElideRight, width) for item in lines]


class ActorItem(QGraphicsRectItem):
    """One actor: a rounded gommette centred on its place."""

    def __init__(self, row: ActorRow, encounter: Encounter, font: QFont) -> None:
        super().__init__()
        self.actor_id = row.id
        self._font = font
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsMovable
            | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemIsFocusable
            # Its text keeps its size whatever the map's scale: readable on a laptop's small
            # map as on a large screen; only its place follows the map.
            | QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations
        )
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setZValue(1)
        self.update_from(row, encounter)

    def update_from(self, row: ActorRow, encounter: Encounter) -> None:
        self.row = row
        self.encounter = encounter
        metrics = QFontMetricsF(self._font)
        text = row.name
        self.text_lines = _lines(text, metrics, MAX_WIDTH - 16)
        width = max(metrics.horizontalAdvance(line) for line in self.text_lines) + 16
        if row.influential:
            width += metrics.horizontalAdvance(INFLUENCE_MARK) + 4
        height = metrics.height() * len(self.text_lines) + 10
        self.prepareGeometryChange()
        self.setRect(QRectF(-width / 2, -height / 2, width, height))
        self.setPos(to_scene(row.x, row.y))
        self.setToolTip(self._tooltip())
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
        # The influence ring and the selection frame are drawn around the gommette.
        return self.rect().adjusted(-8, -8, 8, 8)

    def _tooltip(self) -> str:
        from kitcop_desktop.domain.stakeholder_map import CATEGORIES, INFLUENCE_LABEL

        parts = [self.row.label, CATEGORIES.get(self.row.category, "")]
        if self.row.influential:
            parts.append(tr(INFLUENCE_LABEL))
        parts.append(ZONES[self.row.zone])
        parts.append(self.encounter.summary())
        return "\n".join(p for p in parts if p)

    @property
    def met(self) -> bool:
        return bool(self.encounter.workshops)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        colour = QColor(CATEGORY_COLOURS.get(self.row.category, UNKNOWN_CATEGORY))
        rect = self.rect()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.row.influential:
            painter.setPen(QPen(QColor(INFLUENCE_COLOUR), 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(-3, -3, 3, 3), 9, 9)
        pen = QPen(colour, 2)
        if self.met:
            painter.setBrush(QBrush(colour))
        else:
            pen.setStyle(Qt.PenStyle.DashLine)
            painter.setBrush(QBrush(QColor("white")))
        painter.setPen(pen)
        painter.drawRoundedRect(rect, 7, 7)
        if self.isSelected():
            painter.setPen(QPen(INK, 2, Qt.PenStyle.DotLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(-6, -6, 6, 6), 10, 10)
        # White on the filled gommettes (their colours are ≥ 3:1 against it, bold text), ink
        # on the hollow ones.
        painter.setPen(QColor("white") if self.met and self.row.category != "private" else INK)
        painter.setFont(self._font)
        metrics = QFontMetricsF(self._font)
        x = rect.left() + 8
        if self.row.influential:
            painter.drawText(QPointF(x, rect.top() + 5 + metrics.ascent()), INFLUENCE_MARK)
            x += metrics.horizontalAdvance(INFLUENCE_MARK) + 4
        y = rect.top() + 5 + metrics.ascent()
        for line in self.text_lines:
            painter.drawText(QPointF(x, y), line)
            y += metrics.height()

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt API
        self._pressed_at = QPointF(self.pos())
        self.setCursor(Qt.CursorShape.ClosedHandCursor)
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt API
        super().mouseReleaseEvent(event)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        start = getattr(self, "_pressed_at", None)
        scene = self.scene()
        if start is not None and isinstance(scene, MapScene):
            scene.report_drag(self, start)


class MapScene(QGraphicsScene):
    moved = Signal(list)  # [(actor_id, x, y), …] of the actors dragged together

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        margin = 30.0
        self.setSceneRect(
            QRectF(-HALF_X - margin, -HALF - margin, 2 * (HALF_X + margin), 2 * (HALF + margin))
        )
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.actor_font = QFont()
        self.actor_font.setPointSizeF(9)
        self.actor_font.setBold(True)
        self.items_by_id: dict[int, ActorItem] = {}
        self._labels: list = []
        self._draw_zones()

    def _draw_zones(self) -> None:
        square = self.addRect(
            QRectF(-HALF_X, -HALF, 2 * HALF_X, 2 * HALF),
            QPen(QColor(theme.MAP_EDGE), 1),
            QBrush(QColor(ZONE_FILLS[2])),
        )
        square.setZValue(-3)
        for index in reversed(range(len(ZONES) - 1)):
            rx, ry = ZONE_RADII[index] * HALF_X, ZONE_RADII[index] * HALF
            ring = self.addEllipse(
                QRectF(-rx, -ry, 2 * rx, 2 * ry),
                QPen(QColor(MAP_RING), 1.5),
                QBrush(QColor(ZONE_FILLS[index])),
            )
            ring.setZValue(-2)
        title = QFont()
        title.setPointSizeF(11)
        title.setBold(True)
        hint = QFont()
        hint.setPointSizeF(9)
        for index, name in enumerate(ZONES):
            label = self.addSimpleText(name, title)
            label.setBrush(QBrush(QColor(MAP_ZONE_NAME)))
            sub = self.addSimpleText(ZONE_HINTS[index], hint)
            sub.setBrush(QBrush(QColor(theme.INK_HINT)))
            for item in (label, sub):
                item.setZValue(-1)
                item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
            self._labels.append((label, sub, index))
        self.place_labels(0.5)

    def set_scale(self, pixels_per_unit: float) -> None:
        """The view's scale: zone titles centred again, the gommettes' text a little smaller on
        a laptop's small map (never under 7.5 pt) and at 10 pt on a large screen."""
        self.place_labels(pixels_per_unit)
        size = max(7.5, min(10.0, 18 * pixels_per_unit))
        if abs(size - self.actor_font.pointSizeF()) >= 0.25:
            self.actor_font.setPointSizeF(size)
            for item in self.items_by_id.values():
                item.update_from(item.row, item.encounter)

    def place_labels(self, pixels_per_unit: float) -> None:
        """Centre the zone titles (drawn at screen size) at the top of their rings."""
        unit = 1 / max(pixels_per_unit, 0.01)
        for label, sub, index in self._labels:
            sub.setVisible(pixels_per_unit >= 0.45)  # the hints only where there is room
            y = -ZONE_RADII[index] * HALF + 6 * unit
            label.setPos(-label.boundingRect().width() / 2 * unit, y)
            y += label.boundingRect().height() * unit
            sub.setPos(-sub.boundingRect().width() / 2 * unit, y)

    def show_actors(self, rows: list[ActorRow], met: dict[int, Encounter]) -> None:
        """Bring the items in line with these actors: new ones added, gone ones removed, the
        others updated where they stand (their selection kept)."""
        seen = set()
        for row in rows:
            seen.add(row.id)
            encounter = met.get(row.id, Encounter())
            item = self.items_by_id.get(row.id)
            if item is None:
                item = ActorItem(row, encounter, self.actor_font)
                self.addItem(item)
                self.items_by_id[row.id] = item
            elif item.row != row or item.encounter != encounter:
                item.update_from(row, encounter)
        for actor_id in list(self.items_by_id):
            if actor_id not in seen:
                item = self.items_by_id.pop(actor_id)
                self.removeItem(item)

    def selected_ids(self) -> list[int]:
        return [i.actor_id for i in self.selectedItems() if isinstance(i, ActorItem)]

    def select_only(self, actor_id: int) -> None:
        self.clearSelection()
        item = self.items_by_id.get(actor_id)
        if item is not None:
            item.setSelected(True)
            item.setFocus()

    def report_drag(self, grabbed: ActorItem, start: QPointF) -> None:
        if grabbed.pos() == start:
            return
        moved = []
        for item in self.selectedItems() if grabbed.isSelected() else [grabbed]:
            if isinstance(item, ActorItem):
                x, y = to_map(item.pos())
                item.setPos(to_scene(x, y))  # kept inside the map
                moved.append((item.actor_id, x, y))
        if moved:
            self.moved.emit(moved)
