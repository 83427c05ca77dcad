"""The app's words in the facilitator's language: one `tr()` for every layer, Qt or not.

The source language is French: `tr("Tous les ateliers")` is the French text itself, and the key
of its translation in `resources/locale/<lang>.po` (standard gettext PO files, read directly:
no compile step, no binary in the repository). A string without a translation stays French.
`tr_n(singular, plural, n)` chooses by count (« 1 page », « 3 pages »). Not gettext's `_`:
the code uses `_` for values it throws away, which would hide the function.

The language: `kitcop --lang en`, or KITCOP_LANG, else French. « pseudo » is the pseudo-locale
for layout tests: every wrapped string comes back twice as long, in brackets, so a test can see
a widget that would cut a longer language's text. Qt's own dialogs follow through
ui/qt_translations.py (QTranslator).

`python -m kitcop_desktop.i18n_extract` adds the new `tr()` strings to every catalogue.
"""

from __future__ import annotations

import ast
import os
import re
from collections.abc import Hashable, Iterator, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import TypeVar

from kitcop_desktop import paths

SOURCE = "fr"
LANGUAGES = ("fr", "en")  # what a facilitator can choose
PSEUDO = "pseudo"  # for layout tests only
# A tag, a placeholder (kept whole), or a word.
_WORD = re.compile(r"<[^<>]*>|\{[^{}]*\}|[^\s{}<>]+")
ENV_LANGUAGE = "KITCOP_LANG"

_language = SOURCE


def requested_language() -> str:
    """« fr » unless KITCOP_LANG asks for another language the app knows (or « pseudo »)."""
    wanted = os.environ.get(ENV_LANGUAGE, "").strip().lower()
    if wanted == PSEUDO:
        return PSEUDO
    wanted = wanted[:2]
    return wanted if wanted in LANGUAGES else SOURCE


def set_language(language: str) -> str:
    """Use `language` from now on (an unknown one means French); returns the one in use."""
    global _language
    _language = language if language in (*LANGUAGES, PSEUDO) else SOURCE
    return _language


def current_language() -> str:
    return _language


def catalogue_path(language: str) -> Path:
    return paths.resources_dir() / "locale" / f"{language}.po"


@cache
def catalogue(language: str) -> dict[str, str]:
    """msgid → msgstr of a language's PO file (untranslated entries left out)."""
    path = catalogue_path(language)
    if not path.exists():
        return {}
    return {k: v for k, v in read_po(path.read_text(encoding="utf-8")).items() if k and v}


def read_po(text: str) -> dict[str, str]:
    """The msgid → msgstr pairs of a PO file (msgid_plural forms keyed « singular\\x00plural »,
    their forms joined by « \\x00 », a msgctxt's keyed « context\\x04msgid »). Comments are
    not used by the app."""
    entries: dict[str, str] = {}
    fields: dict[str, list[str]] = {}
    current = ""

    def flush() -> None:
        if "msgid" in fields:
            key = "".join(fields["msgid"])
            if "msgctxt" in fields:
                key = "".join(fields["msgctxt"]) + "\x04" + key
            if "msgid_plural" in fields:
                key += "\x00" + "".join(fields["msgid_plural"])
                forms = [
                    "".join(fields[name]) for name in sorted(fields) if name.startswith("msgstr[")
                ]
                entries[key] = "\x00".join(forms) if all(forms) else ""
            else:
                entries[key] = "".join(fields.get("msgstr", []))
        fields.clear()

    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            if not line:
                flush()
            continue
        if line.startswith('"'):
            fields.setdefault(current, []).append(_unquote(line))
            continue
        name, _space, rest = line.partition(" ")
        if name in ("msgid", "msgctxt") and "msgid" in fields:
            flush()
        current = name
        fields[current] = [_unquote(rest)]
    flush()
    return entries


def _unquote(token: str) -> str:
    """A PO string literal's value (the same escapes as Python's)."""
    value = ast.literal_eval(token)
    if not isinstance(value, str):
        raise ValueError(f"not a PO string: {token!r}")
    return value


def _pseudo(text: str) -> str:
    """Twice as long, word by word (« Tous les ateliers » → « [Tous~~~~ les~~~ ateliers~~~~~~~~] »),
    as a longer language's words are: a layout that wraps at spaces can take it, one that
    gives a button only its French width cuts it."""
    doubled = _WORD.sub(
        lambda m: m.group(0) if m.group(0).startswith("<") else m.group(0) + "~" * len(m.group(0)),
        text,
    )
    if text.lstrip().startswith("<"):
        return doubled  # rich text stays rich text (Qt reads a leading tag as such)
    return "[" + doubled + "]"


def tr(text: str) -> str:
    """`text` (French) in the current language."""
    if _language == SOURCE:
        return text
    if _language == PSEUDO:
        return _pseudo(text)
    return catalogue(_language).get(text, text)


def tr_in(context: str, text: str) -> str:
    """`text` where the same French needs another word in English: « Annuler » undoes in the
    toolbar (tr_in("undo", "Annuler") → « Undo ») and cancels in a dialog (tr → « Cancel »)."""
    if _language == SOURCE:
        return text
    if _language == PSEUDO:
        return _pseudo(text)
    return catalogue(_language).get(context + "\x04" + text, text)


def decimal(value: float, digits: int) -> str:
    """« 0,6 » in French, « 0.6 » in English."""
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if _language in (SOURCE, PSEUDO) else text


def tr_later(text: str) -> str:
    """Marks a French string for the catalogue without translating it yet: for constants made
    at import time, translated with `tr()` where they are shown."""
    return text


K = TypeVar("K", bound=Hashable)  # a TrMap's keys: a name, or a value (True, None…)


class TrMap(Mapping[K, str]):
    """Labels made at import time (their French marked with `tr_later`), translated each
    time one is read: `LABELS["public"]`, `.get()`, `.items()` all give the current language."""

    def __init__(self, labels: dict[K, str]) -> None:
        self._labels = dict(labels)

    def __getitem__(self, key: K) -> str:
        value = self._labels[key]
        return tr(value) if value else value

    def __iter__(self) -> Iterator[K]:
        return iter(self._labels)

    def __len__(self) -> int:
        return len(self._labels)


class TrList(Sequence[str]):
    """`TrMap`'s sibling for an ordered list of labels (the map's zones): `ZONES[0]`,
    `enumerate(ZONES)` give the current language."""

    def __init__(self, labels: tuple[str, ...]) -> None:
        self._labels = tuple(labels)

    def __getitem__(self, index):  # int → str, slice → list
        if isinstance(index, slice):
            return [tr(value) for value in self._labels[index]]
        return tr(self._labels[index])

    def __len__(self) -> int:
        return len(self._labels)


def tr_n(singular: str, plural: str, count: int) -> str:
    """The form for `count` (French: 0 and 1 take the singular; English: only 1)."""
    if _language == PSEUDO:
        return _pseudo(singular if count <= 1 else plural)
    if _language == SOURCE:
        return singular if count <= 1 else plural
    forms = catalogue(_language).get(singular + "\x00" + plural, "")
    if forms:
        one, _sep, many = forms.partition("\x00")
        return one if count == 1 else many
    return singular if count <= 1 else plural
