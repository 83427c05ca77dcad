"""The chantier's gouvernance printed as the kit's table (Brique 1-6): one line per instance,
its degree of participation and role, and its actors each with their RACI letter; an instance
that does not have exactly one « A » carries the warning the screen shows."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from kitcop_desktop.domain.governance import PARTICIPATION, RACI
from kitcop_desktop.i18n import tr, tr_later
from kitcop_desktop.printing.common import cells, grid, head_cells, markup, nothing, p
from kitcop_desktop.printing.document import Document, Heading, frame_width
from kitcop_desktop.storage import chantiers, governance

TITLE = tr_later("Gouvernance du chantier")


def _members_text(body: governance.BodyRow) -> str:
    lines = [f"{m.raci} — {m.name}" for m in body.members]
    return "\n".join(lines) or "—"


def add_governance(doc: Document, session, chantier_id: int) -> None:
    bodies = governance.bodies(session, chantier_id)
    doc.page("landscape")
    doc.section(tr(TITLE))
    doc.add(
        markup(tr(TITLE), "h1"),
        p(
            "Devant chaque acteur, sa lettre RACI\u00a0: "
            + " · ".join(f"{letter} {meaning}" for letter, meaning in RACI.items())
            + tr(
                ". Chaque instance est reliée aux autres\u00a0: la gouvernance fonctionne "
                "lorsqu'elles sont toutes engagées."
            ),
            "muted",
        ),
        Spacer(1, 3 * mm),
    )
    if not bodies:
        doc.add(nothing(tr("Aucune instance pour l'instant.")))
        return
    width = frame_width("landscape")
    table = [
        head_cells(tr("Instance"), tr("Degré de participation"), tr("Rôle"), tr("Acteurs (RACI)"))
    ]
    for body in bodies:
        name = body.name + (f"\n⚠ {body.warning}" if body.warning else "")
        table.append(
            cells(
                name,
                PARTICIPATION.get(body.participation, body.participation),
                body.purpose or "—",
                _members_text(body),
            )
        )
    doc.add(grid(table, [w * width for w in (0.24, 0.16, 0.28, 0.32)]))


def render_governance_pdf(session, chantier_id: int) -> bytes:
    chantier = chantiers.get(session, chantier_id)
    doc = Document(Heading(chantier.title, tr("Chantier — état des lieux")), tr(TITLE))
    add_governance(doc, session, chantier_id)
    return doc.build()
