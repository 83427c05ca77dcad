"""The shipped DejaVu fonts, registered once with reportlab and embedded (subset) in every PDF.

DejaVu Sans covers accents, œ, €, « », narrow no-break spaces and many monochrome symbols;
the emoji it lacks come from the shipped emoji font (see emoji.py).
"""

from __future__ import annotations

from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from kitcop_desktop import paths

FAMILY = "KitSans"
BOLD = "KitSans-Bold"
ITALIC = "KitSans-Oblique"
BOLD_ITALIC = "KitSans-BoldOblique"

_FILES = {
    FAMILY: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}


@cache
def register_fonts() -> str:
    """Register the family (idempotent) and return its name for styles."""
    folder = paths.fonts_dir()
    for name, filename in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(folder / filename)))
    # <b> and <i> inside Paragraph markup pick the right face.
    addMapping(FAMILY, 0, 0, FAMILY)
    addMapping(FAMILY, 1, 0, BOLD)
    addMapping(FAMILY, 0, 1, ITALIC)
    addMapping(FAMILY, 1, 1, BOLD_ITALIC)
    return FAMILY


@cache
def covered_codepoints() -> frozenset[int]:
    """Every code point the regular face can draw (bold covers the same set in DejaVu)."""
    register_fonts()
    font = pdfmetrics.getFont(FAMILY)
    return frozenset(font.face.charToGlyph)
