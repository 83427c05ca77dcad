"""Fiches actions, one per page, laid out like the kit's card.

Défi and cible on top, the action in a large blue band, pilotes and contributeurs side by side,
mise en œuvre with impact and faisabilité as stars, then description, indicateurs de suivi,
conditions de succès and besoins pour accélérer. Long fields flow onto the next page.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from kitcop_desktop.i18n import TrMap, tr, tr_later
from kitcop_desktop.printing import colours
from kitcop_desktop.printing.common import markup, nothing, table, title_block
from kitcop_desktop.printing.document import Document, frame_width
from kitcop_desktop.printing.styles import ACCENT, RULE, SHADE, styles, tint
from kitcop_desktop.printing.text import one_line, para_text
from kitcop_desktop.storage import actions
from kitcop_desktop.storage.models.action import ACTION_CARD_FIELDS

GAP = 4 * mm  # between boxes side by side
SPACE = 1.5 * mm  # between bands
ORIGINS = TrMap(
    {
        "vote": tr_later("issue d'un vote"),
        "kiss": tr_later("issue de la rétrospective KISS"),
        "manual": "",
    }
)


def stars(count: int) -> str:
    """« ★★☆ (2 sur 3) »; 0 means not rated yet. The words say it too, not only the shapes."""
    if not count:
        return tr("☆☆☆ (non évalué)")
    count = max(0, min(3, int(count)))
    return "★" * count + "☆" * (3 - count) + " " + tr("({count} sur 3)").format(count=count)


def _label(text: str) -> str:
    return f"<font size='9' color='{colours.MUTED}'><b>{one_line(text).upper()}</b></font>"


def _box(label: str, value: str, width: float, *, background=None, room: float = 0):
    """A labelled block of the card. Label and text are one paragraph, so a long text splits
    across pages (never LayoutError) and the label never stays alone at a page's foot.
    `room`: the height left to write in by hand (the blank fiche)."""
    commands = [
        ("BOX", (0, 0), (-1, -1), 0.6, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    if background is not None:
        commands.append(("BACKGROUND", (0, 0), (-1, -1), background))
    if room:
        cell = [Paragraph(_label(label), styles()["body"]), Spacer(1, room)]
        return table([[cell]], [width], commands)
    body = f"{_label(label)}<br/>{para_text(value or '—')}"
    return table([[Paragraph(body, styles()["body"])]], [width], commands)


def _side_by_side(boxes: list, inner: list[float]):
    """Boxes in one row with a 4 mm gutter (the kit's two- and three-column bands)."""
    widths = [w + GAP for w in inner[:-1]] + [inner[-1]]
    return table(
        [boxes],
        widths,
        [
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ],
    )


def _header(card, head: str, width: float, blank: bool):
    """The kit's top line: the theme in capitals on the left (« BIODIVERSITÉ »), which card
    this is on the right. The blank fiche leaves a line to write the theme on."""
    theme = one_line((getattr(card, "theme", "") or "").upper())
    left = markup(f"<font color='{colours.ACCENT}'><b>{theme}</b></font>", "h3") if theme else ""
    if blank:
        left = markup(_label(ACTION_CARD_FIELDS["theme"]), "body")
    right = markup(f"<font color='{colours.MUTED}'>{one_line(head)}</font>", "muted")
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("ALIGN", (1, 0), (1, 0), "RIGHT"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]
    if blank:
        commands.append(("LINEBELOW", (0, 0), (0, 0), 0.6, RULE))
    return table([[left, right]], [width * 0.68, width * 0.32], commands)


def card_flowables(card, width: float, number: int, total: int, *, blank: bool = False) -> list:
    """One fiche action as flowables (the caller starts the page). `blank`: the kit's empty
    fiche, boxes with room to write in by hand."""
    f = ACTION_CARD_FIELDS
    origin = ORIGINS.get(getattr(card, "origin", ""), "")
    head = tr("Fiche action {number} / {total}").format(number=number, total=total) + (
        f" — {origin}" if origin else ""
    )
    if blank:
        head = tr("Fiche action vierge")
    out = [_header(card, head, width, blank), Spacer(1, 2 * mm)]
    half = (width - GAP) / 2
    quarter = (half - GAP) / 2

    def box(key, w, label=None, **options):
        room = ROOM.get(key, 12 * mm) if blank else 0
        value = "" if blank else getattr(card, key, "")
        return _box(label or f[key], value, w, room=room, **options)

    out += [
        _side_by_side([box("challenge", half), box("target", half)], [half, half]),
        Spacer(1, SPACE),
    ]
    white_label = _label(f["action"]).replace(colours.MUTED, colours.WHITE)
    # The action is the card's headline; a very long one steps down so the card stays a card.
    length = 0 if blank else len(card.action or "")
    size = 20 if length <= 160 else 14 if length <= 600 else 10.5
    action_style = styles()["card_big"].clone(
        "card_big_white", textColor=colors.white, fontSize=size, leading=size * 1.25
    )
    band = table(
        [
            [markup(white_label)],
            [
                Spacer(1, 14 * mm)
                if blank
                else Paragraph(para_text(card.action or "—"), action_style)
            ],
        ],
        [width],
        [
            ("BACKGROUND", (0, 0), (-1, -1), ACCENT),
            ("LEFTPADDING", (0, 0), (-1, -1), 8),
            ("RIGHTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (-1, -1), 6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
        ],
    )
    out += [band, Spacer(1, SPACE)]
    out += [
        _side_by_side([box("leads", half), box("contributors", half)], [half, half]),
        Spacer(1, SPACE),
    ]
    pale = tint(ACCENT, 0.88)
    rating = "☆☆☆ " + tr("(sur 3)") if blank else None
    out += [
        _side_by_side(
            [
                box("implementation", half),
                _box(tr("Impact"), rating or stars(card.impact), quarter, background=pale),
                _box(
                    tr("Faisabilité"), rating or stars(card.feasibility), quarter, background=pale
                ),
            ],
            [half, quarter, quarter],
        ),
        Spacer(1, SPACE),
    ]
    keys = ("description", "indicators", "test_plan", "success_conditions", "acceleration_needs")
    for key in keys:
        background = SHADE if key == "description" else None
        out += [box(key, width, background=background), Spacer(1, SPACE)]
    return out


# Room to write by hand on the blank fiche (the A4 holds it all on one page).
ROOM = {"description": 22 * mm, "implementation": 16 * mm, "test_plan": 14 * mm}


def add_blank_action_card(doc: Document, session, workshop) -> None:
    """The kit's fiche action, empty, on one A4 (the « capitalisation » séquence's matériel)."""
    doc.page("portrait")
    doc.section(tr("Fiche action vierge"))
    doc.add(card_flowables(None, frame_width("portrait"), 1, 1, blank=True))


def add_action_cards(doc: Document, session, workshop) -> None:
    """Every fiche action of the workshop, one per page."""
    cards = actions.list_for(session, workshop.id)
    width = frame_width("portrait")
    doc.page("portrait")
    doc.section(tr("Fiches actions"))
    if not cards:
        doc.add(
            title_block(tr("Fiches actions"), workshop),
            nothing(tr("Aucune fiche action pour cet atelier.")),
        )
        return
    for number, card in enumerate(cards, start=1):
        if number > 1:
            doc.page("portrait")
        doc.add(card_flowables(card, width, number, len(cards)))
