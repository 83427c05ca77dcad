"""The chantier's données printed as the kit's tables (Brique 1-3 to 1-5): the données clés
(constat de départ, objectif, à retenir, grouped by theme as the kit's model) and the
ressources financières mobilisables, on landscape pages, each line whole."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from kitcop_desktop.domain.key_figures import FUNDING, KEY_FIGURES
from kitcop_desktop.domain.sheets import Sheet
from kitcop_desktop.i18n import tr, tr_later, tr_n
from kitcop_desktop.printing.common import cells, grid, head_cells, markup, nothing, p
from kitcop_desktop.printing.document import Document, frame_width
from kitcop_desktop.storage import sheets

TITLE = tr_later("Données de l'état des lieux")
FIGURE_WIDTHS = (0.12, 0.24, 0.2, 0.3, 0.14)
FUNDING_WIDTHS = (0.19, 0.13, 0.27, 0.16, 0.25)


def _sheet(doc: Document, session, chantier_id: int, sheet: Sheet, widths) -> None:
    found = sheets.rows(session, sheet, chantier_id)
    doc.add(
        markup(tr(sheet.title), "h2"),
        p(
            tr_n("{brique}\u00a0: {n} ligne.", "{brique}\u00a0: {n} lignes.", len(found)).format(
                brique=tr(sheet.brique), n=len(found)
            ),
            "muted",
        ),
        Spacer(1, 2 * mm),
    )
    if not found:
        doc.add(
            nothing(
                tr("Aucune ligne aux {value} pour l'instant.").format(value=tr(sheet.title).lower())
            )
        )
        return
    width = frame_width("landscape")
    table = [head_cells(*sheet.columns.values())]
    for row in found:
        table.append(cells(*(row.values[key] or "—" for key in sheet.keys)))
    doc.add(grid(table, [w * width for w in widths]))


def add_key_figures(doc: Document, session, chantier_id: int) -> None:
    doc.page("landscape")
    doc.section(tr(TITLE))
    doc.add(markup(tr(TITLE), "h1"), Spacer(1, 2 * mm))
    _sheet(doc, session, chantier_id, KEY_FIGURES, FIGURE_WIDTHS)
    doc.add(Spacer(1, 6 * mm))
    _sheet(doc, session, chantier_id, FUNDING, FUNDING_WIDTHS)


def render_key_figures_pdf(session, chantier_id: int) -> bytes:
    from kitcop_desktop.printing.document import Heading
    from kitcop_desktop.storage import chantiers

    chantier = chantiers.get(session, chantier_id)
    doc = Document(Heading(chantier.title, tr("Chantier — état des lieux")), tr(TITLE))
    add_key_figures(doc, session, chantier_id)
    return doc.build()
