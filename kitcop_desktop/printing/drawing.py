"""Shapes drawn straight on the canvas: zone panels, the speedboat, a board's miniature.

Flowables here size themselves to the frame they are given, so the same drawing serves an A3
poster and an A4 page.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from kitcop_desktop.domain.board_kinds import KINDS
from kitcop_desktop.i18n import tr
from kitcop_desktop.printing.emoji import text_width
from kitcop_desktop.printing.fonts import BOLD, FAMILY
from kitcop_desktop.printing.styles import INK, MUTED, tint, zone_colour
from kitcop_desktop.printing.text import plain


def _longest_prefix(word: str, font: str, size: float, width: float) -> int:
    """How many characters of `word` fit in `width` (at least one): a binary search, so a
    10,000-character word costs a few dozen measurements, not thousands."""
    low, high = 1, len(word)
    while low < high:
        middle = (low + high + 1) // 2
        if text_width(word[:middle], font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return low


def wrap_lines(text: str, font: str, size: float, width: float, limit: int = 99) -> list[str]:
    """Greedy word wrap for canvas text; words wider than the line are cut. At most `limit`
    lines, the last ending with « … » when text was left out."""
    lines: list[str] = []
    truncated = False
    for paragraph in plain(text).split("\n"):
        line = ""
        for word in paragraph.split():
            while text_width(word, font, size) > width and len(word) > 1:
                if line:
                    lines.append(line)
                    line = ""
                cut = _longest_prefix(word, font, size, width)
                lines.append(word[:cut])
                word = word[cut:]
                if len(lines) > limit:
                    break
            trial = f"{line} {word}".strip()
            if text_width(trial, font, size) <= width:
                line = trial
            else:
                lines.append(line)
                line = word
            if len(lines) > limit:
                break
        lines.append(line)
        if len(lines) > limit:
            break
    if len(lines) > limit:
        lines, truncated = lines[:limit], True
    if truncated and lines:
        lines[-1] = lines[-1][:-1] + "…" if lines[-1] else "…"
    return lines


def zone_panel(canvas, x, y, w, h, zone_key, label, hint, *, scale: float = 1.0) -> None:
    """A zone: pale tint, a solid strip of its colour on top, label and hint in ink."""
    colour = zone_colour(zone_key)
    canvas.saveState()
    canvas.setFillColor(tint(colour, 0.86))
    canvas.setStrokeColor(colour)
    canvas.setLineWidth(1.2 * scale)
    canvas.roundRect(x, y, w, h, 3 * mm * scale, stroke=1, fill=1)
    canvas.setFillColor(colour)
    canvas.rect(x, y + h - 4 * mm * scale, w, 4 * mm * scale, stroke=0, fill=1)
    canvas.setFillColor(INK)
    size = 20 * scale
    canvas.setFont(BOLD, size)
    canvas.drawString(x + 6 * mm * scale, y + h - 4 * mm * scale - size * 1.25, plain(label))
    if hint:
        canvas.setFont(FAMILY, size * 0.55)
        canvas.setFillColor(MUTED)
        canvas.drawString(x + 6 * mm * scale, y + h - 4 * mm * scale - size * 2.1, plain(hint))
    canvas.restoreState()


class ZoneGrid(Flowable):
    """A board kind's zones laid out as its rows (2×2 for KISS and the fiche étonnement)."""

    def __init__(self, kind_key: str, height: float, *, scale: float = 1.0, gap: float = 5 * mm):
        super().__init__()
        self.kind = KINDS[kind_key]
        self.box_height = height
        self.scale = scale
        self.gap = gap

    def wrap(self, available_width, available_height):
        self.width = available_width
        self.height = min(self.box_height, available_height)
        return self.width, self.height

    def draw(self):
        rows = self.kind.rows
        row_h = (self.height - self.gap * (len(rows) - 1)) / len(rows)
        for r, row in enumerate(rows):
            col_w = (self.width - self.gap * (len(row) - 1)) / len(row)
            y = self.height - (r + 1) * row_h - r * self.gap
            for c, key in enumerate(row):
                zone = self.kind.zone(key)
                x = c * (col_w + self.gap)
                zone_panel(
                    self.canv, x, y, col_w, row_h, key, zone.label, zone.hint, scale=self.scale
                )


class Speedboat(Flowable):
    """The kit's sailboat: sky with the leviers above the waterline, the freins underwater."""

    def __init__(self, height: float, goal: str | None = None):
        super().__init__()
        self.box_height = height
        self.goal = tr("Objectif") if goal is None else goal

    def wrap(self, available_width, available_height):
        self.width = available_width
        self.height = min(self.box_height, available_height)
        return self.width, self.height

    def draw(self):
        c = self.canv
        w, h = self.width, self.height
        kind = KINDS["speedboat"]
        water = h * 0.42
        levers, brakes = kind.zone("levers"), kind.zone("brakes")
        zone_panel(c, 0, water + 2 * mm, w, h - water - 2 * mm, "levers", levers.label, levers.hint)
        zone_panel(c, 0, 0, w, water - 2 * mm, "brakes", brakes.label, brakes.hint)
        c.saveState()
        # The waterline, the hull, the mast and sails, the anchor on its chain.
        cx, line_y = w * 0.45, water
        c.setStrokeColor(INK)
        c.setLineWidth(2)
        c.setDash(6, 4)
        c.line(0, line_y, w, line_y)
        c.setDash()
        hull = c.beginPath()
        hull.moveTo(cx - 70 * mm, line_y + 16 * mm)
        hull.lineTo(cx + 70 * mm, line_y + 16 * mm)
        hull.lineTo(cx + 52 * mm, line_y - 8 * mm)
        hull.lineTo(cx - 52 * mm, line_y - 8 * mm)
        hull.close()
        c.setFillColor(colors.white)
        c.drawPath(hull, stroke=1, fill=1)
        c.line(cx, line_y + 16 * mm, cx, line_y + 95 * mm)
        sail = c.beginPath()
        sail.moveTo(cx + 2 * mm, line_y + 95 * mm)
        sail.lineTo(cx + 2 * mm, line_y + 22 * mm)
        sail.lineTo(cx + 55 * mm, line_y + 22 * mm)
        sail.close()
        c.drawPath(sail, stroke=1, fill=1)
        jib = c.beginPath()
        jib.moveTo(cx - 2 * mm, line_y + 85 * mm)
        jib.lineTo(cx - 2 * mm, line_y + 22 * mm)
        jib.lineTo(cx - 45 * mm, line_y + 22 * mm)
        jib.close()
        c.drawPath(jib, stroke=1, fill=1)
        ax, ay = cx - 40 * mm, line_y - 8 * mm
        c.setDash(3, 3)
        c.line(ax, ay, ax - 10 * mm, water * 0.25)
        c.setDash()
        bx, by = ax - 10 * mm, water * 0.25
        c.line(bx, by, bx, by - 14 * mm)
        c.line(bx - 6 * mm, by - 4 * mm, bx + 6 * mm, by - 4 * mm)
        c.arc(bx - 9 * mm, by - 22 * mm, bx + 9 * mm, by - 6 * mm, 200, 140)
        c.circle(bx, by + 2 * mm, 2 * mm, stroke=1, fill=1)
        # The goal on the horizon, on the right.
        gx = w - 70 * mm
        c.setFillColor(INK)
        c.line(gx, line_y, gx, line_y + 40 * mm)
        flag = c.beginPath()
        flag.moveTo(gx, line_y + 40 * mm)
        flag.lineTo(gx + 18 * mm, line_y + 34 * mm)
        flag.lineTo(gx, line_y + 28 * mm)
        flag.close()
        c.drawPath(flag, stroke=0, fill=1)
        c.setFont(BOLD, 14)
        for i, line in enumerate(wrap_lines(self.goal, BOLD, 14, 60 * mm, limit=2)):
            c.drawString(gx + 4 * mm, line_y + 20 * mm - i * 6 * mm, line)
        c.restoreState()
