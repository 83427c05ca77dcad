"""Pages built when first needed (issue 15: start-up and memory), with nothing a facilitator
sees changed: the list of workshops after starting straight on the last workshop."""

from __future__ import annotations

from kitcop_desktop.app import load_tool_specs
from kitcop_desktop.storage import workshops
from kitcop_desktop.ui.main_window import MainWindow


def test_starting_on_the_last_workshop_builds_the_list_only_when_asked(qtbot, store):
    with store.write() as s:
        first = workshops.create(s, "Atelier de mars").id
        workshops.create(s, "Atelier d'avril")
    window = MainWindow(store, specs=load_tool_specs())
    qtbot.addWidget(window)
    window.resize(1024, 740)
    window.show()
    assert window.open_workshop(first)
    assert window._welcome is None  # nothing read nor laid out for a page not shown
    window.home_action.trigger()  # « Tous les ateliers »
    assert window.pages.currentWidget() is window.welcome
    shown = [window.welcome.model.item(r, 1).text() for r in range(window.welcome.model.rowCount())]
    assert sorted(shown) == ["Atelier d'avril", "Atelier de mars"]
    window.welcome.open_requested.emit(first)
    assert window.pages.currentWidget() is window.workshop_view
    assert window.windowTitle().startswith("Atelier de mars")
    window.room.close()
