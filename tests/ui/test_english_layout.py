"""#18 « English, properly »: the whole app in English at 1024×768 — every tool of the demo
workshop visited, no button, label or list cut (English words are longer than French ones in
places: « Fishbowl & rounds » is wider than « Bocal & tours »), the toolbar's « Annuler » an
« Undo » and a dialog's a « Cancel »."""

from __future__ import annotations

import pytest
from pytestqt.exceptions import TimeoutError as WaitTimedOut

from kitcop_desktop.app import build_main_window
from kitcop_desktop.i18n import set_language, tr, tr_in
from kitcop_desktop.storage.demo import create_demo
from kitcop_desktop.ui.workshop_view import WorkshopView
from tests.layout_checks import cut_widgets


def _settled_cuts(qtbot, window) -> list[str]:
    """What is still cut once the page has settled (its scroll areas show their bars a turn of
    the event loop after it is shown); nothing cut is awaited up to three seconds."""
    try:
        qtbot.waitUntil(lambda: not cut_widgets(window), timeout=10_000)  # a busy machine
    except (AssertionError, WaitTimedOut):
        return cut_widgets(window)  # still cut after three seconds: the test's answer
    return []


@pytest.fixture
def english():
    set_language("en")
    yield
    set_language("fr")


def test_every_tool_in_english_fits_a_1024_screen(qtbot, store, english):
    workshop_id = create_demo(store)
    window = build_main_window(store)
    qtbot.addWidget(window)
    window.resize(1024, 740)
    window.show()
    qtbot.waitExposed(window)
    assert window.open_workshop(workshop_id)
    seen = {}
    for key in ["workshop"] + [spec.key for spec in window.specs]:
        window.activate_tool(key)
        seen[key] = _settled_cuts(qtbot, window)
    window.room.close()
    assert seen == {key: [] for key in seen}
    view = window.findChild(WorkshopView)
    sidebar = [b.text().strip() for b in view.buttons.values()]
    assert "Fishbowl && rounds" in sidebar
    assert window.undo_action.text().startswith("Undo")


def test_the_same_french_word_can_need_two_english_ones(english):
    assert tr("Annuler") == "Cancel"  # a dialog's button
    assert tr_in("undo", "Annuler") == "Undo"  # the toolbar's action
    set_language("fr")
    assert tr_in("undo", "Annuler") == "Annuler"
