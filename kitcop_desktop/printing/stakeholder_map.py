"""The cartographie des acteurs printed on A3 landscape (kit Brique 1-2), to pin on a wall: the
three zones as rings with each actor where the screen puts it, its category's colour, its
influence mark, filled when it came to a workshop; beside it the legend and the actors zone by
zone. No text under 9 pt."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from kitcop_desktop.domain.palette import MAP_RING, MAP_ZONE_FILLS, MAP_ZONE_NAME, UNKNOWN_CATEGORY
from kitcop_desktop.domain.stakeholder_map import (
    CATEGORIES,
    CATEGORY_COLOURS,
    INFLUENCE_COLOUR,
    INFLUENCE_LABEL,
    INFLUENCE_MARK,
    ZONE_HINTS,
    ZONE_RADII,
    ZONES,
    Encounter,
)
from kitcop_desktop.i18n import tr, tr_later, tr_n
from kitcop_desktop.printing.document import Document, Heading
from kitcop_desktop.printing.drawing import wrap_lines
from kitcop_desktop.printing.emoji import text_width
from kitcop_desktop.printing.fonts import BOLD, FAMILY
from kitcop_desktop.printing.styles import INK, MUTED, RULE
from kitcop_desktop.printing.text import plain
from kitcop_desktop.storage import chantiers, stakeholder_map
from kitcop_desktop.storage.stakeholder_map import ActorRow

TITLE = tr_later("Cartographie des acteurs")
NAME_SIZE = 9.5
ZONE_FILLS = MAP_ZONE_FILLS
BOX_WIDTH = 46 * mm


class MapDrawing(Flowable):
    """The whole A3 frame: the map on the left, the legend and the lists on the right."""

    def __init__(self, title: str, rows: list[ActorRow], met: dict[int, Encounter]) -> None:
        super().__init__()
        self.title, self.rows, self.met = title, rows, met

    def wrap(self, available_width, available_height):
        self.width, self.height = available_width, available_height
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.setFillColor(INK)
        c.setFont(BOLD, 18)
        c.drawString(0, self.height - 18, plain(f"{tr(TITLE)} — {self.title}"))
        came = sum(1 for r in self.rows if self.met.get(r.id, Encounter()).workshops)
        c.setFont(FAMILY, 11)
        c.setFillColor(MUTED)
        c.drawString(
            0,
            self.height - 34,
            tr_n("{n} acteur", "{n} acteurs", len(self.rows)).format(n=len(self.rows))
            + " · "
            + tr_n("{n} venu aux ateliers", "{n} venus aux ateliers", came).format(n=came),
        )
        legend = 95 * mm
        width, height = self.width - legend - 8 * mm, self.height - 44
        self._map(c, width / 2, height / 2, width / 2, height / 2)
        self._legend(c, width + 8 * mm, self.height - 44, legend)

    # ---------------------------------------------------------------------------------- map
    def _map(self, c, cx: float, cy: float, half_x: float, half: float) -> None:
        c.saveState()
        c.setStrokeColor(RULE)
        c.setFillColor(colors.HexColor(ZONE_FILLS[2]))
        c.rect(cx - half_x, cy - half, 2 * half_x, 2 * half, stroke=1, fill=1)
        c.setStrokeColor(colors.HexColor(MAP_RING))
        c.setLineWidth(1.2)
        for index in reversed(range(len(ZONES) - 1)):
            c.setFillColor(colors.HexColor(ZONE_FILLS[index]))
            rx, ry = ZONE_RADII[index] * half_x, ZONE_RADII[index] * half
            c.ellipse(cx - rx, cy - ry, cx + rx, cy + ry, stroke=1, fill=1)
        for index, name in enumerate(ZONES):
            top = cy + ZONE_RADII[index] * half - 8 * mm
            c.setFillColor(colors.HexColor(MAP_ZONE_NAME))
            c.setFont(BOLD, 13)
            c.drawCentredString(cx, top, name)
            c.setFont(FAMILY, 9.5)
            c.drawCentredString(cx, top - 12, ZONE_HINTS[index])
        for row in self.rows:
            self._actor(c, cx + row.x * half_x, cy - row.y * half, row)
        c.restoreState()

    def _actor(self, c, x: float, y: float, row: ActorRow) -> None:
        met = bool(self.met.get(row.id, Encounter()).workshops)
        colour = colors.HexColor(CATEGORY_COLOURS.get(row.category, UNKNOWN_CATEGORY))
        prefix = f"{INFLUENCE_MARK} " if row.influential else ""
        text = prefix + row.name
        # As wide as its longest word (never a word cut in two), else the usual width.
        longest = max((text_width(w, BOLD, NAME_SIZE) for w in text.split()), default=0.0)
        inner = max(BOX_WIDTH - 4 * mm, min(longest, 90 * mm))
        lines = wrap_lines(text, BOLD, NAME_SIZE, inner, 3)
        width = max(text_width(line, BOLD, NAME_SIZE) for line in lines) + 4 * mm
        height = len(lines) * (NAME_SIZE + 2) + 2.5 * mm
        left, bottom = x - width / 2, y - height / 2
        if row.influential:
            c.setStrokeColor(colors.HexColor(INFLUENCE_COLOUR))
            c.setLineWidth(2.2)
            c.roundRect(
                left - 1.3 * mm, bottom - 1.3 * mm, width + 2.6 * mm, height + 2.6 * mm, 3 * mm
            )
        c.setStrokeColor(colour)
        c.setLineWidth(1.4)
        if met:
            c.setDash()
            c.setFillColor(colour)
        else:
            c.setDash(3, 2)
            c.setFillColor(colors.white)
        c.roundRect(left, bottom, width, height, 2.2 * mm, stroke=1, fill=1)
        c.setDash()
        c.setFillColor(colors.white if met and row.category != "private" else INK)
        c.setFont(BOLD, NAME_SIZE)
        ty = bottom + height - 1.25 * mm - NAME_SIZE
        for line in lines:
            c.drawCentredString(x, ty + 1.5, line)
            ty -= NAME_SIZE + 2

    # ------------------------------------------------------------------------------- legend
    def _legend(self, c, x: float, top: float, width: float) -> None:
        y = top
        c.setFont(BOLD, 12)
        c.setFillColor(INK)
        c.drawString(x, y, tr("Légende"))
        y -= 16
        c.setFont(FAMILY, 10)
        for code, label in CATEGORIES.items():
            c.setFillColor(colors.HexColor(CATEGORY_COLOURS[code]))
            c.roundRect(x, y - 2, 9 * mm, 4 * mm, 1 * mm, stroke=0, fill=1)
            c.setFillColor(INK)
            c.drawString(x + 11 * mm, y, label)
            y -= 14
        c.setStrokeColor(colors.HexColor(INFLUENCE_COLOUR))
        c.setLineWidth(2)
        c.roundRect(x, y - 2, 9 * mm, 4 * mm, 1 * mm, stroke=1, fill=0)
        c.setFillColor(INK)
        c.drawString(x + 11 * mm, y, f"{INFLUENCE_MARK} {tr(INFLUENCE_LABEL)}")
        y -= 14
        c.drawString(
            x, y, tr("Plein\u00a0: venu à un atelier · pointillés\u00a0: absent des ateliers")
        )
        y -= 22
        lines: list[tuple[str, str, float]] = []  # (font, text, size)
        for index, zone in enumerate(ZONES):
            members = [r for r in self.rows if r.zone == index]
            lines.append((BOLD, f"{zone} ({len(members)})", 11))
            for row in members:
                met = self.met.get(row.id, Encounter())
                mark = "✓ " if met.workshops else "○ "
                text = f"{mark}{INFLUENCE_MARK + ' ' if row.influential else ''}{row.label}"
                for line in wrap_lines(text, FAMILY, 9.5, width, 3):
                    lines.append((FAMILY, line, 9.5))
            lines.append((FAMILY, "", 4))
        room = int((y - 14) // 12)
        if len(lines) > room:  # never a name cut: the rest is on the map itself
            left = sum(1 for font, text, _ in lines[room - 1 :] if text.startswith(("✓", "○")))
            lines = lines[: room - 1] + [
                (FAMILY, tr("+ {left} autres acteurs\u00a0: voir la carte").format(left=left), 9.5)
            ]
        c.setFillColor(INK)
        for font, text, size in lines:
            c.setFont(font, size)
            c.drawString(x, y, text)
            y -= size + 3 if font == BOLD else 12


def add_map(doc: Document, session, chantier_id: int) -> None:
    chantier = chantiers.get(session, chantier_id)
    rows = stakeholder_map.rows(session, chantier_id)
    met = stakeholder_map.encounters(session, chantier_id)
    doc.page("poster")
    doc.section(tr(TITLE))
    doc.add(MapDrawing(chantier.title, rows, met))


def render_map_pdf(session, chantier_id: int) -> bytes:
    chantier = chantiers.get(session, chantier_id)
    heading = Heading(chantier.title, tr("Chantier — état des lieux"))
    doc = Document(heading, tr(TITLE))
    add_map(doc, session, chantier_id)
    return doc.build()
