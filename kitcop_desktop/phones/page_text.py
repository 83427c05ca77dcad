"""The phone page's words in the app's language (#19). The page and the server's sentences are
written in French; `resources/phones/<language>.json` maps each French sentence to its
translation (English: `en.json`), the way the desktop's catalogue does. The page gets its map
inlined when served (one static file still, nothing fetched); what the server answers goes
through `say`. A sentence missing from the map stays French (tests/phones/test_phone_language.py
keeps the map complete)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from kitcop_desktop.i18n import current_language, tr
from kitcop_desktop.paths import resources_dir

MARK = "{}/*kitcop:strings*/"


def folder() -> Path:
    return resources_dir() / "phones"


@cache
def strings(language: str) -> dict[str, str]:
    """French sentence -> its translation; {} for French or a language without a map."""
    path = folder() / f"{language}.json"
    if language == "fr" or not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {str(k): str(v) for k, v in data.items()}


def page(language: str | None = None) -> bytes:
    """The page, with its words' map inlined and its `lang` set."""
    language = language or current_language()
    text = (folder() / "page.html").read_text(encoding="utf-8")
    table = strings(language)
    if table:
        inline = json.dumps(table, ensure_ascii=False).replace("</", "<\\/")
        text = text.replace(MARK, inline + "/*kitcop:strings*/", 1)
        text = text.replace('<html lang="fr">', f'<html lang="{language}">', 1)
    return text.encode("utf-8")


NOTHING = "Rien n'a été modifié."


def say(text: str, language: str | None = None) -> str:
    """`text` (a French sentence the phones are sent) in the app's language. A refusal ending
    with « Rien n'a été modifié. » (in French, or already in the app's language) is
    translated sentence and ending apart."""
    language = language or current_language()
    table = strings(language)
    if not table or text in table:
        return table.get(text, text)
    for ending in {NOTHING, tr(NOTHING)}:
        head = text.removesuffix(" " + ending)
        if head != text and head in table:
            return f"{table[head]} {table.get(NOTHING, ending)}"
    return text
