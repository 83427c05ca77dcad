"""The initiatives inspirantes printed as the kit's table (Brique 1-1): its seven columns on
landscape pages, each line whole."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from kitcop_desktop.domain.initiatives import COLUMNS, KEYS
from kitcop_desktop.i18n import tr, tr_n
from kitcop_desktop.printing.common import cells, grid, head_cells, markup, nothing, p
from kitcop_desktop.printing.document import Document, frame_width
from kitcop_desktop.storage import initiatives

TITLE = "Initiatives inspirantes"
WIDTHS = (0.15, 0.1, 0.1, 0.2, 0.18, 0.14, 0.13)


def add_initiatives(doc: Document, session, chantier_id: int) -> None:
    found = initiatives.rows(session, chantier_id)
    doc.page("landscape")
    doc.section(TITLE)
    doc.add(
        markup(TITLE, "h1"),
        p(
            tr_n(
                "Brique 1-1 du kit\u00a0: {n} initiative recueillie.",
                "Brique 1-1 du kit\u00a0: {n} initiatives recueillies.",
                len(found),
            ).format(n=len(found)),
            "muted",
        ),
        Spacer(1, 3 * mm),
    )
    if not found:
        doc.add(nothing(tr("Aucune initiative pour l'instant.")))
        return
    met = initiatives.meetings(session, chantier_id)
    width = frame_width("landscape")
    table = [head_cells(*COLUMNS.values())]
    for row in found:
        values = dict(row.values)
        if met.get(row.id):
            seen = tr("Rencontrée\u00a0: ") + " ; ".join(m.label for m in met[row.id])
            values["follow_up"] = f"{values['follow_up']}\n{seen}".strip()
        table.append(cells(*(values[key] or "—" for key in KEYS)))
    doc.add(grid(table, [w * width for w in WIDTHS]))


def render_initiatives_pdf(session, chantier_id: int) -> bytes:
    from kitcop_desktop.printing.document import Heading
    from kitcop_desktop.storage import chantiers

    chantier = chantiers.get(session, chantier_id)
    doc = Document(Heading(chantier.title, tr("Chantier — état des lieux")), TITLE)
    add_initiatives(doc, session, chantier_id)
    return doc.build()
