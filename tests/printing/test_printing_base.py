"""The document base: fonts embedded, « n / total » numbering, attendance and fiches actions."""

from __future__ import annotations

import pytest

from kitcop_desktop.printing.parts import PART_NAMES, render_pdf
from kitcop_desktop.printing.text import PLACEHOLDER, para_text, plain
from kitcop_desktop.storage import actions, participants, workshops
from kitcop_desktop.storage.errors import NotFound
from tests.printing.pdf_support import fonts_of, page_sizes_mm, reader, text_of


@pytest.fixture
def filled(store, workshop_id):
    with store.write() as s:
        workshops.update(
            s,
            workshop_id,
            place="Préfecture — salle « Rhône »",
            problem_statement="Comment faire pour… alors que… ?",
        )
        participants.add(s, workshop_id, "Zoé Lefèvre", "R&D <Lab>", "public", "z@example.org")
        participants.add(s, workshop_id, "Jérôme Œuvray", "CAPEB", "para_public")
        actions.create(
            s,
            workshop_id,
            challenge="Défi n°1",
            action="Créer un chantier école",
            impact=3,
            feasibility=1,
            indicators="Élèves formés : 120 €",
        )
        actions.create(s, workshop_id, action="Deuxième fiche", impact=0)
    return workshop_id


def render(store, workshop_id, *parts):
    with store.read() as s:
        return render_pdf(s, workshop_id, list(parts))


def test_every_part_renders_a_pdf_even_with_no_data(store, workshop_id):
    for part in PART_NAMES:
        data = render(store, workshop_id, part)
        assert len(reader(data).pages) >= 1, part


def test_unknown_workshop_is_a_french_not_found(store):
    with store.read() as s, pytest.raises(NotFound, match="n'existe pas"):
        render_pdf(s, 999, ["all"])


def test_unknown_part_is_refused(store, workshop_id):
    with store.read() as s, pytest.raises(ValueError, match="Partie inconnue"):
        render_pdf(s, workshop_id, ["nope"])


def test_only_our_fonts_and_all_embedded(store, filled):
    data = render(store, filled, "all", "attendance", "actions", "blank")
    fonts = fonts_of(data)
    assert fonts, "no font found"
    assert all(embedded for _, embedded in fonts), fonts
    assert all("DejaVuSans" in name for name, _ in fonts), fonts


def test_pages_are_numbered_n_of_total(store, filled):
    data = render(store, filled, "actions", "attendance")
    pages = reader(data).pages
    total = len(pages)
    for number, page in enumerate(pages, start=1):
        assert f"{number} / {total}" in page.extract_text()


def test_attendance_lists_names_and_structures_never_emails(store, filled):
    text = text_of(render(store, filled, "attendance"))
    assert "Liste d'émargement" in text
    assert "Zoé Lefèvre" in text and "R&D <Lab>" in text and "Jérôme Œuvray" in text
    assert "Signature" in text
    assert "example.org" not in text
    assert page_sizes_mm(render(store, filled, "attendance"))[0] == (210, 297)


def test_action_cards_one_per_page_with_stars(store, filled):
    data = render(store, filled, "actions")
    pages = [page.extract_text() for page in reader(data).pages]
    assert len(pages) == 2
    assert "Créer un chantier école" in pages[0] and "Deuxième fiche" in pages[1]
    assert "★★★ (3 sur 3)" in pages[0] and "★☆☆ (1 sur 3)" in pages[0]
    assert "non évalué" in pages[1]
    for label in ("DÉFI", "PILOTES", "CONTRIBUTEURS", "INDICATEURS DE SUIVI", "BESOINS POUR"):
        assert label in pages[0]
    assert "Élèves formés : 120 €" in pages[0]


def test_long_action_text_flows_onto_more_pages(store, workshop_id):
    words = " ".join(f"mot{i}" for i in range(2500))
    with store.write() as s:
        actions.create(s, workshop_id, action="Longue", description=words)
    data = render(store, workshop_id, "actions")
    assert len(reader(data).pages) > 1
    # Every word comes back, in order, across the page breaks (headers sit between pages).
    found = [w for w in text_of(data).split() if w.startswith("mot")]
    assert found == words.split()


def test_restitution_cover_and_participants_without_emails(store, filled):
    text = text_of(render(store, filled, "all"))
    assert "Atelier de test" in text
    assert "Préfecture — salle « Rhône »" in text
    assert "Comment faire pour… alors que… ?" in text
    assert "Co-construction" in text
    assert "R&D <Lab>" in text
    assert "example.org" not in text


def test_plain_keeps_emoji_the_fonts_draw_and_drops_controls():
    assert plain("a\x00b\x07c") == "abc"
    assert plain("🚀") == "🚀"  # drawn from the shipped emoji font (#16)
    assert plain("🦩") == ""  # newer than the emoji font: left out, never a square (#16)
    assert plain("中") == PLACEHOLDER  # no font has it and it is no emoji: a visible square
    assert plain("👍🏽") == "👍"  # skin tone dropped
    assert para_text("a<b & c>\nd") == "a&lt;b &amp; c&gt;<br/>d"


def test_a_story_lays_out_the_same_when_built_twice(store, demo):
    """Building twice (the preview, then the save) must not lose keepWithNext or split state."""
    from kitcop_desktop.printing.common import heading_for
    from kitcop_desktop.printing.document import Document
    from kitcop_desktop.printing.parts import RESTITUTION

    with store.read() as s:
        workshop = workshops.get(s, demo)
        doc = Document(heading_for(workshop), "Restitution")
        for build in RESTITUTION:
            build(doc, s, workshop)
        first = [p.extract_text() for p in reader(doc.build()).pages]
        second = [p.extract_text() for p in reader(doc.build()).pages]
    assert first == second


def test_huge_side_by_side_fields_split_instead_of_failing(store, workshop_id):
    big = " ".join(f"pilote{i}" for i in range(1800))  # ~ 18,000 characters
    with store.write() as s:
        actions.create(
            s, workshop_id, action="Énorme", leads=big, contributors=big, implementation=big
        )
    data = render(store, workshop_id, "actions")
    assert len(reader(data).pages) >= 4
    found = [w for w in text_of(data).split() if w.startswith("pilote")]
    assert found.count("pilote1799") == 3


def test_canvas_wrapping_cuts_long_words_and_limits_lines():
    from kitcop_desktop.printing.drawing import wrap_lines
    from kitcop_desktop.printing.fonts import FAMILY

    word = "x" * 10_000
    lines = wrap_lines(f"début {word} fin", FAMILY, 10, 100, limit=4)
    assert len(lines) == 4 and lines[-1].endswith("…")
    assert lines[0] == "début"
    full = wrap_lines(word, FAMILY, 10, 100)
    assert "".join(full).rstrip("…").startswith("x" * 100)
    assert wrap_lines("un deux trois", FAMILY, 10, 500) == ["un deux trois"]
