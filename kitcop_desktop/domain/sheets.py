"""The kit's tables of the état des lieux kept as sheets (Brique 1-3 to 1-5): which columns a
sheet has, which one a line cannot do without, and rows pasted from a spreadsheet. Pure rules.

A pasted block may follow the kit's own model: a line with only its first cell filled
(« ORIENTATION ») opens a section, and the lines under it are read without the sheet's section
column (the kit's three columns « données de départ, données cibles, qu'en retenir »), each
taking the section's name. The kit's heading lines are skipped.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from kitcop_desktop.domain.stakeholder_map import fold
from kitcop_desktop.domain.validation import InvalidInput, clean_text
from kitcop_desktop.i18n import tr

SHORT_MAX = 200
CELL_MAX = 5_000


@dataclass(frozen=True)
class Sheet:
    """The words (title, brique, labels, nouns) are marked with `tr_later`: read them with
    `tr()`; `columns` is a TrMap."""

    key: str  # the table's name
    title: str  # « Données clés »
    brique: str  # « Brique 1-4 et 1-5 »
    columns: Mapping[str, str]  # column key -> the kit's heading, in the kit's order (TrMap)
    required: str  # the column a line cannot do without
    required_label: str  # « Le constat de départ » (its refusal's subject)
    short: frozenset[str]  # one-line columns (SHORT_MAX characters)
    noun: tuple[str, str]  # « donnée clé », « données clés »
    added: tuple[str, str]  # « donnée ajoutée », « données ajoutées »
    headings: tuple[str, ...]  # folded starts of the kit's heading lines, skipped on paste
    section: str = ""  # the column a section line fills (« theme »), or « »
    flag: str = ""  # a yes/no column (« shown »), or « »
    flag_label: str = ""
    max_rows: int = 500

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(self.columns)

    def limit(self, key: str) -> int:
        return SHORT_MAX if key in self.short else CELL_MAX


def clean_cell(sheet: Sheet, key: str, value: object) -> str:
    """One cell as stored (one line for short columns); InvalidInput when too long."""
    if key not in sheet.columns:
        raise TypeError(f"unknown column {key!r} of {sheet.key}")
    text = clean_text(value if isinstance(value, str) else "", max_len=sheet.limit(key))
    return " ".join(text.split()) if key in sheet.short else text


def _is_heading(sheet: Sheet, cells: list[str]) -> bool:
    """A heading of the kit's table: its first cell begins with one of the sheet's headings;
    a heading of one word must be the whole word (« Thème », « Thème (orientation) »), so a
    theme called « Thème emploi » or « Thématique » is a figure's, not a title."""
    first = fold(next((c for c in cells if c), ""))
    return any(
        first.startswith(h)
        if " " in h or not h.isalpha()
        else first in (h, f"{h}s") or first.startswith((f"{h} (", f"{h}:", f"{h} :"))
        for h in sheet.headings
    )


def _is_section(sheet: Sheet, line: str, cells: list[str]) -> bool:
    """« ORIENTATION » alone on its line (its row copied with empty cells, or in capitals)."""
    if not sheet.section or not cells[0] or any(cells[1:]) or len(cells[0]) > SHORT_MAX:
        return False
    return "\t" in line or cells[0].isupper()


def _cell(sheet: Sheet, key: str, text: str) -> str:
    limit = sheet.limit(key)
    return " ".join(clean_text(text, max_len=limit * 4).split())[:limit]


def parse_paste(sheet: Sheet, text: str) -> list[dict[str, str]]:
    """Rows of a spreadsheet's copy (tab-separated, one line a row; cells beyond the last
    column are joined to it). A line without its required cell is skipped."""
    if not isinstance(text, str) or not text.strip():
        raise InvalidInput(
            tr("Rien à coller\u00a0: copiez des lignes d'un tableur. Rien n'a été modifié.")
        )
    if "\t" not in text and len(text) > CELL_MAX * 2:
        raise InvalidInput(
            tr(
                "Ce texte n'est pas un tableau (aucune tabulation)\u00a0: copiez les cellules d'un "
                "tableur. Rien n'a été modifié."
            )
        )
    rows: list[dict[str, str]] = []
    section = ""
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        cells = [cell.strip().strip('"').strip() for cell in line.split("\t")]
        if not any(cells) or _is_heading(sheet, cells):
            continue
        if _is_section(sheet, line, cells):
            section = _cell(sheet, sheet.section, cells[0])
            continue
        keys = sheet.keys
        if section:
            keys = tuple(k for k in keys if k != sheet.section)
        if len(cells) > len(keys):
            cells = cells[: len(keys) - 1] + [" ".join(c for c in cells[len(keys) - 1 :] if c)]
        values = {key: _cell(sheet, key, cell) for key, cell in zip(keys, cells, strict=False)}
        if section:
            values[sheet.section] = section
        if not values.get(sheet.required):
            continue
        rows.append({key: values.get(key, "") for key in sheet.keys})
        if len(rows) > sheet.max_rows:
            raise InvalidInput(
                tr("Trop de lignes collées ({max_rows} au plus). Rien n'a été modifié.").format(
                    max_rows=sheet.max_rows
                )
            )
    if not rows:
        raise InvalidInput(
            tr(
                "Rien à ajouter dans ce qui a été collé (la colonne «\u00a0{columns}\u00a0» est vide). Rien n'a été modifié."
            ).format(columns=sheet.columns[sheet.required])
        )
    return rows


def same_line(sheet: Sheet, a: dict[str, str], b: dict[str, str]) -> bool:
    """Two lines saying the same thing (case and accents aside): a paste adds it once."""
    return all(fold(a.get(k, "")) == fold(b.get(k, "")) for k in sheet.keys)
