"""The chantier's données on screen (#17, kit Brique 1-3 to 1-5): a spreadsheet's paste is one
undo step, a cell edited and a box ticked are one each, the ticked figures go to a workshop's
« Quelques chiffres clés » séquence (one undo step), and the données print as the kit's tables."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kitcop_desktop.domain.key_figures import SEQUENCE_TITLE
from kitcop_desktop.storage import agenda
from tests.printing.pdf_support import flat, text_of
from tests.tools.chantier.page_support import new_chantier, open_page, settle


@pytest.fixture
def page(qtbot, ctx, store):
    with store.write() as s:
        cid, [wid] = new_chantier(s, "Atelier de mars")
        agenda.apply_template(s, wid, "modele_1")
    widget = open_page(qtbot, ctx, cid)
    widget.workshop = wid
    return widget


def titles(store, wid):
    with store.read() as s:
        return [(q.title, q.instructions) for q in agenda.list_sequences(s, wid)]


def test_figures_pasted_edited_and_ticked_are_one_undo_step_each(page, qtbot, ctx):
    page.show_tab("data")
    view = page.data.figures
    pasted = "Emploi\t3 200 RGE\t6 000\tDoubler\nFormation\t420 apprentis\t700\tDes places\n"
    assert view.paste_text(pasted) == 2
    settle(qtbot)
    assert view.proxy.rowCount() == 2
    assert ctx.extras["messages"][-1] == "2 données clés ajoutées."
    assert "2 données cochées" in page.data.present_hint.text()
    view.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert [view.proxy.index(r, 1).data() for r in range(2)] == ["3 200 RGE", "420 apprentis"]
    flag = view.proxy.index(0, len(view.sheet.keys))
    assert view.proxy.setData(flag, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    settle(qtbot)
    assert "1 donnée cochée" in page.data.present_hint.text()
    assert view.proxy.setData(view.proxy.index(0, 2), "7 000", Qt.ItemDataRole.EditRole)
    settle(qtbot)
    assert view.proxy.index(0, 2).data() == "7 000"
    assert ctx.undo_stack.count() == 3
    for _ in range(3):
        ctx.undo_stack.undo()
    settle(qtbot)
    assert view.proxy.rowCount() == 0
    assert not page.data.present_button.isEnabled()
    assert view.paste_text("") == 0
    assert "Rien à coller" in ctx.extras["messages"][-1]


def test_ticked_figures_go_to_the_workshops_sequence_in_one_undo_step(page, qtbot, ctx, store):
    page.show_tab("data")
    before = titles(store, page.workshop)
    page.data.figures.paste_text("Emploi\t3 200 RGE\t6 000 en 2030\tDoubler en six ans\n")
    settle(qtbot)
    page.data.ask_present()  # one workshop: no question asked
    after = titles(store, page.workshop)
    assert after[1][0] == SEQUENCE_TITLE and len(after) == len(before) + 1
    # « 6 000 » never broken on the room screen.
    assert after[1][1].startswith(
        "Emploi — 3\u00a0200 RGE\u00a0→ objectif\u00a0: 6\u00a0000 en 2030\n"
    )
    assert ctx.extras["messages"][-1] == (
        f"Séquence «\u00a0{SEQUENCE_TITLE}\u00a0» ajoutée au déroulé de «\u00a0Atelier de "
        "mars\u00a0» (1 donnée, projetée en salle)."
    )
    assert (
        ctx.undo_stack.undoText()
        == "Présenter les chiffres clés dans «\u00a0Atelier de mars\u00a0»"
    )
    ctx.undo_stack.undo()
    assert titles(store, page.workshop) == before


def test_the_donnees_print_as_the_kits_tables_and_the_overview_counts_them(
    page, qtbot, ctx, tmp_path
):
    page.data.figures.paste_text("Emploi\t3 200 RGE & <apprentis>\t6 000\tDoubler\n")
    page.data.funding.paste_text("Fonds de transition juste\tUE (FSE+)\tReconversion\n")
    settle(qtbot)
    assert page.save("data", tmp_path / "donnees.pdf")
    assert ctx.extras["messages"][-1] == (
        "Données de l'état des lieux enregistrées dans donnees.pdf."
    )
    text = flat(text_of((tmp_path / "donnees.pdf").read_bytes()))
    for words in ("Constat de départ", "3 200 RGE & <apprentis>", "Fonds de transition juste"):
        assert words in text
    page.show_tab("overview")
    facts = page.overview.boxes[1].facts.text()
    assert "1 donnée clé" in facts and "1 ressource financière" in facts
    page.overview.show_tab.emit("data")
    assert page.tabs.currentWidget() is page.data
