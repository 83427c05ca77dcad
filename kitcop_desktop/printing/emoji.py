"""Emoji in print: drawn from the shipped monochrome emoji font, never as « □ ».

DejaVu draws text; what it lacks among pictographs (😅 it has, 🚀 💪 ☕ not all) comes from
`resources/fonts/emoji/KitEmoji.ttf`, a subset of Symbola (emoji up to Unicode 9, free for any
use, `LICENSE-Symbola.txt`). It lives apart from the screen's fonts: loaded into Qt (ui/theme
loads `resources/fonts/*.ttf`), its tall lines would grow every label of the app. Text is cut into runs, each in the face that has its glyphs:
Paragraph markup gets `<font name="KitEmoji">` around emoji runs (`text.para_text`), and a
canvas that draws a string (`MixedCanvas`: every document's canvas, the DOCX pictures') switches
faces run by run. Measuring a string (`text_width`) follows the same runs, so wrapping and
centring stay true.
"""

from __future__ import annotations

from functools import cache

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfgen import canvas as rl_canvas

from kitcop_desktop import paths
from kitcop_desktop.printing.fonts import (
    BOLD,
    BOLD_ITALIC,
    FAMILY,
    ITALIC,
    covered_codepoints,
    register_later,
)

EMOJI = "KitEmoji"
_FILE = "emoji/KitEmoji.ttf"
_CODEPOINTS = "emoji/KitEmoji.codepoints"
_TEXT_FACES = {FAMILY, BOLD, ITALIC, BOLD_ITALIC}


def _unicode_hex(code: int) -> str:
    return chr(code).encode("utf-16-be", "surrogatepass").hex().upper()


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap, with a code point past U+FFFF written in UTF-16 as the PDF
    format asks (reportlab wrote « <1F680> », which readers reject: an emoji in a PDF could
    then be neither copied nor searched)."""
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(subset)} beginbfchar",
            *(f"<{i:02X}> <{_unicode_hex(v)}>" for i, v in enumerate(subset)),
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


ttfonts.makeToUnicodeCMap = _to_unicode_cmap  # used by every TTFont subset reportlab writes


@cache
def register_emoji() -> str:
    """The emoji face, parsed when a text first holds an emoji (fonts.register_later)."""
    register_later(EMOJI, paths.fonts_dir() / _FILE)
    return EMOJI


def font_codepoints() -> frozenset[int]:
    """Every code point the emoji font draws, as its cmap says: read from
    `KitEmoji.codepoints` beside it (ranges in hex), so that knowing which characters are
    emoji does not parse the font (3.5 MB of glyph tables, most documents none of them)."""
    codes: set[int] = set()
    for line in (paths.fonts_dir() / _CODEPOINTS).read_text(encoding="ascii").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            first, _, last = line.partition("-")
            codes.update(range(int(first, 16), int(last or first, 16) + 1))
    return frozenset(codes)


@cache
def emoji_codepoints() -> frozenset[int]:
    """The code points the emoji font draws and DejaVu does not."""
    register_emoji()
    return font_codepoints() - covered_codepoints()


def runs(text: str, font: str) -> list[tuple[str, str]]:
    """(piece, face) in order: the emoji font's pieces apart, the rest in `font`."""
    if font not in _TEXT_FACES:
        return [(text, font)]
    emoji = emoji_codepoints()
    out: list[tuple[str, str]] = []
    for ch in text:
        face = EMOJI if ord(ch) in emoji else font
        if out and out[-1][1] == face:
            out[-1] = (out[-1][0] + ch, face)
        else:
            out.append((ch, face))
    return out


def text_width(text: str, font: str, size: float) -> float:
    """stringWidth, each run measured in the face that draws it."""
    if not has_emoji(text):
        return pdfmetrics.stringWidth(text, font, size)
    return sum(pdfmetrics.stringWidth(piece, face, size) for piece, face in runs(text, font))


def has_emoji(text: str) -> bool:
    emoji = emoji_codepoints()
    return any(ord(ch) in emoji for ch in text)


class MixedCanvas(rl_canvas.Canvas):
    """A canvas whose drawString and friends draw emoji from the emoji font."""

    def drawString(self, x, y, text, *args, **kwargs):  # noqa: N802 - reportlab API
        if not has_emoji(text):
            return super().drawString(x, y, text, *args, **kwargs)
        font, size = self._fontname, self._fontsize
        for piece, face in runs(text, font):
            self.setFont(face, size)
            super().drawString(x, y, piece, *args, **kwargs)
            x += pdfmetrics.stringWidth(piece, face, size)
        self.setFont(font, size)
        return None

    def drawRightString(self, x, y, text, *args, **kwargs):  # noqa: N802 - reportlab API
        if not has_emoji(text):
            return super().drawRightString(x, y, text, *args, **kwargs)
        width = text_width(text, self._fontname, self._fontsize)
        return self.drawString(x - width, y, text, *args, **kwargs)

    def drawCentredString(self, x, y, text, *args, **kwargs):  # noqa: N802 - reportlab API
        if not has_emoji(text):
            return super().drawCentredString(x, y, text, *args, **kwargs)
        width = text_width(text, self._fontname, self._fontsize)
        return self.drawString(x - width / 2, y, text, *args, **kwargs)


@cache
def printable_codepoints() -> frozenset[int]:
    """Every code point the shipped fonts draw, text and emoji."""
    return covered_codepoints() | emoji_codepoints()
