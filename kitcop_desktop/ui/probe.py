"""A debug window onto the running app, for tests that drive a real process (kill -9, restart).

    kitcop --probe-state FILE ...          the app's state as JSON in FILE, rewritten whenever
                                           it changes (looked at every 100 ms)
    kitcop --probe-keys "Ctrl+1 F5 Space"  once the window is up, these keys are pressed one by
                                           one (300 ms apart), each sent like a real key to the
                                           focused widget (QKeySequence names)

Both options are hidden from --help and change nothing else; tests/ui/test_resume_process.py
uses them to start a run, show the room screen, kill the app and look at what comes back.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QObject, QRect, QSaveFile, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDialog

from kitcop_desktop.ui.live_control import live_state
from kitcop_desktop.ui.tool_page import KeepsView, safely


def _rect(r: QRect) -> list[int]:
    return [r.x(), r.y(), r.width(), r.height()]


def window_state(window) -> dict:
    """What a user would see: the page, the tool and its view, the run, the room screen."""
    view = window.workshop_view
    editor = window.current_editor()
    owner = window.live.run_owner()
    room = window.room
    return {
        "page": "workshop" if editor is not None else "welcome",
        "workshop": view.ctx.workshop_id if view is not None else None,
        "tool": view.current_key if view is not None else None,
        "view": safely(editor.view_state) if isinstance(editor, KeepsView) else None,
        "run": live_state(owner),
        "sequence": _sequence_title(owner),
        "consignes_page": _page(owner),
        "active": type(QApplication.activeWindow()).__name__,
        "focus": type(QApplication.focusWidget()).__name__,
        "room": room.mode(),
        "room_stage": type(room.current_stage()).__name__,
        "blanked": room.blanked,
        "banner": window.one_screen_banner.isVisible(),
        "control_geometry": _rect(window.frameGeometry()),
        "room_geometry": _rect(room.frameGeometry()),
        "room_screen": room.screen().name() if room.isVisible() else None,
        "dialogs": [
            _rect(w.frameGeometry())
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QDialog) and w.isVisible()
        ],
    }


def _sequence_title(owner) -> str | None:
    """The running séquence's title (the déroulé's run), for a drive that waits for it."""
    current = getattr(getattr(owner, "live", None), "runner", None)
    current = current.current if current is not None else None
    return current.title if current is not None else None


def _page(owner) -> str | None:
    """« 2/3 »: the page of the consignes the clicker is on, of those the room needs."""
    live = getattr(owner, "live", None)
    return f"{live.page + 1}/{live.page_count}" if live is not None else None


class Probe(QObject):
    def __init__(self, window, state_path: Path | None, keys: str = "") -> None:
        super().__init__(window)
        self.window = window
        self.path = state_path
        self.keys = [k for k in keys.split() if k]
        self._last = ""
        self._timer = QTimer(self, interval=100)
        self._timer.timeout.connect(self._write)
        self._timer.start()
        self._key_timer = QTimer(self, interval=300)
        self._key_timer.timeout.connect(self._press_next)
        if self.keys:
            self._key_timer.start()

    def _press_next(self) -> None:
        from PySide6.QtTest import QTest  # only when asked: a debug tool

        if not self.keys:
            self._key_timer.stop()
            return
        if QApplication.activeWindow() is None:
            self.window.activateWindow()  # as a user's first click would (X without a WM)
            return
        # PySide6 6.11 stubs lack QKeySequence.__getitem__ (operator[]), which exists at run time.
        combo = QKeySequence(self.keys.pop(0))[0]  # type: ignore[index]
        target = QApplication.focusWidget() or QApplication.activeWindow() or self.window
        QTest.keyClick(target, combo.key(), combo.keyboardModifiers())

    def _write(self) -> None:
        if self.path is None:
            return
        state = window_state(self.window)
        state["keys_left"] = len(self.keys)
        text = json.dumps(state, ensure_ascii=False, sort_keys=True)
        if text == self._last:
            return
        out = QSaveFile(str(self.path))
        if out.open(QSaveFile.OpenModeFlag.WriteOnly):
            out.write(text.encode("utf-8"))
            if out.commit():
                self._last = text
