"""The words of a .kitcop file's summary (storage/exchange.ImportPreview.summary_lines): what
kind of file it is, and the tables a facilitator knows, counted, in the app's language."""

from __future__ import annotations

from collections.abc import Callable

from kitcop_desktop.i18n import TrMap, tr_later, tr_n

KIND_LABELS = TrMap(
    {
        "workshop": tr_later("un atelier complet"),
        "chantier": tr_later(
            "un chantier complet (ses ateliers, sa carte des acteurs, sa gouvernance)"
        ),
        "agenda": tr_later("un modèle de déroulé"),
        "board": tr_later("un tableau"),
    }
)


def table_counts(count: Callable[[str], int], root: str) -> list[str]:
    """The tables a facilitator knows, counted for the summary (« 12 post-it »); the others
    show in no sentence."""
    labels: dict[str, Callable[[int], str]] = {
        "agenda_sequences": lambda n: tr_n("{n} séquence", "{n} séquences", n),
        "participants": lambda n: tr_n("{n} participant·e", "{n} participant·es", n),
        "boards": lambda n: tr_n("{n} tableau", "{n} tableaux", n),
        "board_clusters": lambda n: tr_n("{n} regroupement", "{n} regroupements", n),
        "board_cards": lambda n: tr_n("{n} post-it", "{n} post-it", n),
        "dot_votes": lambda n: tr_n("{n} vote par gommettes", "{n} votes par gommettes", n),
        "fishbowls": lambda n: tr_n("{n} bocal à poisson", "{n} bocaux à poisson", n),
        "speaking_rounds": lambda n: tr_n("{n} tour de parole", "{n} tours de parole", n),
        "interview_guides": lambda n: tr_n("{n} guide d'entretien", "{n} guides d'entretien", n),
        "interviews": lambda n: tr_n("{n} entretien", "{n} entretiens", n),
        "action_cards": lambda n: tr_n("{n} fiche action", "{n} fiches actions", n),
        "workshops": lambda n: tr_n("{n} atelier", "{n} ateliers", n),
        "actors": lambda n: tr_n("{n} acteur de la carte", "{n} acteurs de la carte", n),
        "governance_bodies": lambda n: tr_n(
            "{n} instance de gouvernance", "{n} instances de gouvernance", n
        ),
        "initiatives": lambda n: tr_n(
            "{n} initiative inspirante", "{n} initiatives inspirantes", n
        ),
        "key_figures": lambda n: tr_n("{n} donnée clé", "{n} données clés", n),
        "funding_sources": lambda n: tr_n(
            "{n} ressource financière", "{n} ressources financières", n
        ),
    }
    return [
        label(number).format(n=number)
        for name, label in labels.items()
        if (number := count(name)) and name != root
    ]
