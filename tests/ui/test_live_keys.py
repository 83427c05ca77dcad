"""The live-control layer (ui/live_keys.py): during a run, the clicker's keys and Space, B, « . »,
+, −, * act on the run whatever has focus, never press a focused button, never navigate away;
in a text field the character is typed. Issue #13 items 1 and 2, #23 item 3, Échap."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kitcop_desktop.app import load_tool_specs
from kitcop_desktop.storage import agenda, workshops
from kitcop_desktop.ui import live_keys
from kitcop_desktop.ui.main_window import MainWindow

README = Path(__file__).resolve().parents[2] / "README.md"


@pytest.fixture
def window(qtbot, store, workshop_id):
    with store.write() as s:
        agenda.apply_template(s, workshop_id, "modele_1")
    w = MainWindow(store, specs=load_tool_specs())
    qtbot.addWidget(w)
    w.resize(1024, 740)
    w.show()
    w.activateWindow()
    qtbot.waitActive(w)
    yield w
    w.room.close()


def focus_on(qtbot, widget) -> None:
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def press(key, text_widget=None, mods=Qt.KeyboardModifier.NoModifier) -> None:
    """A real key press, delivered where the keyboard is."""
    target = text_widget or QApplication.focusWidget() or QApplication.activeWindow()
    QTest.keyClick(target, key, mods)


def run_title(window) -> str:
    live = window.workshop_view.editor("agenda").live
    current = live.runner.current
    return current.title if current else ""


# --- #13 item 1: Space after opening from the list, after clicking « Démarrer », the countdown --
def test_space_on_the_live_view_starts_the_run_and_never_leaves_the_workshop(
    qtbot, window, store, workshop_id
):
    window.welcome.reload()
    focus_on(qtbot, window.welcome.table)
    window.welcome.table.selectRow(0)
    press(Qt.Key.Key_Return)  # open the workshop from the list, as a facilitator does
    assert window.pages.currentWidget() is window.workshop_view
    press(Qt.Key.Key_1, mods=Qt.KeyboardModifier.ControlModifier)
    editor = window.current_editor()
    assert window.workshop_view.current_key == "agenda"
    bar = editor.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())  # « Animer »
    assert editor.tabs.currentWidget() is editor.run_view
    window.toggle_room()  # F5
    press(Qt.Key.Key_Space)
    assert editor.live.runner.state() == "running"
    assert window.pages.currentWidget() is window.workshop_view  # not « Tous les ateliers »
    qtbot.mouseClick(editor.run_view.toggle_button, Qt.MouseButton.LeftButton)  # « Pause »
    assert editor.live.runner.state() == "paused"
    press(Qt.Key.Key_Space)
    assert editor.live.runner.state() == "running"
    qtbot.mouseClick(editor.run_view.countdown, Qt.MouseButton.LeftButton)
    press(Qt.Key.Key_Space)
    assert editor.live.runner.state() == "paused"
    assert window.pages.currentWidget() is window.workshop_view
    assert window.workshop_view.current_key == "agenda"
    assert window.room.current_stage() is window.workshop_view.room_view("agenda")
    with store.read() as s:
        assert len(workshops.list_summaries(s)) == 1  # no « Nouvel atelier » either


# --- #13 item 2: B, « . », +, −, * from the main window during a run ------------------------
def test_blank_and_minutes_keys_work_from_the_control_window_during_a_run(
    qtbot, window, workshop_id
):
    assert window.open_workshop(workshop_id)
    window.activate_tool("agenda")
    editor = window.current_editor()
    editor.tabs.setCurrentWidget(editor.run_view)
    window.toggle_room()
    editor.live.start()
    focus_on(qtbot, editor.run_view.sequences)  # the only focusable widget of « Animer »
    press(Qt.Key.Key_B)
    assert window.room.blanked
    assert "B pour revenir" in window.statusBar().currentMessage()
    press(Qt.Key.Key_B)  # what the message promises
    assert not window.room.blanked
    press(Qt.Key.Key_Period)
    assert window.room.blanked
    press(Qt.Key.Key_Period)
    assert not window.room.blanked
    total = editor.live.countdown().total_seconds
    press(Qt.Key.Key_Plus)
    assert editor.live.countdown().total_seconds == total + 60
    press(Qt.Key.Key_Minus)
    assert editor.live.countdown().total_seconds == total
    press(Qt.Key.Key_Asterisk)
    assert editor.live.countdown().total_seconds == total + 300
    first = run_title(window)
    for _page in range(editor.live.page_count):  # long consignes turn their pages first
        press(Qt.Key.Key_PageDown)
    assert run_title(window) != first
    assert editor.run_view.sequences.currentRow() in (-1, 0)  # the list did not page down


# --- #23 item 3: Tab from an editor's field never reaches navigation ------------------------------
def test_tab_from_the_materials_field_never_reaches_navigation_and_typed_spaces_stay_text(
    qtbot, window, store, workshop_id
):
    assert window.open_workshop(workshop_id)
    window.activate_tool("agenda")
    editor = window.current_editor()
    with store.write() as s:
        first = agenda.list_sequences(s, workshop_id)[0]
        agenda.update_sequence(s, first.id, materials="")  # « Préparation » empty, as reported
    editor.select(first.id)
    focus_on(qtbot, editor.detail.materials)
    sidebar = window.workshop_view.sidebar
    for _ in range(60):  # the whole Tab chain, round and round
        press(Qt.Key.Key_Tab)
        focus = QApplication.focusWidget()
        assert focus is not None and not sidebar.isAncestorOf(focus), focus
    focus_on(qtbot, editor.detail.materials)
    press(Qt.Key.Key_Tab)
    for char in " dges, cafe ":  # the rest of « Post-it, badges, café » lands where Tab went
        QTest.keyClicks(QApplication.focusWidget() or window, char)
    assert window.pages.currentWidget() is window.workshop_view
    assert window.workshop_view.current_key == "agenda"
    with store.read() as s:
        assert [w.title for w in workshops.list_summaries(s)] == ["Atelier de test"]


def test_navigation_buttons_never_take_the_keyboard(window, workshop_id):
    assert window.open_workshop(workshop_id)
    view = window.workshop_view
    for button in [view.back_button, *view.buttons.values()]:
        assert button.focusPolicy() == Qt.FocusPolicy.NoFocus, button.text()


# --- Échap and the room window ------------------------------------------------------------------
def test_escape_closes_the_room_window_and_leaves_fullscreen_first(qtbot, window, workshop_id):
    assert window.open_workshop(workshop_id)
    window.toggle_room()
    assert window.room.isVisible() and not window.room.isFullScreen()  # one screen: a window
    QTest.keyClick(window.room, Qt.Key.Key_Escape)  # from the room window
    assert not window.room.isVisible()
    window.toggle_room()
    window.room.showFullScreen()
    window.activateWindow()
    focus_on(qtbot, window.workshop_view.editor("workshop").title_edit)  # even from a field
    press(Qt.Key.Key_Escape)
    assert window.room.isVisible() and not window.room.isFullScreen()
    press(Qt.Key.Key_Escape)
    assert not window.room.isVisible()
    assert not window.room_action.isChecked()


# --- one key map: routing, F1 and README agree ---------------------------------------------------
def readme_live_table() -> dict[str, str]:
    """The « En salle » table of the README: key label -> what it does."""
    text = README.read_text(encoding="utf-8")
    section = text.split("## En salle", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) >= 2 and not set(cells[0]) <= set("-: "):
            rows[cells[0].replace("\\", "").strip("`")] = cells[1]
    rows.pop("Touche", None)
    return rows


def test_readme_lists_exactly_the_live_keys():
    assert set(readme_live_table()) == {live.label for live in live_keys.LIVE_KEYS}


def test_f1_map_shows_every_live_key_from_the_same_declaration():
    from kitcop_desktop.ui.keymap import KEYMAP, keymap_html

    section = dict(KEYMAP)["En salle (télécommande et clavier)"]
    assert [(keys, what) for keys, what in section][: len(live_keys.LIVE_KEYS)] == [
        (live.label, live.what) for live in live_keys.LIVE_KEYS
    ]
    assert all(live.label in keymap_html() for live in live_keys.LIVE_KEYS)


@pytest.mark.parametrize(
    ("key", "mods", "action"),
    [
        (Qt.Key.Key_PageDown, Qt.KeyboardModifier.NoModifier, live_keys.NEXT),
        (Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier, live_keys.TOGGLE),
        (Qt.Key.Key_Plus, Qt.KeyboardModifier.ShiftModifier, live_keys.PLUS_ONE),  # AZERTY +
        (
            Qt.Key.Key_Plus,
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier,
            live_keys.PLUS_FIVE,
        ),
        (Qt.Key.Key_Period, Qt.KeyboardModifier.ShiftModifier, live_keys.BLANK),  # AZERTY .
        (Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier, None),  # Ctrl+B is not B
        (Qt.Key.Key_Space, Qt.KeyboardModifier.AltModifier, None),
    ],
)
def test_the_map_reads_keys_as_a_keyboard_sends_them(key, mods, action):
    from PySide6.QtGui import QKeyEvent

    assert live_keys.action_for(QKeyEvent(QKeyEvent.Type.KeyPress, key, mods)) == action
