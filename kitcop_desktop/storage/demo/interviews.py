"""Demo interviews: three field interviews on energy renovation, marked and restituted.

Runs before the boards demo: the synthesis is sent to a speedboat board through the boards API,
so the boards demo finds it there. No real names: the interviewees are only pseudonyms.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from kitcop_desktop.storage import interviews

# (fields, answers by question index, free notes, marks as (kind, answer index or None, text));
# a mark's text is a passage of the notes it is marked in, as the note-taker selects it.
# (fields, answers, free notes, marks, engagement) per interview.
DEMO_INTERVIEWS: tuple[tuple[Any, ...], ...] = (
    (
        dict(
            date=date(2026, 1, 20),
            place="Atelier de l'entreprise, Villeurbanne",
            interviewer="Anne Perrin",
            note_taker="Yann Colin",
            profession="Gérant d'une entreprise de rénovation (12 salariés)",
            structure="PME du bâtiment",
            sector="Bâtiment — rénovation",
            territory="Métropole de Lyon",
            consent_to_record=False,
            planned_minutes=60,
            done=True,
        ),
        {
            0: "Label RGE depuis 2019. Isolation par l'extérieur en fibre de bois, "
            "plus de placo-polystyrène. Tri des déchets de chantier.",
            1: "Deux salariés formés FEEBat. Un camion électrique pour la ville.",
            2: "Former les chefs d'équipe à expliquer les aides au client. "
            "Nouveau métier en interne : chargé d'affaires rénovation globale.",
            3: "Binôme ancien / jeune sur chaque chantier. Formation maison le vendredi.",
            4: "Impossible de recruter des plaquistes qualifiés. Formations RGE loin (Paris), "
            "trois jours d'atelier fermé. Dossiers MaPrimeRénov' trop longs à monter : des "
            "heures le soir.",
            5: "Bons apprentis venus du CFA du BTP (Dardilly). Demande croissante des clients "
            "pour le biosourcé.",
        },
        "Souhaite être recontacté pour l'atelier de mars. Propose d'accueillir une visite.",
        (
            ("brake", 4, "Impossible de recruter des plaquistes qualifiés"),
            ("difficulty", 4, "Formations RGE loin (Paris), trois jours d'atelier fermé"),
            ("brake", 4, "Dossiers MaPrimeRénov' trop longs à monter"),
            ("lever", 5, "Bons apprentis venus du CFA du BTP"),
            ("lever", 5, "Demande croissante des clients pour le biosourcé"),
            ("action", 3, "Binôme ancien / jeune sur chaque chantier"),
            ("need", 2, "Former les chefs d'équipe à expliquer les aides"),
        ),
        "Entreprise labellisée RGE depuis 2019 ; isolation biosourcée ; tri des déchets.",
    ),
    (
        dict(
            date=date(2026, 1, 27),
            place="Visioconférence",
            interviewer="Yann Colin",
            note_taker="Anne Perrin",
            profession="Formatrice en génie climatique",
            structure="Organisme de formation",
            sector="Formation professionnelle",
            territory="Rhône (Vénissieux)",
            consent_to_record=True,
            planned_minutes=45,
            done=True,
        ),
        {
            0: "Notre centre a réorienté la moitié de ses sessions vers les pompes à chaleur.",
            2: "Stagiaires sans bases en électricité. Modules de remise à niveau en "
            "électricité ajoutés cette année.",
            4: "Plateaux techniques coûteux. Pas assez de formateurs venant du terrain.",
            5: "Financements de l'OPCO au rendez-vous. Entreprises partenaires qui prêtent du "
            "matériel.",
        },
        "",
        (
            ("brake", 4, "Pas assez de formateurs venant du terrain"),
            ("difficulty", 2, "Stagiaires sans bases en électricité"),
            ("lever", 5, "Financements de l'OPCO au rendez-vous"),
            ("lever", 5, "Entreprises partenaires qui prêtent du matériel"),
            ("action", 2, "Modules de remise à niveau en électricité"),
        ),
        "Centre réorienté vers les pompes à chaleur (la moitié des sessions).",
    ),
    (
        dict(
            guide="trades_and_training",
            date=date(2026, 2, 4),
            place="Agence France Travail, Lyon 7",
            interviewer="Anne Perrin",
            note_taker="",
            profession="Conseiller emploi, secteur bâtiment",
            structure="Service public de l'emploi",
            sector="Emploi — accompagnement",
            territory="Lyon 7e",
            consent_to_record=False,
            planned_minutes=30,
            done=False,
        ),
        {
            0: "J'accompagne les demandeurs d'emploi vers les métiers du bâtiment ; nous "
            "orientons vers la rénovation, mais l'image reste mauvaise.",
            2: "Plutôt négative. Image des métiers du bâtiment : pénible, mal payé, disent "
            "les jeunes.",
        },
        "Entretien à terminer : reprendre à la question 4 la semaine prochaine. Les "
        "immersions en entreprise (PMSMP) font changer d'avis.",
        (
            ("brake", 2, "Image des métiers du bâtiment : pénible, mal payé"),
            ("lever", None, "immersions en entreprise (PMSMP) font changer d'avis"),
        ),
        "",
    ),
)


def fill(session: Session, workshop_id: int) -> None:
    """Add the guides, three interviews with notes, marks and restitutions, and the speedboat."""
    guides = {g.builtin_key: g.id for g in interviews.ensure_builtin_guides(session, workshop_id)}
    for demo_fields, answers, free_notes, marks, engagement in DEMO_INTERVIEWS:
        fields = dict(demo_fields)
        guide_id = guides[fields.pop("guide", "engaged_companies")]
        iv = interviews.create_interview(session, workshop_id, guide_id, **fields)
        by_position = {a.position: a for a in iv.answers}
        for index, text in answers.items():
            interviews.save_answer_notes(session, by_position[index].id, text)
        interviews.save_free_notes(session, iv.id, free_notes)
        for kind, index, text in marks:
            answer_id: int | None = by_position[index].id if index is not None else None
            interviews.add_mark(session, iv.id, kind, text, answer_id)
        interviews.save_report(session, iv.id, "report_engagement", engagement)
        interviews.prefill_report(session, iv.id)
    interviews.send_synthesis_to_board(session, workshop_id)
