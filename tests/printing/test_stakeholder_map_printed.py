"""The cartographie des acteurs printed on A3 landscape and the gouvernance as the kit's table
(#17), read back: every actor named, the zones and legend there, nothing under 9 pt; 200
actors still fit on their one page."""

from __future__ import annotations

from kitcop_desktop.printing.governance import render_governance_pdf
from kitcop_desktop.printing.stakeholder_map import render_map_pdf
from kitcop_desktop.storage import chantiers, stakeholder_map
from kitcop_desktop.storage.demo import create_demo
from kitcop_desktop.storage.demo.chantier import ACTORS
from tests.printing.pdf_support import flat, page_sizes_mm, reader, text_of, text_sizes


def demo_chantier(store) -> int:
    workshop_id = create_demo(store)
    with store.read() as s:
        return chantiers.chantier_of(s, workshop_id) or 0


def test_the_demo_map_prints_on_one_a3_landscape_page_with_its_15_actors(store):
    chantier_id = demo_chantier(store)
    with store.read() as s:
        data = render_map_pdf(s, chantier_id)
    assert page_sizes_mm(data) == [(420, 297)]
    text = flat(text_of(data))
    for zone in ("Acteurs moteurs", "Acteurs impliqués", "Acteurs à mobiliser"):
        assert zone in text
    assert "Influence / effet de levier" in text and "Acteur para-public" in text
    assert "15 acteurs" in text
    for name, *_rest in ACTORS:
        assert name.split()[0] in text
    sizes = [size for size, _text in text_sizes(reader(data).pages[0])]
    assert min(sizes) >= 9


def test_two_hundred_actors_stay_on_one_page_and_the_list_says_how_many_more(store):
    with store.write() as s:
        cid = chantiers.create(s, "Grand chantier").id
        for index in range(200):
            stakeholder_map.add(s, cid, f"Acteur <&> n° {index}", zone=index % 3)
    with store.read() as s:
        data = render_map_pdf(s, cid)
    assert page_sizes_mm(data) == [(420, 297)]
    text = flat(text_of(data))
    assert "200 acteurs" in text and "autres acteurs" in text and "<&>" in text


def test_the_governance_prints_as_the_kits_table_with_its_warnings(store):
    chantier_id = demo_chantier(store)
    with store.read() as s:
        data = render_governance_pdf(s, chantier_id)
    text = flat(text_of(data))
    for words in (
        "Comité de pilotage",
        "Groupe projet",
        "Co-construction",
        "A — Préfecture de région",
        "R — Région Auvergne-Rhône-Alpes",
        "Personne n'arbitre",  # the network of firms has no « A »
    ):
        assert words in text


def test_the_whole_chantier_prints_in_the_kits_order_with_the_map_on_a3(store):
    from kitcop_desktop.printing.chantier_report import render_chantier_report
    from kitcop_desktop.printing.initiatives import render_initiatives_pdf

    chantier_id = demo_chantier(store)
    with store.read() as s:
        data = render_chantier_report(s, chantier_id)
        alone = render_initiatives_pdf(s, chantier_id)
    sizes = page_sizes_mm(data)
    assert sizes[0] == (210, 297) and (420, 297) in sizes
    text = flat(text_of(data))
    order = [
        text.index("Brique 1 — État des lieux"),
        text.index("Chantiers-écoles de la rénovation"),
        text.index("Cartographie des acteurs —"),
        text.index("Données de l'état des lieux"),
        text.index("Fonds de transition juste"),
        text.index("Gouvernance du chantier"),
        text.index("Plan d'action"),
    ]
    assert order == sorted(order)
    assert "Qu'en retour" not in text and "Ce qu'il y a d'intéressant" in flat(text_of(alone))
    assert min(size for page in reader(data).pages for size, _t in text_sizes(page)) >= 9
