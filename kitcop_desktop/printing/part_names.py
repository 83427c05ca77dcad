"""The printable parts' names and labels, without reportlab: the printing screen lists them
without loading the PDF machinery (it runs in the print worker, printing/worker.py)."""

from __future__ import annotations

from kitcop_desktop.i18n import tr_later

PART_NAMES = (
    "agenda",
    "facilitator",
    "boards",
    "votes",
    "fishbowl",
    "rounds",
    "tables",
    "interviews",
    "interview_sheets",
    "actions",
    "action_plan",
    "attendance",
    "blank",
    "all",
)

# French labels, for the printing screen's tooltips and the PDF's title.
PART_LABELS = {
    "agenda": tr_later("Déroulé"),
    "facilitator": tr_later(
        "Document de l'animateur·rice (matériel, notes privées ; ne pas diffuser)"
    ),
    "boards": tr_later("Tableaux (speedboat, KISS, chemin, étonnement)"),
    "votes": tr_later("Résultats des votes"),
    "fishbowl": tr_later("Bocal à poisson"),
    "rounds": tr_later("Tours de parole (météo, déclusion)"),
    "tables": tr_later(
        "Tables (world café, pro-action café, sous-groupes\u00a0: une page par table)"
    ),
    "interviews": tr_later("Entretiens (restitutions, synthèse, kit vierge)"),
    "interview_sheets": tr_later("Fiches d'entretien (la restitution de chaque entretien)"),
    "actions": tr_later("Fiches actions"),
    "action_plan": tr_later("Plan d'action et protocoles de test (du chantier de l'atelier)"),
    "attendance": tr_later("Liste d'émargement"),
    "blank": (
        tr_later(
            "Supports vierges (fiches étonnement, fiche action, affiches A3, petits papiers de "
            "déclusion, cartes de table, cartes consignes)"
        )
    ),
    "all": tr_later("Restitution complète de l'atelier"),
}

# What the restitution holds, as the printing screen says it (in RESTITUTION's order).
RESTITUTION_CONTENTS = tr_later(
    "couverture, participant·es, déroulé prévu et réalisé, tableaux, votes, bocal, tours de parole, tables (une page par table), décisions KISS, synthèse des entretiens, fiches actions ; les fiches d'entretien en option"
)
