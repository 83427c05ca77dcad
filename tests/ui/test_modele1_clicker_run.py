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
from kitcop_desktop.storage import agenda, participants
from kitcop_desktop.ui.main_window import MainWindow
from kitcop_desktop.ui.widgets.big_countdown import BigCountdown

Key = Qt.Key
CLOCK = re.compile(r"\+?\d{1,2}[:\u2236]\d{2}")


def press(window, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """A real key press, delivered to the focused widget (or the active window)."""
    target = QApplication.focusWidget() or QApplication.activeWindow() or window
    QTest.keyClick(target, key, modifiers)
    for _ in range(3):  # what the next paint of the room shows: posted changes, then layouts
        QApplication.processEvents()


def seen(window) -> str:
    """Every text the room window draws now (a QPicture records labels and painted text),
    without the running clocks' digits."""
    picture = QPicture()
    window.room.render(picture)
    data = bytes(picture.data())
    # Each drawn string is stored as UTF-16 wherever its record starts, even or odd.
    text = "".join(
        data[start:].decode(codec, "replace")
        for start in (0, 1)
        for codec in ("utf-16-le", "utf-16-be")
    )
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


def words(text: str) -> set[str]:
    """The words of a text, however the room wrapped them (« co-|construction » included)."""
    return {w.lower() for w in re.findall(r"\w+", text)}


def test_modele_1_with_people_signed_in_every_clicker_key_and_every_word_whole(
    qtbot, store, workshop_id
):
    """The run as it was done on the real app under Xvfb (xdotool, 12 people): the rounds walk
    through everyone, and at every press the room shows the séquence, one countdown and never
    a text cut with « … »; by the time a séquence is left, every word of its consignes has been
    on the room. On the way: B and « . » blank, + and − move the time, PageUp goes back a
    séquence and PageDown forward again, Space pauses; at the end Échap closes the room window
    and F5 brings it back."""
    with store.write() as s:
        agenda.apply_template(s, workshop_id, "modele_1")
        participants.paste(s, workshop_id, "Amina Benali\nBruno Caron\nChloé Dupuis\n")
    window = MainWindow(store, specs=load_tool_specs())
    qtbot.addWidget(window)
    window.resize(1024, 740)
    window.show()
    assert window.open_workshop(workshop_id)
    qtbot.waitUntil(lambda: window.isActiveWindow())
    press(window, Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    press(window, Key.Key_F5)
    window.room.resize(1024, 768)
    live = window.workshop_view.editor("agenda").live
    press(window, Key.Key_Space)
    assert live.runner.state() == "running"

    consignes = {s.title: words(s.instructions) for s in MODEL_1.sequences}
    seen_text: dict[str, str] = {}
    spoke: dict[str, int] = {}
    done_keys: set[str] = set()
    for _ in range(80):
        title = live.runner.current.title
        room = seen(window)
        assert title in room, f"the room does not say « {title} »"
        cut = [line for line in re.findall(r"[\w ,.'()’:\u00a0]{12,}…", room)]
        assert "…" not in room, f"« … » on the room at « {title} »: {cut}"
        assert countdowns_shown(window) == 1, title
        seen_text[title] = seen_text.get(title, "") + room.lower()
        spoke[title] = spoke.get(title, 0) + sum(n in room for n in ("Amina", "Bruno", "Chloé"))

        if title == "Diagnostic" and "blank" not in done_keys:
            done_keys.add("blank")
            for key in (Key.Key_B, Key.Key_Period):
                press(window, key)
                assert window.room.blanked
                press(window, key)
                assert not window.room.blanked
        if title == "Pause" and "time" not in done_keys:
            done_keys.add("time")
            total = live.countdown().total_seconds
            press(window, Key.Key_Plus)
            assert live.countdown().total_seconds == total + 60
            press(window, Key.Key_Minus)
            assert live.countdown().total_seconds == total
            press(window, Key.Key_Space)
            assert live.runner.state() == "paused"
            press(window, Key.Key_Space)
            assert live.runner.state() == "running"
            press(window, Key.Key_PageUp)
            assert live.runner.current.title == "Diagnostic"
            assert "Diagnostic" in seen(window)
            press(window, Key.Key_PageDown)
            assert live.runner.current.title == "Pause"
        press(window, Key.Key_PageDown)
        if live.runner.finished:
            break
        left = title != live.runner.current.title
        if left:
            missing = {w for w in consignes[title] if w not in seen_text[title]}
            assert not missing, f"« {title} »: never on the room: {sorted(missing)}"
    assert live.runner.finished
    assert done_keys == {"blank", "time"}
    assert spoke["Brise-glace"] >= 3 and spoke["Déclusion"] >= 3  # each person on the room
    assert "Merci" in seen(window)
    press(window, Key.Key_Escape)
    assert not window.room.isVisible()
    assert window.workshop_view is not None
    press(window, Key.Key_F5)
    assert window.room.isVisible()
    window.room.close()
