"""Demo: the workshop becomes part of a chantier (#17) with an earlier workshop (the shared
diagnostic of January), and its action plan: statuses, dated steps, one protocole de test
with its first results."""

from __future__ import annotations

from datetime import date, time

from sqlalchemy.orm import Session

from kitcop_desktop.storage import action_plan, actions, chantiers, test_protocols, workshops

TITLE = "Rénovation énergétique — Rhône"
DIAGNOSTIC = {
    "date": date(2026, 1, 20),
    "start_time": time(14, 0),
    "end_time": time(17, 0),
    "place": "CAPEB Rhône, Lyon 7e",
    "problem_statement": (
        "Comment faire pour savoir où manquent les compétences de la rénovation énergétique "
        "alors que chaque acteur n'en voit qu'une partie ?"
    ),
    "participation_level": "consultation",
    "facilitators": "Lab Archipel — Anne Perrin",
}
DIAGNOSTIC_CARD = {
    "theme": "Bâtiment et rénovation énergétique",
    "challenge": "Faire connaître les métiers de la rénovation aux jeunes",
    "action": "Des visites de chantiers pour les collégiens et leurs familles",
    "leads": "Métropole de Lyon ; CAPEB Rhône",
    "contributors": "Rectorat ; Girard Rénovation (PME)",
    "test_plan": "Deux visites au printemps 2026 avec deux collèges de Vénissieux.",
}
STEPS = {
    0: (
        ("Convention entre les trois centres", date(2026, 4, 30), True),
        ("Premier chantier-école à Vénissieux", date(2026, 7, 6), False),
        ("Bilan KISS avec les trois centres", date(2026, 9, 15), False),
    ),
    1: (
        ("Recenser les besoins des formateurs", date(2026, 6, 30), False),
        ("Session pilote de 5 jours", date(2026, 11, 16), False),
    ),
}
PROTOCOL = {
    "objective": (
        "Vérifier qu'un chantier réel partagé forme mieux et plus vite qu'un plateau technique "
        "propre à chaque centre."
    ),
    "added_value": (
        "Des apprenant·es de trois filières sur un vrai chantier ; un bâtiment public rénové."
    ),
    "actors": "CFA du BTP Dardilly ; AFPA Vénissieux ; Lycée Hector Guimard ; Métropole de Lyon",
    "impact_criteria": (
        "15 apprenant·es sur le chantier\n"
        "80 % d'entre eux en emploi ou en formation 6 mois après\n"
        "Coût par apprenant·e sous celui d'un plateau technique"
    ),
    "success_if": "les trois centres demandent un deuxième chantier pour 2027.",
}
RESULTS = (
    (
        date(2026, 7, 6),
        "15 apprenant·es sur le chantier",
        "14 inscrits, 12 jusqu'au bout",
        "partly",
    ),
    (
        date(2026, 7, 24),
        "Coût par apprenant·e sous celui d'un plateau technique",
        "Chiffrage en cours avec la Métropole",
        "",
    ),
)


def fill(session: Session, workshop_id: int) -> None:
    chantier = chantiers.create(
        session,
        TITLE,
        "Former assez d'artisans à la rénovation énergétique d'ici 2030 dans le Rhône.",
    )
    diagnostic = workshops.create(session, "Diagnostic partagé des compétences", **DIAGNOSTIC)
    actions.create(session, diagnostic.id, **DIAGNOSTIC_CARD)
    for wid in (diagnostic.id, workshop_id):
        chantiers.move_workshop(session, wid, chantier.id)
    cards = [c for c in actions.list_for(session, workshop_id)][:2]
    for index, card in enumerate(cards):
        card.status = "in_progress" if index == 0 else "to_start"
        for label, due, done in STEPS.get(index, ()):
            step = action_plan.add_step(session, card.id, label, due)
            step.done = done
    if cards:
        protocol = test_protocols.create(session, cards[0].id, **PROTOCOL)
        for day, criterion, observed, verdict in RESULTS:
            if observed or verdict:
                test_protocols.add_result(
                    session,
                    protocol.id,
                    criterion=criterion,
                    observed=observed,
                    verdict=verdict,
                    day=day,
                )
    session.flush()
