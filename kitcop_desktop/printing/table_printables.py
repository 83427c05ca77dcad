"""The tables' printables (#24), among the supports vierges once the workshop has tables:

- the seating plan of each round, one page for the room (A4 landscape, to pin up or project):
  every table with the names seated there, as large as the page allows;
- a card per table and round (two A5 per A4, cut in the middle): the table, its topic, who
  sits there, to lay on the table before people come in;
- the table cards (an A4 folded into an A5 tent, the upper face upside down): the table's name
  and its question, large, readable from the next table.

Drawn in page coordinates (printables._PageDrawing) so cut and fold lines fall on the paper's
middle; every text at least 9 pt, sizes chosen so that nothing is cut with « … ».
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from reportlab.lib.units import mm

from kitcop_desktop.i18n import tr
from kitcop_desktop.printing.document import MARGIN, Document
from kitcop_desktop.printing.drawing import wrap_lines
from kitcop_desktop.printing.emoji import text_width
from kitcop_desktop.printing.fonts import BOLD, FAMILY
from kitcop_desktop.printing.printables import _cut_line, _PageDrawing
from kitcop_desktop.printing.styles import INK, MUTED, RULE
from kitcop_desktop.printing.text import plain
from kitcop_desktop.storage import participants, tables, tables_harvest, tables_seating

SMALLEST = 9.0  # no printed text under 9 pt
LARGEST_NAME = 22.0


@dataclass(frozen=True)
class Seated:
    """A table in a round, as the printables draw it."""

    name: str
    topic: str
    host: str
    people: list[str]  # the host first


@dataclass(frozen=True)
class RoundSeating:
    number: int
    label: str  # « Tour 1 — Rotation 1 — Le sens, les finalités »
    tables: list[Seated]


def seating(session, workshop_id: int) -> list[RoundSeating]:
    """Each round with every table and who sits there (rounds not placed yet: nobody)."""
    rows = tables.list_tables(session, workshop_id)
    plans = {r.number: r for r in tables_seating.list_rounds(session, workshop_id)}
    names = {x.id: x.name for x in participants.list_for(session, workshop_id)}
    out = []
    for choice in tables_harvest.round_choices(session, workshop_id):
        plan = plans.get(choice.number)
        seated = [
            Seated(
                t.name,
                t.topic,
                t.host_name,
                [names.get(x, "?") for x in (plan.seated.get(t.id, []) if plan else [])],
            )
            for t in rows
        ]
        out.append(RoundSeating(choice.number, choice.label, seated))
    return out


# --- fitting text ---------------------------------------------------------------------------
def _fits(lines: list[str], font: str, size: float, width: float) -> bool:
    return all(text_width(line, font, size) <= width for line in lines)


def _fit_lines(text: str, font: str, width: float, height: float, top: float, low=SMALLEST):
    """(size, lines): the largest size from `top` down to `low` at which the wrapped text fits
    the box whole; at `low` it may be cut (the caller's box is sized so that it is not)."""
    size = top
    while True:
        lines = wrap_lines(plain(text), font, size, width, 99)
        if len(lines) * size * 1.2 <= height or size <= low:
            limit = max(1, int(height // (size * 1.2)))
            return size, wrap_lines(plain(text), font, size, width, limit)
        size = max(low, size - 0.5)


def _whole_lines(text: str, font: str, width: float, height: float, top: float):
    """(size, lines) of `text` whole in the box from `top` down to 9 pt, or None (then the
    caller leaves it out: the table cards carry it)."""
    if not text:
        return None
    size = top
    while size >= SMALLEST:
        lines = wrap_lines(plain(text), font, size, width, 99)
        if len(lines) * size * 1.15 <= height:
            return size, lines
        size -= 0.5
    return None


def _names_size(people: list[str], width: float, height: float, columns: int) -> float:
    """The largest size (≤ LARGEST_NAME) at which these names fit, one a line, in `columns`."""
    rows = math.ceil(len(people) / columns) if people else 1
    size = min(LARGEST_NAME, height / (rows * 1.25))
    column_width = width / columns - 2 * mm
    while size > SMALLEST and not _fits(people, FAMILY, size, column_width):
        size -= 0.5
    return max(SMALLEST, size)


def _draw_names(c, people: list[str], x: float, top: float, width: float, height: float) -> None:
    """The names in one column, or two (or three) when one would print them too small."""
    best = (0.0, 1)
    for columns in (1, 2, 3):
        size = _names_size(people, width, height, columns)
        if size > best[0] + 1.5:  # another column only when it reads clearly larger
            best = (size, columns)
    size, columns = best
    rows = math.ceil(len(people) / columns) if people else 0
    column_width = width / columns
    c.setFillColor(INK)
    for index, name in enumerate(people):
        column, row = divmod(index, rows)
        c.setFont(BOLD if index == 0 and getattr(c, "_host_first", False) else FAMILY, size)
        c.drawString(x + column * column_width, top - (row + 1) * size * 1.25, plain(name))


# --- the room's plan, a page per round ------------------------------------------------------
def _plan_page(c, page_w: float, page_h: float, one: RoundSeating) -> None:
    c.setFillColor(INK)
    c.setFont(BOLD, 22)
    title = wrap_lines(f"Plan de table — {one.label}", BOLD, 22, page_w - 2 * MARGIN, 1)[0]
    c.drawString(MARGIN, page_h - MARGIN - 16, title)
    count = len(one.tables)
    columns = max(1, min(count, math.ceil(math.sqrt(count * 1.2))))
    rows = math.ceil(count / columns)
    gap = 4 * mm
    top = page_h - MARGIN - 26
    box_w = (page_w - 2 * MARGIN - (columns - 1) * gap) / columns
    box_h = (top - MARGIN - (rows - 1) * gap) / rows
    for index, table in enumerate(one.tables):
        row, column = divmod(index, columns)
        x = MARGIN + column * (box_w + gap)
        y_top = top - row * (box_h + gap)
        c.setStrokeColor(RULE)
        c.setLineWidth(1)
        c.roundRect(x, y_top - box_h, box_w, box_h, 3 * mm)
        inner = box_w - 6 * mm
        size, head = _fit_lines(table.name, BOLD, inner, min(box_h * 0.3, 40), 20, 12)
        c.setFont(BOLD, size)
        c.setFillColor(INK)
        y = y_top - 3 * mm
        for line in head:
            y -= size * 1.1
            c.drawString(x + 3 * mm, y, line)
        topic = _whole_lines(table.topic, FAMILY, inner, min(box_h * 0.25, 40), 12)
        if topic:
            topic_size, topic = topic
            c.setFont(FAMILY, topic_size)
            c.setFillColor(MUTED)
            for line in topic:
                y -= topic_size * 1.15
                c.drawString(x + 3 * mm, y, line)
        y -= 2 * mm
        if table.people:
            c._host_first = bool(table.host) and table.people[0] == table.host
            _draw_names(c, table.people, x + 3 * mm, y, inner, y - (y_top - box_h) - 2 * mm)
            c._host_first = False
        else:
            c.setFont(FAMILY, 11)
            c.setFillColor(MUTED)
            c.drawString(x + 3 * mm, y - 13, tr("Personne de placé pour ce tour"))


def add_seating_plans(doc: Document, session, workshop) -> None:
    """The room's seating plan: a landscape page per round."""
    rounds = seating(session, workshop.id)
    if not rounds or not rounds[0].tables:
        return
    for one in rounds:
        doc.page("landscape")
        doc.section("Plans de table")
        doc.add(_PageDrawing("landscape", lambda c, w, h, one=one: _plan_page(c, w, h, one)))


# --- a card per table and round, two per A4 -------------------------------------------------
def _seat_card(c, x: float, y: float, w: float, h: float, label: str, table: Seated) -> None:
    """One A5 card (x, y its lower-left corner)."""
    inner = w - 2 * MARGIN
    top = y + h - MARGIN
    c.setFillColor(MUTED)
    c.setFont(FAMILY, 11)
    for line in wrap_lines(label, FAMILY, 11, inner, 2):
        top -= 13
        c.drawString(x + MARGIN, top, line)
    size, head = _fit_lines(table.name, BOLD, inner, 70, 34, 16)
    c.setFillColor(INK)
    c.setFont(BOLD, size)
    for line in head:
        top -= size * 1.15
        c.drawString(x + MARGIN, top, line)
    said = _whole_lines(table.topic, FAMILY, inner, 80, 14)
    if said:
        topic_size, topic = said
        top -= 2
        c.setFont(FAMILY, topic_size)
        for line in topic:
            top -= topic_size * 1.2
            c.drawString(x + MARGIN, top, line)
    if table.host:
        top -= 18
        c.setFont(BOLD, 13)
        c.drawString(
            x + MARGIN, top, wrap_lines(f"Porteur·se\u00a0: {table.host}", BOLD, 13, inner, 1)[0]
        )
    top -= 6 * mm
    c.setStrokeColor(RULE)
    c.line(x + MARGIN, top + 3 * mm, x + w - MARGIN, top + 3 * mm)
    if table.people:
        c._host_first = bool(table.host) and table.people[0] == table.host
        _draw_names(c, table.people, x + MARGIN, top, inner, top - (y + MARGIN))
        c._host_first = False
    else:
        c.setFont(FAMILY, 12)
        c.setFillColor(MUTED)
        c.drawString(x + MARGIN, top - 14, tr("Personne de placé pour ce tour"))


def add_seat_cards(doc: Document, session, workshop) -> None:
    """A card per table and round, two A5 per A4 landscape page with a cut line between."""
    cards = [(one.label, table) for one in seating(session, workshop.id) for table in one.tables]
    for start in range(0, len(cards), 2):
        pair = cards[start : start + 2]
        doc.page("landscape")
        doc.section(tr("Cartes des tables par tour"))

        def paint(c, page_w, page_h, pair=pair):
            _cut_line(c, page_w / 2, 0, page_w / 2, page_h, label=False)
            for index, (label, table) in enumerate(pair):
                _seat_card(c, index * page_w / 2, 0, page_w / 2, page_h, label, table)

        doc.add(_PageDrawing("landscape", paint))


# --- table cards with their question, folded into a tent ------------------------------------
def _tent_face(c, width: float, height: float, table: Seated) -> None:
    """One face, in the lower half of the page (0, 0)-(width, height)."""
    inner = width - 2 * MARGIN
    top = height - 10 * mm
    size, head = _fit_lines(table.name, BOLD, inner, 32 * mm, 54, 24)
    c.setFillColor(INK)
    c.setFont(BOLD, size)
    for line in head:
        top -= size * 1.05
        c.drawCentredString(width / 2, top, line)
    top -= 4 * mm
    if table.topic:
        room = top - MARGIN - (10 * mm if table.host else 2 * mm)
        said = _whole_lines(table.topic, FAMILY, inner, room, 30)
        topic_size, topic = said or _fit_lines(table.topic, FAMILY, inner, room, 9)
        c.setFont(FAMILY, topic_size)
        for line in topic:
            top -= topic_size * 1.2
            c.drawCentredString(width / 2, top, line)
    if table.host:
        c.setFillColor(MUTED)
        c.setFont(FAMILY, 14)
        said = wrap_lines(f"Porteur·se\u00a0: {table.host}", FAMILY, 14, inner, 1)[0]
        c.drawCentredString(width / 2, MARGIN + 2 * mm, said)


def add_named_table_cards(doc: Document, session, workshop) -> None:
    """A tent card per table of the workshop: its name and its question, large."""
    rows = tables.list_tables(session, workshop.id)
    for t in rows:
        table = Seated(t.name, t.topic, t.host_name, [])
        doc.page("landscape")
        doc.section("Cartes de table")

        def paint(c, page_w, page_h, table=table):
            _cut_line(c, 0, page_h / 2, page_w, page_h / 2, label=False)
            c.setFont(FAMILY, 9)
            c.setFillColor(MUTED)
            c.drawCentredString(page_w / 2, page_h / 2 + 1.5 * mm, "Plier ici")
            _tent_face(c, page_w, page_h / 2, table)
            c.saveState()
            c.translate(page_w, page_h)
            c.rotate(180)
            _tent_face(c, page_w, page_h / 2, table)
            c.restoreState()

        doc.add(_PageDrawing("landscape", paint))


def add_table_printables(doc: Document, session, workshop) -> bool:
    """The three printables when the workshop has tables; False (nothing added) otherwise."""
    if not tables.list_tables(session, workshop.id):
        return False
    add_named_table_cards(doc, session, workshop)
    add_seating_plans(doc, session, workshop)
    add_seat_cards(doc, session, workshop)
    return True
