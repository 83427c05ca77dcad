"""The chantier's action plan and its protocoles de test, printed (#17): the plan as a
landscape table (status, pilots, steps with dates, « comment tester »), then each protocol
with its log of results; and the same plan as CSV for the COP secretariat."""

from __future__ import annotations

import csv
import io

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from kitcop_desktop.domain.action_plan import PROTOCOL_SHORT, STATUSES, VERDICTS, tally
from kitcop_desktop.domain.french import long_date
from kitcop_desktop.i18n import tr, tr_n
from kitcop_desktop.printing.common import cells, facts, grid, head_cells, markup, nothing, p
from kitcop_desktop.printing.document import Document, Heading, frame_width
from kitcop_desktop.printing.drawing import wrap_lines
from kitcop_desktop.printing.fonts import FAMILY
from kitcop_desktop.printing.styles import INK
from kitcop_desktop.printing.text import one_line, plain
from kitcop_desktop.storage import action_plan, chantiers, test_protocols
from kitcop_desktop.storage.action_plan import PlanRow

TITLE = "Plan d'action et protocoles de test"
CHUNK = 20  # lines of the plan's table per reportlab Table (an even number keeps the zebra)


class _Lines(Flowable):
    """A table cell of user text drawn as plain lines (9 pt, the « cell » style's size and
    leading): a long plan's thousands of cells need no Paragraph parsing nor reportlab's line
    breaking, which took most of its time; each width is broken once."""

    SIZE, LEADING = 9.0, 11.5

    def __init__(self, text: object, lines: list[str] | None = None) -> None:
        super().__init__()
        self.text = plain(text)
        self._given = lines
        self._wrapped: tuple[float, list[str]] | None = None

    @property
    def plain_text(self) -> str:
        """Its words, for the DOCX copy (printing/docx_story), which a secretary edits."""
        return "\n".join(self._given) if self._given is not None else self.text

    def _lines(self, width: float) -> list[str]:
        if self._given is not None:
            return self._given
        if self._wrapped is None or self._wrapped[0] != width:
            self._wrapped = (width, wrap_lines(self.text, FAMILY, self.SIZE, width, 10_000))
        return self._wrapped[1]

    def wrap(self, availWidth, availHeight):  # noqa: N803 - reportlab API
        self.width = availWidth
        lines = self._lines(availWidth)
        self.height = len(lines) * self.LEADING + 1.5
        return self.width, self.height

    def split(self, availWidth, availHeight):  # noqa: N803 - reportlab API
        lines = self._lines(availWidth)
        fit = int((availHeight - 1.5) // self.LEADING)
        if fit <= 0 or fit >= len(lines):
            return []
        return [_Lines(self.text, lines[:fit]), _Lines(self.text, lines[fit:])]

    def draw(self) -> None:
        canvas = self.canv
        canvas.setFillColor(INK)
        canvas.setFont(FAMILY, self.SIZE)
        y = self.height - self.SIZE
        for line in self._lines(self.width):
            canvas.drawString(0, y, line)
            y -= self.LEADING


def _cells(*values: object) -> list:
    """A table line of user text, each cell drawn as plain lines."""
    return [_Lines(v) for v in values]


def _steps_text(row: PlanRow) -> str:
    lines = []
    for step in row.steps:
        mark = "☑" if step.done else "☐"
        when = f" — {long_date(step.due)}" if step.due else ""
        lines.append(f"{mark} {step.label}{when}")
    return "\n".join(lines) or "—"


def add_plan(doc: Document, session, rows: list[PlanRow], scope: str) -> None:
    """The plan's table on landscape pages, then one page per protocol."""
    doc.page("landscape")
    doc.section(tr("Plan d'action"))
    doc.add(markup(tr("Plan d'action"), "h1"), p(scope, "muted"), Spacer(1, 3 * mm))
    if not rows:
        doc.add(nothing(tr("Aucune fiche action pour l'instant.")))
        return
    counts = {code: sum(1 for r in rows if r.status == code) for code in STATUSES}
    doc.add(
        p(
            " · ".join(f"{label}\u00a0: {counts[code]}" for code, label in STATUSES.items()),
            "small",
        ),
        Spacer(1, 2 * mm),
    )
    width = frame_width("landscape")
    widths = [0.04, 0.2, 0.13, 0.09, 0.13, 0.22, 0.19]
    body: list[list] = []
    for row in rows:
        heading = (
            row.heading
            if not row.challenge or row.challenge == row.heading
            else (
                tr("{heading}\nDéfi\u00a0: {challenge}").format(
                    heading=row.heading, challenge=row.challenge
                )
            )
        )
        body.append(
            [
                str(row.number),  # short words of the program's own: plain strings, no layout
                *_cells(heading, row.workshop),
                # The program's own words: plain strings, broken by hand to fit their column.
                STATUSES.get(row.status, row.status).replace(" à l'", "\nà l'"),
                *_cells(
                    row.leads or "—",
                    _steps_text(row),
                    row.test_plan or "—",
                ),
            ]
        )
    # In tables of CHUNK lines (each with the heading): reportlab lays a split table out again
    # for every page it spills onto, so one table of 1,000 lines cost its length squared.
    for start in range(0, len(body), CHUNK):
        head = head_cells(
            tr("N°"),
            tr("Fiche action"),
            tr("Atelier"),
            tr("Statut"),
            tr("Pilotes"),
            tr("Étapes"),
            tr("Comment tester"),
        )
        doc.add(grid([head, *body[start : start + CHUNK]], [w * width for w in widths]))
    for row in rows:
        if row.protocol_id is not None:
            add_protocol(doc, session, row)


def add_protocol(doc: Document, session, row: PlanRow) -> None:
    protocol = test_protocols.get(session, row.protocol_id or 0)
    results = test_protocols.results(session, protocol.id)
    doc.page("portrait")
    doc.section(f"Protocole de test — fiche {row.number}")
    width = frame_width("portrait")
    doc.add(
        markup(f"Protocole de test — fiche {row.number}", "h1"),
        markup(f"<b>{one_line(row.heading)}</b>", "body"),
        p(f"{row.workshop} · {STATUSES.get(row.status, row.status)}", "muted"),
        Spacer(1, 3 * mm),
        facts(
            [(label, getattr(protocol, key) or "—") for key, label in PROTOCOL_SHORT.items()], width
        ),
        Spacer(1, 5 * mm),
        markup(tr("Journal des résultats"), "h2"),
    )
    if not results:
        doc.add(nothing(tr("Aucun résultat consigné pour l'instant.")))
        return
    doc.add(p(tally([r.verdict for r in results]), "small"), Spacer(1, 2 * mm))
    table = [head_cells(tr("Date"), tr("Critère"), tr("Constat"), tr("Résultat"))]
    for r in results:
        table.append(
            cells(
                long_date(r.day) if r.day else "—",
                r.criterion or "—",
                r.observed or "—",
                VERDICTS.get(r.verdict, r.verdict),
            )
        )
    doc.add(grid(table, [w * width for w in (0.2, 0.22, 0.42, 0.16)]))


def add_workshop_plan(doc: Document, session, workshop) -> None:
    """The «\u00a0action_plan\u00a0» part of a workshop: its chantier's whole plan when it has one."""
    chantier_id = chantiers.chantier_of(session, workshop.id)
    if chantier_id is not None:
        chantier = chantiers.get(session, chantier_id)
        rows = action_plan.rows(session, chantier_id)
        count = len(chantiers.alive_workshops(session, chantier_id))
        scope = tr_n(
            "Chantier «\u00a0{title}\u00a0» — {n} atelier",
            "Chantier «\u00a0{title}\u00a0» — {n} ateliers",
            count,
        ).format(title=chantier.title, n=count)
    else:
        rows = action_plan.rows_for_workshops(session, [workshop])
        scope = tr("Atelier «\u00a0{title}\u00a0»").format(title=workshop.title)
    add_plan(doc, session, rows, scope)


def _chantier_plan(session, chantier_id: int) -> Document:
    """The chantier's plan and its protocols, laid out (its story filled, not yet built)."""
    chantier = chantiers.get(session, chantier_id)
    found = chantiers.alive_workshops(session, chantier_id)
    heading = Heading(
        chantier.title,
        tr_n("Chantier — {n} atelier", "Chantier — {n} ateliers", len(found)).format(n=len(found)),
    )
    doc = Document(heading, TITLE)
    add_plan(
        doc,
        session,
        action_plan.rows(session, chantier_id),
        tr("Chantier «\u00a0{title}\u00a0»").format(title=chantier.title),
    )
    return doc


def render_chantier_pdf(session, chantier_id: int) -> bytes:
    return _chantier_plan(session, chantier_id).build()


def render_chantier_docx(session, chantier_id: int) -> bytes:
    """The same plan and protocols as an editable copy (Word, LibreOffice) for the COP's
    secretariat: the PDF's sections, tables and words."""
    # python-docx and lxml only when a copy is written (printing/docx_copies.py).
    from kitcop_desktop.printing.docx_story import story_to_docx

    return story_to_docx(_chantier_plan(session, chantier_id))


def plan_csv_rows(session, rows: list[PlanRow]) -> list[list]:
    """One line per fiche action; its steps and its protocol's essentials in cells."""
    out: list[list] = [
        [
            "N°",
            "Fiche action",
            "Défi",
            "Atelier",
            "Statut",
            "Pilotes",
            "Étapes",
            "Comment tester",
            "Protocole\u00a0: objectif",
            tr("Critères d'impact"),
            tr("Vous aurez réussi si…"),
            tr("Résultats consignés"),
        ]
    ]
    for row in rows:
        protocol = test_protocols.get(session, row.protocol_id) if row.protocol_id else None
        results = test_protocols.results(session, protocol.id) if protocol else []
        out.append(
            [
                row.number,
                row.heading,
                row.challenge,
                row.workshop,
                STATUSES.get(row.status, row.status),
                row.leads,
                _steps_text(row) if row.steps else "",
                row.test_plan,
                protocol.objective if protocol else "",
                protocol.impact_criteria if protocol else "",
                protocol.success_if if protocol else "",
                tally([r.verdict for r in results]) if results else "",
            ]
        )
    return out


def _cell(value) -> str:
    """As printing/csv_copies: a cell a spreadsheet would run as a formula is kept as text."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _csv_bytes(rows: list[list]) -> bytes:
    """For a French spreadsheet: UTF-8 with a BOM, «\u00a0;\u00a0» between cells."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    for row in rows:
        writer.writerow([_cell(x) for x in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def render_chantier_csv(session, chantier_id: int) -> bytes:
    """The chantier's action plan, one line per fiche action."""
    chantiers.get(session, chantier_id)
    return _csv_bytes(plan_csv_rows(session, action_plan.rows(session, chantier_id)))


def results_csv_rows(session, rows: list[PlanRow]) -> list[list]:
    """The protocols' logs (kit Brique 4-2): one line per result consigned, against its
    criterion, under its fiche action, in the plan's order then the log's."""
    out: list[list] = [
        [
            tr("N°"),
            tr("Fiche action"),
            tr("Atelier"),
            tr("Date"),
            tr("Critère"),
            tr("Constat"),
            tr("Résultat"),
        ]
    ]
    for row in rows:
        if not row.protocol_id:
            continue
        for result in test_protocols.results(session, row.protocol_id):
            out.append(
                [
                    row.number,
                    row.heading,
                    row.workshop,
                    result.day.strftime("%d/%m/%Y") if result.day else "",
                    result.criterion,
                    result.observed,
                    VERDICTS.get(result.verdict, result.verdict),
                ]
            )
    return out


def render_results_csv(session, chantier_id: int) -> bytes:
    """The log of the chantier's tests against their criteria, for a spreadsheet."""
    chantiers.get(session, chantier_id)
    return _csv_bytes(results_csv_rows(session, action_plan.rows(session, chantier_id)))
