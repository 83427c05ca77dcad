"""The shell's live control: the room screen, the live keys' routing, and reopening where the
facilitator was. One `LiveControl` per main window (`window.live`).

- Keys: `ui/live_keys.LIVE_KEYS` says which key is which action; `LiveKeyFilter` takes them
  before the focused widget while `layer_active()`; `action()` routes them (see live_keys).
- Room screen: F5 shows it fullscreen on the projector, or as a window beside the control
  window when there is one screen (`ui/one_screen.py`); Échap leaves fullscreen, or closes the
  window; B or « . » blanks it.
- Resume: each change of the tool, the room screen or the blank is saved (`ui/resume.py`);
  `resume_where_you_were()` brings them back at start-up.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

from kitcop_desktop.i18n import tr
from kitcop_desktop.ui import app_events, live_keys, resume
from kitcop_desktop.ui.live_keys import LiveKeyFilter
from kitcop_desktop.ui.one_screen import OneScreenLayout
from kitcop_desktop.ui.tool_page import (
    Deactivates,
    HandlesLiveActions,
    HandlesRoomKeys,
    KeepsView,
    RunsLive,
    safely,
)


class LiveControl(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.room = window.room
        self.one_screen = OneScreenLayout(window, self.room, window.one_screen_banner)
        self.room.mode_changed.connect(self._on_room_mode)
        self.closing = False  # quitting: the room screen hiding is not the facilitator's choice
        # Where the last session left off, read before this one writes anything.
        self.left_off = resume.load(window.settings)
        self.filter = LiveKeyFilter(
            self,
            windows=lambda: (self.window, self.room),
            active=self.layer_active,
            run_exists=self.run_exists,
            route=self.action,
        )
        app_events.install(self.filter, QEvent.Type.KeyPress)

    def uninstall(self) -> None:
        app_events.remove(self.filter)
        self.one_screen.uninstall()

    # --- the run ---------------------------------------------------------------------------------
    def run_owner(self) -> QWidget | None:
        """The open tool whose run is going (running or paused): the déroulé."""
        view = self.window.workshop_view
        if view is None:
            return None
        for editor in view.open_editors():
            if live_state(editor) in ("running", "paused"):
                return editor
        return None

    def run_exists(self) -> bool:
        return self.run_owner() is not None

    def layer_active(self) -> bool:
        """The live keys are on: a run exists, the live view is on screen, or the room is up."""
        if self.room.isVisible():
            return True
        editor = self.window.current_editor()
        if editor is None:
            return False
        if live_state(editor) in ("ready", "running", "paused"):
            return True
        return self.run_exists()

    # --- routing ---------------------------------------------------------------------------------
    def action(self, action: str, event: QKeyEvent) -> bool:
        """One action of the live key map: the shell's own, else the tool on screen's, else the
        run's. True when something was done."""
        if action == live_keys.ROOM:
            self.toggle_room()
            return True
        if action == live_keys.BLANK:
            if not self.room.isVisible() and not self.room.blanked:
                self.window.show_message(
                    tr("L'écran de salle n'est pas affiché (F5 pour l'afficher).")
                )
                return True
            self.toggle_blank()
            return True
        if action == live_keys.LEAVE:
            return self.leave_room()
        editor = self.window.current_editor()
        if editor is not None and offer(editor, action, event):
            return True
        owner = self.run_owner()
        if owner is not None and owner is not editor:
            return offer(owner, action, event)
        return False

    # --- the room screen -------------------------------------------------------------------------
    def toggle_room(self) -> None:
        """F5: shows the room screen, or hides it; after an Échap left the projector's
        fullscreen, F5 puts it back (a clicker's « present » key: hiding the room then, in
        front of everyone, was a misfire)."""
        if self.room.isVisible() and not self._left_fullscreen():
            self.room.hide_screen()
        else:
            self.show_room()

    def _left_fullscreen(self) -> bool:
        """A window on the projector's side where the room screen belongs in fullscreen."""
        return not self.room.isFullScreen() and (
            self.room.projector_screen(self.window.screen()) is not None
        )

    def show_room(self) -> None:
        """Fullscreen on the projector, or a window beside the control window on one screen."""
        self.room.show_on_projector(self.window.screen())
        self.window.activateWindow()  # keep the keyboard on the control window

    def leave_room(self) -> bool:
        """Échap: the room screen leaves fullscreen; a room window closes."""
        if not self.room.isVisible():
            return False
        if self.room.isFullScreen():
            self.room.leave_fullscreen(self.window.screen())
            self.window.show_message(tr("Écran de salle en fenêtre (Échap encore : il se ferme)"))
        else:
            self.room.hide_screen()
            self.window.show_message(tr("Écran de salle fermé (F5 pour le rouvrir)"))
        return True

    def toggle_blank(self) -> None:
        blanked = self.room.toggle_blank()
        resume.save(self.window.settings, "blanked", blanked)
        self.window.show_message(
            tr("Écran de salle noir (B pour revenir)") if blanked else tr("Écran de salle rétabli")
        )

    def _on_room_mode(self, mode: str) -> None:
        self.one_screen.refresh()
        if not self.closing:
            resume.save(self.window.settings, "room", mode)

    # --- reopening where the facilitator was -------------------------------------------------------
    def resume_where_you_were(self) -> None:
        """At start-up, after the last workshop was opened: the tool that was on screen, its
        view, and while a run goes on, the room screen as it was (ui/resume.py)."""
        window = self.window
        state = self.left_off
        view = window.workshop_view
        if (
            view is None
            or state.get("db") != str(window.store.path)
            or state.get("workshop") != view.ctx.workshop_id
        ):
            return
        keys = list(view.tool_keys())
        for key in keys:
            if state.get(f"{key}.live"):
                view.editor(key)  # its run is loaded and goes on
        tool = state.get("tool")
        if tool in keys:
            window.activate_tool(tool)
        for key in keys:
            editor = view.open_editor(key)
            if editor is None:
                continue
            if state.get(f"{key}.view") and isinstance(editor, KeepsView):
                safely(editor.restore_view, state[f"{key}.view"])
            if key != view.current_key and isinstance(editor, Deactivates):
                safely(editor.deactivated)  # a run behind: its strip on the room
        if self.run_exists() and state.get("room") in ("window", "fullscreen"):
            self.show_room()
            if state.get("blanked"):
                self.room.set_blanked(True)


def live_state(editor: QWidget | None) -> str | None:
    """The editor's run state (ui/tool_page.RunsLive), None for a tool without a run."""
    return safely(editor.live_state) if isinstance(editor, RunsLive) else None


def offer(editor: QWidget, action: str, event: QKeyEvent) -> bool:
    """A run action offered to one tool: its action hook, or for older tools its key hook."""
    if isinstance(editor, HandlesLiveActions):
        return bool(safely(editor.handle_live_action, action))
    if action in live_keys.RUN_ACTIONS and isinstance(editor, HandlesRoomKeys):
        return bool(safely(editor.handle_room_key, event))
    return False
