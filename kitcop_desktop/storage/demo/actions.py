"""Demo: the two fiches actions born from the vote's winners, fully filled as the kit asks."""

from __future__ import annotations

from sqlalchemy.orm import Session

from kitcop_desktop.storage import actions

FILLED = (
    {
        "theme": "Bâtiment et rénovation énergétique",
        "challenge": "Former assez d'artisans à la rénovation énergétique d'ici 2030",
        "target": "Apprentis, salarié·es et demandeurs d'emploi du Rhône",
        "leads": "CFA du BTP Dardilly ; AFPA Vénissieux",
        "contributors": (
            "Lycée professionnel Hector Guimard ; CAPEB Rhône ; OPCO Constructys ; "
            "Métropole de Lyon (chantiers de son patrimoine)"
        ),
        "implementation": (
            "Printemps 2026 : convention entre les trois centres\n"
            "Septembre 2026 : premier chantier-école partagé (école maternelle de Vénissieux)\n"
            "2027 : trois chantiers par an, ouverts aux demandeurs d'emploi"
        ),
        "impact": 3,
        "feasibility": 2,
        "description": (
            "Les centres de formation mettent en commun des chantiers réels de rénovation "
            "(bâtiments publics) où apprentis, stagiaires AFPA et élèves de lycée pro "
            "travaillent ensemble, encadrés par des formateurs et des artisans.\n"
            "Chaque chantier sert de plateau technique pour l'isolation par l'extérieur, la "
            "ventilation et les menuiseries."
        ),
        "indicators": (
            "Nombre de chantiers-écoles par an\n"
            "Nombre de personnes formées, dont demandeurs d'emploi\n"
            "Taux d'insertion à 6 mois"
        ),
        "test_plan": (
            "Un premier chantier-école à Vénissieux (école maternelle, été 2026) avec une "
            "quinzaine d'apprenant·es ; bilan KISS avec les trois centres avant d'en ouvrir "
            "d'autres."
        ),
        "success_conditions": (
            "Un maître d'ouvrage public engagé sur trois ans ; des assurances adaptées ; "
            "des formateurs détachés"
        ),
        "acceleration_needs": "Financement régional des surcoûts d'encadrement ; un chef de projet",
    },
    {
        "theme": "Bâtiment et rénovation énergétique",
        "challenge": "Des formateurs à jour des techniques de rénovation performante",
        "target": "Formatrices et formateurs des CFA et organismes du BTP",
        "leads": "OPCO Constructys",
        "contributors": "CFA du BTP Dardilly ; AFPA ; Enedis Direction régionale ; CAPEB Rhône",
        "implementation": (
            "2026 : recensement des besoins et des plateaux techniques\n"
            "2027 : parcours de 5 jours en alternance avec des chantiers\n"
            "2028 : 100 % des formateurs concernés formés"
        ),
        "impact": 2,
        "feasibility": 3,
        "description": (
            "Un parcours court, en situation réelle, pour que les formateurs maîtrisent les "
            "techniques et les matériaux attendus en 2030, avec des retours de terrain des "
            "entreprises."
        ),
        "indicators": "Nombre de formateurs formés\nSatisfaction des apprentis\nTaux de réussite",
        "test_plan": "Une session pilote de 5 jours avec 8 formateurs du CFA de Dardilly en 2026.",
        "success_conditions": "Des remplacements pendant les sessions ; l'appui des fédérations",
        "acceleration_needs": "Un plateau technique mobile partagé entre départements",
    },
)


def fill(session: Session, workshop_id: int) -> None:
    cards = [c for c in actions.list_for(session, workshop_id) if c.origin == "vote"][:2]
    while len(cards) < 2:  # the vote demo did not run: make the cards by hand
        cards.append(actions.create(session, workshop_id, action="Action prioritaire"))
    for card, fields in zip(cards, FILLED, strict=True):
        # Keep the line the vote wrote (rank and dots): it tells where the action comes from.
        origin = card.description.strip()
        description = f"{fields['description']}\n\n{origin}" if origin else fields["description"]
        actions.update(session, card.id, **{**fields, "description": description})
