"""The tables of a world café, a pro-action café or the sous-groupes in the restitution (#24):
a page per table with its topic or question, its host, and for each round who came by and
what the table produced (the harvest, under the kit's angles). Only salle lines are printed:
a private line (animateur·rice) is in the facilitator's document alone
(printing/facilitator.py), as domain/visibility says.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer

from kitcop_desktop.domain import harvest as rules
from kitcop_desktop.domain.visibility import Audience
from kitcop_desktop.i18n import tr, tr_n
from kitcop_desktop.printing.common import cells, grid, markup, nothing, p
from kitcop_desktop.printing.document import Document, frame_width
from kitcop_desktop.printing.text import one_line
from kitcop_desktop.storage import participants, tables, tables_harvest, tables_seating

TITLE = "Tables"


def has_content(session, workshop_id: int) -> bool:
    """Something to say: tables with someone seated or a line harvested."""
    if not tables.list_tables(session, workshop_id):
        return False
    seated = any(r.seated for r in tables_seating.list_rounds(session, workshop_id))
    return seated or bool(
        tables_harvest.lines(session, workshop_id, audience=Audience.PARTICIPANTS)
    )


def _bullets(texts: list[str], width: float):
    return grid(
        [cells("•", t) for t in texts],
        [6 * mm, width - 6 * mm],
        header=False,
        zebra=False,
    )


def _harvest(doc: Document, found: list[tables_harvest.LineData], width: float) -> None:
    """The lines of one round, under their angles (kit's order), plain notes last."""
    for angle in rules.ORDER:
        texts = [line.text for line in found if line.angle == angle]
        if not texts:
            continue
        if angle or len(texts) != len(found):
            doc.add(markup(f"<b>{one_line(rules.LABELS[angle])}</b>", "small"))
        doc.add(_bullets(texts, width))
        doc.add(Spacer(1, 1.5 * mm))


def add_tables(doc: Document, session, workshop) -> None:
    """A page per table: topic, host, who came by at each round, what was produced."""
    width = frame_width("portrait")
    rows = tables.list_tables(session, workshop.id)
    choices = tables_harvest.round_choices(session, workshop.id)
    plans = {r.number: r for r in tables_seating.list_rounds(session, workshop.id)}
    names = {x.id: x.name for x in participants.list_for(session, workshop.id)}
    found = tables_harvest.lines(session, workshop.id, audience=Audience.PARTICIPANTS)
    doc.page("portrait")
    doc.section(TITLE)
    doc.add(markup(TITLE, "h1"))
    if not rows:
        doc.add(nothing(tr("Pas de tables dans cet atelier.")))
        return
    doc.add(
        p(
            tr_n("{n} table", "{n} tables", len(rows)).format(n=len(rows))
            + ", "
            + tr_n("{n} tour", "{n} tours", len(choices)).format(n=len(choices))
            + tr(
                "\u00a0: une page par table, avec qui est passé à chaque tour et ce que la table a produit."
            ),
            "muted",
        )
    )
    for index, table in enumerate(rows):
        if index:
            doc.page("portrait")
        doc.add(markup(one_line(table.name), "h2"))
        if table.topic:
            doc.add(p(table.topic, "quote"))
        host = table.host_name or "—"
        doc.add(p(f"Porteur·se\u00a0: {host}", "body"))
        doc.add(Spacer(1, 2 * mm))
        mine = [line for line in found if line.table_id == table.id]
        for choice in choices:
            plan = plans.get(choice.number)
            seated = [names.get(x, "?") for x in (plan.seated.get(table.id, []) if plan else [])]
            # The ideas kept are printed once, together, after the rounds.
            lines = [
                line for line in mine if line.round_number == choice.number and line.angle != "idea"
            ]
            block = [markup(one_line(choice.label), "h3")]
            if seated:
                block.append(
                    p(
                        tr("Autour de la table ({count})\u00a0: {names}.").format(
                            count=len(seated), names=", ".join(seated)
                        ),
                        "small",
                    )
                )
            else:
                block.append(nothing(tr("Personne n'a été placé à cette table pour ce tour.")))
            doc.add(KeepTogether(block))
            round_ideas = sum(
                1 for line in mine if line.round_number == choice.number and line.angle == "idea"
            )
            if lines:
                _harvest(doc, lines, width)
            elif round_ideas:  # a world café's round: only ideas, printed below
                doc.add(
                    nothing(
                        tr_n(
                            "{n} idée notée à ce tour\u00a0: avec les idées retenues, plus bas.",
                            "{n} idées notées à ce tour\u00a0: avec les idées retenues, plus bas.",
                            round_ideas,
                        ).format(n=round_ideas)
                    )
                )
            else:
                doc.add(nothing(tr("Rien de noté pour ce tour.")))
        ideas = [line.text for line in mine if line.angle == "idea"]
        if ideas:
            doc.add(
                markup(
                    tr("Idées retenues pour la question ({count})").format(count=len(ideas)), "h3"
                )
            )
            doc.add(_bullets(ideas, width))
