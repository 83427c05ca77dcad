"""#16 « A restitution worth sending »: a section with nothing in it is left out of the partners'
restitution (and listed nowhere), and a round that never ran is not printed as « À venir »."""

from __future__ import annotations

import pytest

from kitcop_desktop.printing.parts import render_pdf
from kitcop_desktop.storage import rounds, workshops
from tests.printing.pdf_support import flat, reader, text_of

EMPTY_SECTIONS = (
    "Participant·es",
    "Tableaux",
    "Les post-it, zone par zone",
    "Résultats des votes",
    "Bocal à poisson",
    "Tours de parole",
    "Décisions de la rétrospective KISS",
    "Synthèse de l'enquête de terrain",
    "Fiches actions",
)


def render(store, workshop_id, *parts):
    with store.read() as s:
        return render_pdf(s, workshop_id, list(parts))


def test_a_new_workshop_prints_no_empty_section_nor_lists_one(store, workshop_id):
    with store.write() as s:
        workshops.update(s, workshop_id, problem_statement="Comment former 5 000 artisans ?")
    text = flat(text_of(render(store, workshop_id, "all")))
    assert "Aucun" not in text and "Pas de " not in text, text
    for heading in EMPTY_SECTIONS:
        assert heading not in text, heading  # neither as a page nor in the contents
    assert "Comment former 5 000 artisans ?" in text


def test_rounds_that_never_ran_are_left_out(store, demo):
    with store.read() as s:
        kinds = {r.title or r.kind_label: r for r in rounds.list_rounds(s, demo)}
    ran = [name for name, r in kinds.items() if any(e.status != "waiting" for e in r.entries)]
    waiting = [name for name, r in kinds.items() if name not in ran]
    assert ran and waiting, kinds  # the demo has both, or this test proves nothing
    data = render(store, demo, "all")
    assert "À venir" not in text_of(data)
    pages = [flat(page.extract_text()) for page in reader(data).pages]
    (rounds_page,) = [x for x in pages if x.startswith("Tours de parole")]  # the running head
    for name in ran:
        assert name in rounds_page


@pytest.mark.parametrize("part", ["rounds", "boards", "votes", "fishbowl", "actions"])
def test_a_part_printed_alone_still_says_it_is_empty(store, workshop_id, part):
    data = render(store, workshop_id, part)
    assert len(reader(data).pages) == 1
    assert "Aucun" in text_of(data) or "Pas de" in text_of(data)


def test_the_cover_carries_the_key_facts_and_the_contents(store, demo):
    with store.read() as s:
        workshop = workshops.get(s, demo)
        problem, place = workshop.problem_statement, workshop.place
    data = render(store, demo, "all")
    cover = flat(reader(data).pages[0].extract_text())
    for fact in ("3 mars 2026", place, problem[:40], "Participant·es", "11 présent"):
        assert fact in cover, fact
    # participants by category, what was decided, and the table of contents
    for fact in ("Acteur public", "Acteur privé", "Ce qui a été décidé", "Sommaire"):
        assert fact in cover, fact
    assert "Mutualiser des chantiers-écoles entre CFA, AFPA et lycées professionnels" in cover
    for section in ("Participant·es", "Résultats des votes", "Fiches actions"):
        assert section in cover.split("Sommaire", 1)[1], section
