"""Times that cannot be kept are printed as such on the facilitator's sheet (#23 item 2).

The world café afternoon of the 004 seed (13:30–17:00): a free gap before the pinned pause,
the pause's pin overrun by a lengthened round, a séquence pinned before the workshop starts.
The screen flagged them; the PDF printed the impossible times as if they were fine.
"""

from __future__ import annotations

from datetime import date, time

from kitcop_desktop.printing.parts import render_pdf
from kitcop_desktop.storage import agenda, workshops
from tests.printing.pdf_support import flat, text_of


def afternoon(store, round_minutes: int) -> int:
    with store.write() as s:
        wid = workshops.create(s, "World café — France Travail").id
        workshops.update(
            s, wid, date=date(2026, 12, 8), start_time=time(13, 30), end_time=time(17, 0)
        )
        for title, minutes, pin in [
            ("Accueil", 30, None),
            ("Premier tour de table", 60, None),
            ("Deuxième tour de table", round_minutes, None),
            ("Pause", 15, time(15, 30)),
            ("Restitution", 60, None),
        ]:
            agenda.add_sequence(s, wid, title=title, duration_minutes=minutes, pinned_start=pin)
    return wid


def sheet(store, wid) -> str:
    with store.read() as s:
        return flat(text_of(render_pdf(s, wid, ["facilitator"])))


def test_the_free_gap_before_a_pinned_pause_is_printed(store):
    text = sheet(store, afternoon(store, 20))  # the round ends at 15:20, the pause is at 15:30
    assert "15:20–15:30 10 min Battement libre avant l'heure fixée" in text
    assert "⚠" not in text and "À revoir" not in text


def test_a_pin_overrun_by_a_lengthened_round_is_flagged_in_the_pdf(store):
    text = sheet(store, afternoon(store, 35))  # the round now ends at 15:35
    assert "⚠ À revoir avant l'atelier" in text
    assert (
        "« Pause » : Heure fixée à 15 h 30 mais la séquence précédente finit à 15 h 35 : "
        "5 min de trop avant." in text
    )
    assert "15:30–15:45 15 min heure fixe ⚠ à revoir" in text


def test_a_sequence_pinned_before_the_workshop_starts_is_flagged(store):
    wid = afternoon(store, 20)
    with store.write() as s:
        agenda.add_sequence(
            s, wid, title="Long atelier", duration_minutes=99, pinned_start=time(10, 0), index=1
        )
    text = sheet(store, wid)
    assert "« Long atelier » : Heure fixée à 10 h, avant le début de l'atelier (13 h 30)." in text
    assert "10:00–11:39 1 h 39 heure fixe ⚠ à revoir" in text
    assert "après la fin prévue (17 h)" in text  # the whole afternoon overruns too
