"""Demo: the workshop becomes part of a chantier (#17) with an earlier workshop (the shared
diagnostic of January), and its action plan: statuses, dated steps, one protocole de test
with its first results."""

from __future__ import annotations

from datetime import date, time

from sqlalchemy.orm import Session

from kitcop_desktop.storage import (
    action_plan,
    actions,
    chantiers,
    governance,
    initiatives,
    sheets,
    stakeholder_map,
    test_protocols,
    workshops,
)

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


# The cartographie des acteurs (Brique 1-2): name, structure, category, influence, place.
ACTORS = (
    ("Préfecture de région", "", "public", True, (0.04, -0.13)),
    ("Région Auvergne-Rhône-Alpes", "", "public", True, (-0.16, 0.05)),
    ("DDETS Rhône", "", "public", False, (0.25, 0.07)),
    ("Métropole de Lyon", "", "public", True, (0.04, 0.24)),
    ("France Travail Lyon 7", "", "public", False, (0.42, -0.27)),
    ("CAPEB Rhône", "", "para_public", True, (-0.44, -0.18)),
    ("OPCO Constructys", "", "para_public", False, (-0.4, 0.3)),
    ("AFPA Vénissieux", "", "para_public", False, (0.34, 0.38)),
    ("CFA du BTP Dardilly", "", "para_public", False, (-0.12, 0.5)),
    ("Lycée professionnel Hector Guimard", "", "public", False, (0.6, 0.16)),
    ("Girard Rénovation (PME)", "", "private", False, (0.45, -0.47)),
    ("Enedis Direction régionale", "", "private", False, (-0.62, -0.52)),
    ("Association Bâtir Ensemble", "", "private", False, (0.75, 0.6)),
    ("Rectorat de Lyon", "", "public", True, (-0.78, 0.18)),
    ("Fédération du BTP Rhône", "", "para_public", True, (0.62, -0.8)),
)
# The gouvernance (Brique 1-6): instance, degree of participation, purpose, (actor, RACI).
BODIES = (
    (
        "Comité de pilotage",
        "co_construction",
        "Arbitre les priorités du chantier, deux fois par an.",
        (
            ("Préfecture de région", "A"),
            ("Région Auvergne-Rhône-Alpes", "R"),
            ("Métropole de Lyon", "C"),
            ("CAPEB Rhône", "C"),
            ("Rectorat de Lyon", "I"),
        ),
    ),
    (
        "Groupe projet",
        "co_construction",
        "Prépare les ateliers et suit les tests, chaque mois.",
        (
            ("DDETS Rhône", "A"),
            ("France Travail Lyon 7", "R"),
            ("AFPA Vénissieux", "R"),
            ("CFA du BTP Dardilly", "R"),
            ("OPCO Constructys", "C"),
        ),
    ),
    (
        "Réseau des entreprises",
        "consultation",
        "Donne son avis sur les fiches actions.",
        (
            ("Girard Rénovation (PME)", "C"),
            ("Enedis Direction régionale", "C"),
            ("Fédération du BTP Rhône", "I"),
        ),
    ),
)
# The initiatives inspirantes (Brique 1-1), in the kit's seven columns.
INITIATIVES = (
    (
        "Chantiers-écoles de la rénovation",
        "Régionale",
        "Occitanie",
        "Des apprenant·es de plusieurs centres rénovent un bâtiment public ensemble.",
        "Un vrai chantier partagé, moins cher qu'un plateau technique.",
        "AFPA Occitanie — service formation",
        "Entretien le 12 février : à présenter au groupe projet",
    ),
    (
        "Plateforme FAIRE des artisans",
        "Nationale",
        "France",
        "Un annuaire des artisans RGE et un accompagnement des ménages.",
        "Relie la demande des ménages et l'offre des artisans formés.",
        "france-renov.gouv.fr",
        "",
    ),
    (
        "Campus des métiers du bâtiment durable",
        "Locale",
        "Isère",
        "Lycées, CFA et entreprises réunis autour des métiers de la rénovation.",
        "Des visites d'entreprises pour les collégiens.",
        "Campus des métiers — Grenoble",
        "À contacter",
    ),
)

# The données clés (Brique 1-4 and 1-5): theme, constat de départ, objectif, à retenir, source;
# the last one is not ticked « En atelier ». Figures of the demo, not real statistics.
KEY_FIGURES = (
    (
        "Emploi",
        "3 200 salarié·es qualifié·es RGE dans le Rhône",
        "6 000 en 2030",
        "Doubler en six ans\u00a0: la formation continue seule n'y suffira pas.",
        "Observatoire BTP (exemple)",
    ),
    (
        "Formation",
        "420 apprenti·es en CAP et BP de l'efficacité énergétique",
        "700 en 2030",
        "Les places existent, ce sont les candidat·es qui manquent.",
        "Rectorat, CFA (exemple)",
    ),
    (
        "Orientation",
        "1 collégien·ne sur 10 cite le bâtiment dans ses vœux",
        "1 sur 5",
        "Les métiers de la rénovation sont mal connus des familles.",
        "Enquête Campus (exemple)",
    ),
    (
        "COP 2030",
        "9 000 logements rénovés par an",
        "20 000 par an",
        "Le rythme à tenir pour l'objectif régional.",
        "COP régionale (exemple)",
    ),
)
# The ressources financières mobilisables (Brique 1-3).
FUNDING = (
    (
        "Fonds de transition juste",
        "Union européenne (FSE+)",
        "Reconversion des salarié·es des secteurs en transition",
        "Appels à projets annuels",
        "fse.gouv.fr",
    ),
    (
        "Formations qualifiantes des demandeur·ses d'emploi",
        "Région",
        "Parcours certifiants de la rénovation énergétique",
        "Programme régional de formation",
        "Annuaire des financements de la Région",
    ),
    (
        "Mission transition écologique",
        "État",
        "Diagnostics et formations des entreprises du bâtiment",
        "Selon l'aide",
        "mission-transition-ecologique.beta.gouv.fr",
    ),
)


def fill_data(session: Session, chantier_id: int) -> None:
    """The demo's données clés and ressources financières (Brique 1-3 to 1-5)."""
    figures = sheets.sheet("key_figures")
    ids = sheets.add_many(
        session,
        figures,
        chantier_id,
        [dict(zip(figures.keys, line, strict=True)) for line in KEY_FIGURES],
    )
    sheets.update(session, figures, ids[-1], shown=False)
    funding = sheets.sheet("funding_sources")
    sheets.add_many(
        session,
        funding,
        chantier_id,
        [dict(zip(funding.keys, line, strict=True)) for line in FUNDING],
    )


def fill_etat_des_lieux(session: Session, chantier_id: int) -> None:
    """Brique 1 of the demo: 15 actors on the map, a gouvernance of three instances, three
    initiatives inspirantes, four données clés and three ressources financières."""
    ids = {}
    for name, structure, category, influential, place in ACTORS:
        actor = stakeholder_map.add(
            session,
            chantier_id,
            name,
            structure=structure,
            category=category,
            influential=influential,
            place=place,
        )
        ids[name] = actor.id
    for name, participation, purpose, members in BODIES:
        body = governance.add_body(session, chantier_id, name, participation)
        body.purpose = purpose
        for member, letter in members:
            governance.set_raci(session, body.id, ids[member], letter)
    initiatives.add_many(
        session,
        chantier_id,
        [
            dict(
                zip(
                    (
                        "name",
                        "scale",
                        "territory",
                        "presentation",
                        "interest",
                        "contact",
                        "follow_up",
                    ),
                    line,
                    strict=True,
                )
            )
            for line in INITIATIVES
        ],
    )
    fill_data(session, chantier_id)


def link_met_initiative(session: Session, chantier_id: int) -> None:
    """The chantiers-écoles were met in the campaign: its interview of a training body."""
    training = [
        i
        for i, _label, structure in initiatives.campaign(session, chantier_id)
        if structure == "Organisme de formation"
    ]
    first = initiatives.rows(session, chantier_id)
    if training and first:
        initiatives.link_interviews(session, first[0].id, training[:1])


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
    fill_etat_des_lieux(session, chantier.id)
    link_met_initiative(session, chantier.id)
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
