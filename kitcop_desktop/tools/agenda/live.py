"""The live run shared by the agenda's control view and its room view.

One `AgendaLive` per open workshop (kept in ctx.extras): it owns the Runner rebuilt from the
stored facts, stores every new fact at once (so a crash loses nothing), wakes up on each
displayed second (never counting ticks) to ring the optional sound at one minute and at zero,
and opens the tool a séquence is linked to.
"""

from __future__ import annotations

import contextlib
import logging
from datetime import time

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from kitcop_desktop.domain.agenda_run import Runner
from kitcop_desktop.domain.clock import Clock, SystemClock
from kitcop_desktop.domain.countdown import Countdown
from kitcop_desktop.domain.french import prose_time
from kitcop_desktop.i18n import tr
from kitcop_desktop.storage import agenda, agenda_links, agenda_run
from kitcop_desktop.tools.agenda.sound import Sound, make_sound
from kitcop_desktop.ui import live_keys
from kitcop_desktop.ui.changes import Area
from kitcop_desktop.ui.tool_spec import ToolContext

log = logging.getLogger(__name__)
AREA = Area.RUN
SOUND_KEY = "agenda/sound_on"


def live_for(ctx: ToolContext) -> AgendaLive:
    """The workshop's live run, created once per context."""
    live = ctx.extras.get("agenda_live")
    if live is None:
        live = AgendaLive(ctx)
        ctx.extras["agenda_live"] = live
    return live


class AgendaLive(QObject):
    # Something about the run changed (state, current séquence, extension): views reload.
    changed = Signal()
    # The displayed second of the current countdown changed.
    second = Signal(int, str)
    # A sound was asked for: "one_minute" or "zero" (also when muted: tests and the log).
    alert = Signal(str)
    # The page of the consignes (or of the programme) on the room screen: (page, count).
    page_changed = Signal(int, int)
    # A séquence opened its tool on this item (tool key, item id or -1).
    linked = Signal(str, int)

    def __init__(self, ctx: ToolContext, clock: Clock | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.clock: Clock = clock or ctx.extras.get("clock") or SystemClock()
        self.sound: Sound = ctx.extras.get("sound") or make_sound()
        self._sound_on = self._read_sound_setting()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._on_second)
        self._last_display: tuple[int | None, int, bool] | None = None
        # Paging of what the agenda shows on the room (« 1/2 »): the room views say how many
        # pages their text needs at the room's size; the clicker turns them before moving on.
        self.page = 0
        self._page_counts: dict[int, int] = {}
        self._paged_what: tuple[int | None, bool] = (None, False)
        self.runner: Runner = self._load()
        ctx.hub.changed.connect(self._on_hub_changed)
        self._arm()

    # --- loading ---------------------------------------------------------------------------
    def _load(self) -> Runner:
        with self.ctx.store.read() as session:
            return agenda_run.load_runner(session, self.ctx.workshop_id, self.clock)

    def _on_hub_changed(self, area: str, workshop_id: int) -> None:
        if workshop_id != self.ctx.workshop_id:
            return
        if area == "agenda":
            with self.ctx.store.read() as session:
                seqs = agenda_run.run_sequences(session, self.ctx.workshop_id)
            self.runner.update_sequences(seqs)
            self._after_change()
        elif area == "run" and not self._storing:
            self.runner = self._load()  # e.g. the run was restarted (undoable)
            self._after_change()

    _storing = False

    # --- reading -------------------------------------------------------------------------
    def countdown(self) -> Countdown | None:
        return self.runner.countdown()

    @property
    def sound_on(self) -> bool:
        return self._sound_on

    # --- commands ------------------------------------------------------------------------
    def _apply(self, events: list, *, message: str = "") -> bool:
        if not events:
            return False
        try:
            with self.ctx.store.write() as session:
                agenda_run.append_events(session, self.ctx.workshop_id, events)
        except Exception:  # the disk is full or gone: say so, keep the run going in memory
            log.exception("storing run facts failed")
            self.ctx.show_message(
                tr("Le déroulé continue, mais l'enregistrement a échoué : vérifiez le disque.")
            )
        self._storing = True
        try:
            self.ctx.hub.notify(AREA, self.ctx.workshop_id, message or "Enregistré")
        finally:
            self._storing = False
        self._after_change()
        if any(ev.kind in ("enter", "start", "finish") for ev in events):
            self._open_linked_tool(events)
        return True

    def _after_change(self) -> None:
        self._last_display = None
        shown = (self.runner.current_id, self.runner.finished)
        if shown != self._paged_what:  # another séquence: its consignes start at page 1
            self._paged_what = shown
            self.page = 0
        self._arm()
        self.changed.emit()

    # --- pages of the room's text ---------------------------------------------------------
    @property
    def page_count(self) -> int:
        return max(self._page_counts.values(), default=1)

    def report_pages(self, key: int, count: int) -> None:
        """A room view (`key`: its id) says how many pages its text needs (0: not on screen)."""
        if count > 0:
            self._page_counts[key] = int(count)
        else:
            self._page_counts.pop(key, None)
        # No view on screen (the room blacked out by B): the page waits for it, unchanged.
        if self._page_counts and self.page >= self.page_count:
            self._set_page(self.page_count - 1)

    def _set_page(self, page: int) -> None:
        self.page = max(0, page)
        self.page_changed.emit(self.page, self.page_count)

    def forward(self) -> bool:
        """PageDown (the clicker): the next page of the consignes, then the next séquence."""
        if self.page + 1 < self.page_count and not self.runner.finished:
            self._set_page(self.page + 1)
            self.ctx.show_message(
                tr("Consignes à l'écran : page {n}/{count}").format(
                    n=self.page + 1, count=self.page_count
                )
            )
            return True
        return self.next()

    def back(self) -> bool:
        """PageUp: the previous page of the consignes, then the previous séquence."""
        if self.page > 0 and not self.runner.finished:
            self._set_page(self.page - 1)
            self.ctx.show_message(
                tr("Consignes à l'écran : page {n}/{count}").format(
                    n=self.page + 1, count=self.page_count
                )
            )
            return True
        return self.previous()

    def toggle(self) -> bool:
        """Space: start, pause or resume."""
        if self.runner.running:
            return self._apply(self.runner.pause(), message=tr("Minuteur en pause"))
        return self.start()

    def start(self) -> bool:
        """Start or resume. A first start far from the plan (another day, hours away) is a
        répétition: measured from its own start, never recorded as « réalisé »."""
        events, message = [], tr("Minuteur lancé")
        if not self.runner.started and not self.runner.rehearsal and self._far_from_plan():
            events += self.runner.set_rehearsal(True)
            message = tr(
                "Répétition\u00a0: l'atelier n'est pas prévu maintenant, ce passage ne sera pas "
                "enregistré comme réalisé (décochez «\u00a0Répétition\u00a0» s'il compte)."
            )
        events += self.runner.start()
        done = self._apply(events, message=message)
        if done and self.runner.rehearsal and events[0].kind == "rehearsal":
            self.ctx.show_message(message)
        return done

    def _far_from_plan(self) -> bool:
        from kitcop_desktop.domain.agenda_projection import far_from_plan
        from kitcop_desktop.domain.schedule import to_minutes
        from kitcop_desktop.storage.models.workshop import Workshop

        with self.ctx.store.read() as session:
            workshop = session.get(Workshop, self.ctx.workshop_id)
            if workshop is None:
                return False
            day, start = workshop.date, workshop.start_time
        return far_from_plan(self.clock.wall().astimezone(), day, to_minutes(start))

    def start_now(self) -> bool:
        """« Démarrer maintenant »: the déroulé is moved to start at this minute (one undo
        step; pinned séquences keep their time), then the run starts on that plan."""
        if self.runner.started or self.runner.finished:
            return False
        now = self.clock.wall().astimezone()
        start = time(now.hour, now.minute)
        wid = self.ctx.workshop_id
        done = self.ctx.push(
            tr("Démarrer maintenant (déroulé à {time})").format(time=prose_time(start)),
            area="agenda",
            do=lambda s: agenda.set_start_time(s, wid, start),
            undo=lambda s, previous: agenda.set_start_time(s, wid, previous),
        )
        if done is None:
            return False
        events = self.runner.set_rehearsal(False) if self.runner.rehearsal else []
        return self._apply(
            events + self.runner.start(),
            message=tr("Déroulé lancé à {time}").format(time=prose_time(start)),
        )

    def set_rehearsal(self, on: bool) -> bool:
        """« Répétition »: this run is (not) recorded as réalisé."""
        message = (
            tr("Répétition\u00a0: ce passage ne sera pas enregistré comme réalisé.")
            if on
            else tr("Ce passage compte\u00a0: il sera enregistré comme réalisé.")
        )
        done = self._apply(self.runner.set_rehearsal(bool(on)), message=message)
        if done:
            self.ctx.show_message(message)
        return done

    def pause(self) -> bool:
        return self._apply(self.runner.pause(), message=tr("Minuteur en pause"))

    def next(self) -> bool:
        return self._apply(self.runner.next(), message=tr("Séquence suivante"))

    def previous(self) -> bool:
        return self._apply(self.runner.previous(), message=tr("Séquence précédente"))

    def go_to(self, sequence_id: int) -> bool:
        return self._apply(self.runner.go_to(sequence_id), message=tr("Séquence choisie"))

    def extend(self, minutes: int) -> bool:
        sign = "+" if minutes > 0 else "−"
        return self._apply(
            self.runner.extend(minutes * 60),
            message=tr("{sign}{n} min sur la séquence").format(sign=sign, n=abs(minutes)),
        )

    def finish(self) -> bool:
        return self._apply(self.runner.finish(), message=tr("Atelier terminé"))

    def restart(self) -> None:
        """Forget the run (undoable: the facts are put back by Ctrl+Z)."""
        if self.runner.current_id is None and not self.runner.started:
            self.ctx.show_message(tr("Le déroulé n'a pas encore commencé : rien à effacer."))
            return
        wid = self.ctx.workshop_id
        self.ctx.push(
            tr("Recommencer le déroulé"),
            area=AREA,
            do=lambda s: agenda_run.clear_run(s, wid),
            undo=lambda s, saved: agenda_run.restore_run(s, saved),
            redo=lambda s, saved: agenda_run.clear_run(s, wid),
        )
        self.runner = self._load()
        self._after_change()

    def set_sound_on(self, on: bool) -> None:
        self._sound_on = bool(on)
        settings = self.ctx.settings
        if settings is not None:
            settings.setValue(SOUND_KEY, self._sound_on)
        self.ctx.show_message(tr("Son activé") if on else tr("Son coupé"))
        self.changed.emit()

    def toggle_sound(self) -> None:
        """M: sound on/off, remembered in the settings."""
        self.set_sound_on(not self._sound_on)

    def _read_sound_setting(self) -> bool:
        settings = self.ctx.settings
        if settings is None:
            return False
        value = settings.value(SOUND_KEY, False)
        return value in (True, "true", "1", 1)

    # --- the second ------------------------------------------------------------------------
    _closed = False

    def _arm(self) -> None:
        self._timer.stop()
        if self._closed:
            return
        cd = self.countdown()
        if cd is not None and cd.running:
            self._timer.start(cd.ms_until_next_change())
        self._check_second()

    def _on_second(self) -> None:
        self._arm()

    def _check_second(self) -> None:
        cd = self.countdown()
        if cd is None:
            return
        display, overrun = cd.display_seconds(), cd.overrun()
        key = (self.runner.current_id, display, overrun)
        last = self._last_display
        if last == key:
            return
        self._last_display = key
        self.second.emit(display, str(cd.stage()))
        if last is None or last[0] != key[0] or not cd.running:
            return  # only crossings seen live ring, never a value found after a restart
        prev_remaining = -last[1] if last[2] else last[1]
        remaining = -display if overrun else display
        if prev_remaining > 60 >= remaining:
            self._ring("one_minute")
        if prev_remaining > 0 >= remaining:
            self._ring("zero")

    def _ring(self, which: str) -> None:
        self.alert.emit(which)
        if self._sound_on:
            try:
                self.sound.play(which)
            except Exception:
                log.exception("sound failed")

    # --- tools ---------------------------------------------------------------------------
    # Where a séquence's tool must be told about a new item (the hub's area names).
    TOOL_AREAS = {
        "boards": "boards",
        "voting": "voting",
        "fishbowl": "fishbowl",
        "rounds": "rounds",
    }

    def _open_linked_tool(self, events: list) -> None:
        """Open the séquence's tool on the item it is linked to, or on a fresh one (never the
        one that happened to be selected last: « Le bocal est terminé » at the start)."""
        entered = [ev for ev in events if ev.kind in ("enter", "finish")]
        if not entered:
            return
        seq = self.runner.sequence(entered[-1].sequence_id)
        if seq is None or not seq.tool_key:
            # A pause, a séquence without a tool, the end: the room shows the déroulé again
            # (never the previous séquence's bowl or board).
            self.ctx.activate_tool("agenda", None)
            live_keys.park_focus()
            return
        sid, title, key = seq.id, seq.title, seq.tool_key
        with self.ctx.store.read() as session:
            needed = agenda_links.needs_item(session, sid)
        if needed:
            self.ctx.push(
                tr("Ouvrir un élément neuf pour « {title} »").format(title=title),
                area=self.TOOL_AREAS.get(key, "agenda"),
                do=lambda s: agenda_links.open_item(s, sid),
                undo=lambda s, saved: agenda_links.close_item(s, saved),
            )
            self.ctx.hub.notify("agenda", self.ctx.workshop_id, "Enregistré")
        with self.ctx.store.read() as session:
            ref = agenda.get(session, sid).tool_ref
            ids = {i for i, _ in agenda_links.link_choices(session, self.ctx.workshop_id, key)}
        # Only an item of this workshop (an imported file may carry a stale id).
        ref = ref if ref in ids else None
        self.ctx.activate_tool(key, ref)
        live_keys.park_focus()  # the clicker's B and Space act, never typed into a field
        self.linked.emit(key, -1 if ref is None else ref)

    def close(self) -> None:
        """The workshop is closed: stop waking up and listening (no sound from a ghost)."""
        self._closed = True
        self._timer.stop()
        with contextlib.suppress(RuntimeError, TypeError):
            self.ctx.hub.changed.disconnect(self._on_hub_changed)
        if self.ctx.extras.get("agenda_live") is self:
            del self.ctx.extras["agenda_live"]
