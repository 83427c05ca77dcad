"""#16: the facilitator's déroulé is the sheet held in the room — each séquence's row carries
its timing, the facilitator's notes, the matériel as tick boxes and the tool it opens."""

from __future__ import annotations

from kitcop_desktop.printing.parts import render_pdf
from kitcop_desktop.storage import agenda, voting
from tests.printing.pdf_support import flat, reader


def test_each_row_holds_timing_notes_tickable_material_and_tool(store, workshop_id):
    with store.write() as s:
        vote = voting.create_vote_from_texts(s, workshop_id, [("Mentorat", None)], "Priorités")
        agenda.add_sequence(
            s,
            workshop_id,
            title="Vote des priorités",
            duration_minutes=20,
            instructions="Trois gommettes chacun·e.",
            materials="Gommettes vertes\nFeutres",
            facilitator_notes="Relancer les structures privées",
            tool_key="voting",
            tool_ref=vote.id,
        )
    with store.read() as s:
        data = render_pdf(s, workshop_id, ["facilitator"])
    first = flat(reader(data).pages[0].extract_text())  # the déroulé's own page
    assert "NOTES D'ANIMATION" in first
    assert "Relancer les structures privées" in first  # on the séquence's row, not pages later
    assert "☐ Gommettes vertes" in first and "☐ Feutres" in first
    assert "Outil : Vote par gommettes — Priorités" in first
    assert "20 min" in first
