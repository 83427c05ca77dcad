"""The shipped DejaVu fonts, registered once with reportlab and embedded (subset) in every PDF.

DejaVu Sans covers accents, œ, €, « », narrow no-break spaces and many monochrome symbols;
the emoji it lacks come from the shipped emoji font (see emoji.py).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

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


# Faces parsed only when a document first asks for them: a TTFont holds about 3.5 MB of Python
# objects (its glyph tables), and the demo's restitution uses neither italics nor emoji (#15).
_LATER: dict[str, str] = {}
_FIND = pdfmetrics.findFontAndRegister


def _find_and_register(font_name):
    """reportlab's lookup of a name not registered yet (`pdfmetrics.getFont` calls it): one
    of ours registered for later is loaded now; any other name is reportlab's business."""
    path = _LATER.pop(str(font_name), None)
    if path is None:
        return _FIND(font_name)
    font = TTFont(str(font_name), path)
    pdfmetrics.registerFont(font)
    return font


def register_later(name: str, path: Path) -> None:
    """`name` is a face reportlab loads from `path` the first time a document uses it."""
    if name not in pdfmetrics.getRegisteredFontNames():
        _LATER[name] = str(path)
        # What registerFont would map at once: Paragraph markup (<font name=…>) finds it.
        pdfmetrics.registerFontFamily(name)
    pdfmetrics.findFontAndRegister = _find_and_register


@cache
def register_fonts() -> str:
    """Register the family (idempotent) and return its name for styles."""
    folder = paths.fonts_dir()
    for name in (FAMILY, BOLD):  # every document writes in them
        pdfmetrics.registerFont(TTFont(name, str(folder / _FILES[name])))
    for name in (ITALIC, BOLD_ITALIC):
        register_later(name, folder / _FILES[name])
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
