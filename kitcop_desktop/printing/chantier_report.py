"""The whole chantier printed (#17): where it stands, then the kit's order — initiatives
inspirantes, the cartographie des acteurs on A3, the données (clés, ressources financières),
the gouvernance, the action plan and its
protocoles de test. A section with nothing in it still says so."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from kitcop_desktop.domain.chantier import briques
from kitcop_desktop.i18n import tr, tr_later, tr_n
from kitcop_desktop.printing.action_plan import add_plan
from kitcop_desktop.printing.common import markup, p
from kitcop_desktop.printing.document import Document, Heading
from kitcop_desktop.printing.governance import add_governance
from kitcop_desktop.printing.initiatives import add_initiatives
from kitcop_desktop.printing.key_figures import add_key_figures
from kitcop_desktop.printing.stakeholder_map import add_map
from kitcop_desktop.storage import action_plan, chantiers

TITLE = tr_later("Chantier — état des lieux et plan d'action")


def render_chantier_report(session, chantier_id: int) -> bytes:
    chantier = chantiers.get(session, chantier_id)
    found = chantiers.alive_workshops(session, chantier_id)
    doc = Document(
        Heading(
            chantier.title,
            tr_n("Chantier — {n} atelier", "Chantier — {n} ateliers", len(found)).format(
                n=len(found)
            ),
        ),
        tr(TITLE),
    )
    doc.page("portrait")
    doc.section(tr("Où en est le chantier"))
    doc.add(markup(chantier.title, "h1"))
    if chantier.description:
        doc.add(p(chantier.description, "muted"))
    doc.add(Spacer(1, 4 * mm))
    for line in briques(chantiers.counts(session, chantier_id)):
        doc.add(markup(line.title, "h2"), p(" · ".join(line.facts)))
        if line.next_step:
            doc.add(p(tr("À faire\u00a0: {next_step}").format(next_step=line.next_step), "muted"))
        doc.add(Spacer(1, 3 * mm))
    doc.add(p("Ateliers\u00a0: " + (" ; ".join(w.title for w in found) or "aucun"), "small"))
    add_initiatives(doc, session, chantier_id)
    add_map(doc, session, chantier_id)
    add_key_figures(doc, session, chantier_id)
    add_governance(doc, session, chantier_id)
    add_plan(
        doc,
        session,
        action_plan.rows(session, chantier_id),
        tr("Chantier «\u00a0{title}\u00a0»").format(title=chantier.title),
    )
    return doc.build()
