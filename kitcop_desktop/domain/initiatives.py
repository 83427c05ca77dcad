"""The kit's table of initiatives inspirantes (Brique 1-1): its seven columns, and rows pasted
from a spreadsheet (tab-separated). Pure rules."""

from __future__ import annotations

from collections.abc import Mapping

from kitcop_desktop.domain.stakeholder_map import fold
from kitcop_desktop.domain.validation import InvalidInput, clean_text
from kitcop_desktop.i18n import TrMap, tr, tr_later

# Column key -> the kit's heading (« BRIQUE 1-1 : RECUEIL D'INITIATIVES INSPIRANTES »).
COLUMNS: Mapping[str, str] = TrMap(
    {
        "name": tr_later("Initiative (nom)"),
        "scale": tr_later("Échelle (type)"),
        "territory": tr_later("Territoire (nom)"),
        "presentation": tr_later("Présentation brève"),
        "interest": tr_later("Ce qu'il y a d'intéressant"),
        "contact": tr_later("Contact / ressources"),
        "follow_up": tr_later("Suivi de l'entretien"),
    }
)
KEYS = tuple(COLUMNS)
MAX_ROWS = 2_000
CELL_MAX = 5_000
NAME_MAX = 200


# A first cell that names the column, not an initiative (« Initiatives citoyennes du Diois »
# is one, and is kept).
HEADINGS = frozenset(
    {"initiative", "initiatives", "initiative (nom)", "nom", "nom de l'initiative"}
)


def _is_heading(cells: list[str]) -> bool:
    """The kit's own heading line, or a spreadsheet's titles, pasted with the table: skipped."""
    first = fold(cells[0]) if cells else ""
    titles = HEADINGS | {fold(COLUMNS["name"])}
    return first in titles or first.startswith("brique 1-1")


def parse_paste(text: str) -> list[dict[str, str]]:
    """Rows of a spreadsheet's copy (tab-separated, one line a row; cells beyond the seventh
    are joined to the last). A line without a name is skipped; the kit's heading too."""
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
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if not line.strip():
            continue
        cells = [cell.strip().strip('"').strip() for cell in line.split("\t")]
        if len(cells) > len(KEYS):
            cells = cells[: len(KEYS) - 1] + [" ".join(c for c in cells[len(KEYS) - 1 :] if c)]
        if not cells[0] or _is_heading(cells):
            continue
        values = {}
        for key, cell in zip(KEYS, cells, strict=False):
            limit = NAME_MAX if key == "name" else CELL_MAX
            values[key] = " ".join(clean_text(cell, max_len=limit * 4).split())[:limit]
        rows.append(values)
        if len(rows) > MAX_ROWS:
            raise InvalidInput(
                tr("Trop de lignes collées ({MAX_ROWS} au plus). Rien n'a été modifié.").format(
                    MAX_ROWS=MAX_ROWS
                )
            )
    if not rows:
        raise InvalidInput(
            tr(
                "Aucune initiative dans ce qui a été collé (la première colonne, le nom, est vide). "
                "Rien n'a été modifié."
            )
        )
    return rows
