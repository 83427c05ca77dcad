"""The chantier's action plan and its protocols printed and copied as CSV (#17), read back."""

from __future__ import annotations

import csv
import io

from kitcop_desktop.printing.action_plan import render_chantier_csv, render_chantier_pdf
from kitcop_desktop.printing.parts import render_pdf
from kitcop_desktop.storage import action_plan, actions, chantiers, workshops
from kitcop_desktop.storage.demo import create_demo
from tests.printing.pdf_support import flat, page_sizes_mm, reader, squeeze, text_of, text_sizes


def demo_chantier(store) -> tuple[int, int]:
    workshop_id = create_demo(store)
    with store.read() as s:
        return chantiers.chantier_of(s, workshop_id) or 0, workshop_id


def test_the_plan_prints_every_fiche_of_both_workshops_then_the_protocol(store):
    chantier_id, _workshop_id = demo_chantier(store)
    with store.read() as s:
        data = render_chantier_pdf(s, chantier_id)
    text = flat(text_of(data))
    squeezed = squeeze(text_of(data))
    assert "Plan d'action" in text
    for words in (
        "Des visites de chantiers pour les collégiens",  # the January workshop's fiche
        "Mutualiser des chantiers-écoles",  # the March workshop's
        "Diagnostic partagé des compétences",
        "En cours",
        "À lancer",
        "Convention entre les trois centres",
    ):
        assert squeeze(words) in squeezed, words
    assert "☑" in text and "☐" in text  # steps done and to do, not only by colour
    # The protocol on its own page, its log after it.
    assert "Protocole de test — fiche 2" in text
    assert squeeze("Vous aurez réussi si…") in squeezed
    assert squeeze("les trois centres demandent un deuxième chantier") in squeezed
    assert squeeze("14 inscrits, 12 jusqu'au bout") in squeezed
    assert squeeze("0 atteint · 1 partiellement · 0 non atteint · 1 à évaluer") in squeezed
    sizes = page_sizes_mm(data)
    assert sizes[0] == (297, 210) and (210, 297) in sizes[1:]  # plan landscape, protocol A4
    smallest = min(size for page in reader(data).pages for size, _t in text_sizes(page))
    assert smallest >= 9 - 0.01  # nothing printed under 9 pt


def test_a_workshop_prints_its_chantiers_plan_as_a_part(store):
    _chantier_id, workshop_id = demo_chantier(store)
    with store.read() as s:
        text = flat(text_of(render_pdf(s, workshop_id, ["action_plan"])))
    assert "Rénovation énergétique — Rhône" in text
    assert squeeze("Des visites de chantiers") in squeeze(text)  # the other workshop's too


def test_a_workshop_without_a_chantier_prints_its_own_plan(store):
    with store.write() as s:
        wid = workshops.create(s, "Atelier seul").id
        card = actions.create(s, wid, action="Une action <b>& 🚀")
        action_plan.add_step(s, card.id, "Première étape")
    with store.read() as s:
        text = flat(text_of(render_pdf(s, wid, ["action_plan"])))
    assert "Atelier « Atelier seul »".replace(" ", "") in text.replace(" ", "").replace(
        "\u00a0", ""
    )
    assert "Une action <b>& 🚀" in text
    assert "Première étape" in text


def test_the_plan_as_csv_for_a_french_spreadsheet(store):
    chantier_id, _workshop_id = demo_chantier(store)
    with store.write() as s:
        first = action_plan.rows(s, chantier_id)[0].card_id
        actions.update(s, first, leads='=HYPERLINK("x")')
    with store.read() as s:
        data = render_chantier_csv(s, chantier_id)
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:6] == ["N°", "Fiche action", "Défi", "Atelier", "Statut", "Pilotes"]
    assert len(rows) == 4
    assert rows[1][5] == '\'=HYPERLINK("x")'  # never run as a formula
    assert rows[2][4] == "En cours"
    assert "Convention entre les trois centres" in rows[2][6]
    assert rows[2][11] == "0 atteint · 1 partiellement · 0 non atteint · 1 à évaluer"


def test_a_plan_of_many_fiches_prints_each_cell_whole_and_its_docx_copy_keeps_the_words(store):
    from kitcop_desktop.printing.docx_copies import render_docx
    from tests.printing.docx_support import all_text

    with store.write() as s:
        cid = chantiers.create(s, "Grand chantier").id
        wid = workshops.create(s, "Atelier").id
        chantiers.move_workshop(s, wid, cid)
        for n in range(60):
            actions.create(
                s,
                wid,
                action=f"Action n° {n} <&> 🏗 " + "former les artisans " * 6,
                leads="CFA ; AFPA",
                test_plan="Deux sessions pilotes " * 5,
            )
    with store.read() as s:
        data = render_chantier_pdf(s, cid)
        docx = render_docx(s, wid, ["action_plan"])
    text = flat(text_of(data))
    for n in (0, 31, 59):
        assert f"Action n° {n} <&>" in text
    assert "Action n° 59 <&> 🏗" in all_text(docx)
    sizes = [size for page in reader(data).pages for size, _t in text_sizes(page)]
    assert min(sizes) >= 9
