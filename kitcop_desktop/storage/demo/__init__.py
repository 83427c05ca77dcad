"""The demo workshop: a realistic atelier from the kit, with content in every tool.

Each area fills its own part in `storage/demo/<area>.py` with `fill(session, workshop_id)`;
they run in AREAS order, all in one transaction (a failed demo leaves nothing behind).
"""

from __future__ import annotations

import importlib
from datetime import date, time

from kitcop_desktop.storage import participants, workshops
from kitcop_desktop.storage.engine import Store

AREAS = ("agenda", "interviews", "boards", "voting", "actions", "fishbowl", "chantier")

DEMO_PARTICIPANTS = """\
Claire Dubois\tDDETS Rhône\tpublic\tclaire.dubois@example.org
Karim Benali\tFrance Travail Lyon 7\tpublic
Sophie Marchand\tRégion Auvergne-Rhône-Alpes\tpublic
Julien Roche\tCAPEB Rhône\tpara-public
Nadia Haddad\tAFPA Vénissieux\tpara-public
Thomas Girard\tGirard Rénovation (PME)\tprivé
Émilie Vasseur\tEnedis Direction régionale\tprivé
Marc-Antoine Lefèvre\tMétropole de Lyon\tpublic
Inès Moreau\tLycée professionnel Hector Guimard\tpublic
Olivier Chabert\tOPCO Constructys\tpara-public
Léa Fontaine\tAssociation Bâtir Ensemble\tprivé
Patrick N'Diaye\tCFA du BTP Dardilly\tpara-public
"""


def create_demo(store: Store) -> int:
    """Create the demo workshop and return its id."""
    with store.write() as session:
        workshop = workshops.create(
            session,
            "Rénovation énergétique : les compétences de 2030",
            date=date(2026, 3, 3),
            start_time=time(9, 0),
            end_time=time(12, 30),
            place="Préfecture de région, Lyon — salle Rhône",
            problem_statement=(
                "Comment faire pour former assez d'artisans à la rénovation énergétique "
                "d'ici 2030 alors que les métiers du bâtiment peinent à recruter ?"
            ),
            participation_level="co_construction",
            facilitators="Lab Archipel — Anne Perrin ; France Travail — Yann Colin",
            notes="Salle réservée de 8 h 30 à 13 h. Café prévu par la DDETS.",
        )
        participants.paste(session, workshop.id, DEMO_PARTICIPANTS)
        for index, p in enumerate(participants.list_for(session, workshop.id)):
            p.present = index != 3  # one apology, as in real life
        for area in AREAS:
            try:
                module = importlib.import_module(f"kitcop_desktop.storage.demo.{area}")
            except ModuleNotFoundError as exc:
                if exc.name != f"kitcop_desktop.storage.demo.{area}":
                    raise
                continue
            module.fill(session, workshop.id)
        return workshop.id
