"""Undo stays where you are (issue #21): one history per tool, plus the workshop page's own.
Ctrl+Z in one tool never undoes what was done in another, and the toolbar says what it undoes."""

from __future__ import annotations

import pytest

from kitcop_desktop.app import load_tool_specs
from kitcop_desktop.storage import fishbowl, participants
from kitcop_desktop.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, store, workshop_id):
    with store.write() as s:
        participants.paste(s, workshop_id, "Claire Dubois\nThomas Girard\n")
    w = MainWindow(store, specs=load_tool_specs())
    qtbot.addWidget(w)
    w.resize(1024, 740)
    w.show()
    qtbot.waitExposed(w)
    assert w.open_workshop(workshop_id)
    yield w
    w.room.close()


def bowl_state(store, workshop_id) -> str:
    with store.read() as s:
        return fishbowl.list_fishbowls(s, workshop_id)[0].state


def test_ctrl_z_on_the_impression_page_never_reopens_a_fishbowl(window, store, workshop_id):
    window.activate_tool("fishbowl")
    bowl = window.current_editor().bowl
    bowl.new_item()
    bowl.commands.finish()
    assert bowl_state(store, workshop_id) == "finished"
    assert window.undo_action.text() == "Annuler Terminer le bocal"
    window.activate_tool("printing")
    assert not window.undo_action.isEnabled()
    window.undo_action.trigger()
    assert bowl_state(store, workshop_id) == "finished"
    window.activate_tool("fishbowl")  # back in the bowl, Ctrl+Z is the bowl's again
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()
    assert bowl_state(store, workshop_id) == "setup"


def test_the_bocal_page_never_offers_a_votes_action(window, store, workshop_id):
    window.activate_tool("voting")
    voting = window.current_editor()
    voting.create_vote()
    voting.setup.new_item.insert("Un guichet unique")
    voting.setup.add_item()
    voting.set_mode("ballots")
    assert window.undo_action.text() == "Annuler Saisie par bulletins"
    window.activate_tool("fishbowl")
    assert "bulletins" not in window.undo_action.text()
    assert not window.undo_action.isEnabled()
    window.activate_tool("voting")
    assert window.undo_action.text() == "Annuler Saisie par bulletins"


def test_the_workshop_page_has_its_own_history(window, store, workshop_id):
    window.activate_tool("workshop")
    page = window.workshop_view.editor("workshop")
    page.participants.paste_text("Nadia Haddad\n")
    window.activate_tool("fishbowl")
    window.current_editor().bowl.new_item()
    window.activate_tool("workshop")
    window.undo_action.trigger()
    with store.read() as s:
        assert [p.name for p in participants.list_for(s, workshop_id)] == [
            "Claire Dubois",
            "Thomas Girard",
        ]
        assert len(fishbowl.list_fishbowls(s, workshop_id)) == 1
