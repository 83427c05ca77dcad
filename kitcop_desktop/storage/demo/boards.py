"""Demo boards: the speedboat of two sous-groupes and the KISS retrospective of the COP.

Content as a table of six would write it on post-its about renovation skills by 2030. The
interviews demo runs first and may already have put its synthesis on its own speedboat.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from kitcop_desktop.storage import boards
from kitcop_desktop.storage import boards_clusters as clusters

# sous-groupe -> zone -> [(sous-thématique or "", [post-it, …])]
SPEEDBOAT = {
    "Sous-groupe 1 — table bleue": {
        "brakes": [
            (
                "Attractivité des métiers",
                [
                    "Image du bâtiment encore « métier pénible » auprès des jeunes",
                    "Salaires d'entrée peu attractifs face à l'industrie",
                    "Les familles orientent peu vers la voie professionnelle",
                ],
            ),
            (
                "Formation",
                [
                    "Pas assez de formateurs qui connaissent les nouvelles techniques (PAC, isolation "
                    "par l'extérieur)",
                    "Formations RGE trop courtes pour vraiment monter en compétences",
                ],
            ),
            (
                "",
                [
                    "Les TPE n'ont pas le temps de libérer un salarié pour se former",
                    "Aides MaPrimeRénov' qui changent chaque année : les artisans hésitent à investir",
                ],
            ),
        ],
        "levers": [
            (
                "Apprentissage",
                [
                    "Développer l'apprentissage dans les petites entreprises avec un tuteur aidé",
                    "Des binômes artisan expérimenté / apprenti sur les chantiers de rénovation",
                ],
            ),
            (
                "",
                [
                    "Plateformes de la rénovation (France Rénov') comme porte d'entrée commune",
                    "Valoriser le sens : « rénover, c'est agir pour le climat »",
                    "Visites de chantiers pour les demandeurs d'emploi avec France Travail",
                ],
            ),
        ],
    },
    "Sous-groupe 2 — table verte": {
        "brakes": [
            (
                "",
                [
                    "Manque de coordination entre OPCO, Région et branches",
                    "Mobilité : chantiers loin des transports en commun, permis B exigé",
                    "Les reconversions se heurtent à la perte de revenu pendant la formation",
                    "Peu de femmes dans les métiers du second œuvre",
                ],
            ),
        ],
        "levers": [
            (
                "Reconversion",
                [
                    "Préparation opérationnelle à l'emploi collective (POEC) rénovation énergétique",
                    "Financer la formation des salariés en reconversion par Transitions Pro",
                ],
            ),
            (
                "",
                [
                    "Un forum des métiers de la rénovation dans chaque bassin d'emploi",
                    "Les CFA du BTP ouvrent des plateaux techniques aux entreprises",
                    "Aide au permis pour les apprentis (Région, Action Logement)",
                ],
            ),
        ],
    },
}

KISS = {
    "keep": [
        "Les ateliers trimestriels de la COP avec tous les financeurs",
        "Le tableau de bord partagé des entrées en formation",
        "Les visites de chantiers ouvertes aux conseillers France Travail",
    ],
    "improve": [
        "Diffuser les comptes rendus sous 15 jours, pas 2 mois",
        "Associer davantage les artisans (CAPEB, FFB) aux décisions",
        "Un seul interlocuteur par territoire pour les entreprises",
    ],
    "start": [
        "Un programme de tutorat pour les TPE qui prennent un premier apprenti",
        "Une campagne commune « Les métiers de la rénovation » dans les collèges",
        "Un suivi des personnes formées à 6 et 12 mois",
    ],
    "stop": [
        "Les réunions d'information sans décision",
        "Les appels à projets séparés OPCO / Région sur le même public",
    ],
}


def fill(session: Session, workshop_id: int) -> None:
    """One speedboat per sous-groupe (with sous-thématiques) and one KISS retrospective."""
    for subgroup, zones in SPEEDBOAT.items():
        board = boards.create_board(session, workshop_id, "speedboat", "Speedboat", subgroup)
        for zone, groups in zones.items():
            for title, texts in groups:
                ids = [boards.add_card(session, board.id, zone, t).id for t in texts]
                if title:
                    clusters.create_cluster(session, board.id, zone, title, ids)
    board = boards.create_board(
        session, workshop_id, "kiss", "Rétrospective KISS de la COP", "Plénière"
    )
    for zone, texts in KISS.items():
        for text in texts:
            boards.add_card(session, board.id, zone, text)
    # Two tables wrote the same idea: counted twice, as the facilitator merges it live.
    again = boards.add_card(
        session, board.id, "improve", "Associer davantage les artisans (CAPEB, FFB) aux décisions"
    )
    same = boards.find_duplicates(session, board.id, again.text, exclude_id=again.id)
    if same:
        boards.merge_cards(session, same[0].id, again.id)
