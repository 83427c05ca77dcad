"""What the templates' matériel lists ask to print, drawn to be cut, folded and filled by hand.

The chemin de la rétrospective poster (A3), the déclusion slips for more than 20 people (the
kit: « nom – ressenti – envie de s'engager », eight per A4 with cut lines), the world café's
table cards (an A4 folded into an A5 tent: table, rounds and their questions) and the fiche
étonnement two per A4. Every text is at least 9 pt.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from kitcop_desktop.domain.board_kinds import KINDS
from kitcop_desktop.domain.french import minutes_text
from kitcop_desktop.i18n import tr, tr_later
from kitcop_desktop.printing.common import markup, p
from kitcop_desktop.printing.document import FORMATS, MARGIN, Document, frame_height
from kitcop_desktop.printing.drawing import ZoneGrid, wrap_lines
from kitcop_desktop.printing.fonts import BOLD, FAMILY
from kitcop_desktop.printing.styles import INK, MUTED, RULE
from kitcop_desktop.printing.text import one_line, plain
from kitcop_desktop.storage import agenda

CUT = tr_later("✂ Découper")
DEFAULT_TABLES = 6  # the kit's world café: six tables


class _PageDrawing(Flowable):
    """Fills the frame; `paint(canvas, page_x, page_y)` draws in page coordinates, so fold and
    cut lines fall on the paper's own middle, not the frame's."""

    def __init__(self, fmt: str, paint):
        super().__init__()
        self.fmt, self.paint = fmt, paint

    def wrap(self, available_width, available_height):
        self.width, self.height = available_width, available_height
        return self.width, self.height

    def draw(self):
        self.canv.saveState()
        self.canv.translate(-MARGIN, -MARGIN)  # the frame starts at the margins
        self.paint(self.canv, *FORMATS[self.fmt])
        self.canv.restoreState()


def _whole(text: str, font: str, size: float, width: float) -> str:
    """`text` when it fits on one line, else nothing (never a line cut with « … »)."""
    lines = wrap_lines(text, font, size, width, 1)
    return lines[0] if len(lines) == 1 and not lines[0].endswith("…") else ""


def _cut_line(canvas, x1, y1, x2, y2, *, label: bool = True) -> None:
    canvas.saveState()
    canvas.setStrokeColor(MUTED)
    canvas.setDash(3, 3)
    canvas.setLineWidth(0.5)
    canvas.line(x1, y1, x2, y2)
    if label and y1 == y2:
        canvas.setFont(FAMILY, 9)
        canvas.setFillColor(MUTED)
        canvas.drawString(x1 + 2 * mm, y1 + 1.2 * mm, tr(CUT))
    canvas.restoreState()


class _RetroPath(ZoneGrid):
    """The chemin's stations, each split between the kit's two angles."""

    def draw(self):
        super().draw()
        rows = self.kind.rows
        row_h = (self.height - self.gap * (len(rows) - 1)) / len(rows)
        c = self.canv
        for r, row in enumerate(rows):
            col_w = (self.width - self.gap * (len(row) - 1)) / len(row)
            y = self.height - (r + 1) * row_h - r * self.gap
            middle = y + (row_h - 30 * mm) / 2
            for i in range(len(row)):
                x = i * (col_w + self.gap)
                c.saveState()
                c.setDash(4, 3)
                c.setStrokeColor(RULE)
                c.line(x + 4 * mm, middle, x + col_w - 4 * mm, middle)
                c.setFont(BOLD, 11)
                c.setFillColor(MUTED)
                c.drawString(x + 6 * mm, middle + 2.5 * mm, tr("Actions"))
                c.drawString(x + 6 * mm, middle - 6 * mm, tr("Ressentis"))
                c.restoreState()


def add_retro_path_poster(doc: Document, session, workshop) -> None:
    title = KINDS["retro_path"].label
    doc.page("poster")
    doc.section(title)
    doc.add(markup(one_line(title), "poster_title"))
    doc.add(p(tr("Deux angles : le concret (actions) en haut, les ressentis en bas."), "center"))
    doc.add(Spacer(1, 4 * mm), _RetroPath("retro_path", frame_height("poster") - 35 * mm))


def add_declusion_slips(doc: Document, session, workshop) -> None:
    """Eight slips per A4 (the kit: « si plus de 20 personnes, un petit papier »)."""
    doc.page("portrait")
    doc.section(tr("Déclusion — petits papiers"))
    title = plain(workshop.title)

    def paint(c, page_w, page_h):
        top, bottom = page_h - MARGIN - 8 * mm, MARGIN + 4 * mm
        cols, rows = 2, 4
        w, h = page_w / cols, (top - bottom) / rows
        for r in range(1, rows):
            _cut_line(c, 0, bottom + r * h, page_w, bottom + r * h)
        _cut_line(c, page_w / 2, bottom, page_w / 2, top, label=False)
        _cut_line(c, 0, top, page_w, top)
        for r in range(rows):
            for col in range(cols):
                x, y = col * w + 10 * mm, bottom + (r + 1) * h - 10 * mm
                c.setFillColor(INK)
                c.setFont(BOLD, 12)
                c.drawString(x, y, tr("Déclusion"))
                c.setFont(FAMILY, 9)
                c.setFillColor(MUTED)
                c.drawString(x, y - 5 * mm, _whole(title, FAMILY, 9, w - 20 * mm))
                c.setFillColor(INK)
                c.setFont(FAMILY, 11)
                for k, label in enumerate((tr("Nom :"), tr("Ressenti en un mot :"))):
                    line_y = y - (14 + 10 * k) * mm
                    c.drawString(x, line_y, label)
                    c.setStrokeColor(RULE)
                    c.line(x + 42 * mm, line_y - 1, x + w - 20 * mm, line_y - 1)
                c.drawString(x, y - 34 * mm, tr("Envie de s'engager dans la suite ?"))
                c.drawString(x, y - 41 * mm, tr("☐ oui     ☐ non     ☐ peut-être"))

    doc.add(_PageDrawing("portrait", paint))


def _rounds(session, workshop_id: int) -> list[tuple[str, str]]:
    """(« Tour 1 · 20 min », question) for each rotation of the déroulé, in order."""
    out: list[tuple[str, str]] = []
    for seq in agenda.list_sequences(session, workshop_id):
        if seq.kind == "rotation":
            question = seq.title.split(" — ", 1)[-1]
            label = tr("Tour {number}").format(number=len(out) + 1)
            out.append((f"{label} · {minutes_text(seq.duration_minutes)}", question))
    return out


def add_table_cards(doc: Document, session, workshop) -> None:
    """World café: one card per table, an A4 folded in two into an A5 tent. The upper half is
    upside down, so both faces read the right way up once folded."""
    rounds = _rounds(session, workshop.id)
    if not rounds:
        return
    for table_number in range(1, DEFAULT_TABLES + 1):
        doc.page("landscape")
        doc.section(tr("Cartes de table"))

        def paint(c, page_w, page_h, number=table_number):
            _cut_line(c, 0, page_h / 2, page_w, page_h / 2, label=False)
            c.setFont(FAMILY, 9)
            c.setFillColor(MUTED)
            c.drawCentredString(page_w / 2, page_h / 2 + 1.5 * mm, tr("Plier ici"))
            _face(c, page_w, page_h / 2, number, rounds)
            c.saveState()
            c.translate(page_w, page_h)
            c.rotate(180)
            _face(c, page_w, page_h / 2, number, rounds)
            c.restoreState()

        doc.add(_PageDrawing("landscape", paint))


def _face(c, width: float, height: float, number: int, rounds) -> None:
    """One face of a table card, in the lower half of the page (0, 0)-(width, height)."""
    c.setFillColor(MUTED)
    c.setFont(FAMILY, 10)
    c.drawString(MARGIN, height - 12 * mm, tr("Carte de table — world café"))
    c.setFillColor(INK)
    c.setFont(BOLD, 40)
    c.drawString(MARGIN, height - 30 * mm, f"Table {number}")
    y = height - 44 * mm
    for label, question in rounds:
        c.setFont(BOLD, 13)
        c.drawString(MARGIN, y, label)
        c.setFont(FAMILY, 13)
        for line in wrap_lines(plain(question), FAMILY, 13, width - 2 * MARGIN - 45 * mm, 3):
            c.drawString(MARGIN + 45 * mm, y, line)
            y -= 6 * mm
        y -= 3 * mm


def add_astonishment_sheets(doc: Document, session, workshop) -> None:
    """The fiche étonnement two per A4, as the kit hands it out: cut in two, one each."""
    doc.page("portrait")
    doc.section(tr("Fiche étonnement"))
    kind = KINDS["astonishment"]
    title = plain(workshop.title)

    def paint(c, page_w, page_h):
        top, bottom = page_h - MARGIN - 8 * mm, MARGIN + 4 * mm
        half = (top - bottom) / 2
        _cut_line(c, 0, bottom + half, page_w, bottom + half)
        for k in range(2):
            y0 = bottom + (1 - k) * half + 4 * mm
            _astonishment(c, MARGIN, y0, page_w - 2 * MARGIN, half - 12 * mm, kind, title)

    doc.add(_PageDrawing("portrait", paint))


def _astonishment(c, x, y, w, h, kind, title: str) -> None:
    c.setFillColor(INK)
    c.setFont(BOLD, 14)
    c.drawString(x, y + h - 8 * mm, tr("Fiche étonnement"))
    c.setFont(FAMILY, 9)
    c.setFillColor(MUTED)
    c.drawRightString(x + w, y + h - 8 * mm, _whole(title, FAMILY, 9, w - 60 * mm))
    c.setFillColor(INK)
    c.setFont(FAMILY, 10)
    c.drawString(x, y + h - 16 * mm, tr("Nom (facultatif) :"))
    c.drawString(x + w / 2, y + h - 16 * mm, tr("Structure :"))
    c.setStrokeColor(RULE)
    c.line(x + 30 * mm, y + h - 16.5 * mm, x + w / 2 - 4 * mm, y + h - 16.5 * mm)
    c.line(x + w / 2 + 20 * mm, y + h - 16.5 * mm, x + w, y + h - 16.5 * mm)
    grid_h = h - 22 * mm
    box_w, box_h = (w - 4 * mm) / 2, (grid_h - 4 * mm) / 2
    for r, row in enumerate(kind.rows):
        for col, key in enumerate(row):
            bx, by = x + col * (box_w + 4 * mm), y + (1 - r) * (box_h + 4 * mm)
            c.setStrokeColor(INK)
            c.setLineWidth(0.8)
            c.roundRect(bx, by, box_w, box_h, 2 * mm)
            c.setFont(BOLD, 11)
            c.drawString(bx + 3 * mm, by + box_h - 6 * mm, kind.zone(key).label)
