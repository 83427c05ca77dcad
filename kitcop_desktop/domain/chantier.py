"""Where a chantier stands, brique by brique: the kit's four briques as lines of counts."""

from __future__ import annotations

from dataclasses import dataclass, field

from kitcop_desktop.i18n import tr, tr_later, tr_n


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
    1: tr_later("Brique 1 — État des lieux"),
    2: tr_later("Brique 2 — Acculturation et enquête"),
    3: tr_later("Brique 3 — Imaginer les solutions (ateliers)"),
    4: tr_later("Brique 4 — Tester avant de passer à l'échelle"),
}


def briques(counts: ChantierCounts) -> list[BriqueLine]:
    """The four lines of the chantier page, each with its counts and the next thing to do."""
    status = counts.by_status
    tested = status.get("tested", 0) + status.get("scaled_up", 0)
    return [
        BriqueLine(
            1,
            tr(BRIQUE_TITLES[1]),
            (
                tr_n(
                    "{n} initiative inspirante", "{n} initiatives inspirantes", counts.initiatives
                ).format(n=counts.initiatives),
                tr_n("{n} acteur sur la carte", "{n} acteurs sur la carte", counts.actors).format(
                    n=counts.actors
                ),
                tr_n(
                    "{n} instance de gouvernance", "{n} instances de gouvernance", counts.bodies
                ).format(n=counts.bodies),
                tr_n("{n} donnée clé", "{n} données clés", counts.key_figures).format(
                    n=counts.key_figures
                ),
                tr_n(
                    "{n} ressource financière", "{n} ressources financières", counts.funding_sources
                ).format(n=counts.funding_sources),
            ),
            _brique_1_next(counts),
        ),
        BriqueLine(
            2,
            tr(BRIQUE_TITLES[2]),
            (
                tr_n("{n} entretien mené", "{n} entretiens menés", counts.interviews).format(
                    n=counts.interviews
                ),
            ),
            ""
            if counts.interviews
            else tr("Menez des entretiens (outil «\u00a0Entretiens\u00a0» d'un atelier)."),
        ),
        BriqueLine(
            3,
            tr(BRIQUE_TITLES[3]),
            (
                tr_n("{n} atelier", "{n} ateliers", counts.workshops).format(n=counts.workshops),
                tr_n("{n} fiche action", "{n} fiches actions", counts.action_cards).format(
                    n=counts.action_cards
                ),
            ),
            ""
            if counts.action_cards
            else tr("Ajoutez un atelier au chantier et rédigez ses fiches actions."),
        ),
        BriqueLine(
            4,
            tr(BRIQUE_TITLES[4]),
            (
                tr_n("{n} protocole de test", "{n} protocoles de test", counts.protocols).format(
                    n=counts.protocols
                ),
                tr_n("{n} résultat consigné", "{n} résultats consignés", counts.results).format(
                    n=counts.results
                ),
                tr_n("{n} action testée", "{n} actions testées", tested).format(n=tested),
                tr_n(
                    "{n} passée à l'échelle",
                    "{n} passées à l'échelle",
                    status.get("scaled_up", 0),
                ).format(n=status.get("scaled_up", 0)),
            ),
            ""
            if counts.protocols or not counts.action_cards
            else tr(
                "Écrivez le protocole de test d'une fiche action (onglet «\u00a0Plan d'action\u00a0»)."
            ),
        ),
    ]


def _brique_1_next(counts: ChantierCounts) -> str:
    if not counts.actors:
        return tr("Placez les acteurs du territoire sur la carte (onglet «\u00a0Acteurs\u00a0»).")
    if not counts.bodies:
        return tr("Mettez en place la gouvernance (onglet «\u00a0Gouvernance\u00a0»).")
    if not counts.key_figures:
        return tr(
            "Consignez les données clés (constat de départ, objectif, à retenir) qui ouvriront "
            "les ateliers (onglet «\u00a0Données\u00a0»)."
        )
    return ""
