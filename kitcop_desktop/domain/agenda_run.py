"""The live run of a déroulé, rebuilt from stored facts (RunEvent) and a monotonic clock.

Each command (start, pause, next, previous, +1 min…) returns the facts it produced; the caller
stores them. While the app runs, countdowns are measured on the monotonic clock; after a crash
or a restart, `Runner(clock, sequences, events)` replays the stored facts and the running
countdown continues from its stored elapsed time plus the wall time since its last start.

Event kinds: "enter" (a séquence becomes current), "start" (its countdown runs), "pause",
"extend" (extension_seconds added, negative to remove), "end" (leaving a séquence that ran),
"finish" (the workshop is over), "rehearsal" (extension_seconds 1: this run is a répétition,
0: it counts; the last one says).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from kitcop_desktop.domain.clock import Clock
from kitcop_desktop.domain.countdown import Countdown, CountdownFacts

EVENT_KINDS = ("enter", "start", "pause", "extend", "end", "finish", "rehearsal")


@dataclass(frozen=True)
class RunSequence:
    id: int
    minutes: int
    title: str = ""
    kind: str = ""
    tool_key: str = ""
    tool_ref: int | None = None


@dataclass(frozen=True)
class RunEvent:
    kind: str
    sequence_id: int | None
    at: datetime  # UTC wall time
    elapsed_seconds: float = 0.0
    extension_seconds: int = 0


@dataclass
class SequenceFacts:
    """What the facts say about one séquence (for the restitution)."""

    first_start: datetime | None = None
    last_end: datetime | None = None
    elapsed_seconds: float = 0.0
    extension_seconds: int = 0


class Runner:
    """The run state machine. Commands apply to itself and return the new facts to store."""

    def __init__(
        self, clock: Clock, sequences: list[RunSequence], events: Sequence[RunEvent] = ()
    ) -> None:
        self._clock = clock
        self._sequences: list[RunSequence] = list(sequences)
        self._countdowns: dict[int, Countdown] = {}
        self._facts: dict[int, SequenceFacts] = {}
        self.current_id: int | None = None
        self.finished = False
        # A répétition: timed like the real thing, never recorded as « réalisé », its lateness
        # measured from its own start.
        self.rehearsal = False
        self._replay(list(events))

    # --- replay --------------------------------------------------------------------------
    def _replay(self, events: list[RunEvent]) -> None:
        known = {s.id for s in self._sequences}
        raw: dict[int, CountdownFacts] = {}
        for ev in events:
            if ev.kind == "rehearsal":
                self.rehearsal = bool(ev.extension_seconds)
                continue
            if ev.kind == "finish":
                self.finished = True
                self.current_id = None
                continue
            sid = ev.sequence_id
            if sid is None or sid not in known:
                continue  # a séquence deleted since: its facts no longer matter
            facts = raw.get(sid) or CountdownFacts(planned_seconds=self._planned(sid))
            info = self._facts.setdefault(sid, SequenceFacts())
            if ev.kind == "enter":
                self.current_id = sid
                self.finished = False
            elif ev.kind == "start":
                facts = CountdownFacts(
                    facts.planned_seconds,
                    facts.extension_seconds,
                    float(ev.elapsed_seconds),
                    ev.at,
                )
                info.first_start = info.first_start or ev.at
                self.current_id = sid
                self.finished = False
            elif ev.kind in ("pause", "end"):
                facts = CountdownFacts(
                    facts.planned_seconds, facts.extension_seconds, float(ev.elapsed_seconds), None
                )
                info.elapsed_seconds = float(ev.elapsed_seconds)
                if ev.kind == "end":
                    info.last_end = ev.at
            elif ev.kind == "extend":
                facts = CountdownFacts(
                    facts.planned_seconds,
                    facts.extension_seconds + int(ev.extension_seconds),
                    facts.elapsed_before,
                    facts.running_since,
                )
                info.extension_seconds = facts.extension_seconds
            raw[sid] = facts
        for sid, facts in raw.items():
            self._countdowns[sid] = Countdown.from_facts(facts, self._clock)

    # --- reading -------------------------------------------------------------------------
    @property
    def sequences(self) -> list[RunSequence]:
        return list(self._sequences)

    def _planned(self, sid: int) -> int:
        seq = self.sequence(sid)
        return 0 if seq is None else max(0, int(seq.minutes)) * 60

    def sequence(self, sid: int | None) -> RunSequence | None:
        return next((s for s in self._sequences if s.id == sid), None)

    def index(self, sid: int | None) -> int:
        return next((i for i, s in enumerate(self._sequences) if s.id == sid), -1)

    @property
    def current(self) -> RunSequence | None:
        return self.sequence(self.current_id)

    def countdown(self, sid: int | None = None) -> Countdown | None:
        """The countdown of a séquence (the current one by default), created on demand."""
        sid = self.current_id if sid is None else sid
        if sid is None or self.sequence(sid) is None:
            return None
        if sid not in self._countdowns:
            self._countdowns[sid] = Countdown(self._planned(sid), self._clock)
        return self._countdowns[sid]

    @property
    def running(self) -> bool:
        cd = self._countdowns.get(self.current_id) if self.current_id is not None else None
        return bool(cd and cd.running)

    @property
    def started(self) -> bool:
        """The run has begun (some séquence has run)."""
        return any(cd.started for cd in self._countdowns.values()) or self.finished

    def state(self) -> str:
        """« not_started », « running », « paused », « finished »."""
        if self.finished:
            return "finished"
        if self.running:
            return "running"
        return "paused" if self.started else "not_started"

    def facts_of(self, sid: int) -> SequenceFacts:
        return self._facts.get(sid, SequenceFacts())

    @property
    def first_start(self) -> datetime | None:
        """When the run really began (UTC): the earliest start of any séquence."""
        starts = [f.first_start for f in self._facts.values() if f.first_start is not None]
        return min(starts) if starts else None

    def next_sequence(self) -> RunSequence | None:
        i = self.index(self.current_id)
        if self.current_id is None and not self.finished:
            return self._sequences[0] if self._sequences else None
        if i < 0 or i + 1 >= len(self._sequences):
            return None
        return self._sequences[i + 1]

    # --- commands ------------------------------------------------------------------------
    def update_sequences(self, sequences: list[RunSequence]) -> None:
        """The déroulé was edited during the run: durations follow, facts stay."""
        self._sequences = list(sequences)
        for sid, cd in list(self._countdowns.items()):
            if self.sequence(sid) is None:
                del self._countdowns[sid]
            else:
                cd.set_planned(self._planned(sid))
        if self.current_id is not None and self.sequence(self.current_id) is None:
            self.current_id = None

    def _event(
        self,
        kind: str,
        sid: int | None,
        *,
        elapsed_seconds: float = 0.0,
        extension_seconds: int = 0,
    ) -> RunEvent:
        ev = RunEvent(kind, sid, self._clock.wall(), elapsed_seconds, extension_seconds)
        info = self._facts.setdefault(sid, SequenceFacts()) if sid is not None else None
        if info is not None:
            if kind == "start":
                info.first_start = info.first_start or ev.at
            elif kind in ("pause", "end"):
                info.elapsed_seconds = ev.elapsed_seconds
                if kind == "end":
                    info.last_end = ev.at
            elif kind == "extend":
                info.extension_seconds += ev.extension_seconds
        return ev

    def set_rehearsal(self, on: bool) -> list[RunEvent]:
        """Mark the run as a répétition (or as the real thing)."""
        if bool(on) == self.rehearsal:
            return []
        self.rehearsal = bool(on)
        return [RunEvent("rehearsal", None, self._clock.wall(), 0.0, int(self.rehearsal))]

    def start(self) -> list[RunEvent]:
        """Start (or resume) the current séquence; before the run, the first one."""
        out: list[RunEvent] = []
        if self.finished:
            return out
        if self.current_id is None:
            if not self._sequences:
                return out
            self.current_id = self._sequences[0].id
            out.append(self._event("enter", self.current_id))
        cd = self.countdown()
        if cd is None or cd.running:
            return out
        out.append(self._event("start", self.current_id, elapsed_seconds=cd.elapsed()))
        cd.start()
        return out

    def pause(self) -> list[RunEvent]:
        cd = self.countdown()
        if cd is None or not cd.running:
            return []
        cd.pause()
        return [self._event("pause", self.current_id, elapsed_seconds=cd.elapsed())]

    def toggle(self) -> list[RunEvent]:
        """Space: start, pause or resume."""
        return self.pause() if self.running else self.start()

    def extend(self, seconds: int) -> list[RunEvent]:
        """+1 / +5 / −1 min on the current séquence (never below zero in total)."""
        cd = self.countdown()
        if cd is None or self.finished:
            return []
        before = cd.total_seconds
        cd.extend(int(seconds))
        delta = cd.total_seconds - before
        if delta == 0:
            return []
        return [self._event("extend", self.current_id, extension_seconds=delta)]

    def _leave(self) -> tuple[list[RunEvent], bool]:
        """End the current séquence if it ran; returns (facts, was_running)."""
        cd = self.countdown()
        if cd is None or not cd.started:
            return [], False
        was_running = cd.running
        cd.pause()
        return [self._event("end", self.current_id, elapsed_seconds=cd.elapsed())], was_running

    def go_to(self, sid: int, *, autostart: bool | None = None) -> list[RunEvent]:
        """Make `sid` current; its countdown runs if the one left was running."""
        if self.sequence(sid) is None or (sid == self.current_id and not self.finished):
            return []
        out, was_running = self._leave()
        self.finished = False
        self.current_id = sid
        out.append(self._event("enter", sid))
        if was_running if autostart is None else autostart:
            cd = self.countdown()
            assert cd is not None  # sid was checked to be a séquence above
            out.append(self._event("start", sid, elapsed_seconds=cd.elapsed()))
            cd.start()
        return out

    def next(self) -> list[RunEvent]:
        """PageDown: the next séquence, or the end of the workshop after the last one."""
        if self.finished:
            return []
        following = self.next_sequence()
        if following is not None:
            return self.go_to(following.id)
        if self.current_id is None:
            return []
        return self.finish()

    def previous(self) -> list[RunEvent]:
        """PageUp: back to the previous séquence (its countdown continues where it stopped)."""
        if self.finished:
            last = self._sequences[-1] if self._sequences else None
            return self.go_to(last.id, autostart=False) if last else []
        i = self.index(self.current_id)
        if i <= 0:
            return []
        return self.go_to(self._sequences[i - 1].id)

    def finish(self) -> list[RunEvent]:
        out, _ = self._leave()
        self.current_id = None
        self.finished = True
        out.append(self._event("finish", None))
        return out
