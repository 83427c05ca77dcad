"""Paragraph styles and colours shared by every document, so they all look like one house."""

from __future__ import annotations

from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle

from kitcop_desktop.domain.palette import ZONE_COLOURS
from kitcop_desktop.printing import colours
from kitcop_desktop.printing.fonts import BOLD, FAMILY, register_fonts

INK = colors.HexColor(colours.INK)  # the app's ink: titles, rules, table headers
MUTED = colors.HexColor(colours.MUTED)
RULE = colors.HexColor(colours.RULE)
SHADE = colors.HexColor(colours.SHADE)
ACCENT = colors.HexColor(colours.ACCENT)
# The facilitator's document mark: vermilion, darkened to read as text (contrast > 5:1 on white).
MARK = colors.HexColor(colours.MARK)


def zone_colour(zone: str) -> colors.Color:
    """A zone's colour from the shared palette (grey for an unknown zone)."""
    return colors.HexColor(ZONE_COLOURS.get(zone, colours.UNKNOWN_ZONE))


def tint(colour: colors.Color, amount: float = 0.82) -> colors.Color:
    """A pale version of a colour, for backgrounds that black text must stay readable on."""
    r, g, b = colour.red, colour.green, colour.blue
    return colors.Color(r + (1 - r) * amount, g + (1 - g) * amount, b + (1 - b) * amount)


@cache
def styles() -> dict[str, ParagraphStyle]:
    """The named styles: body, small, muted, cell, cell_head, h1, h2, h3, cover_title, …"""
    register_fonts()
    body = ParagraphStyle("body", fontName=FAMILY, fontSize=10, leading=13.5, textColor=INK)
    s = {
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=9, leading=11.5),
        "muted": ParagraphStyle("muted", parent=body, fontSize=9, leading=12, textColor=MUTED),
        "cell": ParagraphStyle("cell", parent=body, fontSize=9, leading=11.5),
        "cell_head": ParagraphStyle(
            "cell_head",
            parent=body,
            fontName=BOLD,
            fontSize=9,
            leading=11.5,
            textColor=colors.white,
        ),
        "h1": ParagraphStyle(
            "h1",
            parent=body,
            fontName=BOLD,
            fontSize=18,
            leading=23,
            spaceAfter=8,
            textColor=INK,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=body,
            fontName=BOLD,
            fontSize=13.5,
            leading=17,
            spaceBefore=10,
            spaceAfter=5,
            keepWithNext=1,
            textColor=INK,
        ),
        "h3": ParagraphStyle(
            "h3",
            parent=body,
            fontName=BOLD,
            fontSize=11,
            leading=14,
            spaceBefore=6,
            spaceAfter=3,
            keepWithNext=1,
            textColor=INK,
        ),
        "label": ParagraphStyle(
            "label",
            parent=body,
            fontName=BOLD,
            fontSize=9,
            leading=11,
            textColor=MUTED,
        ),
        "cover_title": ParagraphStyle(
            "cover_title",
            parent=body,
            fontName=BOLD,
            fontSize=26,
            leading=32,
            spaceAfter=14,
        ),
        "cover_sub": ParagraphStyle(
            "cover_sub",
            parent=body,
            fontSize=13,
            leading=18,
            textColor=MUTED,
            spaceAfter=6,
        ),
        "quote": ParagraphStyle(
            "quote",
            parent=body,
            fontSize=12.5,
            leading=17,
            leftIndent=12,
            borderPadding=8,
            spaceBefore=6,
            spaceAfter=10,
        ),
        "card_text": ParagraphStyle("card_text", parent=body, fontSize=14, leading=19),
        "center": ParagraphStyle("center", parent=body, alignment=TA_CENTER),
        "poster_title": ParagraphStyle(
            "poster_title",
            parent=body,
            fontName=BOLD,
            fontSize=34,
            leading=40,
            alignment=TA_CENTER,
        ),
        "poster_zone": ParagraphStyle(
            "poster_zone",
            parent=body,
            fontName=BOLD,
            fontSize=24,
            leading=29,
            textColor=colors.white,
        ),
        "poster_hint": ParagraphStyle(
            "poster_hint",
            parent=body,
            fontSize=14,
            leading=18,
            textColor=colors.white,
        ),
        "card_big": ParagraphStyle(
            "card_big",
            parent=body,
            fontName=BOLD,
            fontSize=20,
            leading=25,
        ),
    }
    return s
