"""Interviews in print: one pseudonymised restitution sheet per interview, the campaign's
synthesis, and the blank kit (guide and restitution model) for paper use.

Real names are never read here: only pseudonyms (« Enquêté·e 3 ») reach the paper.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from kitcop_desktop.domain.french import long_date
from kitcop_desktop.domain.interview_guides import BUILTIN_GUIDES, MARK_KINDS, bare_passage
from kitcop_desktop.i18n import tr, tr_later
from kitcop_desktop.printing.common import (
    cells,
    facts,
    grid,
    head_cells,
    markup,
    nothing,
    p,
    table,
    title_block,
)
from kitcop_desktop.printing.document import Document, frame_width
from kitcop_desktop.printing.styles import ACCENT, RULE
from kitcop_desktop.printing.text import one_line, para_text
from kitcop_desktop.storage import interviews, interviews_campaign

# The kit's restitution model, in its order and words.
REPORT_PARTS = (
    ("report_engagement", tr_later("Caractéristiques de l'engagement écologique de l'entreprise")),
    ("report_actions", tr_later("Les actions de l'entreprise sur le volet emploi / compétences")),
    ("report_difficulties", tr_later("Les difficultés sur l'aspect emploi / compétences")),
    ("report_levers", tr_later("Les leviers et points positifs sur le volet emploi / compétences")),
)
SHADE_EDGE = ACCENT
KIND_LABELS = {kind.key: kind.label for kind in MARK_KINDS}


def _section_box(label: str, value: str, width: float, min_height: float = 0):
    """A question or a part of the model and its text, in one paragraph: a long text splits
    across pages and the heading never stays alone at the foot of one."""
    body = f"<b>{one_line(label)}</b><br/>{para_text(value or '—')}"
    return table(
        [[markup(body, "body")]],
        [width],
        [
            ("BOX", (0, 0), (-1, -1), 0.6, RULE),
            ("LINEBEFORE", (0, 0), (0, -1), 3, SHADE_EDGE),
            ("LEFTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ],
        minRowHeights=[min_height],
    )


def add_interview_sheet(doc: Document, session, interview_id: int) -> None:
    """One interview's restitution sheet: who (by profession, never by name), then the model."""
    interview = interviews.get(session, interview_id)
    width = frame_width("portrait")
    doc.page("portrait")
    doc.section(tr("Entretien : {pseudonym}").format(pseudonym=interview.pseudonym))
    heading = tr("Entretien n°{number} — {pseudonym}").format(
        number=interview.number, pseudonym=one_line(interview.pseudonym)
    )
    doc.add(markup(heading, "h1"))
    pairs = [
        (tr("Date"), long_date(interview.date) if interview.date else ""),
        (tr("Lieu"), interview.place),
        (tr("Métier"), interview.profession),
        (tr("Structure"), interview.structure),
        (tr("Secteur"), interview.sector),
        (tr("Territoire"), interview.territory),
        (tr("Guide"), interview.guide_title),
        (tr("Enquêteur·rice"), interview.interviewer),
        (tr("Prise de notes"), interview.note_taker),
        (tr("État"), tr("terminé") if interview.done else tr("en cours")),
    ]
    doc.add(facts([(k, v) for k, v in pairs if v], width), Spacer(1, 4 * mm))
    doc.add(markup(tr("Modèle de restitution"), "h2"))
    for field, label in REPORT_PARTS:
        doc.add(_section_box(tr(label), getattr(interview, field), width), Spacer(1, 3 * mm))
    marks = interviews.list_marks(session, interview.id)
    if marks:
        doc.add(markup(tr("Passages marqués"), "h2"))
        rows = [head_cells(tr("Type"), tr("Passage"))]
        rows += [cells(KIND_LABELS[m.kind], bare_passage(m.kind, m.text)) for m in marks]
        doc.add(grid(rows, [30 * mm, width - 30 * mm]))
    answered = [a for a in interview.answers if a.notes.strip()]
    if answered or interview.free_notes.strip():
        doc.add(markup(tr("Notes par question"), "h2"))
        for answer in answered:
            doc.add(p(answer.question_text, "h3"), p(answer.notes))
        if interview.free_notes.strip():
            doc.add(p(tr("Notes libres"), "h3"), p(interview.free_notes))


def _counts(title: str, pairs: list[tuple[str, int]], width: float) -> list:
    if not pairs:
        return []
    rows = [head_cells(title, tr("Entretiens"))] + [
        cells(k or tr("Non précisé"), str(n)) for k, n in pairs
    ]
    return [grid(rows, [width - 30 * mm, 30 * mm]), Spacer(1, 3 * mm)]


def add_campaign_synthesis(doc: Document, session, workshop) -> None:
    """Who was met, and what they said, grouped by freins, leviers, actions and besoins."""
    width = frame_width("portrait")
    doc.page("portrait")
    doc.section(tr("Synthèse des entretiens"))
    doc.add(markup(tr("Synthèse de l'enquête de terrain"), "h1"))
    summaries = interviews.list_interviews(session, workshop.id)
    if not summaries:
        doc.add(nothing(tr("Aucun entretien pour cet atelier.")))
        return
    profile = interviews_campaign.profile_table(session, workshop.id)
    doc.add(
        markup(
            tr("<b>{done}</b> entretien(s) terminé(s) sur {planned}.").format(
                done=profile.done, planned=profile.planned
            ),
            "body",
        ),
        Spacer(1, 3 * mm),
    )
    doc.add(_counts(tr("Métier"), profile.professions, width))
    doc.add(_counts(tr("Secteur"), profile.sectors, width))
    doc.add(_counts(tr("Territoire"), profile.territories, width))
    synthesis = interviews_campaign.synthesis(session, workshop.id)
    groups = (
        (tr("Freins et difficultés"), synthesis.brakes),
        (tr("Leviers"), synthesis.levers),
        (tr("Actions"), synthesis.actions),
        (tr("Besoins"), synthesis.needs),
    )
    for heading, items in groups:
        doc.add(markup(f"{one_line(heading)} ({len(items)})", "h2"))
        if not items:
            doc.add(nothing(tr("Rien de marqué.")))
            continue
        rows = [head_cells(tr("Passage"), tr("Entretien"))]
        rows += [cells(bare_passage(item.kind, item.text), item.pseudonym) for item in items]
        doc.add(grid(rows, [width - 38 * mm, 38 * mm]))


def _blank_guide(doc: Document, workshop, title: str, questions: list[str]) -> None:
    width = frame_width("portrait")
    doc.page("portrait")
    doc.section(tr("Guide d'entretien : {title}").format(title=title))
    doc.add(title_block(tr("Guide d'entretien — {title}").format(title=title), workshop))
    head = [(tr("Enquêté·e"), tr("Enquêté·e n° ……")), (tr("Date"), ""), (tr("Enquêteur·rice"), "")]
    doc.add(facts(head, width), Spacer(1, 4 * mm))
    for number, question in enumerate(questions, start=1):
        doc.add(_section_box(f"{number}. {question}", " ", width, min_height=32 * mm))
        doc.add(Spacer(1, 2 * mm))


def _blank_model(doc: Document, workshop) -> None:
    width = frame_width("portrait")
    doc.page("portrait")
    doc.section(tr("Modèle de restitution d'entretien"))
    doc.add(title_block(tr("Modèle de restitution d'entretien"), workshop))
    head = [
        (tr("Enquêté·e"), tr("Enquêté·e n° ……")),
        (tr("Métier"), ""),
        (tr("Structure"), ""),
        (tr("Date"), ""),
    ]
    doc.add(facts(head, width), Spacer(1, 4 * mm))
    for _field, label in REPORT_PARTS:
        doc.add(_section_box(tr(label), " ", width, min_height=42 * mm), Spacer(1, 3 * mm))


def add_blank_kit(doc: Document, session, workshop) -> None:
    """Each guide with room to write under every question, then a blank restitution model."""
    guides = interviews.list_guides(session, workshop.id)
    if guides:
        for guide in guides:
            _blank_guide(doc, workshop, guide.title, [q.text for q in guide.questions])
    else:
        for builtin in BUILTIN_GUIDES:
            _blank_guide(doc, workshop, builtin.title, list(builtin.questions))
    _blank_model(doc, workshop)


def add_interview_sheets(doc: Document, session, workshop) -> None:
    """Every interview's restitution sheet, in the order of their numbers."""
    for summary in interviews.list_interviews(session, workshop.id):
        add_interview_sheet(doc, session, summary.id)
