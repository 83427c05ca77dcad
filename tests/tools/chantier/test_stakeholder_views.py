"""The chantier's état des lieux on screen (#17): the cartographie des acteurs (a drag is one
undo step; keys add, edit, move and delete), the gouvernance (R/A/C/I keys, the one-« A »
warning) and the initiatives (a spreadsheet's paste is one undo step, the columns sort)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from kitcop_desktop.domain.stakeholder_map import ZONES
from kitcop_desktop.storage import governance, participants, stakeholder_map
from tests.tools.chantier.page_support import new_chantier, open_page, settle


@pytest.fixture
def page(qtbot, ctx, store):
    with store.write() as s:
        cid, [wid] = new_chantier(s, "Diagnostic")
        participants.paste(s, wid, "Julien Roche\tCAPEB Rhône\tpara-public")
        stakeholder_map.add(s, cid, "CAPEB Rhône", category="para_public", place=(0.1, 0.1))
        stakeholder_map.add(s, cid, "Préfecture", influential=True, place=(-0.5, -0.5))
    widget = open_page(qtbot, ctx, cid)
    return widget


def rows(store, page):
    with store.read() as s:
        return {r.name: r for r in stakeholder_map.rows(s, page.chantier_id)}


def test_the_map_shows_each_actor_and_who_is_missing_from_the_workshops(page):
    page.show_tab("map")
    tab = page.stakeholder_map
    assert {i.row.name for i in tab.scene.items_by_id.values()} == {"CAPEB Rhône", "Préfecture"}
    came = {i.row.name: i.met for i in tab.scene.items_by_id.values()}
    assert came == {"CAPEB Rhône": True, "Préfecture": False}
    assert [tab.missing.row_text(i) for i in range(tab.missing.count())] == ["Préfecture"]
    assert "1 venu aux ateliers" in tab.summary.text()


def test_dragging_an_actor_into_another_ring_is_one_undo_step(page, qtbot, ctx, store):
    page.show_tab("map")
    tab = page.stakeholder_map
    settle(qtbot)
    item = next(i for i in tab.scene.items_by_id.values() if i.row.name == "Préfecture")
    view = tab.view
    start = view.mapFromScene(item.pos())
    end = view.mapFromScene(0, 0)
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 6):
        point = start + (end - start) * step / 5
        qtbot.mouseMove(view.viewport(), QPoint(int(point.x()), int(point.y())))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=end)
    settle(qtbot)
    moved = rows(store, page)["Préfecture"]
    assert ZONES[moved.zone] == "Acteurs moteurs"
    assert ctx.undo_stack.count() == 1
    assert ctx.undo_stack.undoText() == "Déplacer «\u00a0Préfecture\u00a0»"
    ctx.undo_stack.undo()
    settle(qtbot)
    back = rows(store, page)["Préfecture"]
    assert (back.x, back.y) == (-0.5, -0.5)
    assert item.pos() == tab.scene.items_by_id[back.id].pos()


def test_keys_move_rename_and_delete_the_chosen_actor(page, qtbot, ctx, store):
    page.show_tab("map")
    tab = page.stakeholder_map
    view = tab.view
    view.setFocus()
    before = rows(store, page)["CAPEB Rhône"]
    tab.scene.select_only(before.id)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    settle(qtbot)
    assert rows(store, page)["CAPEB Rhône"].x == pytest.approx(before.x + 0.08)
    assert ctx.undo_stack.count() == 2  # one step per press
    qtbot.keyClick(view, Qt.Key.Key_I)
    settle(qtbot)
    assert rows(store, page)["CAPEB Rhône"].influential
    assert tab.edit(before.id, name="CAPEB Drôme")
    settle(qtbot)
    assert "CAPEB Drôme" in rows(store, page)
    tab.scene.select_only(before.id)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    settle(qtbot)
    assert set(rows(store, page)) == {"Préfecture"}
    assert before.id not in tab.scene.items_by_id
    ctx.undo_stack.undo()
    settle(qtbot)
    assert set(rows(store, page)) == {"CAPEB Drôme", "Préfecture"}


def test_a_bad_name_is_refused_in_the_status_line_and_changes_nothing(page, ctx, store):
    tab = page.stakeholder_map
    assert (
        tab.add({"name": "  ", "structure": "", "category": "public", "influential": False}) is None
    )
    assert "ne peut pas être vide" in ctx.extras["messages"][-1]
    assert set(rows(store, page)) == {"CAPEB Rhône", "Préfecture"}


def test_a_pasted_list_of_actors_is_one_undo_step(page, qtbot, ctx, store):
    tab = page.stakeholder_map
    assert (
        tab.paste_text(
            "Nom\tStructure\nRégion\t\tpublic\toui\nEnedis\t\tprivé\n<&> 🏗\t\tpara-public\n"
        )
        == 3
    )
    settle(qtbot)
    found = rows(store, page)
    assert found["Région"].influential and found["Enedis"].category == "private"
    assert "<&> 🏗" in found
    assert ctx.extras["messages"][-1] == "3 acteurs ajoutés à la carte."
    assert tab.paste_text("Région\nBanque des territoires\n") == 1
    assert ctx.extras["messages"][-1] == "1 acteur ajouté à la carte (1 déjà présent)."
    ctx.undo_stack.undo()
    ctx.undo_stack.undo()
    settle(qtbot)
    assert set(rows(store, page)) == {"CAPEB Rhône", "Préfecture"}


def test_raci_letters_are_typed_on_the_governance_table_and_warn_without_one_a(
    page, qtbot, ctx, store
):
    page.show_tab("governance")
    view = page.governance
    body_id = view.add_body("Comité de pilotage", "co_construction")
    settle(qtbot)
    view.reload()
    assert view.list.count() == 1
    view.table.setFocus()
    view.table.selectRow(0)
    qtbot.keyClick(view.table, Qt.Key.Key_R)
    settle(qtbot)
    assert view.warning.isVisible() and "Personne n'arbitre" in view.warning.text()
    view.table.selectRow(1)
    qtbot.keyClick(view.table, Qt.Key.Key_A)
    settle(qtbot)
    assert not view.warning.isVisible()
    with store.read() as s:
        [body] = governance.bodies(s, page.chantier_id)
    assert body.id == body_id and sorted(m.raci for m in body.members) == ["A", "R"]
    ctx.undo_stack.undo()
    settle(qtbot)
    assert "Personne n'arbitre" in page.governance.warning.text()


def test_initiatives_pasted_are_one_undo_step_and_the_columns_sort(page, qtbot, ctx, store):
    page.show_tab("initiatives")
    view = page.initiatives
    pasted = "Zéro chômeur\tLocale\tDrôme\nAteliers mobiles\tRégionale\tAURA\n"
    assert view.paste_text(pasted) == 2
    settle(qtbot)
    assert view.proxy.rowCount() == 2
    view.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert [view.proxy.index(r, 0).data() for r in range(2)] == ["Ateliers mobiles", "Zéro chômeur"]
    assert ctx.undo_stack.count() == 1
    ctx.undo_stack.undo()
    settle(qtbot)
    assert view.proxy.rowCount() == 0
    assert view.paste_text("") == 0
    assert "Rien à coller" in ctx.extras["messages"][-1]


def test_the_overview_leads_to_brique_1_and_the_page_saves_the_map_and_the_chantier(
    page, qtbot, ctx, tmp_path
):
    from kitcop_desktop.storage import exchange
    from tests.printing.pdf_support import page_sizes_mm

    box = page.overview.boxes[1]
    assert "2 acteurs sur la carte" in box.facts.text()
    page.overview.show_tab.emit("governance")
    assert page.tabs.currentWidget() is page.governance
    assert page.save("map", tmp_path / "carte.pdf")
    assert page_sizes_mm((tmp_path / "carte.pdf").read_bytes()) == [(420, 297)]
    assert ctx.extras["messages"][-1] == "Cartographie des acteurs enregistrée dans carte.pdf."
    assert page.save("governance", tmp_path / "gouvernance.pdf")
    menu = [a.text() for a in page.pdf_button.menu().actions()]
    assert menu[0] == "Tout le chantier…" and "Cartographie des acteurs…" in menu
    assert page.save("report", tmp_path / "chantier.pdf")
    assert ctx.extras["messages"][-1] == "Tout le chantier enregistré dans chantier.pdf."
    assert page.export_to(tmp_path / "chantier.kitcop")
    assert exchange.read_file(tmp_path / "chantier.kitcop").kind == "chantier"
    assert not page.export_to(tmp_path / "absent" / "chantier.kitcop")
    assert "Rien n'a été modifié" in ctx.extras["messages"][-1]


def test_the_side_lists_are_sound_models_that_keep_the_actor_chosen(
    page, qtbot, ctx, store, qtlog, monkeypatch
):
    """« Absents des ateliers » and « Venus aux ateliers, pas sur la carte » change only the
    rows that changed: the actor chosen in the list stays chosen while another is edited,
    added or taken back; Entrée on it chooses it on the map, on a structure adds it."""
    from kitcop_desktop.storage import chantiers
    from kitcop_desktop.tools.chantier import map_view
    from tests.model_tester import assert_model_sound, model_tester

    page.show_tab("map")
    tab = page.stakeholder_map
    testers = [model_tester(tab.missing.model()), model_tester(tab.off_map.model())]
    prefecture = rows(store, page)["Préfecture"].id
    assert tab.add({"name": "Mairie de Lyon"}) is not None
    settle(qtbot)
    missing = [tab.missing.row_text(i) for i in range(tab.missing.count())]
    assert set(missing) == {"Préfecture", "Mairie de Lyon"}
    tab.missing.select_key(prefecture)
    assert tab.edit(rows(store, page)["Mairie de Lyon"].id, name="Mairie de Lyon 7e")
    settle(qtbot)
    assert tab.missing.current_key() == prefecture  # still chosen after the other's edit
    assert "Mairie de Lyon 7e" in [tab.missing.row_text(i) for i in range(tab.missing.count())]
    ctx.undo_stack.undo()
    ctx.undo_stack.undo()  # the Mairie goes again
    settle(qtbot)
    assert tab.missing.current_key() == prefecture
    assert [tab.missing.row_text(i) for i in range(tab.missing.count())] == ["Préfecture"]
    tab.missing.setFocus()
    qtbot.keyClick(tab.missing, Qt.Key.Key_Return)
    assert tab.scene.selected_ids() == [prefecture] and tab.view.hasFocus()
    # A structure that came and is not on the map: Entrée opens the actor's dialog, named.
    with store.write() as s:
        wid = chantiers.alive_workshops(s, page.chantier_id)[0].id
        participants.paste(s, wid, "Amina Haddad\tAFPA Drôme")
    ctx.hub.notify("stakeholders", ctx.workshop_id)
    tab.reload()
    assert [tab.off_map.row_text(i) for i in range(tab.off_map.count())] == ["AFPA Drôme"]
    asked = []
    monkeypatch.setattr(
        map_view.ActorDialog, "exec", lambda dialog: asked.append(dialog.name.text()) or 0
    )
    tab.off_map.setFocus()
    tab.off_map.setCurrentRow(0)
    qtbot.keyClick(tab.off_map, Qt.Key.Key_Return)
    assert asked == ["AFPA Drôme"]  # the dialog opens named after it (closed here: nothing added)
    assert all(testers)
    assert_model_sound(qtlog)


def test_the_instances_list_keeps_the_one_chosen_and_is_a_sound_model(
    page, qtbot, ctx, store, qtlog, monkeypatch
):
    from PySide6.QtWidgets import QMessageBox

    from tests.model_tester import assert_model_sound, model_tester

    page.show_tab("governance")
    view = page.governance
    tester = model_tester(view.list.model())
    copil = view.add_body("Comité de pilotage", "co_construction")
    settle(qtbot)
    assert view.list.current_key() == copil  # the first one, chosen
    cotech = view.add_body("Comité technique")
    settle(qtbot)
    assert view.list.count() == 2 and view.list.current_key() == copil
    view.list.select_key(cotech)
    assert view.body_title.text() == "Comité technique"
    view.table.setFocus()
    view.table.selectRow(0)
    qtbot.keyClick(view.table, Qt.Key.Key_R)  # an R without an A: the instance warns
    settle(qtbot)
    assert view.list.current_key() == cotech and view.body_title.text() == "Comité technique"
    row = view.list.rows_model.row_of(cotech)
    assert "Personne n'arbitre" in (
        view.list.model().index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    )
    assert view.list.model().index(row, 0).data(Qt.ItemDataRole.DecorationRole) is not None
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    view.delete_current()  # it goes: the first one is chosen, never none
    settle(qtbot)
    assert view.list.count() == 1 and view.list.current_key() == copil
    assert view.body_title.text() == "Comité de pilotage"
    ctx.undo_stack.undo()
    settle(qtbot)
    assert view.list.count() == 2 and view.list.current_key() == copil
    assert tester is not None
    assert_model_sound(qtlog)


def test_the_raci_table_is_a_sound_model_that_follows_the_actor_typed_on(
    page, qtbot, ctx, store, qtlog
):
    """A letter typed moves its actor among the instance's own (R, A, C, I first): the row
    chosen follows that actor, so the next letter lands on it; out of the instance it goes
    back among the greyed rest of the map. Qt's checker watches every change."""
    from tests.model_tester import assert_model_sound, model_tester

    page.show_tab("governance")
    view = page.governance
    tester = model_tester(view.table.model())
    view.add_body("Comité de pilotage")
    settle(qtbot)
    model = view.table.model()
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["—", "—"]
    prefecture = rows(store, page)["Préfecture"].id
    last = model.rowCount() - 1
    view.table.setFocus()
    view.table.selectRow(last)
    chosen = view.selected_actor_id()
    qtbot.keyClick(view.table, Qt.Key.Key_A)
    settle(qtbot)
    assert view.selected_actor_id() == chosen  # followed to the top
    assert model.index(0, 0).data() == "A" and view.table.currentIndex().row() == 0
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == "arbitre"
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(1, 0).data(Qt.ItemDataRole.ForegroundRole) is not None  # greyed: out
    qtbot.keyClick(view.table, Qt.Key.Key_R)  # the same actor: in place, still chosen
    settle(qtbot)
    assert model.index(0, 0).data() == "R" and view.selected_actor_id() == chosen
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)  # out of the instance
    settle(qtbot)
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["—", "—"]
    assert view.selected_actor_id() == chosen
    ids = [model.index(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(2)]
    assert model.index(ids.index(prefecture), 1).data().startswith("★")  # influential: marked
    assert tester is not None
    assert_model_sound(qtlog)
