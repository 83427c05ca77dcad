"""The tables in the restitution (#24), read back from the PDF: a page per table with its
topic, its host, who came by at each round and the harvest under the kit's angles; private
lines only in the facilitator's document; the section left out of « Tout » when there is
nothing to say."""

from __future__ import annotations

import pytest

from kitcop_desktop.printing.parts import PART_NAMES, render_pdf
from kitcop_desktop.storage import (
    agenda,
    participants,
    tables,
    tables_harvest,
    tables_seating,
)
from tests.printing.pdf_support import flat, reader

CATEGORIES = ("public", "private", "para_public")


@pytest.fixture
def cafe(store, workshop_id):
    """Seed 003's afternoon: six workshops (the sixth an open table), three rotations, 24
    people."""
    with store.write() as s:
        agenda.apply_template(s, workshop_id, "world_cafe")
        for n in range(24):
            participants.add(
                s, workshop_id, f"Personne {n:02d}", f"Structure {n % 5}", CATEGORIES[n % 3]
            )
        ids = tables.add_from_template(s, workshop_id, "pro_action")
        tables.update_table(s, ids[0], name="AudeTTE", topic="Habiter le territoire <&> 🌍")
        tables.set_host(s, ids[0], "Personne 03")
        tables.set_host(s, ids[5], "Cécile Joly")  # a guest
        tables_seating.assign_automatically(s, workshop_id)
        tables_harvest.add_line(s, ids[0], 1, "Marquer l'avant et l'après", angle="purpose")
        tables_harvest.add_line(s, ids[0], 2, "Du temps dégagé", angle="needs")
        tables_harvest.add_line(s, ids[0], 3, "Une charte commune", angle="actions")
        tables_harvest.add_line(s, ids[0], 3, "Une idée forte", angle="idea")
        tables_harvest.add_line(s, ids[0], 3, "ZQHARVESTPRIVATE", private=True)
        tables_harvest.add_line(s, ids[5], 1, "Sujet libre")
        rounds = tables_seating.list_rounds(s, workshop_id)
        names = {p.id: p.name for p in participants.list_for(s, workshop_id)}
        seated = {r.number: [names[x] for x in r.seated[ids[0]]] for r in rounds}
    return ids, seated


def pages(store, workshop_id, *parts) -> list[str]:
    with store.read() as s:
        data = render_pdf(s, workshop_id, list(parts))
    return [flat(page.extract_text() or "") for page in reader(data).pages]


def test_a_page_per_table_with_host_people_per_round_and_harvest(store, workshop_id, cafe):
    _ids, seated = cafe
    assert "tables" in PART_NAMES
    found = pages(store, workshop_id, "tables")
    table_pages = [t for t in found if "Porteur·se" in t]
    assert len(table_pages) == 6  # one per table, each on its own page
    first = next(t for t in table_pages if "AudeTTE" in t)
    assert "Habiter le territoire <&> 🌍" in first or "Habiter le territoire <&>" in first
    assert "Porteur·se : Personne 03" in first
    for number, names in seated.items():
        assert f"Rotation {number} — " in first and f"Tour {number} — Rotation" not in first
        assert all(name in first for name in names)
    assert first.index("Sens • Marquer l'avant et l'après") < first.index("Besoins • Du temps")
    assert "Actions • Une charte commune" in first
    assert "Idées retenues pour la question (1) • Une idée forte" in first
    assert "ZQHARVESTPRIVATE" not in " ".join(found)
    guest = next(t for t in table_pages if "Table ouverte" in t)
    assert "Porteur·se : Cécile Joly" in guest and "Sujet libre" in guest


def test_the_restitution_holds_the_tables_and_the_facilitator_the_private_line(
    store, workshop_id, cafe
):
    everything = " ".join(pages(store, workshop_id, "all"))
    assert "AudeTTE" in everything and "Une charte commune" in everything
    assert "ZQHARVESTPRIVATE" not in everything
    mine = " ".join(pages(store, workshop_id, "facilitator"))
    assert "ZQHARVESTPRIVATE" in mine and "AudeTTE" in mine


def test_nothing_to_say_leaves_the_section_out_of_tout(store, workshop_id):
    with store.write() as s:
        participants.add(s, workshop_id, "Personne seule")
        tables.add_table(s, workshop_id, "Table vide")
    assert "Table vide" not in " ".join(pages(store, workshop_id, "all"))
    alone = " ".join(pages(store, workshop_id, "tables"))
    assert "Table vide" in alone and "Personne n'a été placé" in alone


def test_printables_table_cards_plans_per_round_and_seat_cards(store, workshop_id, cafe):
    """Among the supports vierges: a tent card per table with its question (both faces), a
    room plan per round with every name, a card per table and round; nothing under 9 pt."""
    from tests.printing.pdf_support import text_sizes

    _ids, seated = cafe
    with store.read() as s:
        data = render_pdf(s, workshop_id, ["blank"])
    document = reader(data)
    found = [flat(page.extract_text() or "") for page in document.pages]
    tents = [t for t in found if "Plier ici" in t and "Habiter le territoire" in t]
    assert len(tents) == 1 and tents[0].count("AudeTTE") == 2  # both faces of the tent
    assert sum("Plier ici" in t and "Table ouverte" in t for t in found) == 1
    assert "Carte de table — world café" not in " ".join(found)  # the kit's generic cards
    plans = [t for t in found if "Plan de table — Rotation" in t]
    assert len(plans) == 3
    for number, names in seated.items():
        plan = next(t for t in plans if f"Plan de table — Rotation {number} —" in t)
        assert all(name in plan for name in names)
        assert all(f"Atelier {n}" in plan for n in range(2, 6)) and "Table ouverte" in plan
    cards = [t for t in found if "Cartes des tables par tour" in t]
    assert len(cards) == 9  # 6 tables × 3 rounds, two cards a page
    assert "Porteur·se : Personne 03" in " ".join(cards)
    for index, page in enumerate(document.pages):
        small = [(size, text) for size, text in text_sizes(page) if size < 8.95]
        assert not small, (index, small[:3])


def test_without_tables_the_kits_generic_cards_stay(store, workshop_id):
    with store.write() as s:
        agenda.apply_template(s, workshop_id, "world_cafe")
        data = render_pdf(s, workshop_id, ["blank"])
    text = " ".join(flat(page.extract_text() or "") for page in reader(data).pages)
    assert "Carte de table — world café" in text and "Plan de table" not in text


def test_the_tables_part_in_word_for_the_secretariat(store, workshop_id, cafe):
    import io

    import docx

    from kitcop_desktop.printing.docx_copies import render_docx

    with store.read() as s:
        data = render_docx(s, workshop_id, ["tables"])
    word = docx.Document(io.BytesIO(data))
    text = "\n".join(p.text for p in word.paragraphs)
    cells = " ".join(c.text for t in word.tables for r in t.rows for c in r.cells)
    assert "AudeTTE" in text and "Porteur·se\u00a0: Personne 03" in text
    assert "Rotation 2 — Les besoins" in text and "Tour 2 — Rotation 2" not in text
    assert "Du temps dégagé" in cells and "Une charte commune" in cells
    assert "ZQHARVESTPRIVATE" not in text + cells


def test_a_round_of_ideas_only_never_says_nothing_was_noted(store, workshop_id, cafe):
    """A world café's round where the host typed only the three ideas: its page said « Rien
    de noté pour ce tour. » right above the ideas typed in that round."""
    ids, _seated = cafe
    with store.write() as s:
        tables_harvest.add_line(s, ids[1], 2, "Une idée du tour deux", angle="idea")
        tables_harvest.add_line(s, ids[1], 2, "Une autre idée", angle="idea")
    found = pages(store, workshop_id, "tables")
    page = next(t for t in found if "Une idée du tour deux" in t)
    second = page[page.index("Rotation 2 — ") : page.index("Rotation 3 — ")]
    assert "Rien de noté pour ce tour" not in second
    assert "2 idées notées à ce tour : avec les idées retenues, plus bas." in second
    assert "Idées retenues pour la question (2)" in page
    assert "Rien de noté pour ce tour" in page[page.index("Rotation 1 — ") :]  # round 1: none
