"""The demo workshop's déroulé: Modèle 1 of the kit, 9:00–12:30, already run on 3 March 2026.

The run is replayed through the real Runner with a fake clock, so the restitution shows
planned vs actual times as a real morning would leave them (a diagnostic that overran, a
shortened projection, a vote that caught up).
"""

from __future__ import annotations

from datetime import datetime, time

from sqlalchemy.orm import Session

from kitcop_desktop.domain.agenda_run import Runner
from kitcop_desktop.domain.clock import FakeClock
from kitcop_desktop.storage import agenda, agenda_run

# Title -> (duration in minutes, pinned start or None, tool) adapting Modèle 1 to 9:00–12:30.
ADJUST = {
    "Accueil café / Introduction": (35, None, ""),
    "Brise-glace": (15, None, "rounds"),
    "Diagnostic": (50, None, "boards"),
    "Pause": (15, None, ""),
    "Projection 2030": (35, None, "fishbowl"),
    "Partage des enjeux": (15, None, ""),
    "Déclusion": (15, time(12, 15), "rounds"),
}
VOTE = {
    "title": "Priorisation des chantiers",
    "duration_minutes": 20,
    "intention": "Choisir ensemble les 2 ou 3 chantiers à approfondir.",
    "instructions": (
        "Critères de tri : réalisable d'ici 2030, finançable, à la bonne échelle, "
        "des acteurs prêts à s'engager. Amendez-les, puis placez vos 3 gommettes "
        "sur les enjeux que vous voulez prioriser."
    ),
    "materials": "Gommettes (3 par personne)\nEnjeux recopiés sur le paperboard",
    "tool_key": "voting",
}
# Minutes each séquence really ran (the facts of the morning), by title.
ACTUAL = {
    "Accueil café / Introduction": 39,
    "Brise-glace": 18,
    "Diagnostic": 56,
    "Pause": 15,
    "Projection 2030": 30,
    "Partage des enjeux": 14,
    "Priorisation des chantiers": 18,
    "Déclusion": 12,
}


def fill(session: Session, workshop_id: int) -> None:
    agenda.apply_template(session, workshop_id, "modele_1")
    for seq in agenda.list_sequences(session, workshop_id):
        minutes, pin, tool = ADJUST.get(seq.title, (seq.duration_minutes, None, seq.tool_key))
        agenda.update_sequence(
            session, seq.id, duration_minutes=minutes, pinned_start=pin, tool_key=tool
        )
        if seq.title in ("Accueil café", "Introduction", "Diagnostic"):
            # The facilitator got these ready: the checklist shows it.
            for line in agenda.material_lines(seq.materials)[:2]:
                agenda.tick_material(session, seq.id, line, True)
    closing = next(s for s in agenda.list_sequences(session, workshop_id) if s.pinned_start)
    agenda.add_sequence(session, workshop_id, index=closing.position, **VOTE)
    _run_the_morning(session, workshop_id)


def _run_the_morning(session: Session, workshop_id: int) -> None:
    """Replay a realistic run so that planned vs actual can be shown and printed."""
    start = datetime(2026, 3, 3, 9, 2).astimezone()  # local time, as the facilitator lived it
    clock = FakeClock(start)
    runner = Runner(clock, agenda_run.run_sequences(session, workshop_id))
    events = runner.start()
    for index, seq in enumerate(runner.sequences):
        minutes = ACTUAL.get(seq.title, seq.minutes)
        if seq.title == "Diagnostic":
            clock.advance(50 * 60)
            events += runner.extend(5 * 60)  # « +5 min », the sous-groupes needed it
            clock.advance((minutes - 50) * 60)
        elif seq.title == "Projection 2030":
            clock.advance(12 * 60)
            events += runner.pause()  # a question about the rules of the bocal
            clock.advance(90)
            events += runner.start()
            clock.advance((minutes - 12) * 60)
        else:
            clock.advance(minutes * 60)
        events += runner.next() if index + 1 < len(runner.sequences) else runner.finish()
    agenda_run.append_events(session, workshop_id, events)
