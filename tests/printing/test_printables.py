"""#16 « Printables the templates' own matériel lists ask for », each read back from the PDF of
`--part blank` (the Impression tool prints the same part, with its preview)."""

from __future__ import annotations

import pytest

from kitcop_desktop.printing.parts import render_pdf
from kitcop_desktop.storage import actions, agenda, workshops
from tests.printing.pdf_support import flat, page_sizes_mm, reader

A4, A4_LANDSCAPE, A3_LANDSCAPE = (210, 297), (297, 210), (420, 297)


@pytest.fixture
def blank(store, workshop_id):
    with store.write() as s:
        workshops.update(s, workshop_id, problem_statement="Comment attirer des jeunes ?")
    with store.read() as s:
        data = render_pdf(s, workshop_id, ["blank"])
    pages = [flat(page.extract_text()) for page in reader(data).pages]
    return pages, page_sizes_mm(data)


def pages_with(blank, words: str) -> list[int]:
    pages, _sizes = blank
    return [i for i, text in enumerate(pages) if words in text]


def test_a_blank_fiche_action_on_one_a4_with_every_field_of_the_kit(blank):
    (page,) = pages_with(blank, "Fiche action vierge")
    text = blank[0][page]
    for label in ("THÈME", "DÉFI", "CIBLE", "ACTION", "PILOTES", "CONTRIBUTEURS", "COMMENT TESTER"):
        assert label in text, label
    assert "INDICATEURS DE SUIVI" in text and "IMPACT" in text and "FAISABILITÉ" in text
    assert "—" not in text.split("Fiche action vierge", 1)[1]  # boxes to write in, not « — »
    assert blank[1][page] == A4


def test_a_retrospective_path_poster_on_a3_with_the_kits_stations_and_angles(blank):
    (page,) = pages_with(blank, "Chemin de la rétrospective")
    text = blank[0][page]
    for station in ("Ça a marché", "Ça n'a pas marché", "J'ai appris", "Actions", "Ressentis"):
        assert station in text, station
    assert blank[1][page] == A3_LANDSCAPE


def test_declusion_slips_several_per_a4_with_cut_marks(blank):
    (page,) = pages_with(blank, "Déclusion")
    text = blank[0][page]
    assert text.count("Nom") >= 6 and text.count("Ressenti") >= 6
    assert text.count("Envie de s'engager dans la suite") >= 6
    assert "✂" in text or "Découper" in text
    assert blank[1][page] == A4


def test_world_cafe_table_cards_fold_to_a5_with_table_round_and_question(store):
    with store.write() as s:
        w = workshops.create(s, "Après-midi world café")
        agenda.apply_template(s, w.id, "world_cafe")
    with store.read() as s:
        data = render_pdf(s, w.id, ["blank"])
    pages = [flat(page.extract_text()) for page in reader(data).pages]
    cards = [i for i, text in enumerate(pages) if "Carte de table" in text]
    assert len(cards) >= 2
    first = pages[cards[0]]
    assert "Table 1" in first and "Plier" in first
    for question in ("Le sens, les finalités", "Les besoins", "Les actions à mettre en place"):
        assert question in first, question
    assert "Tour 1" in first and "Tour 3" in first
    assert "Table 2" in pages[cards[1]]
    assert all(page_sizes_mm(data)[i] == A4_LANDSCAPE for i in cards)


def test_the_fiche_etonnement_prints_two_per_a4(blank):
    (page,) = pages_with(blank, "Fiche étonnement")
    text = blank[0][page]
    assert text.count("Fiche étonnement") >= 2 + 1  # two sheets (and the running head)
    assert text.count("Je suis d'accord") == 2 and text.count("Ce qui manque") == 2
    assert blank[1][page] == A4


def test_the_fiche_action_prints_its_theme_header_and_how_to_test(store, workshop_id):
    with store.write() as s:
        actions.create(
            s,
            workshop_id,
            theme="Biodiversité",
            action="Des chantiers-écoles de haies",
            test_plan="Un premier chantier à Vénissieux avant d'en ouvrir dix",
        )
    with store.read() as s:
        text = flat(reader(render_pdf(s, workshop_id, ["actions"])).pages[0].extract_text())
    assert "BIODIVERSITÉ" in text
    assert "COMMENT TESTER" in text and "Un premier chantier à Vénissieux" in text
