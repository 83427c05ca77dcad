"""User text made safe for reportlab: escaped, emoji replaced, newlines kept.

reportlab's Paragraph parses markup: « a<b » raises, « R&D » becomes « R&D; » and a typed
« <b> » would turn bold. Every piece of user text goes through `para_text` (or `plain`) first.
"""

from __future__ import annotations

import re
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


# reportlab fits a word wider than its column by measuring it one character at a time, and
# again at every page the paragraph spans: a pasted link of thousands of characters took
# minutes. Beyond LONG_WORD characters a word is printed in pieces of PIECE characters (which
# fit the narrowest column), so wrapping stays linear in the text's length.
LONG_WORD = 40
PIECE = 20
_LONG_WORD = re.compile(rf"\S{{{LONG_WORD + 1},}}")


def _pieces(match: re.Match) -> str:
    word = match.group(0)
    return " ".join(word[i : i + PIECE] for i in range(0, len(word), PIECE))


def break_long_words(text: str) -> str:
    """Words over LONG_WORD characters cut into pieces of PIECE, with a space between."""
    return _LONG_WORD.sub(_pieces, text)


def para_text(text: object) -> str:
    """Escaped for a Paragraph; line breaks become <br/>."""
    lines = break_long_words(plain(text)).split("\n")
    return "<br/>".join(escape(line) for line in lines)


def one_line(text: object) -> str:
    """Escaped, on one line (titles, table cells that must not wrap by newline)."""
    return escape(" ".join(break_long_words(plain(text)).split()))
