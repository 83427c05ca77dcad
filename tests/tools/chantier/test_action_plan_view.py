"""The chantier's action plan on screen (#17): the fiches of two workshops in one sortable
table, driven by keys (1–5 status, F2 edit, Ctrl+N step), every change undone by Ctrl+Z;
the protocole de test typed in place and its log; bad input refused in French."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLineEdit

from kitcop_desktop.storage import actions, chantiers, test_protocols
from kitcop_desktop.tools.chantier.plan_model import KEYS
from tests.tools.chantier.page_support import new_chantier, open_page, settle


@pytest.fixture
def page(qtbot, ctx, store):
    with store.write() as s:
        cid, (first, second) = new_chantier(
            s, ("Diagnostic", date(2026, 1, 20)), ("Atelier solutions", date(2026, 3, 3))
        )
        actions.create(s, first, action="Attirer des jeunes", leads="Région")
        actions.create(s, second, action="Chantiers-écoles", leads="CFA ; AFPA")
        actions.create(s, second, action="Formateurs à jour", leads="OPCO")
    widget = open_page(qtbot, ctx, cid)
    widget.tabs.setCurrentWidget(widget.plan)
    return widget


def table_text(page, column: str) -> list[str]:
    proxy = page.plan.proxy
    col = KEYS.index(column)
    return [proxy.index(r, col).data() for r in range(proxy.rowCount())]


def test_the_plan_shows_the_fiches_of_both_workshops(page):
    assert table_text(page, "heading") == [
        "Attirer des jeunes",
        "Chantiers-écoles",
        "Formateurs à jour",
    ]
    assert table_text(page, "workshop") == ["Diagnostic", "Atelier solutions", "Atelier solutions"]
    assert set(table_text(page, "status")) == {"À lancer"}


def test_digit_keys_set_the_status_and_ctrl_z_undoes(page, qtbot, ctx):
    table = page.plan.table
    table.setFocus()
    page.plan.select_card(page.plan.model.rows[1].card_id)
    qtbot.keyClick(table, Qt.Key.Key_2)
    settle(qtbot)
    assert table_text(page, "status")[1] == "En cours"
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_4)
    settle(qtbot)
    assert table_text(page, "status") == ["À lancer", "En cours", "Passée à l'échelle"]
    ctx.undo_stack.undo()
    settle(qtbot)
    assert table_text(page, "status") == ["À lancer", "En cours", "À lancer"]
    ctx.undo_stack.undo()
    settle(qtbot)
    assert set(table_text(page, "status")) == {"À lancer"}


def test_sorting_by_status_then_by_pilots(page, qtbot):
    page.plan.model.set_status(page.plan.model.rows[0].card_id, "abandoned")
    page.plan.model.set_status(page.plan.model.rows[2].card_id, "in_progress")
    settle(qtbot)
    page.plan.table.sortByColumn(KEYS.index("status"), Qt.SortOrder.AscendingOrder)
    assert table_text(page, "status") == ["À lancer", "En cours", "Abandonnée"]
    page.plan.table.sortByColumn(KEYS.index("leads"), Qt.SortOrder.AscendingOrder)
    assert table_text(page, "leads") == ["CFA ; AFPA", "OPCO", "Région"]
    # A change keeps the sort and the fiche chosen.
    chosen = page.plan.current_card()
    page.plan.model.set_status(chosen, "tested")
    settle(qtbot)
    assert table_text(page, "leads") == ["CFA ; AFPA", "OPCO", "Région"]
    assert page.plan.current_card() == chosen


def test_pilots_typed_in_place_with_f2(page, qtbot, ctx):
    table = page.plan.table
    table.setFocus()
    proxy = page.plan.proxy
    table.setCurrentIndex(proxy.index(0, KEYS.index("leads")))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = table.viewport().findChild(QLineEdit)
    assert editor is not None  # F2 opened the cell's editor
    editor.setText("Région & <France Travail> 🚀")  # QTest types ASCII only
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    settle(qtbot)
    assert table_text(page, "leads")[0] == "Région & <France Travail> 🚀"
    ctx.undo_stack.undo()
    settle(qtbot)
    assert table_text(page, "leads")[0] == "Région"


def test_steps_added_with_enter_dated_in_french_and_removed_with_delete(page, qtbot, ctx):
    steps = page.plan.steps
    page.plan.select_card(page.plan.model.rows[1].card_id)
    settle(qtbot)
    page.new_item()  # Ctrl+N on the chantier page: the new step's field
    assert steps.new_label.hasFocus()
    steps.new_label.setText("Convention entre les trois centres")
    steps.new_due.setText("30/04/2026")
    qtbot.keyClick(steps.new_label, Qt.Key.Key_Return)
    settle(qtbot)
    assert steps.step_labels() == ["Convention entre les trois centres"]
    assert table_text(page, "next_step")[1] == (
        "Convention entre les trois centres (jeudi 30 avril 2026)"
    )
    # A date that is no date is refused in French and nothing is added.
    steps.new_label.setText("Premier chantier-école")
    steps.new_due.setText("31/02/2026")
    qtbot.keyClick(steps.new_label, Qt.Key.Key_Return)
    settle(qtbot)
    assert "Date illisible" in ctx.extras["messages"][-1]
    assert "Rien n'a été ajouté" in ctx.extras["messages"][-1]
    assert steps.step_labels() == ["Convention entre les trois centres"]
    steps.new_due.setText("")
    qtbot.keyClick(steps.new_label, Qt.Key.Key_Return)
    settle(qtbot)
    assert steps.step_labels() == ["Convention entre les trois centres", "Premier chantier-école"]
    steps.table.setFocus()
    steps.table.setCurrentIndex(steps.model.index(0, 0))
    qtbot.keyClick(steps.table, Qt.Key.Key_Delete)
    settle(qtbot)
    assert steps.step_labels() == ["Premier chantier-école"]
    ctx.undo_stack.undo()
    settle(qtbot)
    assert steps.step_labels() == ["Convention entre les trois centres", "Premier chantier-école"]


def test_a_protocol_written_then_its_results_logged(page, qtbot, ctx, store):
    card = page.plan.model.rows[1].card_id
    view = page.protocol
    page.tabs.setCurrentWidget(view)
    view.show_card(card)
    assert view.create_button.isVisible()
    view.create_button.click()
    settle(qtbot)
    assert view.protocol_id is not None and not view.create_button.isVisible()
    field = view.fields["impact_criteria"]
    field.setFocus()
    field.insertPlainText("15 apprenant·es")
    view.fields["success_if"].setFocus()  # leaving the field stores it
    view.fields["success_if"].insertPlainText("Les trois centres en redemandent")
    view.fields["objective"].setFocus()
    settle(qtbot)
    with store.read() as s:
        stored = test_protocols.for_card(s, card)
        assert stored is not None
        assert (stored.impact_criteria, stored.success_if) == (
            "15 apprenant·es",
            "Les trois centres en redemandent",
        )
    assert [view.new_criterion.itemText(i) for i in range(view.new_criterion.count())] == [
        "15 apprenant·es",
        "Vous aurez réussi si…",
    ]
    view.new_day.setText("01/12/2026")
    view.new_verdict.setCurrentIndex(view.new_verdict.findData("partly"))
    view.new_observed.setFocus()
    qtbot.keyClicks(view.new_observed, "14 inscrits, 12 jusqu'au bout")  # ASCII: QTest
    qtbot.keyClick(view.new_observed, Qt.Key.Key_Return)
    settle(qtbot)
    assert view.log_model.rowCount() == 1
    assert view.log_model.item(0, 3).text() == "Partiellement"
    assert view.tally_label.text() == "0 atteint · 1 partiellement · 0 non atteint"
    # Nothing observed and no verdict: refused in French, nothing logged.
    view.new_verdict.setCurrentIndex(view.new_verdict.findData(""))
    view.add_typed()
    assert "constat ou d'un verdict" in ctx.extras["messages"][-1]
    assert view.log_model.rowCount() == 1
    view.log.setFocus()
    view.log.setCurrentIndex(view.log_model.index(0, 0))
    qtbot.keyClick(view.log, Qt.Key.Key_Delete)
    settle(qtbot)
    assert view.log_model.rowCount() == 0
    ctx.undo_stack.undo()
    settle(qtbot)
    assert view.log_model.rowCount() == 1
    assert table_text(page, "protocol")[1] == "écrit"


def test_the_page_saves_the_plan_and_its_protocol_as_an_editable_word_copy(
    page, tmp_path, ctx, store
):
    from tests.printing.docx_support import all_text, headings

    with store.write() as s:
        card = actions.list_for(s, chantiers.alive_workshops(s, page.chantier_id)[1].id)[0].id
        test_protocols.create(s, card, success_if="10 apprenti·es <de plus> & 🎉")
    menu = [a.text() for a in page.csv_button.menu().actions()]
    assert menu == ["Tableur (CSV)…", "Word (DOCX)…", "Résultats des tests (CSV)…"]
    assert page.save("docx", tmp_path / "plan.docx")
    assert ctx.extras["messages"][-1] == "Plan d'action enregistré dans plan.docx."
    data = (tmp_path / "plan.docx").read_bytes()
    text = all_text(data)
    assert "Chantiers-écoles" in text and "CFA ; AFPA" in text
    assert "10 apprenti·es <de plus> & 🎉" in text
    assert headings(data)[:2] == ["Plan d'action", "Protocole de test — fiche 2"]


def test_the_page_saves_the_plan_as_pdf_and_csv(page, tmp_path, ctx):
    assert page.save("pdf", tmp_path / "plan.pdf")
    assert (tmp_path / "plan.pdf").read_bytes().startswith(b"%PDF-")
    assert page.save("csv", tmp_path / "plan.csv")
    assert "Chantiers-écoles" in (tmp_path / "plan.csv").read_text(encoding="utf-8-sig")
    assert not page.save("csv", tmp_path / "absent" / "plan.csv")
    assert "n'a pas pu être écrit" in ctx.extras["messages"][-1]


def test_the_log_of_test_results_is_saved_alone_as_csv(
    page, qtbot, tmp_path, ctx, store, monkeypatch
):
    """The results against their criteria, one line each, under their fiche, for a spreadsheet:
    from the protocol tab's button as from « Exporter le plan… »; a formula stays text."""
    import csv

    rows = page.plan.model.rows
    with store.write() as s:
        second = test_protocols.create(s, rows[1].card_id, impact_criteria="15 apprenant·es")
        test_protocols.add_result(
            s,
            second.id,
            criterion="15 apprenant·es",
            observed="14 inscrits",
            verdict="partly",
            day=date(2026, 12, 1),
        )
        first = test_protocols.create(s, rows[0].card_id)
        test_protocols.add_result(s, first.id, criterion="=1+1", observed="Trois <classes> & 🎉")
        test_protocols.create(s, rows[2].card_id)  # a protocol without results: no line
    page.tabs.setCurrentWidget(page.protocol)
    settle(qtbot)
    assert page.protocol.export_button.text() == "Exporter les résultats (CSV)…"
    target = tmp_path / "résultats.csv"
    assert page.save("results", target)
    assert ctx.extras["messages"][-1] == "Résultats des tests enregistrés dans résultats.csv."
    raw = target.read_bytes()
    assert raw.startswith("\ufeff".encode())
    lines = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert lines == [
        ["N°", "Fiche action", "Atelier", "Date", "Critère", "Constat", "Résultat"],
        ["1", "Attirer des jeunes", "Diagnostic", "", "'=1+1", "Trois <classes> & 🎉", "À évaluer"],
        [
            "2",
            "Chantiers-écoles",
            "Atelier solutions",
            "01/12/2026",
            "15 apprenant·es",
            "14 inscrits",
            "Partiellement",
        ],
    ]
    # The protocol tab's button asks where, then writes the same file.
    chosen = tmp_path / "depuis le bouton.csv"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(chosen), "CSV (*.csv)")
    )
    page.protocol.export_button.click()
    assert chosen.read_bytes() == raw
    before = target.read_bytes()
    assert not page.save("results", tmp_path / "absent" / "résultats.csv")
    assert "Rien n'a été modifié" in ctx.extras["messages"][-1]
    assert target.read_bytes() == before
