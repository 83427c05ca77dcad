"""The kit's données of the état des lieux (Brique 1-3 to 1-5): the ressources financières
mobilisables and the données clés (constat de départ, objectif, à retenir), and the text they
give the déroulé's « Quelques chiffres clés » séquence, projected at the start of a workshop
(kit Brique 3-3: « partagez les quelques chiffres à retenir de la COP »). Pure rules."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kitcop_desktop.domain.sheets import Sheet
from kitcop_desktop.domain.stakeholder_map import fold
from kitcop_desktop.i18n import TrMap, tr, tr_later

KEY_FIGURES = Sheet(
    key="key_figures",
    title=tr_later("Données clés"),
    brique=tr_later("Brique 1-4 et 1-5 du kit"),
    columns=TrMap(
        {
            "theme": tr_later("Thème"),
            "starting": tr_later("Constat de départ"),
            "target": tr_later("Objectif (données cibles)"),
            "takeaway": tr_later("Qu'en retenir\u00a0?"),
            "source": tr_later("Source"),
        }
    ),
    required="starting",
    required_label=tr_later("Le constat de départ"),
    short=frozenset({"theme", "source"}),
    noun=(tr_later("donnée clé"), tr_later("données clés")),
    added=(tr_later("donnée clé ajoutée"), tr_later("données clés ajoutées")),
    headings=("theme", "donnees de depart", "constat de depart", "brique 1-5", "rappel donnees"),
    section="theme",
    flag="shown",
    flag_label=tr_later("En atelier"),
)

FUNDING = Sheet(
    key="funding_sources",
    title=tr_later("Ressources financières"),
    brique=tr_later("Brique 1-3 du kit"),
    columns=TrMap(
        {
            "name": tr_later("Aide ou dispositif"),
            "funder": tr_later("Financeur"),
            "scope": tr_later("Ce qu'elle finance, pour qui"),
            "amount": tr_later("Montant, calendrier"),
            "link": tr_later("Lien, contact"),
        }
    ),
    required="name",
    required_label=tr_later("Le nom de l'aide"),
    short=frozenset({"name", "funder"}),
    noun=(tr_later("ressource financière"), tr_later("ressources financières")),
    added=(tr_later("ressource financière ajoutée"), tr_later("ressources financières ajoutées")),
    headings=("aide ou dispositif", "aide (", "brique 1-3", "ressources financieres"),
)

SHEETS = {sheet.key: sheet for sheet in (KEY_FIGURES, FUNDING)}

# The déroulé's séquence the données clés feed (found again by its folded title).
SEQUENCE_TITLE = "Quelques chiffres clés"  # data: the séquence is found by it
SEQUENCE_MINUTES = 10
SEQUENCE_INTENTION = (
    "Partager un socle d'informations communes\u00a0: les chiffres à retenir de la COP "
    "(constats de départ, objectifs) et les données recueillies à l'état des lieux."
)
_THOUSANDS = re.compile(r"(?<=\d) (?=\d{3}(?!\d))")
# More than this on the room screen is no longer « quelques chiffres ».
ROOM_MOST = 6


@dataclass(frozen=True)
class Figure:
    theme: str
    starting: str
    target: str
    takeaway: str
    source: str = ""


def is_key_figures_sequence(title: str) -> bool:
    return fold(title).startswith(fold(SEQUENCE_TITLE))


def _unbroken_numbers(text: str) -> str:
    """« 6 000 » never broken across two lines of the room screen."""
    return _THOUSANDS.sub("\u00a0", text)


def sequence_text(figures: list[Figure]) -> str:
    """The séquence's consignes (on the room screen): one paragraph a figure, in the table's
    order — its theme, its constat de départ, its objective after an arrow, what to retain on
    the next line. Sources stay in the printed table (on the wall they are clutter)."""
    paragraphs: list[str] = []
    for figure in figures:
        head = f"{figure.theme} — {figure.starting}" if figure.theme else figure.starting
        if figure.target:
            head += f"\u00a0→ objectif\u00a0: {figure.target}"
        lines = [head]
        if figure.takeaway:
            lines.append(tr("À retenir\u00a0: {takeaway}").format(takeaway=figure.takeaway))
        paragraphs.append(_unbroken_numbers("\n".join(lines)))
    return "\n\n".join(paragraphs)
