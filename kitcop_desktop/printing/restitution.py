"""The restitution's cover and its participants page (counts, structures, categories; no emails)."""

from __future__ import annotations

from collections import Counter

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from kitcop_desktop.domain.attendance import count_text
from kitcop_desktop.domain.french import long_date, prose_time
from kitcop_desktop.i18n import tr, tr_n
from kitcop_desktop.printing.common import (
    CATEGORY_LABELS,
    PARTICIPATION_LABELS,
    cells,
    facts,
    grid,
    head_cells,
    markup,
    nothing,
    p,
    table,
)
from kitcop_desktop.printing.document import Document, frame_width
from kitcop_desktop.printing.styles import ACCENT, tint
from kitcop_desktop.printing.text import one_line
from kitcop_desktop.storage import actions, attendance, participants


def add_cover(doc: Document, session, workshop, title: str | None = None) -> None:
    """The first page: what, when, where, the problématique and the degree of participation."""
    if title is None:
        title = tr("Restitution de l'atelier")
    width = frame_width("portrait")
    doc.page("portrait")
    doc.section(title)
    doc.add(Spacer(1, 8 * mm), markup(one_line(title.upper()), "label"), Spacer(1, 3 * mm))
    doc.add(p(workshop.title, "cover_title"))
    when = long_date(workshop.date)
    if workshop.start_time and workshop.end_time:
        when += ", " + tr("de {start} à {end}").format(
            start=prose_time(workshop.start_time), end=prose_time(workshop.end_time)
        )
    doc.add(p(when, "cover_sub"))
    if workshop.place:
        doc.add(p(workshop.place, "cover_sub"))
    doc.add(Spacer(1, 6 * mm))
    if workshop.problem_statement:
        box = table(
            [[markup(tr("PROBLÉMATIQUE"), "label")], [p(workshop.problem_statement, "quote")]],
            [width],
            [
                ("BACKGROUND", (0, 0), (-1, -1), tint(ACCENT, 0.88)),
                ("LINEBEFORE", (0, 0), (0, -1), 4, ACCENT),
                ("LEFTPADDING", (0, 0), (-1, -1), 10),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ],
        )
        doc.add(box, Spacer(1, 5 * mm))
    # Present: ticked on the list, or seen speaking, voting or sitting in the bowl.
    who = attendance.attendance(session, workshop.id)
    pairs = [
        (tr("Degré de participation"), PARTICIPATION_LABELS.get(workshop.participation_level, "")),
    ]
    if who.registered or who.present:
        pairs.append((tr("Participant·es"), count_text(len(who.present), who.registered)))
    by_category = _by_category(session, workshop.id, who.present)
    if by_category:
        pairs.append((tr("Par catégorie"), by_category))
    if workshop.facilitators:
        pairs.append((tr("Animation"), workshop.facilitators))
    doc.add(facts([(k, v) for k, v in pairs if v], width))
    decided = [c.action or c.challenge for c in actions.list_for(session, workshop.id)]
    if decided:
        doc.add(Spacer(1, 5 * mm), markup(tr("Ce qui a été décidé"), "h2"))
        rows = [[p("•"), p(x)] for x in decided]
        doc.add(table(rows, [6 * mm, width - 6 * mm], [("VALIGN", (0, 0), (-1, -1), "TOP")]))
    # The contents on the cover itself: a partner sees at once what the document holds.
    doc.add(Spacer(1, 5 * mm))
    doc.contents(heading=markup(tr("Sommaire"), "h2"))


def _by_category(session, workshop_id: int, present: set[int]) -> str:
    """« Acteur public : 5 · Acteur privé : 3 » for those present (the registered if none)."""
    people = participants.list_for(session, workshop_id)
    counted = [x for x in people if x.id in present] or people
    categories = Counter(x.category for x in counted)
    return " · ".join(
        f"{CATEGORY_LABELS[key]}\u00a0: {categories[key]}"
        for key in ("public", "private", "para_public", "")
        if categories.get(key)
    )


def add_participants(doc: Document, session, workshop) -> None:
    """Who came, counted by structure and by category. Names stay off: the list is for signing."""
    width = frame_width("portrait")
    doc.page("portrait")
    doc.section(tr("Participant·es"))
    doc.add(markup(tr("Participant·es"), "h1"))
    people = participants.list_for(session, workshop.id)
    if not people:
        doc.add(nothing(tr("Aucun·e participant·e enregistré·e.")))
        return
    # Present: ticked on the list, or seen speaking, voting or sitting in the bowl; when
    # nothing says who came, the tables count the registered and the sentence says so.
    who = attendance.attendance(session, workshop.id)
    present = [x for x in people if x.id in who.present] or people
    structures_count = len({x.structure for x in present if x.structure})
    doc.add(
        markup(
            f"{count_text(len(who.present), len(people))}, "
            + tr_n(
                "<b>{count}</b> structure représentée.",
                tr("<b>{count}</b> structures représentées."),
                structures_count,
            ).format(count=structures_count),
            "body",
        ),
        Spacer(1, 4 * mm),
    )
    categories = Counter(x.category for x in present)
    rows = [head_cells(tr("Catégorie d'acteur"), tr("Nombre"))]
    for key in ("public", "private", "para_public", ""):
        if categories.get(key):
            rows.append(cells(CATEGORY_LABELS[key], str(categories[key])))
    doc.add(markup(tr("Par catégorie"), "h2"), grid(rows, [width - 30 * mm, 30 * mm]))
    structures = Counter(x.structure or tr("Structure non précisée") for x in present)
    rows = [head_cells(tr("Structure"), tr("Personnes"))]
    for name, count in sorted(structures.items(), key=lambda kv: (-kv[1], kv[0].casefold())):
        rows.append(cells(name, str(count)))
    doc.add(markup(tr("Structures représentées"), "h2"), grid(rows, [width - 30 * mm, 30 * mm]))
