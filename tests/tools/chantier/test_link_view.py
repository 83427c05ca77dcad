"""Linking an actor by hand on screen (#17): the dialog ticks who the map already recognises
(and will not untick them), keeps a link to someone gone, filters its list; « Lier » is one
undo step and the actor leaves « Absents des ateliers »."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kitcop_desktop.storage import chantiers, participants, stakeholder_map
from kitcop_desktop.tools.chantier.link_dialog import BY_NAME, LinkDialog
from tests.tools.chantier.page_support import new_chantier, open_page, settle


@pytest.fixture
def page(qtbot, ctx, store):
    with store.write() as s:
        cid, [wid] = new_chantier(s, "Diagnostic")
        participants.paste(s, wid, "Julien Roche\tBâtisseurs 26\nAmina Haddad\tCAPEB Drôme")
        stakeholder_map.add(s, cid, "Fédération du BTP Drôme", place=(0.1, 0.1))
        stakeholder_map.add(s, cid, "CAPEB Drôme", place=(-0.4, 0.3))
    widget = open_page(qtbot, ctx, cid)
    widget.show_tab("map")
    settle(qtbot)
    return widget


def actor(tab, name):
    return next(r for r in tab.rows if r.name == name)


def test_the_dialog_ticks_who_is_recognised_and_keeps_a_link_to_someone_gone(page, qtbot, store):
    tab = page.stakeholder_map
    with store.read() as s:
        found = stakeholder_map.candidates(s, page.chantier_id)
    capeb = actor(tab, "CAPEB Drôme")
    dialog = LinkDialog(tab, capeb, found)
    qtbot.addWidget(dialog)
    by_label = {item.text(): item for item in dialog.items()}
    amina = next(item for label, item in by_label.items() if "Amina" in label)
    assert BY_NAME in amina.text() and amina.checkState() == Qt.CheckState.Checked
    assert not amina.flags() & Qt.ItemFlag.ItemIsUserCheckable
    assert dialog.names() == []
    federation = actor(tab, "Fédération du BTP Drôme")
    gone = federation.__class__(**{**federation.__dict__, "aliases": ("Marc Petit",)})
    dialog = LinkDialog(tab, gone, found)
    qtbot.addWidget(dialog)
    julien = next(item for item in dialog.items() if "Julien" in item.text())
    julien.setCheckState(Qt.CheckState.Checked)
    assert dialog.names() == ["Julien Roche", "Marc Petit"]
    dialog.filter.setText("julien")
    assert [item.text() for item in dialog.items() if not item.isHidden()] == [julien.text()]


def test_linking_is_one_undo_step_and_the_actor_is_no_longer_missing(page, qtbot, ctx):
    tab = page.stakeholder_map
    missing = [tab.missing.row_text(i) for i in range(tab.missing.count())]
    assert missing == ["Fédération du BTP Drôme"]
    assert [tab.off_map.row_text(i) for i in range(tab.off_map.count())] == ["Bâtisseurs 26"]
    federation = actor(tab, "Fédération du BTP Drôme")
    assert tab.link(federation.id, ["Julien Roche"])
    settle(qtbot)
    assert tab.missing.count() == 0 and tab.off_map.count() == 0
    tab.scene.select_only(federation.id)
    settle(qtbot)
    assert "Lié à\u00a0: Julien Roche" in tab.detail.text()
    assert "atelier\u00a0: Diagnostic" in tab.detail.text()
    assert ctx.undo_stack.undoText() == "Lier «\u00a0Fédération du BTP Drôme\u00a0»"
    ctx.undo_stack.undo()
    settle(qtbot)
    assert tab.missing.count() == 1


def test_an_initiative_linked_to_an_interview_shows_it_in_its_last_column(page, qtbot, ctx, store):
    from kitcop_desktop.storage import initiatives, interviews

    with store.write() as s:
        wid = chantiers.alive_workshops(s, page.chantier_id)[0].id
        met = interviews.create_interview(s, wid, structure="Mairie de Die").id
        interviews.create_interview(s, wid, structure="AFPA Drôme")
        initiatives.add(s, page.chantier_id, "Zéro chômeur", contact="AFPA Drôme")
    page.show_tab("initiatives")
    view = page.initiatives
    settle(qtbot)
    column = view.model.columnCount() - 1
    assert view.proxy.headerData(column, Qt.Orientation.Horizontal) == "Rencontrée en entretien"
    assert view.proxy.index(0, column).data() == "Enquêté·e 2 — AFPA Drôme (Diagnostic)"
    initiative = view.model.rows[0].id
    dialog = view.link_dialog(initiative)
    qtbot.addWidget(dialog)
    labels = [item.text() for item in dialog.items()]
    assert labels[1].endswith("reconnu par sa structure")
    dialog.items()[0].setCheckState(Qt.CheckState.Checked)
    assert dialog.values() == [met]
    assert view.link(initiative, dialog.values())
    settle(qtbot)
    assert view.proxy.index(0, column).data() == (
        "Enquêté·e 1 — Mairie de Die (Diagnostic) ; Enquêté·e 2 — AFPA Drôme (Diagnostic)"
    )
    assert ctx.undo_stack.undoText() == "Lier «\u00a0Zéro chômeur\u00a0» aux entretiens"
    ctx.undo_stack.undo()
    settle(qtbot)
    assert view.proxy.index(0, column).data() == "Enquêté·e 2 — AFPA Drôme (Diagnostic)"
