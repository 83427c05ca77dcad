"""Reopen where you were (#13 item 3): after a crash or a quit mid-run, the app reopens on the
workshop, the tool that was on screen, the déroulé's « Animer » view and the room screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from kitcop_desktop.app import load_tool_specs
from kitcop_desktop.storage import agenda
from kitcop_desktop.ui import resume
from kitcop_desktop.ui.main_window import MainWindow


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def specs():
    return load_tool_specs()


def make_window(qtbot, store, specs, settings) -> MainWindow:
    window = MainWindow(store, specs=specs, settings=settings)
    qtbot.addWidget(window)
    window.resize(1024, 740)
    window.show()
    return window


def crash(window: MainWindow) -> None:
    """What a kill leaves behind: no closeEvent, no goodbye; only what was already on disk."""
    window.live.closing = True
    window.live.uninstall()
    window.room.hide()
    window.hide()


def restart(qtbot, store, specs, settings) -> MainWindow:
    """What app.run_gui does on start-up."""
    settings.sync()
    fresh = QSettings(settings.fileName(), QSettings.Format.IniFormat)  # read from the disk
    window = make_window(qtbot, store, specs, fresh)
    assert window.open_workshop(fresh.value("last_workshop", type=int))
    window.live.resume_where_you_were()
    return window


def test_resume_saves_and_loads_typed_values(settings):
    resume.save(settings, "workshop", 3)
    resume.save(settings, "agenda.live", True)
    resume.save(settings, "agenda.view", "run")
    settings.sync()
    back = resume.load(QSettings(settings.fileName(), QSettings.Format.IniFormat))
    assert back == {"workshop": 3, "agenda.live": True, "agenda.view": "run"}
    resume.save(settings, "agenda.view", None)
    assert "agenda.view" not in resume.load(settings)
    resume.clear(settings)
    assert resume.load(settings) == {}
    resume.save(None, "tool", "agenda")  # no settings: nothing happens, nothing breaks
    assert resume.load(None) == {}


def test_after_a_crash_mid_run_the_live_view_and_the_room_screen_come_back(
    qtbot, store, workshop_id, specs, settings
):
    with store.write() as s:
        agenda.apply_template(s, workshop_id, "modele_1")
    first = make_window(qtbot, store, specs, settings)
    assert first.open_workshop(workshop_id)
    first.activate_tool("agenda")
    first.toggle_room()  # F5
    first.current_editor().live.start()  # Space: the run starts, « Animer » comes up
    crash(first)

    window = restart(qtbot, store, specs, settings)
    editor = window.current_editor()
    assert window.workshop_view.current_key == "agenda"
    assert editor.tabs.currentWidget() is editor.run_view
    assert editor.live.runner.state() == "running"
    assert window.room.isVisible()
    assert window.room.current_stage() is window.workshop_view.room_view("agenda")
    window.room.close()


def test_a_run_behind_another_tool_comes_back_with_that_tool_and_the_countdown_strip(
    qtbot, store, workshop_id, specs, settings
):
    with store.write() as s:
        agenda.apply_template(s, workshop_id, "modele_1")
    first = make_window(qtbot, store, specs, settings)
    assert first.open_workshop(workshop_id)
    first.activate_tool("agenda")
    first.current_editor().live.start()
    first.toggle_room()
    first.activate_tool("boards")  # the facilitator was on the boards when it crashed
    crash(first)

    window = restart(qtbot, store, specs, settings)
    assert window.workshop_view.current_key == "boards"
    assert window.live.run_owner() is window.workshop_view.open_editor("agenda")
    assert window.room.isVisible()
    assert window.room.footer() is not None  # the déroulé's countdown under the board
    window.room.close()


def test_quitting_mid_run_keeps_the_room_screen_for_the_next_start(
    qtbot, store, workshop_id, specs, settings
):
    with store.write() as s:
        agenda.apply_template(s, workshop_id, "modele_1")
    first = make_window(qtbot, store, specs, settings)
    assert first.open_workshop(workshop_id)
    first.activate_tool("agenda")
    first.current_editor().live.start()
    first.toggle_room()
    first.close()  # Ctrl+Q: the room screen closes with the app, but that was not a choice
    assert resume.load(settings)["room"] == "window"

    window = restart(qtbot, store, specs, settings)
    assert window.room.isVisible()
    window.room.close()


def test_without_a_run_the_tool_comes_back_but_not_the_room_screen(
    qtbot, store, workshop_id, specs, settings
):
    first = make_window(qtbot, store, specs, settings)
    assert first.open_workshop(workshop_id)
    first.activate_tool("voting")
    first.toggle_room()
    crash(first)
    window = restart(qtbot, store, specs, settings)
    assert window.workshop_view.current_key == "voting"
    assert not window.room.isVisible()


def test_the_state_of_another_database_is_not_applied(qtbot, store, workshop_id, specs, settings):
    first = make_window(qtbot, store, specs, settings)
    assert first.open_workshop(workshop_id)
    first.activate_tool("voting")
    crash(first)
    resume.save(settings, "db", "/elsewhere/kitcop.sqlite3")  # a USB key's file, say
    window = restart(qtbot, store, specs, settings)
    assert window.workshop_view.current_key == "workshop"
