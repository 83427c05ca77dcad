"""Demo content of the fishbowl area: a finished « Projection 2030 » fishbowl with the
note-taker's notes (all but one shared with the room) and the facilitator's own note, a
finished déclusion round with everyone's word, and a météo to run."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from kitcop_desktop.storage import agenda, fishbowl, fishbowl_notes, rounds

# 3 March 2026, 11:00 in Lyon (UTC+1): the projection 2030 of the kit's déroulé.
START = datetime(2026, 3, 3, 10, 0, tzinfo=UTC)

# (seconds after start, action, first name[, who leaves]) — one realistic half hour.
# (seconds, action, who[, who leaves]): steps of mixed shapes.
SCRIPT: tuple[tuple[Any, ...], ...] = (
    (0, "seat", "Sophie"),
    (0, "seat", "Karim"),
    (5, "seat", "Marc-Antoine"),
    (20, "speak", "Sophie"),
    (170, "speak", "Karim"),
    (290, "seat", "Thomas", "Sophie"),
    (300, "speak", "Thomas"),
    (480, "speak", "Marc-Antoine"),
    (600, "seat", "Inès", "Karim"),
    (610, "speak", "Inès"),
    (760, "seat", "Olivier", "Marc-Antoine"),
    (770, "speak", "Olivier"),
    (900, "speak", "Thomas"),
    (990, "seat", "Léa", "Thomas"),
    (1000, "speak", "Léa"),
    (1150, "seat", "Claire", "Inès"),
    (1160, "speak", "Claire"),
    (1290, "speak", "Léa"),
    (1380, "seat", "Patrick", "Olivier"),
    (1390, "speak", "Patrick"),
    (1560, "speak", "Claire"),
    (
        1700,
        "stop",
    ),
)
END_SECONDS = 1790

NOTES = (
    ("actions", "Un guichet unique rénovation par intercommunalité, porté avec la Région"),
    ("actions", "Des chantiers-écoles en alternance avec les CFA et les PME du secteur"),
    ("actions", "Former 2 000 artisans à la rénovation globale (RGE) d'ici 2030"),
    ("levers", "Les donneurs d'ordre publics exigent des équipes formées dans leurs marchés"),
    ("levers", "Des parcours de reconversion financés de bout en bout par l'OPCO"),
    ("levers", "Montrer les métiers du bâtiment aux collégien·nes, sur les chantiers"),
    ("brakes_overcome", "Le manque de tuteurs dans les TPE : un tutorat partagé entre entreprises"),
    ("brakes_overcome", "Les délais de paiement des aides aux ménages, ramenés à 30 jours"),
)

FACILITATOR_NOTE = (
    "Relancer Patrick sur le financement OPCO. Ne pas citer l'entreprise qui a perdu le marché "
    "de la cité scolaire : le litige est en cours."
)

CLOSING_WORDS = (
    ("Confiante", True),
    ("Motivé", True),
    ("Enthousiaste", True),
    ("Curieuse de la suite", True),
    ("Un peu sceptique", False),
    ("Énergisée", True),
    ("Concret, enfin !", True),
    ("Fatiguée mais contente", None),
    ("Prête à piloter l'action 2", True),
    ("Inspiré", True),
    ("Attentif", False),
)


def fill(session: Session, workshop_id: int) -> None:
    bowl = fishbowl.create(session, workshop_id, timebox_minutes=30)
    ids = {m.name.split()[0]: m.id for m in fishbowl.members(session, bowl.id)}
    for step in SCRIPT:
        now = START + timedelta(seconds=step[0])
        action = step[1]
        if action == "seat":
            leaver = ids[step[3]] if len(step) > 3 else None
            fishbowl.seat(session, bowl.id, ids[step[2]], now, leaver)
        elif action == "speak":
            fishbowl.speak(session, bowl.id, ids[step[2]], now)
        else:
            fishbowl.stop_speaking(session, bowl.id, now)
    fishbowl.finish(session, bowl.id, START + timedelta(seconds=END_SECONDS))
    notes = [fishbowl_notes.add_note(session, bowl.id, heading, text) for heading, text in NOTES]
    # Shared at the « partage des enjeux », but for the last note, kept back by the note-taker.
    fishbowl_notes.reveal(session, bowl.id, True, notes[:-1])
    fishbowl.update_setup(session, bowl.id, facilitator_note=FACILITATOR_NOTE)

    check_in = rounds.create_round(session, workshop_id, "check_in", seconds_per_speaker=45)
    check_in.position = 0
    closing = rounds.create_round(session, workshop_id, "closing", seconds_per_speaker=60)
    now = START + timedelta(hours=1, minutes=15)
    rounds.start(session, closing.id, now)
    for entry, (word, involved) in zip(
        rounds.entries(session, closing.id), CLOSING_WORDS, strict=False
    ):
        rounds.set_word(session, entry.id, word, involved)
        now += timedelta(seconds=35 + (entry.position * 7) % 30)
        rounds.next_speaker(session, closing.id, now)
    session.flush()
    # The déroulé opens this bowl and this déclusion when their séquences start.
    links = {"Projection 2030": bowl.id, "Déclusion": closing.id}
    for seq in agenda.list_sequences(session, workshop_id):
        if seq.title in links:
            agenda.update_sequence(session, seq.id, tool_ref=links[seq.title])
