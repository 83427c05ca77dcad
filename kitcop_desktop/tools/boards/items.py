"""Graphics items of a board: cards (post-it) and clusters (sous-thématiques); zones are
in zone_item.py.

Cards lay their text out once (QTextLayout, wrapping inside long words too) and cache it;
painting is then cheap enough for 1,000 cards while one is dragged.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QCursor,
    QFontMetricsF,
    QPainter,
    QPen,
    QPixmapCache,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QGraphicsItem, QGraphicsObject, QGraphicsRectItem

from kitcop_desktop.domain.board_kinds import ANGLES
from kitcop_desktop.domain.board_layout import CARD_WIDTH, CLUSTER_HEADER
from kitcop_desktop.domain.palette import ZONE_COLOURS
from kitcop_desktop.i18n import tr
from kitcop_desktop.tools.boards.board_data import CardData, ClusterData
from kitcop_desktop.tools.boards.look import Look
from kitcop_desktop.ui import theme
from kitcop_desktop.ui.tooltips import as_typed

PAD = 12.0
BAND = 7.0
HIGHLIGHT = theme.HIGHLIGHT
SELECTED = theme.ACCENT


_NBSP_BEFORE = (" :", " ;", " !", " ?", " »")


def french_spacing(text: str) -> str:
    """Non-breaking spaces where French typography wants them, so « ? » never starts a line."""
    for mark in _NBSP_BEFORE:
        text = text.replace(mark, "\u00a0" + mark[1])
    return text.replace("« ", "«\u00a0")


PIXMAP_CACHE_KB = 128 * 1024


def ensure_pixmap_cache() -> None:
    """Room for the cached drawings of two views of a large board.

    Cards, zones and the boat are cached pixmaps (DeviceCoordinateCache). Qt's default
    10 MB pixmap cache is too small for a board on the laptop and on the projector at once:
    pixmaps were evicted and redrawn on every card typed (about 60 ms each time).
    """
    if QPixmapCache.cacheLimit() < PIXMAP_CACHE_KB:
        QPixmapCache.setCacheLimit(PIXMAP_CACHE_KB)


_NO_PEN = QPen(Qt.PenStyle.NoPen)
_CARD_FLAGS = (
    QGraphicsItem.GraphicsItemFlag.ItemIsMovable | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
)
_DEVICE_CACHE = QGraphicsItem.CacheMode.DeviceCoordinateCache
_CURSORS: list[QCursor] = []  # made once, after the application (not at import time)


def _open_hand() -> QCursor:
    if not _CURSORS:
        _CURSORS.append(QCursor(Qt.CursorShape.OpenHandCursor))
    return _CURSORS[0]


_WRAP = QTextOption()
_WRAP.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
_FONTS: dict = {}


def _font(look: Look, px: int, bold: bool = False):
    """The look's font at this size, made once (a board of 5,000 post-its asks 15,000 times)."""
    key = (look.room, px, bold)
    font = _FONTS.get(key)
    if font is None:
        font = _FONTS[key] = look.font(px, bold=bold)
    return font


_MEASURING: dict = {}


def _text_height(text: str, font, width: float) -> float:
    """The height `_layout_text` gives, with one layout reused for every width tried (the
    room tries a few card widths; only the width drawn keeps a layout)."""
    kept = _MEASURING.get(id(font))  # fonts come from _font(), made once and kept
    if kept is None:
        layout = QTextLayout("", font)
        layout.setTextOption(_WRAP)
        kept = _MEASURING[id(font)] = (font, layout)
    layout = kept[1]
    layout.setText(french_spacing(text))
    return _lay_out(layout, width)


def _layout_text(text: str, font, width: float) -> tuple[QTextLayout, float]:
    layout = QTextLayout(french_spacing(text), font)
    layout.setTextOption(_WRAP)
    return layout, _lay_out(layout, width)


def _lay_out(layout: QTextLayout, width: float) -> float:
    layout.beginLayout()
    y = 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        line.setPosition(QPointF(0, y))
        y += line.height()
    layout.endLayout()
    return y


_SMALL: dict = {}


def _small_height(look: Look) -> float:
    """The height of the footer's line (names, sources, « ✓ fiche action »)."""
    height = _SMALL.get((look.room, look.small_px))
    if height is None:
        font = _font(look, look.small_px)
        height = _SMALL[look.room, look.small_px] = QFontMetricsF(font).height()
    return height


def _together(text: str) -> str:
    """« fiche action 12 »: « 12 » never left alone at the start of a line."""
    return text.replace("fiche action ", "fiche action\u00a0")


_TEXT_AT = QPointF(BAND + PAD, PAD)
# Below this size on screen (pixels) a post-it's letters cannot be read by anyone: its lines
# are drawn as grey strokes instead of being laid out and drawn glyph by glyph. A board of
# thousands seen whole is mostly such specks (issue 15: opening 5,000 post-its).
GREEK_BELOW_PX = 2.5
_LINE_HEIGHTS: dict = {}


def _line_height(font) -> float:
    height = _LINE_HEIGHTS.get(id(font))  # fonts come from _font(), made once and kept
    if height is None:
        height = _LINE_HEIGHTS[id(font)] = QFontMetricsF(font).height()
    return height


_STROKES: dict = {}
_FAINT: dict = {}


def _strokes(lines: int, line: float, width: float) -> list[QRectF]:
    """A speck's strokes: one per line of text, the last one shorter; made once per shape
    (5,000 specks drawn made 20,000 rectangles one by one)."""
    key = (lines, line, width)
    strokes = _STROKES.get(key)
    if strokes is None:
        strokes = _STROKES[key] = [
            QRectF(
                _TEXT_AT.x(),
                PAD + n * line + line * 0.35,
                width * (0.6 if n == lines - 1 and lines > 1 else 1.0),
                line * 0.35,
            )
            for n in range(lines)
        ]
    return strokes


def _faint(ink: QColor) -> QColor:
    """The strokes' colour: the ink at a quarter."""
    faint = _FAINT.get(ink.rgba())
    if faint is None:
        faint = _FAINT[ink.rgba()] = QColor(ink)
        faint.setAlphaF(0.25)
    return faint


_PAINTS: dict = {}


def _paints(look: Look, colour_name: str) -> tuple[QColor, QPen, QColor, QColor]:
    """A post-it's colour, edge, fill and text ink, made once per look and colour (each
    post-it drawn made them again: a board opened draws hundreds)."""
    key = (look.room, look.card_fill, look.text, colour_name)
    paints = _PAINTS.get(key)
    if paints is None:
        colour = QColor(colour_name)
        paints = _PAINTS[key] = (
            colour,
            QPen(colour.darker(110), 1.2),
            look.card_colour(colour_name),
            QColor(look.text),
        )
    return paints


class CardItem(QGraphicsRectItem):
    """One post-it. Movable and selectable on the control window, still on the room screen.

    A QGraphicsRectItem whose rect is the bounding rect: Qt's scene index asks every item for
    it whenever the board grows, and a Python boundingRect() made that cost 2 ms per thousand
    post-its on each card typed (issue 15). No itemChange(): Qt repaints a selected item
    itself, and a Python itemChange cost ten calls per post-it laid out.
    """

    def __init__(
        self, card: CardData, look: Look, width: float = CARD_WIDTH, *, keep_layout: bool = True
    ) -> None:
        super().__init__()
        self.look = look
        self.width = width
        self.height = 40.0
        self.matched: bool | None = None  # None: no search running
        self.show_angle = True  # False in a lane of a split chemin: the lane says it already
        self.home = QPointF()  # where the layout put it (a drag that goes nowhere returns here)
        # True: the layout that measures the text is kept to draw it (most boards: every
        # post-it is drawn); False on a board of thousands, where most are never drawn.
        self.keep_layout = keep_layout
        self._tip = False  # its tooltip is set when first asked (BoardScene.helpEvent)
        # Drawn by the board's speck layer (speck_layer.py) instead of by itself: a speck
        # nothing marks, on a board seen whole.
        self.speck = False
        self.layer: Any = None
        self.setPen(_NO_PEN)
        if not look.room:
            self.setFlags(_CARD_FLAGS)
            self.setCursor(_open_hand())
        self.setCacheMode(_DEVICE_CACHE)
        self.set_card(card)

    # -- data ---------------------------------------------------------------------------------
    def set_card(self, card: CardData) -> None:
        if self.speck:
            self.layer.redraw(self)  # where it was, were it to shrink
        self.card = card
        look = self.look
        font = _font(look, look.card_px)
        # « Counted ×n » (merged duplicates) is a badge in the corner: it must read from afar.
        self._badge = f"×{card.weight}" if card.weight > 1 else ""
        self._badge_font = _font(look, int(look.card_px * 0.8), True)
        if self._badge:
            metrics = QFontMetricsF(self._badge_font)
            self._badge_size = (
                metrics.horizontalAdvance(self._badge) + 14,
                metrics.height() + 4,
            )
        else:
            self._badge_size = (0.0, 0.0)
        self._drawn: QTextLayout | None
        if self.keep_layout:
            # Laid out once: the layout that measures the post-it is the one that draws it
            # (a board opened laid every text out twice, to measure it, then to draw it).
            self._drawn, text_h = _layout_text(card.text, font, self._text_width(self.width))
        else:
            self._drawn = None  # laid out for drawing when first asked
            text_h = _text_height(card.text, font, self._text_width(self.width))
        self._text_h = text_h
        self._footer = self._footer_text()
        self._footer_h = _small_height(look) + 4 if self._footer else 0
        self._heights: dict[float, float] = {}
        self.height = PAD + text_h + self._footer_h + PAD
        if self._tip:
            self.setToolTip(as_typed(card.text))
        self.setRect(-3, -3, self.width + 6, self.height + 6)  # the bounding rect
        self.update()

    # A speck drawn by the layer asks it to draw its place again when it moves or changes
    # (only the app's Python calls come here; Qt moves a dragged post-it, which is chosen,
    # hence drawn by itself).
    def setPos(self, *args) -> None:  # noqa: N802 - Qt API
        if self.speck:
            old = self.pos()
            super().setPos(*args)
            if self.pos() != old:
                self.layer.redraw_at(old, self)
                self.layer.redraw(self)
            return
        super().setPos(*args)

    def moveBy(self, dx: float, dy: float) -> None:  # noqa: N802 - Qt API
        if self.speck and (dx or dy):
            self.layer.redraw(self)
            super().moveBy(dx, dy)
            self.layer.redraw(self)
            return
        super().moveBy(dx, dy)

    def update(self, *args) -> None:
        super().update(*args)
        if self.speck:
            self.layer.redraw(self)

    def setVisible(self, visible: bool) -> None:  # noqa: N802 - Qt API
        if self.speck and visible != self.isVisible():
            self.layer.redraw(self)  # folded into a sous-thématique, or back
        super().setVisible(visible)

    def ensure_tooltip(self) -> None:
        """The post-it's text as its tooltip, made when the pointer first rests on it (a
        tooltip set on each of 5,000 post-its cost a tenth of opening the board)."""
        if not self._tip and not self.look.room:
            self._tip = True
            self.setToolTip(as_typed(self.card.text))

    @property
    def _text(self) -> QTextLayout:
        """The card's text laid out for drawing, made at the first paint."""
        if self._drawn is None:
            font = _font(self.look, self.look.card_px)
            self._drawn = _layout_text(self.card.text, font, self._text_width(self.width))[0]
        return self._drawn

    def set_show_angle(self, shown: bool) -> None:
        if shown != self.show_angle:
            self.show_angle = shown
            self.set_card(self.card)  # the footer, hence the height, changes

    def measure(self, width: float) -> float:
        """The card's height at this width (cached): the room tries a few card widths."""
        if abs(width - self.width) < 0.5:
            return self.height
        height = self._heights.get(width)
        if height is None:
            font = _font(self.look, self.look.card_px)
            text_h = _text_height(self.card.text, font, self._text_width(width))
            height = self._heights[width] = PAD + text_h + self._footer_h + PAD
        return height

    def _text_width(self, width: float) -> float:
        badge = self._badge_size[0] + 6 if self._badge else 0.0
        return width - 2 * PAD - BAND - badge

    def _footer_text(self) -> str:
        parts = []
        if self.card.fiche:
            # KISS: already a fiche action (the room sees it too: the group decided it).
            parts.append(f"✓ fiche action {self.card.fiche}")
        if self.card.angle and self.show_angle:
            parts.append(ANGLES[self.card.angle])
        if self.card.subgroup:
            parts.append(self.card.subgroup)
        if not self.look.room:
            # Authors and sources stay on the laptop: the room sees ideas, not who said them.
            if self.card.author:
                parts.append(self.card.author)
            if self.card.source:
                parts.append(self.card.source)
        return " · ".join(parts)

    def colour(self) -> str:
        return self.card.colour or ZONE_COLOURS.get(self.card.zone, theme.UNKNOWN_ZONE_CARD)

    def set_match(self, matched: bool | None) -> None:
        if matched != self.matched:
            self.matched = matched
            self.setOpacity(0.3 if matched is False else 1.0)
            self.update()
            if self.layer is not None:
                self.layer.mark(self)  # found or dimmed: drawn by itself

    # -- painting -----------------------------------------------------------------------------
    def _greek(self, painter: QPainter, ink: QColor) -> None:
        """The text as strokes, one per line, where it is too small to read (nothing is laid
        out: a layout per post-it drawn cost most of opening a board of thousands)."""
        line = _line_height(_font(self.look, self.look.card_px))
        lines = max(1, round(self._text_h / line))
        painter.setPen(_NO_PEN)
        painter.setBrush(_faint(ink))
        painter.drawRects(_strokes(lines, line, self._text_width(self.width)))

    def paint(self, painter: QPainter, _option, _widget=None) -> None:
        rect = QRectF(0, 0, self.width, self.height)
        colour, edge, fill, ink = _paints(self.look, self.colour())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(edge)
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, 6, 6)
        painter.setPen(_NO_PEN)
        painter.setBrush(colour)
        painter.drawRoundedRect(QRectF(0, 0, BAND + 4, self.height), 6, 6)
        painter.drawRect(QRectF(4, 0, BAND, self.height))
        if self.look.card_px * painter.worldTransform().m11() < GREEK_BELOW_PX:
            self._greek(painter, ink)
        else:
            painter.setPen(ink)
            self._text.draw(painter, _TEXT_AT)
        if self._badge:
            w, h = self._badge_size
            badge = QRectF(self.width - w - PAD / 2, PAD / 2, w, h)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(badge, h / 2, h / 2)
            painter.setPen(QColor(theme.WHITE) if _dark_enough(colour) else QColor(theme.BLACK))
            painter.setFont(self._badge_font)
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, self._badge)
        if self._footer:
            painter.setFont(_font(self.look, self.look.small_px))
            painter.setPen(QColor(self.look.muted))
            small = QFontMetricsF(painter.font())
            footer_rect = QRectF(
                BAND + PAD,
                self.height - PAD - small.height(),
                self.width - BAND - 2 * PAD,
                small.height() + 2,
            )
            # Elided only in the footer (names, sources): the card's own text is never cut.
            painter.drawText(
                footer_rect,
                Qt.AlignmentFlag.AlignLeft,
                small.elidedText(self._footer, Qt.TextElideMode.ElideRight, footer_rect.width()),
            )
        if self.matched:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(QColor(HIGHLIGHT), 5))
            painter.drawRoundedRect(rect.adjusted(-1, -1, 1, 1), 7, 7)
            painter.setPen(QPen(QColor(theme.BLACK), 1.5))
            painter.drawRoundedRect(rect.adjusted(-3, -3, 3, 3), 8, 8)
        if self.isSelected():
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(QColor(SELECTED), 3, Qt.PenStyle.DashLine))
            painter.drawRoundedRect(rect.adjusted(-2, -2, 2, 2), 7, 7)


class ClusterItem(QGraphicsObject):
    """A sous-thématique: a titled frame around its cards; collapsed, it shows the count."""

    def __init__(self, cluster: ClusterData, look: Look) -> None:
        super().__init__()
        self.look = look
        self.rect = QRectF(0, 0, look.card_width, CLUSTER_HEADER)
        self.count = 0
        self.home = QPointF()
        self._title_key: tuple[str, float] | None = None
        self._header = CLUSTER_HEADER
        self.setZValue(-1)
        # Large and translucent: drawn once into a pixmap, not again for every card typed.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        if not look.room:
            self.setFlags(
                QGraphicsItem.GraphicsItemFlag.ItemIsMovable
                | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
                | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges
            )
        self.set_cluster(cluster)

    def set_cluster(self, cluster: ClusterData) -> None:
        self.cluster = cluster
        if not self.look.room:
            self.setToolTip(
                as_typed(tr("{title} — double-clic pour renommer").format(title=cluster.title))
            )
        self._title_key = None  # laid out again at the next header_height()
        self.update()

    def _title_text(self) -> str:
        arrow = "▸" if self.cluster.collapsed else "▾"
        text = f"{arrow} {self.count} · {self.cluster.title}"
        if self.cluster.fiche:
            text += f"  ✓ fiche action {self.cluster.fiche}"
        return text

    def header_height(self, width: float, count: int) -> float:
        """The title area for this width: a long title wraps onto more lines, never cut."""
        self.count = count
        key = (self._title_text(), width)
        if key != self._title_key:
            font = self.look.font(self.look.cluster_px, bold=True)
            self._title, text_h = _layout_text(_together(key[0]), font, width - 22)
            self._title_key, self._header = key, max(CLUSTER_HEADER, text_h + 16)
        return self._header

    def set_size(self, width: float, height: float, count: int) -> None:
        if (self.rect.width(), self.rect.height(), self.count) == (width, height, count):
            return  # unchanged: no repaint of what lies under it
        self.prepareGeometryChange()
        self.rect = QRectF(0, 0, width, height)
        self.header_height(width, count)  # the title laid out for the width chosen
        self.update()

    def boundingRect(self) -> QRectF:
        return self.rect.adjusted(-3, -3, 3, 3)

    def header_rect(self) -> QRectF:
        return QRectF(0, 0, self.rect.width(), self._header)

    def paint(self, painter: QPainter, _option, _widget=None) -> None:
        colour = QColor(ZONE_COLOURS.get(self.cluster.zone, theme.UNKNOWN_ZONE_CLUSTER))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(colour, 2, Qt.PenStyle.DashLine))
        painter.setBrush(self.look.tint(colour.name(), 30 if not self.look.room else 45))
        painter.drawRoundedRect(self.rect, 10, 10)
        painter.setPen(QColor(self.look.text))
        self.header_height(self.rect.width(), self.count)
        text_h = self._title.boundingRect().height()
        self._title.draw(painter, QPointF(12, (self._header - text_h) / 2))
        if self.isSelected():
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(QColor(SELECTED), 3))
            painter.drawRoundedRect(self.rect, 10, 10)

    def itemChange(self, change, value):
        # The cluster's cards travel with it while it is dragged.
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionChange and self.scene():
            delta = value - self.pos()
            for item in getattr(self.scene(), "cards_in_cluster", lambda _cid: [])(self.cluster.id):
                item.moveBy(delta.x(), delta.y())
        return super().itemChange(change, value)


def _dark_enough(colour: QColor) -> bool:
    """White text on this colour reads better than black (relative luminance test)."""

    def channel(v: int) -> float:
        c = v / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    lum = (
        0.2126 * channel(colour.red())
        + 0.7152 * channel(colour.green())
        + 0.0722 * channel(colour.blue())
    )
    return (1.05 / (lum + 0.05)) >= ((lum + 0.05) / 0.05)
