"""Fiches actions, one per page, laid out like the kit's card.

Défi and cible on top, the action in a large blue band, pilotes and contributeurs side by side,
mise en œuvre with impact and faisabilité as stars, then description, indicateurs de suivi,
conditions de succès and besoins pour accélérer. Long fields flow onto the next page.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from kitcop_desktop.printing.common import markup, nothing, table, title_block
from kitcop_desktop.printing.document import Document, frame_width
from kitcop_desktop.printing.styles import ACCENT, RULE, SHADE, styles, tint
from kitcop_desktop.printing.text import one_line, para_text
from kitcop_desktop.storage import actions
from kitcop_desktop.storage.models.action import ACTION_CARD_FIELDS

GAP = 4 * mm  # between boxes side by side
SPACE = 2.5 * mm  # between bands
ORIGINS = {"vote": "issue d'un vote", "kiss": "issue de la rétrospective KISS", "manual": ""}


def stars(count: int) -> str:
    """« ★★☆ (2 sur 3) »; 0 means not rated yet. The words say it too, not only the shapes."""
    if not count:
        return "☆☆☆ (non évalué)"
    count = max(0, min(3, int(count)))
    return "★" * count + "☆" * (3 - count) + f" ({count} sur 3)"


def _label(text: str) -> str:
    return f"<font size='8' color='#5b6478'><b>{one_line(text).upper()}</b></font>"


def _box(label: str, value: str, width: float, *, background=None):
    """A labelled block of the card. Label and text are one paragraph, so a long text splits
    across pages (never LayoutError) and the label never stays alone at a page's foot."""
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


def card_flowables(card, width: float, number: int, total: int) -> list:
    """One fiche action as flowables (the caller starts the page)."""
    f = ACTION_CARD_FIELDS
    origin = ORIGINS.get(card.origin, "")
    head = f"Fiche action {number} / {total}" + (f" — {origin}" if origin else "")
    out = [markup(f"<font color='#5b6478'>{one_line(head)}</font>", "small"), Spacer(1, 2 * mm)]
    half = (width - GAP) / 2
    quarter = (half - GAP) / 2
    out += [
        _side_by_side(
            [_box(f["challenge"], card.challenge, half), _box(f["target"], card.target, half)],
            [half, half],
        ),
        Spacer(1, SPACE),
    ]
    white_label = _label(f["action"]).replace("#5b6478", "#ffffff")
    # The action is the card's headline; a very long one steps down so the card stays a card.
    length = len(card.action or "")
    size = 20 if length <= 160 else 14 if length <= 600 else 10.5
    action_style = styles()["card_big"].clone(
        "card_big_white", textColor=colors.white, fontSize=size, leading=size * 1.25
    )
    band = table(
        [[markup(white_label)], [Paragraph(para_text(card.action or "—"), action_style)]],
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
        _side_by_side(
            [_box(f["leads"], card.leads, half), _box(f["contributors"], card.contributors, half)],
            [half, half],
        ),
        Spacer(1, SPACE),
    ]
    pale = tint(ACCENT, 0.88)
    out += [
        _side_by_side(
            [
                _box(f["implementation"], card.implementation, half),
                _box("Impact", stars(card.impact), quarter, background=pale),
                _box("Faisabilité", stars(card.feasibility), quarter, background=pale),
            ],
            [half, quarter, quarter],
        ),
        Spacer(1, SPACE),
    ]
    for key in ("description", "indicators", "success_conditions", "acceleration_needs"):
        background = SHADE if key == "description" else None
        out += [_box(f[key], getattr(card, key), width, background=background), Spacer(1, SPACE)]
    return out


def add_action_cards(doc: Document, session, workshop) -> None:
    """Every fiche action of the workshop, one per page."""
    cards = actions.list_for(session, workshop.id)
    width = frame_width("portrait")
    doc.page("portrait")
    doc.section("Fiches actions")
    if not cards:
        doc.add(
            title_block("Fiches actions", workshop),
            nothing("Aucune fiche action pour cet atelier."),
        )
        return
    for number, card in enumerate(cards, start=1):
        if number > 1:
            doc.page("portrait")
        doc.add(card_flowables(card, width, number, len(cards)))
