"""Liste d'émargement: names and structures, a wide signature column, blank rows for walk-ins."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from kitcop_desktop.i18n import tr, tr_n
from kitcop_desktop.printing.common import cells, grid, head_cells, markup, title_block
from kitcop_desktop.printing.document import Document, frame_width
from kitcop_desktop.storage import participants

MIN_BLANK_ROWS = 4  # people who come without registering
ROW_HEIGHT = 12.5 * mm  # room for a real signature
FIRST_PAGE_ROWS = 18  # rows under the title block on the first A4 page


def add_attendance(doc: Document, session, workshop) -> None:
    """The sign-in sheet; emails are never printed."""
    doc.page("portrait")
    doc.section(tr("Liste d'émargement"))
    people = participants.list_for(session, workshop.id)
    doc.add(title_block(tr("Liste d'émargement"), workshop)[:-1])
    doc.add(
        markup(
            tr_n(
                "{count} personne inscrite\u202f; lignes libres pour les personnes non inscrites.",
                tr(
                    "{count} personnes inscrites\u202f; lignes libres pour les personnes non inscrites."
                ),
                len(people),
            ).format(count=len(people)),
            "muted",
        ),
        Spacer(1, 3 * mm),
    )
    width = frame_width("portrait")
    widths = [10 * mm, 52 * mm, 58 * mm, width - 120 * mm]
    rows = [head_cells("N°", tr("Nom"), tr("Structure"), tr("Signature"))]
    for number, person in enumerate(people, start=1):
        rows.append(cells(str(number), person.name, person.structure, ""))
    # Fill the last page with blank rows rather than leaving half a page empty.
    blank = (FIRST_PAGE_ROWS - len(people)) % FIRST_PAGE_ROWS
    blank = blank if blank >= MIN_BLANK_ROWS else blank + FIRST_PAGE_ROWS
    for number in range(len(people) + 1, len(people) + 1 + blank):
        rows.append(cells(str(number), "", "", ""))
    table = grid(rows, widths, zebra=False, min_height=ROW_HEIGHT)
    table.setStyle([("VALIGN", (0, 1), (-1, -1), "MIDDLE")])
    doc.add(table)
