"""The welcome list shows chantiers with their workshops; a chantier is created, renamed,
deleted (confirmed, then undone) and opened from it, with keys (#17)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from kitcop_desktop.storage import actions, chantiers, workshops
from kitcop_desktop.tools.chantier.page import ChantierPage, make_page
from kitcop_desktop.ui.main_window import MainWindow
from kitcop_desktop.ui.welcome_chantiers import ChantierRole, IdRole
from tests.tools.chantier.page_support import settle


@pytest.fixture
def window(qtbot, store):
    with store.write() as s:
        a = workshops.create(s, "Atelier freins et leviers", date=date(2026, 3, 3)).id
        b = workshops.create(s, "Atelier KISS", date=date(2026, 6, 2)).id
        workshops.create(s, "Atelier seul", date=date(2026, 1, 10))
        actions.create(s, a, action="Chantiers-écoles partagés")
        actions.create(s, b, action="Formateurs à jour")
    w = MainWindow(store, specs=[], chantier_page=make_page)
    qtbot.addWidget(w)
    w.resize(1024, 768)
    w.show_welcome()
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    w.ids = (a, b)
    return w


def rows(welcome):
    """The list as the facilitator reads it: (title, [workshops under it]) per top row."""
    model = welcome.model
    out = []
    for r in range(model.rowCount()):
        item = model.item(r, 0)
        children = [item.child(c, 1).text() for c in range(item.rowCount())]
        out.append((model.item(r, 1).text(), children))
    return out


def select_chantier(welcome, chantier_id):
    [index] = welcome.model.match(
        welcome.model.index(0, 0), ChantierRole, chantier_id, 1, Qt.MatchFlag.MatchExactly
    )
    welcome.table.setCurrentIndex(index)


def test_chantiers_show_their_workshops_and_a_workshop_alone_stays_listed(window, qtbot):
    welcome = window.welcome
    cid = welcome.chantiers.create("Rénovation énergétique — Drôme")
    a, b = window.ids
    assert welcome.chantiers.move(a, cid) and welcome.chantiers.move(b, cid)
    assert rows(welcome) == [
        ("Rénovation énergétique — Drôme", ["Atelier KISS", "Atelier freins et leviers"]),
        ("Atelier seul", []),
    ]
    assert welcome.model.item(0, 2).text() == "2 ateliers"
    window.undo_group.undo()  # the last move, undone: b stands alone again
    assert rows(welcome)[0] == ("Rénovation énergétique — Drôme", ["Atelier freins et leviers"])
    assert "Atelier KISS" in [title for title, _ in rows(welcome)]


@pytest.mark.parametrize(
    "bad, said",
    [("", "ne peut pas être vide"), ("x" * 300, "trop long"), ("Mobilité", "déjà")],
)
def test_a_bad_name_is_refused_in_french(window, bad, said):
    welcome = window.welcome
    welcome.chantiers.create("Mobilité")
    before = rows(welcome)
    assert welcome.chantiers.create(bad) is None
    assert said in window.statusBar().currentMessage()
    assert "Rien n'a été modifié" in window.statusBar().currentMessage()
    assert rows(welcome) == before


def test_delete_asks_once_keeps_the_workshops_and_ctrl_z_brings_it_back(window, qtbot, monkeypatch):
    welcome = window.welcome
    cid = welcome.chantiers.create("Rénovation énergétique — Drôme")
    a, _b = window.ids
    welcome.chantiers.move(a, cid)
    asked = []

    def answer(reply):
        def question(_parent, _title, text, *args, **kwargs):
            asked.append(text)
            return reply

        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    select_chantier(welcome, cid)
    welcome.table.setFocus()
    qtbot.keyClick(welcome.table, Qt.Key.Key_Delete)
    assert asked == [
        "Supprimer le chantier «\u00a0Rénovation énergétique — Drôme\u00a0»\u00a0? Son atelier "
        "reste dans la liste, sans chantier. (Ctrl+Z pour annuler)"
    ]
    assert rows(welcome)[0][0] == "Rénovation énergétique — Drôme"  # « Non »: nothing gone

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    select_chantier(welcome, cid)
    qtbot.keyClick(welcome.table, Qt.Key.Key_Delete)
    titles = [title for title, _ in rows(welcome)]
    assert "Rénovation énergétique — Drôme" not in titles
    assert "Atelier freins et leviers" in titles  # the workshop stays, alone
    assert "Ctrl+Z" in window.statusBar().currentMessage()
    qtbot.keyClick(welcome.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert rows(welcome)[0] == ("Rénovation énergétique — Drôme", ["Atelier freins et leviers"])


def test_enter_on_a_chantier_opens_its_page_which_says_where_it_stands(window, qtbot):
    welcome = window.welcome
    cid = welcome.chantiers.create("Rénovation énergétique — Drôme")
    a, b = window.ids
    welcome.chantiers.move(a, cid)
    welcome.chantiers.move(b, cid)
    select_chantier(welcome, cid)
    welcome.table.setFocus()
    qtbot.keyClick(welcome.table, Qt.Key.Key_Return)
    page = window.pages.currentWidget()
    assert isinstance(page, ChantierPage)
    assert page.title() == "Rénovation énergétique — Drôme"
    facts = page.overview.boxes[3].facts.text()
    assert "2 ateliers" in facts and "2 fiches actions" in facts
    assert [b.text().split(" — ")[0] for b in page.overview.workshop_buttons] == [
        "Atelier freins et leviers",
        "Atelier KISS",
    ]
    # Renamed on its page, undone with Ctrl+Z there, refused in French when empty.
    assert page.rename("Rénovation — Drôme et Ardèche")
    settle(qtbot)
    assert page.title() == "Rénovation — Drôme et Ardèche"
    assert not page.rename("   ")
    assert "ne peut pas être vide" in window.statusBar().currentMessage()
    window.undo_group.undo()
    settle(qtbot)
    assert page.title() == "Rénovation énergétique — Drôme"
    # A workshop opens from it; « Tous les ateliers » comes back to the list.
    page.overview.workshop_buttons[1].click()
    assert window.workshop_view is not None and window.workshop_view.ctx.workshop_id == b
    window.show_welcome()
    assert window.pages.currentWidget() is welcome


def test_a_workshop_row_still_opens_the_workshop(window, qtbot):
    welcome = window.welcome
    cid = welcome.chantiers.create("Mobilité")
    a, _b = window.ids
    welcome.chantiers.move(a, cid)
    [index] = welcome.model.match(
        welcome.model.index(0, 0), IdRole, a, 1, Qt.MatchFlag.MatchRecursive
    )
    welcome.table.setCurrentIndex(index)
    assert welcome.selected_id() == a and welcome.selected_chantier() is None
    welcome.open_selected()
    assert window.workshop_view is not None and window.workshop_view.ctx.workshop_id == a


def test_moving_into_a_chantier_that_was_deleted_meanwhile_says_so(window, store):
    welcome = window.welcome
    cid = welcome.chantiers.create("Mobilité")
    with store.write() as s:
        chantiers.delete(s, cid)
    a, _b = window.ids
    assert not welcome.chantiers.move(a, cid)
    assert "n'existe plus" in window.statusBar().currentMessage()
