"""The déroulé tool: « Préparer » (the five-column table and the séquence's detail) and
« Animer » (the live run). Keys of the run (Space, PageDown, PageUp, +, −, M) come through
handle_room_key; table keys (Alt+↑/↓ move, Suppr delete, Ctrl+D duplicate) through the table.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QInputDialog, QLabel, QTabWidget, QVBoxLayout, QWidget

from kitcop_desktop.domain import schedule as sched
from kitcop_desktop.domain.french import minutes_text, prose_time
from kitcop_desktop.i18n import tr, tr_n
from kitcop_desktop.storage.models.workshop import Workshop
from kitcop_desktop.tools.agenda.live import live_for
from kitcop_desktop.tools.agenda.prepare_view import PrepareView
from kitcop_desktop.tools.agenda.room_cover import RoomCover
from kitcop_desktop.tools.agenda.room_view import AgendaRoomView, RoomFooter
from kitcop_desktop.tools.agenda.run_view import RunView
from kitcop_desktop.ui import live_keys, resume
from kitcop_desktop.ui.icons import icon
from kitcop_desktop.ui.tool_spec import ToolContext


class AgendaEditor(QWidget):
    def __init__(self, ctx: ToolContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.live = live_for(ctx)
        self.footer: RoomFooter | None = None
        self._visible = False

        self.tabs = QTabWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        title = QLabel(tr("Déroulé"))
        title.setObjectName("PageTitle")
        self.summary = QLabel()
        self.summary.setObjectName("PageSubtitle")
        head = QHBoxLayout()
        head.addWidget(title)
        head.addSpacing(16)
        head.addWidget(self.summary, 1)
        layout.addLayout(head)
        layout.addWidget(self.tabs, 1)
        self.prepare = PrepareView(ctx)
        ctx.extras["agenda_show_prepare"] = lambda: self.tabs.setCurrentWidget(self.prepare)
        self.tabs.addTab(self.prepare, icon("edit"), tr("Préparer"))
        self.run_view = RunView(ctx)
        self.tabs.addTab(self.run_view, icon("play"), tr("Animer"))
        # Short names for what the prepare view holds (tests and hooks use them).
        self.model = self.prepare.model
        self.table = self.prepare.table
        self.detail = self.prepare.detail

        self.prepare.reloaded.connect(self._update_summary)
        self._run_state = self.live.runner.state()
        self.live.changed.connect(self._on_run_changed)
        # While a séquence's tool is still empty, the room keeps the séquence's consignes.
        self.cover = RoomCover(ctx, self.live, AgendaRoomView)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        # The editor lives as long as the open workshop: with it goes the live run's timer.
        self.destroyed.connect(self.live.close)
        self.destroyed.connect(self.cover.close)
        self.prepare.show_current(self.live.runner.current_id)
        self._update_summary()

    def _on_run_changed(self) -> None:
        self.prepare.show_current(self.live.runner.current_id)
        self._update_footer()
        state = self.live.runner.state()
        if state == "running" and self._run_state == "not_started":
            self.tabs.setCurrentWidget(self.run_view)  # the run has begun: its live view
        if (state in ("running", "paused")) != (self._run_state in ("running", "paused")):
            resume.save(self.ctx.settings, "agenda.live", state in ("running", "paused"))
        self._run_state = state

    def _update_summary(self) -> None:
        schedule, rows = self.model.schedule, self.model.rows
        with self.ctx.store.read() as session:
            workshop = session.get(Workshop, self.ctx.workshop_id)
            planned_end = workshop.end_time if workshop else None
        if rows and schedule is not None:
            text = (
                tr_n("{n} séquence", "{n} séquences", len(rows)).format(n=len(rows))
                + f" · {sched.clock_text(schedule.start)} → "
                f"{sched.clock_text(schedule.end)} ({minutes_text(schedule.total_minutes)})"
            )
            if planned_end is not None:
                text += tr(" · fin de l'atelier prévue à {time}").format(
                    time=prose_time(planned_end)
                )
        else:
            text = tr("Aucune séquence : choisissez un modèle du kit ou ajoutez une séquence.")
        self.summary.setText(text)

    # --- what the prepare view does, reachable from the shell's hooks ----------------------
    def select(self, sequence_id: int) -> None:
        self.prepare.select(sequence_id)

    def selected_id(self) -> int | None:
        return self.prepare.selected_id()

    def new_item(self) -> None:
        """Ctrl+N: a séquence after the selected one."""
        self.tabs.setCurrentWidget(self.prepare)
        self.prepare.new_item()

    # --- shell hooks -----------------------------------------------------------------------
    def focus_item(self, ref_id: int) -> None:
        self.tabs.setCurrentWidget(self.prepare)
        self.prepare.select(ref_id)

    def field_spot(self, widget) -> tuple[int, str] | None:
        """The séquence and the field of its detail `widget` is (ui/resume.py)."""
        detail = self.detail
        fields = {
            "title": detail.title,
            "intention": detail.intention,
            "instructions": detail.instructions,
            "facilitator_notes": detail.notes,
            "materials": detail.materials,
        }
        name = next((n for n, w in fields.items() if w is widget), None)
        return None if name is None or detail.row is None else (detail.row.id, name)

    def restore_field(self, item: int, name: str):
        self.focus_item(item)
        if self.detail.row is None or self.detail.row.id != item:
            return None
        attribute = {"facilitator_notes": "notes"}.get(name, name)
        return getattr(self.detail, attribute, None)

    def search(self) -> None:
        text, ok = QInputDialog.getText(self, tr("Rechercher"), tr("Séquence contenant :"))
        if ok and text.strip():
            self.find_text(text)

    def find_text(self, text: str) -> bool:
        self.tabs.setCurrentWidget(self.prepare)
        return self.prepare.find_text(text)

    def print_part(self) -> str:
        return "agenda"

    def activated(self) -> None:
        self._visible = True
        self._update_footer()

    def deactivated(self) -> None:
        self._visible = False
        self._update_footer()

    def _update_footer(self) -> None:
        """While another tool is shown and the run goes on, the room keeps a countdown strip."""
        room = self.ctx.room
        if room is None:
            return
        want = (not self._visible) and self.live.runner.state() in ("running", "paused")
        if want:
            if self.footer is None:
                self.footer = RoomFooter(self.ctx)
            width = room.width() if hasattr(room, "width") else 0
            self.footer.resize_for(max(240, room.height()), width)
            room.set_footer(self.footer)
        elif room.footer() is self.footer and self.footer is not None:
            room.set_footer(None)

    def handle_fallback_key(self, event: QKeyEvent) -> bool:
        """The clicker while another tool is on screen that does not use it: during a run,
        PageDown/PageUp still move the déroulé on (the shell asks only after that tool)."""
        runner = self.live.runner
        if runner.finished or runner.current_id is None or event.modifiers():
            return False
        if event.key() == Qt.Key.Key_PageDown:
            return self.live.forward()
        if event.key() == Qt.Key.Key_PageUp:
            return self.live.back()
        return False

    # --- the live-control layer (ui/live_keys.py) -----------------------------------------
    def live_state(self) -> str | None:
        """« running » / « paused » while a run exists, « ready » while « Animer » is shown and
        the déroulé can start, else None: the shell's live keys are on when this is not None."""
        state = self.live.runner.state()
        if state in ("running", "paused"):
            return state
        if self.tabs.currentWidget() is self.run_view and state == "not_started":
            return "ready" if self.live.runner.sequences else None
        return None

    def handle_live_action(self, action: str) -> bool:
        """The run's actions: what the shell's key map calls next, previous, toggle, ±min."""
        if action == live_keys.TOGGLE:
            return self.live.toggle()
        if action == live_keys.NEXT:
            return self.live.forward()  # the consignes' next page first, then the séquence
        if action == live_keys.PREVIOUS:
            return self.live.back()
        minutes = {live_keys.PLUS_ONE: 1, live_keys.MINUS_ONE: -1, live_keys.PLUS_FIVE: 5}
        if action in minutes:
            return self.live.extend(minutes[action])
        return False

    def view_state(self) -> str:
        """« run » (Animer) or « prepare »: what a restart shows again."""
        return "run" if self.tabs.currentWidget() is self.run_view else "prepare"

    def restore_view(self, view: str) -> None:
        self.tabs.setCurrentWidget(self.run_view if view == "run" else self.prepare)

    def _on_tab_changed(self, _index: int) -> None:
        resume.save(self.ctx.settings, "agenda.view", self.view_state())

    def handle_room_key(self, event: QKeyEvent) -> bool:
        """The run's keys of the shell's key map (Space, PageDown…) while « Animer » or the
        room screen is up, or always for the clicker; → / ← on « Animer »; M: sound."""
        key, mods = event.key(), event.modifiers()
        if mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            return False
        room_up = self.ctx.room is not None and self.ctx.room.isVisible()
        running_tab = self.tabs.currentWidget() is self.run_view
        clicker = key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp)
        if not (running_tab or room_up or clicker):
            return False  # in « Préparer », arrows and Space belong to the table
        action = live_keys.action_for(event)
        if action in live_keys.RUN_ACTIONS:
            self.handle_live_action(action)
        elif key == Qt.Key.Key_Right:
            self.live.forward()  # the consignes' next page first
        elif key == Qt.Key.Key_Left:
            self.live.back()
        elif key == Qt.Key.Key_M:
            self.live.toggle_sound()
        else:
            return False
        return True
