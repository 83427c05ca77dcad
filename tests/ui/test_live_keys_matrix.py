"""Every live key, with the focus on every kind of widget, in every tool, during a run: the run
(or the tool that declared the key) acts, nothing navigates, no focused button is pressed, no
list or combo moves, and in a text field Space, B, « . », +, −, * are typed instead.

One window (the demo workshop, its déroulé running) serves the whole module: opening every tool
costs seconds, each key press a few milliseconds. Each case puts the run back first.
"""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from kitcop_desktop.app import load_tool_specs
from kitcop_desktop.storage import agenda, agenda_run, participants
from kitcop_desktop.storage.demo import create_demo
from kitcop_desktop.storage.migrate import open_store
from kitcop_desktop.ui import live_keys
from kitcop_desktop.ui.main_window import MainWindow

# Each tool (the déroulé twice: « Préparer » and « Animer ») with the kinds of widget that take
# the focus there on the demo workshop. A kind a tool lacks is not listed; a listed kind that
# disappears fails the test, so the matrix never shrinks silently.
TOOL_KINDS = {
    "workshop": ("button", "table", "combo", "text"),
    "agenda": ("button", "list", "table", "combo", "text"),  # « Préparer », the run going on
    "agenda-animer": ("list",),  # its buttons never take the focus
    "boards": ("button", "combo", "text"),
    "voting": ("button", "list", "combo", "text"),
    "fishbowl": ("button", "table", "combo"),
    "interviews": ("button", "list", "combo", "text"),
    "actions": ("button", "list", "text"),
    "printing": ("button",),
}
CASES = [(tool, kind) for tool, kinds in TOOL_KINDS.items() for kind in kinds]
KEYS = {
    "PageDown": Qt.Key.Key_PageDown,
    "PageUp": Qt.Key.Key_PageUp,
    "Right": Qt.Key.Key_Right,
    "Left": Qt.Key.Key_Left,
    "F5": Qt.Key.Key_F5,
    "Escape": Qt.Key.Key_Escape,
    "Space": Qt.Key.Key_Space,
    "B": Qt.Key.Key_B,
    "Period": Qt.Key.Key_Period,
    "Plus": Qt.Key.Key_Plus,
    "Minus": Qt.Key.Key_Minus,
    "Asterisk": Qt.Key.Key_Asterisk,
}
TYPED = {"Space": " ", "B": "b", "Period": ".", "Plus": "+", "Minus": "-", "Asterisk": "*"}
# Tools that page the room with the clicker first (a board zone by zone, the bowl's revealed
# notes) and give the key back to the run past their last page: there a clicker key either
# turns the tool's page (and the run stays) or moves the run (and the page stays).
TOOLS_THAT_PAGE = {"boards", "fishbowl", "actions"}
CLICKER = ("PageDown", "PageUp", "Right", "Left")
# A widget that declared it uses a live key itself (live_keys.claim): the attendance list
# ticks the chosen person with Space, even while « Accueil café » runs.
WIDGET_CLAIMS = {("workshop", "table", "Space")}
# → and ← move in lists, tables, combos and text: there they are not live keys. On « Animer »
# the one-column séquence list has no use for them and the déroulé's own → / ← act (F1 map).
ARROWS = ("Right", "Left")
ARROWS_REACH_THE_RUN = {("agenda-animer", "list")}


def _kind_of(widget: QWidget) -> str | None:
    if isinstance(widget, QAbstractButton):
        return "button"
    if isinstance(widget, QListView):
        return "list"
    if isinstance(widget, QAbstractItemView):
        return "table"
    if isinstance(widget, QComboBox):
        return "text" if widget.isEditable() else "combo"
    if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit) and not widget.isReadOnly():
        return "text"
    return None


@pytest.fixture(scope="module")
def live_window(qapp, migrated_template, tmp_path_factory):
    path = tmp_path_factory.mktemp("live") / "atelier.sqlite3"
    shutil.copyfile(migrated_template, path)
    store = open_store(path)
    workshop_id = create_demo(store)
    with store.write() as s:
        agenda_run.clear_run(s, workshop_id)
        for seq in agenda.list_sequences(s, workshop_id):
            agenda.update_sequence(s, seq.id, tool_key=None)  # no séquence opens a tool here
        sequences = [q.id for q in agenda.list_sequences(s, workshop_id)]
    window = MainWindow(store, specs=load_tool_specs())
    window.resize(1024, 740)
    window.show()
    window.activateWindow()
    assert window.open_workshop(workshop_id)
    for key in window.workshop_view.tool_keys():
        window.activate_tool(key)
    window.base_sequence = sequences[2]  # a previous and a next one on each side
    yield window
    window.room.close()
    window.close()
    window.deleteLater()
    store.close()


def _live(window):
    return window.workshop_view.editor("agenda").live


def _reset(window, tool: str) -> None:
    """The run going on the base séquence, the room screen up as a window, not black; the
    tool on screen with its default view."""
    live = _live(window)
    if live.runner.current_id != window.base_sequence:
        live.go_to(window.base_sequence)
    if not live.runner.running:
        live.start()
    if not window.room.isVisible():
        window.live.show_room()
    if window.room.isFullScreen():
        window.room.showNormal()
    window.room.set_blanked(False)
    key = "agenda" if tool.startswith("agenda") else tool
    window.activate_tool(key)
    editor = window.current_editor()
    if key == "agenda":
        editor.tabs.setCurrentWidget(editor.run_view if tool == "agenda-animer" else editor.prepare)
    if key == "boards" and editor.data is not None and editor.data.spotlight:
        editor.set_spotlight("")
    window.activateWindow()


def _candidate(window, kind: str) -> QWidget | None:
    editor = window.current_editor()
    for widget in editor.findChildren(QWidget):
        if (
            _kind_of(widget) == kind
            and widget.isVisible()
            and widget.isEnabled()
            and widget.focusPolicy() != Qt.FocusPolicy.NoFocus
            and not (isinstance(widget, QAbstractItemView) and widget.model() is None)
            and not isinstance(widget.parentWidget(), QAbstractSpinBox | QComboBox)
        ):
            return widget
    return None


def _state(window) -> dict:
    live = _live(window)
    cd = live.countdown()
    board = window.workshop_view.open_editor("boards")
    # Read where the room's state lives (the tool's context), not through the page: a hidden
    # page may have been let go (ToolSpec.released_when_hidden, #15).
    bowl_extras = window.workshop_view.context("fishbowl").extras
    fiches_extras = window.workshop_view.context("actions").extras
    return {
        "sequence": live.runner.current_id,
        "page": live.page,  # of the consignes on the room screen
        "running": live.runner.running,
        "total": cd.total_seconds if cd else None,
        "blanked": window.room.blanked,
        "room": window.room.mode(),
        "tool_page": (
            board.data.spotlight if board is not None and board.data else None,
            board.ctx.extras["boards.room_pages"].index
            if board is not None and "boards.room_pages" in board.ctx.extras
            else None,
            bowl_extras["fishbowl.room_focus"].notes_page
            if "fishbowl.room_focus" in bowl_extras
            else None,
            # a fiche action too long for one room screen: the clicker turns its pages
            fiches_extras["room_pager.actions"].page
            if "room_pager.actions" in fiches_extras
            else None,
        ),
    }


def _expected(window, before: dict, tool: str, key: str, pages: int) -> dict:
    after = dict(before)
    ids = [s.id for s in _live(window).runner.sequences]
    index = ids.index(before["sequence"])
    if key in ("PageDown", "Right") and before["page"] + 1 < pages:
        after["page"] = before["page"] + 1  # long consignes: their next page first
    elif key in ("PageUp", "Left") and before["page"] > 0:
        after["page"] = before["page"] - 1
    elif key in ("PageDown", "PageUp", "Right", "Left"):
        after["sequence"] = ids[index + (1 if key in ("PageDown", "Right") else -1)]
        after["total"] = _live(window).runner.countdown(after["sequence"]).total_seconds
        after["page"] = 0
    elif key == "Space":
        after["running"] = not before["running"]
    elif key in ("B", "Period"):
        after["blanked"] = not before["blanked"]
    elif key in ("Plus", "Minus", "Asterisk"):
        after["total"] = before["total"] + {"Plus": 60, "Minus": -60, "Asterisk": 300}[key]
    elif key in ("F5", "Escape"):
        after["room"] = "hidden"  # one screen: the room screen is a window, Échap closes it
    return after


def _present(window) -> list[bool]:
    with window.store.read() as s:
        return [p.present for p in participants.list_for(s, window.workshop_view.ctx.workshop_id)]


def _position(widget) -> tuple[int, int] | int | None:
    """Where a list, table or combo stands (rows are compared: a list may be rebuilt)."""
    if isinstance(widget, QComboBox):
        return widget.currentIndex()
    if isinstance(widget, QAbstractItemView):
        index = widget.currentIndex()
        return (index.row(), index.column())
    return None


def _text_of(widget) -> str:
    if isinstance(widget, QComboBox):
        return widget.currentText()
    if isinstance(widget, QLineEdit):
        return widget.text()
    return widget.toPlainText()


def _put_back(widget, text: str) -> None:
    if isinstance(widget, QComboBox):
        widget.setEditText(text)
    elif isinstance(widget, QLineEdit):
        widget.setText(text)
    else:
        widget.setPlainText(text)


@pytest.mark.parametrize("key", list(KEYS))
@pytest.mark.parametrize(("tool", "kind"), CASES, ids=[f"{t}-{k}" for t, k in CASES])
def test_a_live_key_acts_on_the_run_never_on_the_focused_widget(
    qtbot, live_window, tool, kind, key
):
    window = live_window
    _reset(window, tool)
    widget = _candidate(window, kind)
    assert widget is not None, f"no {kind} that takes the focus in {tool}"
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget, timeout=2000)
    pressed: list[str] = []
    if isinstance(widget, QAbstractButton):
        widget.pressed.connect(lambda: pressed.append("pressed"))
        widget.clicked.connect(lambda: pressed.append("clicked"))
    index_before = _position(widget)
    text_before = _text_of(widget) if kind == "text" else None
    editor = window.current_editor()
    before = _state(window)
    present_before = _present(window)
    pages = _live(window).page_count  # of the current séquence's consignes

    QTest.keyClick(widget, KEYS[key])

    after = _state(window)
    # Nothing navigated: the same workshop, the same tool (or, when the séquence changed, the
    # déroulé: here no séquence has a tool of its own), no popup.
    assert window.pages.currentWidget() is window.workshop_view
    if after["sequence"] != before["sequence"]:
        assert window.workshop_view.current_key == "agenda"
    else:
        assert window.current_editor() is editor
    assert QApplication.activePopupWidget() is None
    assert pressed == [], "a focused button was pressed"
    if (tool, kind, key) in WIDGET_CLAIMS:
        assert widget is editor.participants.table
        assert after == before, "the run is untouched"
        assert _present(window) != present_before, "Space ticked the chosen person"
        return
    if kind != "button" and key in ARROWS and (tool, kind) not in ARROWS_REACH_THE_RUN:
        # Not a live key here: the widget keeps its arrow, or (not in a text) the tool its own.
        expected = dict(before)
        if tool in TOOLS_THAT_PAGE and kind != "text":
            expected["tool_page"] = after["tool_page"]
        assert after == expected
        if kind == "text":
            _put_back(widget, text_before)
        return
    if index_before is not None:
        assert _position(widget) == index_before, "the focused list or combo moved"
    if kind == "text" and key in TYPED:
        assert TYPED[key] in _text_of(widget), "the character is typed in a text field"
        assert after == before, "a typed character never drives the run"
        _put_back(widget, text_before)
        return
    if tool in TOOLS_THAT_PAGE and key in CLICKER and after["tool_page"] != before["tool_page"]:
        assert {k: v for k, v in after.items() if k != "tool_page"} == {
            k: v for k, v in before.items() if k != "tool_page"
        }, "the tool turned its page: the run stays"
        return
    assert after == _expected(window, before, tool, key, pages)


def test_the_board_gives_the_clicker_back_to_the_run_past_its_last_zone(qtbot, live_window):
    window = live_window
    _reset(window, "boards")
    editor = window.current_editor()
    live = _live(window)
    window.setFocus()
    seen = []
    for _ in range(30):
        before = live.runner.current_id
        QTest.keyClick(window, Qt.Key.Key_PageDown)
        seen.append(editor.data.spotlight)
        if live.runner.current_id != before:
            break
    assert live.runner.current_id != window.base_sequence  # the déroulé moved on at last
    assert "" not in seen[:-1]  # zone by zone, never back to the whole board first
    assert len(seen) > 2
    assert window.workshop_view.current_key == "agenda"  # the next séquence has no tool


def test_the_bowl_gives_the_clicker_back_to_the_run_past_its_last_page_of_notes(qtbot, live_window):
    window = live_window
    _reset(window, "fishbowl")
    bowl = window.current_editor().bowl
    assert bowl.data.notes_revealed  # the demo's bowl shows its notes to the room
    live = _live(window)
    window.setFocus()
    for _ in range(30):
        QTest.keyClick(window, Qt.Key.Key_PageDown)
        if live.runner.current_id != window.base_sequence:
            break
    assert live.runner.current_id != window.base_sequence  # the déroulé moved on at last


def test_the_map_covers_the_keys_this_matrix_presses():
    from PySide6.QtGui import QKeyEvent

    actions = {
        live_keys.action_for(QKeyEvent(QKeyEvent.Type.KeyPress, k, Qt.KeyboardModifier.NoModifier))
        for k in KEYS.values()
    }
    assert actions == {live.action for live in live_keys.LIVE_KEYS}
