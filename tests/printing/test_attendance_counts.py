"""#22 item 7: the restitution never says « 0 présent·es » of people who spoke, and its
participants page never « 10 inscrit·es sur 10 inscrit·es ». Real store, real PDF read back."""

from __future__ import annotations

from datetime import UTC, datetime

from kitcop_desktop.printing.parts import render_pdf
from kitcop_desktop.storage import participants, rounds
from tests.printing.pdf_support import squeeze, text_of

TEN = "\n".join(f"Personne {n}\tStructure {n % 3}" for n in range(1, 11))


def pdf_text(store, workshop_id) -> str:
    with store.read() as s:
        return squeeze(text_of(render_pdf(s, workshop_id, ["all"])))


def test_ten_who_spoke_in_the_closing_round_are_ten_present(store, workshop_id):
    with store.write() as s:
        participants.paste(s, workshop_id, TEN)  # nobody ticked on the list
        closing = rounds.create_round(s, workshop_id, "closing")
        now = datetime(2026, 3, 3, 12, 0, tzinfo=UTC)
        for _ in range(11):  # the floor to each of the ten in turn, then the end
            rounds.next_speaker(s, closing.id, now)
    text = pdf_text(store, workshop_id)
    assert squeeze("10 présent·es sur 10 inscrit·es") in text
    assert squeeze("0 présent·es") not in text.replace(squeeze("10 présent·es"), "")
    assert squeeze("inscrit·es sur 10 inscrit·es") not in text


def test_without_any_attendance_the_pages_say_so(store, workshop_id):
    with store.write() as s:
        participants.paste(s, workshop_id, TEN)
    text = pdf_text(store, workshop_id)
    assert squeeze("Présence non relevée\u00a0: 10 inscrit·es") in text
    assert squeeze("inscrit·es sur 10 inscrit·es") not in text
