"""#13: a facilitator who restarts the app after a crash mid-run presses the clicker at once,
while « Ouverture de votre bibliothèque… » is still on screen. That PageDown moves the run to the
next séquence once the run and the room screen are back: never lost, never applied twice."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest

from kitcop_desktop.app import load_tool_specs, open_main_window
from kitcop_desktop.storage import agenda
from kitcop_desktop.ui.main_window import MainWindow
from kitcop_desktop.ui.startup_window import StartupWindow


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def crashed_mid_run(qtbot, store, workshop_id, settings) -> QSettings:
    """Modèle 1 running on « Diagnostic », the room screen up, then a kill -9: only what was on
    disk stays. Returns the settings as the next start reads them."""
    with store.write() as s:
        agenda.apply_template(s, workshop_id, "modele_1")
    first = MainWindow(store, specs=load_tool_specs(), settings=settings)
    qtbot.addWidget(first)
    first.resize(1024, 740)
    first.show()
    assert first.open_workshop(workshop_id)
    first.activate_tool("agenda")
    first.toggle_room()  # F5
    live = first.current_editor().live
    live.start()  # Space
    live.go_to(next(s.id for s in live.runner.sequences if s.title == "Diagnostic"))
    first.live.closing = True  # the kill: no closeEvent, no goodbye
    first.live.uninstall()
    first.room.hide()
    first.hide()
    settings.sync()
    return QSettings(settings.fileName(), QSettings.Format.IniFormat)


def restart(qtbot, store, settings, press_early: bool) -> MainWindow:
    """app.run_gui's start: the start-up window has the keyboard while the library opens."""
    startup = StartupWindow()
    qtbot.addWidget(startup)
    startup.show()
    if press_early:
        QTest.keyClick(startup, Qt.Key.Key_PageDown)  # the clicker, before any main window
    window = open_main_window(store, settings, startup)
    qtbot.addWidget(window)
    return window


def run_of(window: MainWindow):
    return window.workshop_view.open_editor("agenda").live


def assert_on_pause(qtbot, window: MainWindow) -> None:
    """The run is on « Pause », the séquence after « Diagnostic », and the room shows it."""
    live = run_of(window)
    qtbot.waitUntil(lambda: live.runner.current is not None and live.runner.current.title != "")
    assert live.runner.current.title == "Pause"
    assert live.runner.state() == "running"
    assert window.room.isVisible()
    stage = window.workshop_view.room_view("agenda")
    qtbot.waitUntil(lambda: window.room.shown_stage() is stage)
    assert stage.break_title.text().startswith("Pause")


def test_a_pagedown_pressed_while_the_app_comes_back_moves_the_run_once(
    qtbot, store, workshop_id, settings
):
    fresh = crashed_mid_run(qtbot, store, workshop_id, settings)
    window = restart(qtbot, store, fresh, press_early=True)
    assert_on_pause(qtbot, window)
    qtbot.wait(300)  # the restored room's deferred layout, paging and timers: no second move
    assert run_of(window).runner.current.title == "Pause"
    window.room.close()


def test_a_key_that_reaches_the_start_up_window_after_the_restore_acts_once(
    qtbot, store, workshop_id, settings
):
    fresh = crashed_mid_run(qtbot, store, workshop_id, settings)
    startup = StartupWindow()
    qtbot.addWidget(startup)
    startup.show()
    window = open_main_window(store, fresh, startup)
    qtbot.addWidget(window)
    assert run_of(window).runner.current.title == "Diagnostic"  # restored, nothing pressed
    # Qt reads a key pressed during the start only once the event loop runs: it still names
    # the start-up window then.
    QTest.keyClick(startup, Qt.Key.Key_PageDown)
    assert_on_pause(qtbot, window)
    qtbot.wait(300)
    assert run_of(window).runner.current.title == "Pause"
    window.room.close()
