"""Participants pasted from a spreadsheet: one per line, or tab-separated columns.

Columns, in order: name, structure, category, email. The category is recognised from the
kit's words (public, privé, para-public); anything else is kept empty, never guessed wrong.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from kitcop_desktop.domain.validation import clean_text
from kitcop_desktop.i18n import TrMap, tr, tr_later

EMAIL_RE = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")
MAX_LINES = 2000

CATEGORY_LABELS = TrMap(
    {
        "public": tr_later("Public"),
        "private": tr_later("Privé"),
        "para_public": tr_later("Para-public"),
        "": "—",
    }
)


@dataclass(frozen=True)
class ParticipantRow:
    name: str
    structure: str = ""
    category: str = ""
    email: str | None = None


@dataclass(frozen=True)
class PasteResult:
    rows: list[ParticipantRow]
    duplicates: list[str]  # names skipped because already present (or twice in the paste)
    warnings: list[str]


def name_key(name: str) -> str:
    """Compare names without case, accents or extra spaces: « Élodie  Martin » = « elodie martin »."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.split())


def parse_category(text: str) -> str:
    key = name_key(text).replace("-", "").replace(" ", "").replace("_", "")
    if key in {"public", "publique", "pub"}:
        return "public"
    if key in {"prive", "privee", "private"}:
        return "private"
    if key in {"parapublic", "parapublique", "parapublics"}:
        return "para_public"
    return ""


def parse_paste(text: str, existing_names: list[str] | tuple[str, ...] = ()) -> PasteResult:
    """Rows to add, in order, without duplicates of `existing_names` or of each other."""
    seen = {name_key(n) for n in existing_names}
    rows: list[ParticipantRow] = []
    duplicates: list[str] = []
    warnings: list[str] = []
    lines = (text or "").splitlines()
    if len(lines) > MAX_LINES:
        warnings.append(
            tr("Seules les {MAX_LINES} premières lignes ont été lues.").format(MAX_LINES=MAX_LINES)
        )
        lines = lines[:MAX_LINES]
    for line in lines:
        cells = [clean_text(c, max_len=400) for c in line.split("\t")]
        cells = [" ".join(c.split()) for c in cells]
        if not cells or not cells[0]:
            continue
        name = cells[0][:200]
        structure = cells[1][:200] if len(cells) > 1 else ""
        category = parse_category(cells[2]) if len(cells) > 2 else ""
        email = None
        if len(cells) > 3 and cells[3]:
            if EMAIL_RE.match(cells[3]):
                email = cells[3]
            else:
                warnings.append(
                    tr("Adresse ignorée pour {name} : « {email} » n'est pas un e-mail.").format(
                        name=name, email=cells[3]
                    )
                )
        key = name_key(name)
        if key in seen:
            duplicates.append(name)
            continue
        seen.add(key)
        rows.append(ParticipantRow(name, structure, category, email))
    return PasteResult(rows, duplicates, warnings)
