"""The déroulé printed: the participants' programme, the facilitator's sheet, planned vs actual.

The programme (« agenda ») is a handout: times, séquence titles and a one-line description,
the workshop's frame and problématique. The facilitator's sheet (« facilitator ») holds the
rest: consignes, notes d'animation, matériel, the tool each séquence opens. Long consignes
split across pages (rows may split), the header row repeats.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from kitcop_desktop.domain import schedule as sched
from kitcop_desktop.domain.agenda_templates import TOOL_LABELS
from kitcop_desktop.domain.french import minutes_text, table_time
from kitcop_desktop.domain.visibility import FACILITATOR_MARK
from kitcop_desktop.i18n import tr, tr_later
from kitcop_desktop.printing import colours
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
from kitcop_desktop.printing.styles import INK
from kitcop_desktop.printing.text import one_line, para_text
from kitcop_desktop.storage import agenda, agenda_links, agenda_run

REVIEW = tr_later("À revoir avant l'atelier")
NO_AGENDA = tr_later("Aucune séquence dans le déroulé de cet atelier.")
PROGRAMME_COLUMNS = (tr_later("HORAIRE"), tr_later("SÉQUENCE"))
DESCRIPTION_MAX = 160  # characters of a séquence's one-line description in the programme


def description(instructions: str, limit: int = DESCRIPTION_MAX) -> str:
    """A séquence's one-line description for participants: the first sentence of its
    consignes (what the room is asked to do, never the internal objective), cut at a word."""
    line = next((x.strip() for x in instructions.splitlines() if x.strip()), "")
    line = line.lstrip("-•*·–— ").strip()
    for stop in (". ", " ? ", " ! ", " : "):
        head, found, _rest = line.partition(stop)
        if found and len(head) >= 20:
            line = head + {" ? ": " ?", " ! ": " !"}.get(stop, "")
            break
    if len(line) <= limit:
        return line
    return line[:limit].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"


def _programme_table(rows, width: float):
    table_rows = [head_cells(*(tr(c) for c in PROGRAMME_COLUMNS))]
    for row in rows:
        what = [markup(f"<b>{para_text(row.title)}</b>", "body")]
        said = description(row.instructions)
        if said:
            what.append(p(said, "muted"))
        table_rows.append([p(f"{table_time(row.start)}–{table_time(row.end)}"), what])
    return grid(table_rows, [32 * mm, width - 32 * mm])


def add_agenda(doc: Document, session, workshop) -> None:
    """The participants' programme (a handout, A4 portrait): the workshop's frame and
    problématique, then each séquence's times, title and a one-line description. Nothing the
    facilitator keeps to themselves (objectives, matériel, notes): that is `add_facilitator`."""
    doc.page("portrait")
    doc.section(tr("Programme"))
    doc.add(title_block(tr("Programme de l'atelier"), workshop))
    width = frame_width("portrait")
    if workshop.problem_statement:
        doc.add(facts([(tr("Problématique"), workshop.problem_statement)], width))
        doc.add(Spacer(1, 4 * mm))
    rows = agenda.planned_rows(session, workshop.id)
    if not rows:
        doc.add(nothing(tr(NO_AGENDA)))
        return
    doc.add(_programme_table(rows, width))


FACILITATOR_COLUMNS = (
    tr_later("HORAIRE"),
    tr_later("SÉQUENCE"),
    tr_later("CONSIGNES"),
    tr_later("NOTES D'ANIMATION"),
    tr_later("MATÉRIEL"),
)
# The tool a séquence opens, and the key that shows it (UX.md's Ctrl+1 … Ctrl+7).
TOOL_KEYS = {"boards": 2, "voting": 3, "fishbowl": 4, "rounds": 4, "interviews": 5, "actions": 6}


def _tool_line(session, workshop_id: int, seq) -> str:
    """« Outil : Vote par gommettes — Priorités (Ctrl+3) », or nothing."""
    if not seq.tool_key:
        return ""
    label = TOOL_LABELS.get(seq.tool_key, seq.tool_key)
    items = dict(agenda_links.link_choices(session, workshop_id, seq.tool_key))
    if seq.tool_ref in items:
        label += f" — {items[seq.tool_ref]}"
    key = TOOL_KEYS.get(seq.tool_key)
    return tr("Outil : {label}").format(label=label) + (f" (Ctrl+{key})" if key else "")


ALERT = colours.ALERT  # the conflicts' colour (dark orange, ≥ 4.5:1 on white)


def _alert(text: str) -> Paragraph:
    return markup(f'<font color="{ALERT}"><b>⚠ {para_text(text)}</b></font>', "cell")


def _facilitator_table(session, workshop, rows, width: float):
    """The sheet held in the room: one row per séquence with its timing, what to say, the
    facilitator's notes beside it, the matériel to tick and the tool it opens. A free gap
    before an heure fixée gets its own row; a time that cannot be kept says so in its row."""
    sequences = {seq.id: seq for seq in agenda.list_sequences(session, workshop.id)}
    slots = {slot.key: slot for slot in agenda.schedule_for(session, workshop.id).slots}
    table_rows = [head_cells(*(tr(c) for c in FACILITATOR_COLUMNS))]
    for row in rows:
        seq = sequences[row.sequence_id]
        slot = slots.get(row.sequence_id)
        if slot is not None and slot.gap_before:
            start, end = sched.to_time(slot.start - slot.gap_before), sched.to_time(slot.start)
            gap = f"{table_time(start)}–{table_time(end)}\n{minutes_text(slot.gap_before)}"
            table_rows.append(
                [p(gap, "cell"), p(tr("Battement libre avant l'heure fixée"), "muted"), "", "", ""]
            )
        horaire = f"{table_time(row.start)}–{table_time(row.end)}\n{minutes_text(row.minutes)}"
        if row.pinned:
            horaire += tr("\nheure fixe")
        ticked = set(agenda.material_lines(seq.materials_ticked))
        material = "\n".join(
            ("☑ " if line in ticked else "☐ ") + line
            for line in agenda.material_lines(seq.materials)
        )
        below = "\n".join(x for x in (seq.intention, _tool_line(session, workshop.id, seq)) if x)
        line = cells(horaire, "", seq.instructions, seq.facilitator_notes, material)
        # The séquence's title in bold, its objective and tool under it.
        title = f"<b>{para_text(seq.title)}</b>" + (f"<br/>{para_text(below)}" if below else "")
        line[1] = markup(title, "cell")
        if row.conflict:
            line[0] = [line[0], _alert(tr("à revoir"))]
            line[1] = [line[1], _alert(row.conflict)]
        table_rows.append(line)
    fixed = [27 * mm, 46 * mm, 0, 60 * mm, 50 * mm]
    fixed[2] = width - sum(fixed)
    return grid(table_rows, fixed)


def _conflicts(session, workshop) -> list:
    """« À revoir avant l'atelier » and each conflict of the déroulé, or nothing."""
    found = agenda.schedule_for(session, workshop.id).conflicts
    if not found:
        return []
    titles = {seq.id: seq.title for seq in agenda.list_sequences(session, workshop.id)}
    out = [markup(f'<font color="{ALERT}"><b>⚠ {tr(REVIEW)}</b></font>', "body")]
    for conflict in found:
        where = (
            tr("« {titles} » : ").format(titles=titles[conflict.key])
            if conflict.key in titles
            else ""
        )
        out.append(p(f"• {where}{conflict.message}", "small"))
    out.append(Spacer(1, 3 * mm))
    return out


def add_facilitator(doc: Document, session, workshop) -> None:
    """The déroulé held in the room, then the materials checklist and the private notes
    (never for the room)."""
    doc.page("landscape")
    doc.section(tr("Déroulé de l'animateur·rice"))
    doc.add(title_block(tr("Déroulé de l'animateur·rice"), workshop, f"{tr(FACILITATOR_MARK)}."))
    width = frame_width("landscape")
    rows = agenda.planned_rows(session, workshop.id)
    doc.add(*_conflicts(session, workshop))
    if rows:
        doc.add(_facilitator_table(session, workshop, rows, width))
    else:
        doc.add(nothing(tr(NO_AGENDA)))
    doc.page("portrait")
    doc.section(tr("Matériel à préparer"))
    doc.add(markup(tr("Matériel à préparer"), "h1"))
    width = frame_width("portrait")
    checklist = [head_cells("", tr("Matériel / config salle"), tr("Séquence"))]
    for seq in agenda.list_sequences(session, workshop.id):
        ticked = set(agenda.material_lines(seq.materials_ticked))
        for line in agenda.material_lines(seq.materials):
            box = "☑" if line in ticked else "☐"
            checklist.append(cells(box, line, seq.title))
    if len(checklist) > 1:
        doc.add(grid(checklist, [10 * mm, width - 70 * mm, 60 * mm]))
    else:
        doc.add(nothing(tr("Aucun matériel indiqué dans le déroulé.")))
    doc.add(markup(tr("Notes privées"), "h2"))
    pairs = [(tr("Animation"), workshop.facilitators), (tr("Notes"), workshop.notes)]
    pairs = [(k, v) for k, v in pairs if v]
    doc.add(facts(pairs, width) if pairs else nothing(tr("Aucune note.")))


def _drift(minutes: int | None) -> str:
    if minutes is None:
        return "—"
    if minutes == 0:
        return tr("à l'heure")
    sign = "+" if minutes > 0 else "−"
    word = tr("en retard") if minutes > 0 else tr("en avance")
    return f"{sign}{minutes_text(abs(minutes))} ({word})"


def has_run(session, workshop_id: int) -> bool:
    """True once at least one séquence has been started in the room."""
    return any(r.actual_start is not None for r in agenda_run.actual_rows(session, workshop_id))


def add_agenda_review(doc: Document, session, workshop) -> None:
    """Restitution: each séquence's planned and actual times and the drift."""
    doc.page("portrait")
    doc.section(tr("Déroulé : prévu et réalisé"))
    doc.add(markup(tr("Déroulé : prévu et réalisé"), "h1"))
    rows = agenda_run.actual_rows(session, workshop.id)
    if not rows:
        doc.add(nothing(tr(NO_AGENDA)))
        return
    width = frame_width("portrait")
    table_rows = [
        head_cells(
            tr("Séquence"), tr("Prévu"), tr("Réalisé"), tr("Durée réelle"), tr("Écart au départ")
        )
    ]
    for row in rows:
        planned = f"{table_time(row.planned_start)}–{table_time(row.planned_end)}"
        actual = tr("non réalisée")
        if row.actual_start is not None:
            actual = f"{table_time(row.actual_start)}–{table_time(row.actual_end)}"
        spent = "—" if row.actual_minutes is None else minutes_text(row.actual_minutes)
        if row.extension_minutes:
            extra = minutes_text(row.extension_minutes)
            spent += " " + tr("(dont +{extra} ajoutées)").format(extra=extra)
        table_rows.append(cells(row.title, planned, actual, spent, _drift(row.drift_minutes)))
    widths = [width - 128 * mm, 26 * mm, 26 * mm, 38 * mm, 38 * mm]
    doc.add(grid(table_rows, widths))
    ran = [r for r in rows if r.actual_start is not None]
    if agenda_run.is_rehearsal(session, workshop.id):
        doc.add(
            Spacer(1, 3 * mm),
            nothing(
                tr("Le déroulé n'a été lancé qu'en répétition : rien n'est compté comme réalisé.")
            ),
        )
    elif not ran:
        doc.add(Spacer(1, 3 * mm), nothing(tr("Le déroulé n'a pas encore été lancé en séance.")))


def add_instruction_cards(doc: Document, session, workshop) -> None:
    """One card per séquence with consignes, large enough to read standing (two per A4 page)."""
    sequences = [s for s in agenda.list_sequences(session, workshop.id) if s.instructions.strip()]
    rows = {r.sequence_id: r for r in agenda.planned_rows(session, workshop.id)}
    doc.page("portrait")
    doc.section(tr("Cartes consignes"))
    if not sequences:
        doc.add(
            markup(tr("Cartes consignes"), "h1"), nothing(tr("Aucune consigne dans le déroulé."))
        )
        return
    width = frame_width("portrait")
    for index, seq in enumerate(sequences):
        if index and index % 2 == 0:
            doc.page("portrait")
        row = rows.get(seq.id)
        when = f"{table_time(row.start)}–{table_time(row.end)} · " if row else ""
        card = [
            [markup(f"{one_line(when)}{one_line(minutes_text(seq.duration_minutes))}", "label")],
            [p(seq.title, "h1")],
            [p(seq.instructions, "card_text")],
        ]
        doc.add(
            table(
                card,
                [width],
                [
                    ("BOX", (0, 0), (-1, -1), 1.2, INK),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 12),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 12),
                    ("TOPPADDING", (0, 0), (0, 0), 10),
                    ("BOTTOMPADDING", (0, -1), (-1, -1), 14),
                ],
                minRowHeights=[0, 0, 95 * mm],
            ),
            Spacer(1, 8 * mm),
        )
