"""The room's overview of a board too full to read whole: one tile per zone.

When « Tout le tableau » cannot show its post-its at 1/20 of the room's height (a full
speedboat at 1024×768 drew them at 12 px), the room sees instead each zone as a tile: its title
and its number of post-its, then as many of its first post-its as fit at the readable size
(each whole, on as many lines as it needs, never shortened with « … »; « + 12 autres » when
some are left out), and at the
bottom how to see the rest: « Page suivante : zone par zone ». The clicker then walks the zones
page by page (room_pages.py). Every text is at least 1/20 of the room's height, ≥ 7:1.

`drawn` lists what the last paint drew (text, size, rect, colours): the room's rules are
checked on it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QWidget

from kitcop_desktop.domain.french import plural
from kitcop_desktop.domain.palette import ROOM, room_tint
from kitcop_desktop.i18n import tr
from kitcop_desktop.ui import theme
from kitcop_desktop.ui.widgets.room_text import room_text_font, wrap_lines

HINT = "Page suivante : zone par zone"
TILE_FILL = theme.ROOM_TILE
GAP = 0.35  # between tiles, in body lines
PAD = 0.3  # inside a tile, in body lines


@dataclass(frozen=True)
class ZoneSummary:
    """One zone as the overview tells it."""

    key: str
    label: str
    colour: str
    count: int  # post-its in the zone
    # Its sous-thématiques and post-its in reading order: (text, what stays whole after it,
    # e.g. a sous-thématique's « (3) »).
    items: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class DrawnText:
    text: str
    pixel_size: int
    rect: QRectF
    ink: str
    fill: str
    kind: str  # « title », « zone », « item », « more », « hint »
    zone: str = ""


def count_text(count: int) -> str:
    return (
        tr("aucun\u00a0post-it") if count == 0 else plural(count, "post-it").replace(" ", "\u00a0")
    )


@dataclass
class _Tile:
    zone: ZoneSummary
    rect: QRectF
    band: QRectF
    texts: list[DrawnText]
    cut_words: int = 0  # words a too narrow tile had to break across lines (« commen/ce »)


def _cut_words(text: str, lines: list[str]) -> int:
    """How many of `lines`' words are pieces of a word of `text` broken across lines."""
    words = set(text.replace("\u00a0", " ").split())
    return sum(1 for w in " ".join(lines).replace("\u00a0", " ").split() if w not in words)


class BoardSummary(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = ""
        self.zones: list[ZoneSummary] = []
        self.rows: tuple[tuple[str, ...], ...] = ()  # the kit's shape of the board
        self.reference_height = 0  # the room's height; 0 = this widget's window's
        self.drawn: list[DrawnText] = []

    def set_summary(self, title: str, zones: list[ZoneSummary], rows=()) -> None:
        self.title, self.zones, self.rows = title, list(zones), tuple(rows)
        self.update()

    def body_px(self) -> int:
        """Body text: 1/20 of the room's height, rounded up."""
        height = self.reference_height or max(1, self.window().height())
        return max(12, math.ceil(height / 20))

    # -- layout -----------------------------------------------------------------------------
    def plan(self) -> tuple[list[_Tile], list[DrawnText]]:
        """The tiles and every text of the overview at this size."""
        px = self.body_px()
        body = room_text_font(px)
        line = QFontMetricsF(body).lineSpacing()
        margin = max(8.0, line * 0.5)
        width, height = float(self.width()), float(self.height())
        texts: list[DrawnText] = []
        top = margin
        # The board's title: a little larger when it fits on one line.
        for size in (round(px * 1.25), px):
            font = room_text_font(size, bold=True)
            lines = wrap_lines(self.title, font, width - 2 * margin)
            if len(lines) <= 1 or size == px:
                break
        spacing = QFontMetricsF(font).lineSpacing()
        for text in lines[:2]:
            rect = QRectF(margin, top, width - 2 * margin, spacing)
            texts.append(DrawnText(text, size, rect, ROOM["text"], ROOM["background"], "title"))
            top += spacing
        # How to see the rest, at the bottom.
        hint_lines = wrap_lines(HINT, body, width - 2 * margin)
        bottom = height - margin - len(hint_lines) * line
        for n, text in enumerate(hint_lines):
            rect = QRectF(margin, bottom + n * line, width - 2 * margin, line)
            texts.append(DrawnText(text, px, rect, ROOM["accent"], ROOM["background"], "hint"))
        area = QRectF(margin, top + line * 0.25, width - 2 * margin, bottom - top - line * 0.5)
        tiles = self._tiles(area, px, line)
        for tile in tiles:
            texts += tile.texts
        return tiles, texts

    def _tiles(self, area: QRectF, px: int, line: float) -> list[_Tile]:
        """The arrangement that shows the most: every title whole first, then the kit's shape
        of the board if it shows enough, else the most of the post-its' words."""
        n = len(self.zones)
        keys = [z.key for z in self.zones]
        shapes = [[keys[i : i + c] for i in range(0, n, c)] for c in range(1, n + 1)]
        kit = [list(row) for row in self.rows if row]
        if sorted(k for row in kit for k in row) == sorted(keys):
            shapes.insert(0, kit)
        best, best_score = [], None
        for shape in shapes:
            tiles = self._arrange(shape, area, px, line)
            if not tiles:
                continue
            whole = sum(1 for t in tiles if t.band.bottom() <= t.rect.bottom() + 0.5)
            # Tiles too narrow break words (« On / commen / ce · ») (#22's KISS board at
            # 1024×768): a shape that keeps every word whole comes first.
            clean = -sum(t.cut_words for t in tiles)
            words = sum(len(x.text) for t in tiles for x in t.texts if x.kind == "item")
            # The kit's shape (the speedboat's sky above its water) while it shows every
            # title and two post-its of each zone that has some.
            kit_fits = shape is kit and all(
                sum(1 for x in t.texts if x.kind == "item") >= min(2, len(t.zone.items))
                for t in tiles
            )
            score = (whole, clean, kit_fits, words)
            if best_score is None or score > best_score:
                best, best_score = tiles, score
        return best

    def _arrange(self, shape, area: QRectF, px: int, line: float) -> list[_Tile]:
        """Tiles in rows of zone keys (each row shares the width, every row the same height)."""
        by_key = {z.key: z for z in self.zones}
        gap = line * GAP
        h = (area.height() - gap * (len(shape) - 1)) / len(shape)
        if h < line:
            return []
        tiles = []
        for r, row in enumerate(shape):
            w = (area.width() - gap * (len(row) - 1)) / len(row)
            if w < line * 3:
                return []
            for c, key in enumerate(row):
                rect = QRectF(area.x() + c * (w + gap), area.y() + r * (h + gap), w, h)
                tiles.append(self._tile(by_key[key], rect, px, line))
        return tiles

    def _tile(self, zone: ZoneSummary, rect: QRectF, px: int, line: float) -> _Tile:
        pad = line * PAD
        inner = rect.width() - 2 * pad
        band_fill = room_tint(zone.colour, ROOM["background"])
        ink = ROOM["background"]
        # « Freins (ancres) · 20 post-its »: it may wrap before the count, never inside it.
        head = f"{zone.label}\u00a0· {count_text(zone.count)}"
        head_lines = wrap_lines(head, room_text_font(px, bold=True), inner)
        cut = _cut_words(head, head_lines)
        band = QRectF(rect.x(), rect.y(), rect.width(), len(head_lines) * line + pad)
        texts = [
            DrawnText(
                text,
                px,
                QRectF(rect.x() + pad, rect.y() + pad / 2 + n * line, inner, line),
                ink,
                band_fill,
                "zone",
                zone.key,
            )
            for n, text in enumerate(head_lines)
        ]
        room_left = int((rect.bottom() - band.bottom() - pad / 2) // line)
        items = list(zone.items)
        if room_left >= 1 and items:
            font = room_text_font(px)
            y = band.bottom() + pad / 4
            used = shown = 0
            for item, suffix in items:
                # Whole, wrapped over as many lines as it needs; its « (3) » stays with it.
                text = " ".join(item.split()) + suffix.replace(" ", "\u00a0")
                lines = wrap_lines(text, font, inner)
                cut += _cut_words(text, lines)
                reserve = 1 if shown + 1 < len(items) else 0  # for « + N autres »
                if used + len(lines) + reserve > room_left:
                    break
                for part in lines:
                    rect_t = QRectF(rect.x() + pad, y, inner, line)
                    texts.append(
                        DrawnText(part, px, rect_t, ROOM["text"], TILE_FILL, "item", zone.key)
                    )
                    y += line
                used += len(lines)
                shown += 1
            left = len(items) - shown
            if left:
                more = f"+ {plural(left, 'autre')}"
                rect_t = QRectF(rect.x() + pad, y, inner, line)
                texts.append(
                    DrawnText(more, px, rect_t, ROOM["muted"], TILE_FILL, "more", zone.key)
                )
        return _Tile(zone, rect, band, texts, cut)

    # -- painting ---------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt API
        tiles, texts = self.plan()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.fillRect(self.rect(), QColor(ROOM["background"]))
        for tile in tiles:
            colour = QColor(room_tint(tile.zone.colour, ROOM["background"]))
            painter.setPen(QPen(colour, 3))
            painter.setBrush(QColor(TILE_FILL))
            painter.drawRoundedRect(tile.rect.adjusted(1.5, 1.5, -1.5, -1.5), 12, 12)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            band = tile.band.intersected(tile.rect)
            painter.drawRoundedRect(band, 12, 12)
            painter.drawRect(band.adjusted(0, 12, 0, 0) if band.height() > 12 else band)
        for text in texts:
            painter.setFont(room_text_font(text.pixel_size, bold=text.kind in ("title", "zone")))
            painter.setPen(QColor(text.ink))
            painter.drawText(
                text.rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text.text
            )
        painter.end()
        self.drawn = texts
