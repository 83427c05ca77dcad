"""User text made safe for reportlab: escaped, emoji in their font, newlines kept.

reportlab's Paragraph parses markup: « a<b » raises, « R&D » becomes « R&D; » and a typed
« <b> » would turn bold. Every piece of user text goes through `para_text` (or `plain`) first.
Emoji print from the shipped emoji font (printing/emoji.py); one newer than it is left out.
"""

from __future__ import annotations

import re
import unicodedata
from xml.sax.saxutils import escape

from kitcop_desktop.printing.emoji import EMOJI, emoji_codepoints, printable_codepoints

# Shown in place of a character no shipped font draws (a Chinese word): visible, not silent.
# An emoji newer than the emoji font (🥳, Unicode 10 and after) is left out instead: a square
# in a participant's words reads as a printing fault.
PLACEHOLDER = "\u25a1"
# Invisible joiners and variation selectors that glue emoji sequences together: dropped.
_INVISIBLE = {0x200D, 0xFE0E, 0xFE0F, 0x20E3}


def plain(text: object) -> str:
    """The text with control characters dropped and undrawable characters replaced.

    Not escaped: for canvas.drawString, which does not parse markup.
    """
    if text is None:
        return ""
    covered = printable_codepoints()
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
        elif not _is_pictograph(code):
            out.append(PLACEHOLDER)
    return "".join(out)


def _is_pictograph(code: int) -> bool:
    """An emoji or a symbol of the emoji blocks (which the emoji font may not have yet)."""
    return (
        0x1F000 <= code <= 0x1FAFF
        or 0x2600 <= code <= 0x27BF
        or 0x2300 <= code <= 0x23FF
        or 0x2B00 <= code <= 0x2BFF
    )


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


_EMOJI_RUN: re.Pattern | None = None


def _with_emoji_font(escaped: str) -> str:
    """Runs of emoji wrapped in the emoji font's markup (Paragraphs switch faces on it)."""
    global _EMOJI_RUN
    if _EMOJI_RUN is None:
        chars = "".join(re.escape(chr(c)) for c in sorted(emoji_codepoints()))
        _EMOJI_RUN = re.compile(f"[{chars}]+")
    return _EMOJI_RUN.sub(lambda m: f'<font name="{EMOJI}">{m.group(0)}</font>', escaped)


def para_text(text: object) -> str:
    """Escaped for a Paragraph; line breaks become <br/>."""
    lines = break_long_words(plain(text)).split("\n")
    return "<br/>".join(_with_emoji_font(escape(line)) for line in lines)


def one_line(text: object) -> str:
    """Escaped, on one line (titles, table cells that must not wrap by newline)."""
    return _with_emoji_font(escape(" ".join(break_long_words(plain(text)).split())))
