"""User text made safe for reportlab: escaped, emoji replaced, newlines kept.

reportlab's Paragraph parses markup: « a<b » raises, « R&D » becomes « R&D; » and a typed
« <b> » would turn bold. Every piece of user text goes through `para_text` (or `plain`) first.
"""

from __future__ import annotations

import unicodedata
from xml.sax.saxutils import escape

from kitcop_desktop.printing.fonts import covered_codepoints

# Shown in place of a character the font cannot draw (a colour emoji): visible, not silent.
PLACEHOLDER = "\u25a1"
# Invisible joiners and variation selectors that glue emoji sequences together: dropped.
_INVISIBLE = {0x200D, 0xFE0E, 0xFE0F, 0x20E3}


def plain(text: object) -> str:
    """The text with control characters dropped and undrawable characters replaced.

    Not escaped: for canvas.drawString, which does not parse markup.
    """
    if text is None:
        return ""
    covered = covered_codepoints()
    out = []
    for ch in str(text).replace("\r\n", "\n").replace("\r", "\n"):
        code = ord(ch)
        if ch in "\n\t":
            out.append(" " if ch == "\t" else ch)
        elif code in _INVISIBLE or 0xE0020 <= code <= 0xE007F or 0x1F3FB <= code <= 0x1F3FF:
            continue  # joiners, tag sequences, skin-tone modifiers
        elif unicodedata.category(ch) in ("Cc", "Cs"):
            continue
        elif code in covered:
            out.append(ch)
        else:
            out.append(PLACEHOLDER)
    return "".join(out)


def para_text(text: object) -> str:
    """Escaped for a Paragraph; line breaks become <br/>."""
    return "<br/>".join(escape(line) for line in plain(text).split("\n"))


def one_line(text: object) -> str:
    """Escaped, on one line (titles, table cells that must not wrap by newline)."""
    return escape(" ".join(plain(text).split()))
