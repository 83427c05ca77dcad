"""Where a chantier stands, brique by brique: the kit's four briques as lines of counts."""

from __future__ import annotations

from dataclasses import dataclass, field

from kitcop_desktop.domain.french import plural


@dataclass(frozen=True)
class ChantierCounts:
    workshops: int = 0
    interviews: int = 0
    action_cards: int = 0
    protocols: int = 0
    results: int = 0
    by_status: dict[str, int] = field(default_factory=dict)
    actors: int = 0
    bodies: int = 0
    initiatives: int = 0
    key_figures: int = 0
    funding_sources: int = 0


@dataclass(frozen=True)
class BriqueLine:
    number: int
    title: str
    facts: tuple[str, ...]
    next_step: str  # what the kit says to do next, or « »


BRIQUE_TITLES = {
    1: "Brique 1 — État des lieux",
    2: "Brique 2 — Acculturation et enquête",
    3: "Brique 3 — Imaginer les solutions (ateliers)",
    4: "Brique 4 — Tester avant de passer à l'échelle",
}


def briques(counts: ChantierCounts) -> list[BriqueLine]:
    """The four lines of the chantier page, each with its counts and the next thing to do."""
    status = counts.by_status
    tested = status.get("tested", 0) + status.get("scaled_up", 0)
    return [
        BriqueLine(
            1,
            BRIQUE_TITLES[1],
            (
                plural(counts.initiatives, "initiative inspirante", "initiatives inspirantes"),
                plural(counts.actors, "acteur sur la carte", "acteurs sur la carte"),
                plural(counts.bodies, "instance de gouvernance", "instances de gouvernance"),
                plural(counts.key_figures, "donnée clé", "données clés"),
                plural(counts.funding_sources, "ressource financière", "ressources financières"),
            ),
            _brique_1_next(counts),
        ),
        BriqueLine(
            2,
            BRIQUE_TITLES[2],
            (plural(counts.interviews, "entretien mené", "entretiens menés"),),
            ""
            if counts.interviews
            else "Menez des entretiens (outil «\u00a0Entretiens\u00a0» d'un atelier).",
        ),
        BriqueLine(
            3,
            BRIQUE_TITLES[3],
            (
                plural(counts.workshops, "atelier"),
                plural(counts.action_cards, "fiche action", "fiches actions"),
            ),
            ""
            if counts.action_cards
            else "Ajoutez un atelier au chantier et rédigez ses fiches actions.",
        ),
        BriqueLine(
            4,
            BRIQUE_TITLES[4],
            (
                plural(counts.protocols, "protocole de test", "protocoles de test"),
                plural(counts.results, "résultat consigné", "résultats consignés"),
                plural(tested, "action testée", "actions testées"),
                plural(status.get("scaled_up", 0), "passée à l'échelle", "passées à l'échelle"),
            ),
            ""
            if counts.protocols or not counts.action_cards
            else "Écrivez le protocole de test d'une fiche action (onglet «\u00a0Plan d'action\u00a0»).",
        ),
    ]


def _brique_1_next(counts: ChantierCounts) -> str:
    if not counts.actors:
        return "Placez les acteurs du territoire sur la carte (onglet «\u00a0Acteurs\u00a0»)."
    if not counts.bodies:
        return "Mettez en place la gouvernance (onglet «\u00a0Gouvernance\u00a0»)."
    if not counts.key_figures:
        return (
            "Consignez les données clés (constat de départ, objectif, à retenir) qui ouvriront "
            "les ateliers (onglet «\u00a0Données\u00a0»)."
        )
    return ""
