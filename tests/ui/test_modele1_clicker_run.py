"""#13 « done when »: Modèle 1 run end to end from the clicker, from a cold start.

A fresh workshop made from Modèle 1 (nobody signed in yet, no board, no bowl, no round), opened
in the real main window. From then on only keys, each sent to whatever widget has the focus, as
a presentation clicker or the laptop's keyboard would: Ctrl+1, F5 (the room screen), Space
(start), then PageDown through every séquence to the end, with B and Space on the way. Each
press must change what the room sees (a page of consignes, a zone, the next séquence): a press
that does nothing in front of the room is a misfire. The same drive was run on the real app
under Xvfb with xdotool; tests/e2e/test_live_process.py kills the real process mid-run.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPicture
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kitcop_desktop.app import load_tool_specs
from kitcop_desktop.domain.agenda_templates import MODEL_1
from kitcop_desktop.storage import agenda
from kitcop_desktop.ui.main_window import MainWindow
from kitcop_desktop.ui.widgets.big_countdown import BigCountdown

Key = Qt.Key
CLOCK = re.compile(r"\+?\d{1,2}[:\u2236]\d{2}")


def press(window, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """A real key press, delivered to the focused widget (or the active window)."""
    target = QApplication.focusWidget() or QApplication.activeWindow() or window
    QTest.keyClick(target, key, modifiers)


def seen(window) -> str:
    """Every text the room window draws now (a QPicture records labels and painted text),
    without the running clocks' digits."""
    picture = QPicture()
    window.room.render(picture)
    data = bytes(picture.data())
    text = data.decode("utf-16-le", "replace") + data.decode("utf-16-be", "replace")
    return CLOCK.sub("", text)


def countdowns_shown(window) -> int:
    return sum(
        1
        for c in window.room.findChildren(BigCountdown)
        if c.countdown() is not None and c.isVisibleTo(window.room) and c.height() > 0
    )


def test_modele_1_runs_end_to_end_from_the_clicker_from_a_cold_start(qtbot, store, workshop_id):
    with store.write() as s:
        agenda.apply_template(s, workshop_id, "modele_1")
    window = MainWindow(store, specs=load_tool_specs())
    qtbot.addWidget(window)
    window.resize(1024, 740)
    window.show()
    assert window.open_workshop(workshop_id)
    qtbot.waitUntil(lambda: window.isActiveWindow())

    press(window, Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.workshop_view.current_key == "agenda"
    press(window, Key.Key_F5)
    assert window.room.isVisible()
    window.room.resize(1024, 768)
    live = window.workshop_view.editor("agenda").live
    press(window, Key.Key_Space)
    assert live.runner.state() == "running"

    titles = [s.title for s in MODEL_1.sequences]
    visited: list[str] = []
    blanked_once = False
    for _ in range(60):
        title = live.runner.current.title
        if not visited or visited[-1] != title:
            visited.append(title)
        assert window.workshop_view is not None  # no key ever left the workshop
        assert title in seen(window), f"the room does not say « {title} »"
        assert countdowns_shown(window) == 1, title
        if title == "Diagnostic" and not blanked_once:  # B: black, and back
            press(window, Key.Key_B)
            assert window.room.blanked, repr(QApplication.focusWidget())
            press(window, Key.Key_B)
            assert not window.room.blanked
            blanked_once = True
        before = seen(window)
        press(window, Key.Key_PageDown)
        if live.runner.finished:
            break
        if seen(window) == before:
            pytest.fail(f"PageDown did nothing the room could see at « {title} »")
    assert visited == titles
    assert live.runner.finished
    assert "Merci" in seen(window)
    window.room.close()
