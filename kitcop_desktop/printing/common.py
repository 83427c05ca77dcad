"""Small building blocks shared by the documents: headings, tables that split, « Aucune donnée »."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from kitcop_desktop.domain.french import long_date, prose_time
from kitcop_desktop.i18n import TrMap, tr, tr_later
from kitcop_desktop.printing.document import Heading
from kitcop_desktop.printing.fonts import BOLD, FAMILY
from kitcop_desktop.printing.styles import INK, RULE, SHADE, styles
from kitcop_desktop.printing.text import one_line, para_text

PARTICIPATION_LABELS = TrMap(
    {
        "information": tr_later("Information"),
        "consultation": tr_later("Consultation"),
        "co_construction": tr_later("Co-construction"),
    }
)
CATEGORY_LABELS = TrMap(
    {
        "public": tr_later("Acteur public"),
        "private": tr_later("Acteur privé"),
        "para_public": tr_later("Acteur para-public"),
        "": tr_later("Non précisée"),
    }
)


def heading_for(workshop) -> Heading:
    """Header and footer words for a workshop: its title; its date and place."""
    bits = [long_date(workshop.date)]
    if workshop.start_time and workshop.end_time:
        bits[0] += f", {prose_time(workshop.start_time)} – {prose_time(workshop.end_time)}"
    if workshop.place:
        bits.append(workshop.place)
    return Heading(workshop.title, " — ".join(bits))


def p(text: object, style: str = "body") -> Paragraph:
    """A paragraph of user text (escaped here; never pass markup through this)."""
    return Paragraph(para_text(text), styles()[style])


def markup(text: str, style: str = "body") -> Paragraph:
    """A paragraph of the program's own markup; user parts must already be escaped."""
    return Paragraph(text, styles()[style])


def title_block(title: str, workshop, subtitle: str = "") -> list:
    """The document's title, then the workshop's title, date and place."""
    head = heading_for(workshop)
    out = [markup(one_line(title), "h1"), markup(f"<b>{one_line(workshop.title)}</b>", "body")]
    out.append(markup(one_line(head.footer), "muted"))
    if subtitle:
        out.append(p(subtitle, "muted"))
    out.append(Spacer(1, 4 * mm))
    return out


def nothing(message: str | None = None) -> Paragraph:
    """What a part prints when there is nothing to show: said plainly, never an empty page."""
    if message is None:
        message = tr("Aucune donnée pour cette partie.")
    return markup(f"<i>{one_line(message)}</i>", "muted")


def table(rows: list[list], widths: list[float], commands: list, **options) -> Table:
    """A Table in our font (reportlab's default would pull in an unembedded Helvetica) whose
    rows may split across pages."""
    options.setdefault("splitInRow", 1)
    result = Table(rows, colWidths=widths, **options)
    result.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FAMILY), *commands]))
    return result


def grid(
    rows: list[list],
    widths: list[float],
    *,
    header: bool = True,
    zebra: bool = True,
    head_colour=INK,
    min_height: float | None = None,
) -> Table:
    """A table whose rows may split across pages (long cells never raise LayoutError)."""
    minimums = None
    if min_height:
        minimums = [0] * (1 if header else 0) + [min_height] * (len(rows) - (1 if header else 0))
    table = Table(
        rows,
        colWidths=widths,
        repeatRows=1 if header else 0,
        splitInRow=1,
        minRowHeights=minimums,
    )
    style = [
        ("FONTNAME", (0, 0), (-1, -1), FAMILY),
        ("FONTSIZE", (0, 0), (-1, -1), 9),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    if header:
        style += [
            ("BACKGROUND", (0, 0), (-1, 0), head_colour),
            ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
            ("FONTNAME", (0, 0), (-1, 0), BOLD),
        ]
    if zebra:
        start = 1 if header else 0
        for r in range(start + 1, len(rows), 2):
            style.append(("BACKGROUND", (0, r), (-1, r), SHADE))
    table.setStyle(TableStyle(style))
    return table


def head_cells(*labels: str) -> list[Paragraph]:
    return [markup(one_line(label), "cell_head") for label in labels]


def cells(*values: object) -> list[Paragraph]:
    return [p(v, "cell") for v in values]


def facts(pairs: Sequence[tuple[str, object]], width: float) -> Table:
    """Label / value lines (« Date », « Lieu »…) as a quiet two-column table."""
    rows = [[markup(one_line(label), "label"), p(value)] for label, value in pairs]
    return table(
        rows,
        [40 * mm, width - 40 * mm],
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ],
    )


def keep(*flowables) -> KeepTogether:
    return KeepTogether(list(flowables))
