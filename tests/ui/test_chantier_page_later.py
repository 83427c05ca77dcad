"""The chantier's page is loaded when a chantier is first opened, not at every start (#15):
opening one from the welcome list shows it; a chantier page that cannot load says so in
French and leaves the facilitator on the welcome list, nothing changed."""

from __future__ import annotations

import importlib

import pytest
from PySide6.QtWidgets import QLabel

from kitcop_desktop import app
from kitcop_desktop.storage import chantiers, workshops
from kitcop_desktop.ui.main_window import MainWindow


@pytest.fixture
def chantier_id(store):
    with store.write() as s:
        chantier = chantiers.create(s, "Rénovation & apprentissage")
        workshop_id = workshops.create(s, "Atelier du chantier").id
        chantiers.move_workshop(s, workshop_id, chantier.id)
        return chantier.id


def _window(qtbot, store):
    window = MainWindow(store, specs=[], chantier_page=app.load_chantier_page())
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show_welcome()
    window.show()
    return window


def test_a_chantier_opens_with_its_page_loaded_then(qtbot, store, chantier_id):
    from kitcop_desktop.tools.chantier.page import ChantierPage

    window = _window(qtbot, store)
    assert window.open_chantier(chantier_id)
    page = window.chantier_view
    assert isinstance(page, ChantierPage) and window.pages.currentWidget() is page
    texts = [label.text() for label in page.findChildren(QLabel)]
    assert any(
        "Rénovation &amp; apprentissage" in t or "Rénovation & apprentissage" in t for t in texts
    )


def test_a_chantier_page_that_cannot_load_says_so(qtbot, store, chantier_id, monkeypatch):
    real = importlib.import_module

    def broken(name, *args):
        if name == "kitcop_desktop.tools.chantier.page":
            raise ImportError("a broken install")
        return real(name, *args)

    monkeypatch.setattr(app.importlib, "import_module", broken)
    window = _window(qtbot, store)
    assert not window.open_chantier(chantier_id)
    assert window.pages.currentWidget() is window.welcome
    assert "La page du chantier n'a pas pu s'ouvrir" in window.statusBar().currentMessage()
    with store.read() as s:  # nothing changed
        assert [c.title for c in chantiers.list_summaries(s)] == ["Rénovation & apprentissage"]
