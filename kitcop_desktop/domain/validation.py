"""Checks on what the facilitator types, with French messages. Nothing is changed on failure."""

from __future__ import annotations

import unicodedata

from kitcop_desktop.i18n import tr

TITLE_MAX = 200
TEXT_MAX = 20_000


class InvalidInput(ValueError):
    """`str(error)` is a French sentence that says what is wrong and that nothing changed."""


def clean_text(value: str | None, *, max_len: int = TEXT_MAX) -> str:
    """Strip control characters (keeping newlines and tabs) and surrounding blanks."""
    if value is None:
        return ""
    text = "".join(ch for ch in str(value) if ch in "\n\t" or unicodedata.category(ch) != "Cc")
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if len(text) > max_len:
        raise InvalidInput(
            tr(
                "Ce texte est trop long ({length} caractères, {most} au plus). Rien n'a été modifié."
            ).format(length=len(text), most=max_len)
        )
    return text


# Directional overrides and isolates: invisible, they reorder what follows (« gnp.exe »).
BIDI_CONTROLS = frozenset(
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
)


def without_controls(text: str, *, keep: str = "\n\t") -> str:
    """`text` without control characters (C0, DEL, C1: terminal escapes, bells…) nor
    directional overrides; the characters in `keep` stay. Emoji joiners stay."""
    return "".join(
        ch
        for ch in text
        if ch in keep or (unicodedata.category(ch) != "Cc" and ch not in BIDI_CONTROLS)
    )


def plain_line(value: object) -> str:
    """Text from outside (a file's title) as one printable line, for a terminal or a dialog:
    no escape sequence, no bell, no direction override, runs of blanks as one space."""
    return " ".join(without_controls(str(value), keep="\n\t").split())


def require_text(value: str | None, what: str, *, max_len: int = TITLE_MAX) -> str:
    """A required one-line field (a title, a name): not empty, not huge, on one line."""
    text = " ".join(clean_text(value, max_len=max_len * 4).split())
    if not text:
        raise InvalidInput(
            tr("{what} ne peut pas être vide. Rien n'a été modifié.").format(what=what)
        )
    if len(text) > max_len:
        raise InvalidInput(
            tr(
                "{what} est trop long ({length} caractères, {most} au plus). Rien n'a été modifié."
            ).format(what=what, length=len(text), most=max_len)
        )
    return text


def require_minutes(
    value: int | float | str, what: str = tr("La durée"), *, maximum: int = 720
) -> int:
    """A duration in whole minutes, 1 to `maximum` (12 hours by default)."""
    try:
        minutes = int(value)
    except (TypeError, ValueError):
        raise InvalidInput(
            tr("{what} doit être un nombre de minutes. Rien n'a été modifié.").format(what=what)
        ) from None
    if minutes <= 0:
        raise InvalidInput(
            tr("{what} doit être d'au moins 1 minute. Rien n'a été modifié.").format(what=what)
        )
    if minutes > maximum:
        raise InvalidInput(
            tr("{what} ne peut pas dépasser {maximum} minutes. Rien n'a été modifié.").format(
                what=what, maximum=maximum
            )
        )
    return minutes
