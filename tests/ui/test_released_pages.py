"""Tool pages let go while another tool is on screen (#15, memory), built again when shown: the
facilitator finds them as left (the same interview, page and question; the same round; the
parts ticked), and nothing typed or entered is lost; a page holding unsaved input is kept."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from kitcop_desktop.app import load_tool_specs
from kitcop_desktop.ui import memory
from kitcop_desktop.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, store, demo):
    workshop_id = demo
    window = MainWindow(store, specs=load_tool_specs())
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    assert window.open_workshop(workshop_id)
    yield window
    window.workshop_view.close_tools()
    window.room.close()


def deleted_later() -> None:
    """What the app's event loop does between two clicks: the pages let go are deleted."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def leave(window, *keys: str) -> None:
    """Show these tools in turn: the page left last stays built, the others are let go."""
    for key in keys:
        window.activate_tool(key)
    deleted_later()


def test_a_page_left_is_let_go_and_comes_back_on_the_same_interview_page_and_question(window):
    window.activate_tool("interviews")
    editor = window.current_editor()
    rows = editor.interview_list.count()
    assert rows >= 2
    editor.interview_list.setCurrentRow(rows - 1)
    second = editor.interview_id
    editor.pages.setCurrentWidget(editor.notes)
    editor.notes.go_to(1)
    asked = window.workshop_view.context("interviews").extras["interviews.room_focus"].state
    leave(window, "agenda", "boards")
    assert window.workshop_view.open_editor("interviews") is None  # its memory can go
    window.activate_tool("interviews")
    again = window.current_editor()
    assert again is not editor
    assert again.interview_id == second
    assert again.pages.currentWidget() is again.notes
    assert again.notes.current_index == 1
    # The room shows the same question as before, not the guide's first.
    assert window.workshop_view.context("interviews").extras["interviews.room_focus"].state == asked


def test_the_fishbowl_comes_back_on_the_round_the_room_follows(window):
    window.activate_tool("fishbowl")
    editor = window.current_editor()
    editor.tabs.setCurrentWidget(editor.rounds)
    picker = editor.rounds.picker
    assert picker.count() >= 2
    picker.setCurrentIndex(0)
    chosen = editor.rounds.round_id
    leave(window, "workshop", "agenda")
    assert window.workshop_view.open_editor("fishbowl") is None
    window.activate_tool("fishbowl")
    again = window.current_editor()
    assert again.tabs.currentWidget() is again.rounds
    assert again.rounds.round_id == chosen
    assert window.workshop_view.context("fishbowl").extras["fishbowl.room_focus"].round_id == chosen


def test_the_parts_ticked_for_printing_stay_ticked(window, qtbot):
    window.activate_tool("printing")
    editor = window.current_editor()
    editor.checks["all"].setChecked(False)
    editor.checks["agenda"].setChecked(True)
    leave(window, "agenda", "boards")
    assert window.workshop_view.open_editor("printing") is None
    window.activate_tool("printing")
    again = window.current_editor()
    assert again.selected_parts() == ["agenda"]


def test_typing_stored_as_typed_is_there_when_the_page_comes_back(window, qtbot):
    window.activate_tool("workshop")
    page = window.current_editor()
    page.place_edit.setFocus()
    qtbot.keyClicks(page.place_edit, ", salle B")
    typed = page.place_edit.text()
    leave(window, "agenda", "boards")  # hidden at once: the autosave stores it there
    assert window.workshop_view.open_editor("workshop") is None
    window.activate_tool("workshop")
    assert window.current_editor().place_edit.text() == typed


def test_a_page_with_typing_nothing_stores_yet_is_kept(window, qtbot):
    window.activate_tool("actions")
    editor = window.current_editor()
    qtbot.keyClicks(editor.filter_edit, "mobilite")
    leave(window, "agenda", "boards")
    assert window.workshop_view.open_editor("actions") is editor
    window.activate_tool("actions")
    assert editor.filter_edit.text() == "mobilite"


def test_a_ballot_being_filled_in_keeps_the_voting_page(window):
    window.activate_tool("voting")
    editor = window.current_editor()
    editor.ballots.voter = (1, "Camille")  # « Commencer mon vote » pressed, not validated
    leave(window, "agenda", "boards")
    assert window.workshop_view.open_editor("voting") is editor
    editor.ballots.voter = None
    leave(window, "voting", "agenda", "boards")
    assert window.workshop_view.open_editor("voting") is None


def test_the_boards_are_kept_and_the_page_left_last_too(window):
    window.activate_tool("boards")
    boards = window.current_editor()
    leave(window, "agenda", "workshop")
    assert window.workshop_view.open_editor("boards") is boards  # not released by its tool
    window.activate_tool("voting")
    vote = window.current_editor()
    leave(window, "agenda")
    # The déroulé and one tool in turn, as a workshop goes: that tool's page is still there.
    assert window.workshop_view.open_editor("voting") is vote
    window.activate_tool("voting")
    assert window.current_editor() is vote


def test_giving_memory_back_never_fails_where_there_is_no_malloc_trim(monkeypatch):
    monkeypatch.setattr(sys, "platform", "win32")
    memory._trim.cache_clear()
    try:
        assert memory.give_back() is False  # the pictures' cache emptied, nothing else asked
    finally:
        monkeypatch.undo()
        memory._trim.cache_clear()
    assert memory.give_back() is sys.platform.startswith("linux")
