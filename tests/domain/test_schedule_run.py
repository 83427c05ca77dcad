"""The live run from stored facts: commands, replay after a crash, projection of the delay."""

from __future__ import annotations

from datetime import datetime

import pytest

from kitcop_desktop.domain.agenda_projection import local_minutes, project
from kitcop_desktop.domain.agenda_run import Runner, RunSequence
from kitcop_desktop.domain.clock import FakeClock
from kitcop_desktop.domain.schedule import PlannedSequence, compute

SEQS = [
    RunSequence(1, 10, "Accueil"),
    RunSequence(2, 20, "Diagnostic", tool_key="boards"),
    RunSequence(3, 10, "Pause", kind="break"),
    RunSequence(4, 40, "Projection 2030"),
    RunSequence(5, 15, "Déclusion"),
]


@pytest.fixture
def clock():
    return FakeClock(datetime(2026, 3, 3, 9, 0).astimezone())


def test_start_pause_resume_and_next(clock):
    r = Runner(clock, SEQS)
    assert r.state() == "not_started" and r.current is None
    events = r.start()
    assert [e.kind for e in events] == ["enter", "start"] and r.current.id == 1
    clock.advance(120)
    assert r.countdown().text() == "08:00"
    r.pause()
    clock.advance(300)
    assert r.countdown().text() == "08:00" and r.state() == "paused"
    r.toggle()
    clock.advance(60)
    events = r.next()
    assert [e.kind for e in events] == ["end", "enter", "start"]
    assert r.current.title == "Diagnostic" and r.running
    assert r.facts_of(1).elapsed_seconds == pytest.approx(180)


def test_previous_continues_where_the_sequence_stopped(clock):
    r = Runner(clock, SEQS)
    r.start()
    clock.advance(100)
    r.next()
    clock.advance(50)
    r.previous()
    assert r.current.id == 1 and r.countdown().text() == "08:20" and r.running


def test_extend_and_overrun_are_per_sequence(clock):
    r = Runner(clock, SEQS)
    r.start()
    r.extend(300)
    clock.advance(16 * 60)
    assert r.countdown().text() == "+01:00"
    assert r.extend(-(10**6))[0].extension_seconds == -(15 * 60)
    r.next()
    assert r.countdown().text() == "20:00"


def test_next_after_the_last_sequence_finishes(clock):
    r = Runner(clock, SEQS[:1])
    r.start()
    clock.advance(30)
    assert [e.kind for e in r.next()] == ["end", "finish"]
    assert r.state() == "finished" and r.next() == [] and r.start() == []
    r.previous()
    assert r.current.id == 1 and not r.running


def test_replay_after_a_crash_resumes_exactly(clock):
    r = Runner(clock, SEQS)
    log = r.start()
    clock.advance(200)
    log += r.pause()
    log += r.extend(60)
    clock.advance(40)
    log += r.start()
    clock.advance(100)
    log += r.next()
    clock.advance(65)  # the laptop crashes here, 65 s into « Diagnostic »
    clock.advance(20)  # and restarts 20 s later
    again = Runner(clock, SEQS, log)
    assert again.current.id == 2 and again.running
    assert again.countdown().text() == "18:35"
    assert again.countdown(1).text() == "06:00"  # 10 min + 1 min - 200 s - 100 s
    assert again.facts_of(1).last_end is not None


def test_replay_ignores_a_wall_clock_jump_in_finished_segments(clock):
    r = Runner(clock, SEQS)
    log = r.start()
    clock.advance(60)
    clock.jump_wall(-3600)  # the system clock changes mid-run
    clock.advance(60)
    log += r.pause()
    again = Runner(clock, SEQS, log)
    assert again.countdown().text() == "08:00"  # the pause stored 120 s, measured monotonic


def test_deleted_sequences_and_edits_during_the_run(clock):
    r = Runner(clock, SEQS)
    log = r.start()
    clock.advance(30)
    log += r.next()
    again = Runner(clock, [s for s in SEQS if s.id != 1], log)
    assert again.current.id == 2
    again.update_sequences([RunSequence(2, 30, "Diagnostic"), *SEQS[2:]])
    assert again.countdown().total_seconds == 30 * 60


def test_projection_late_with_absorbers(clock):
    planned = [PlannedSequence(s.id, s.minutes, None, s.title) for s in SEQS]
    schedule = compute(planned, start=9 * 60)
    r = Runner(clock, SEQS)
    r.start()
    clock.advance(17 * 60)  # « Accueil » planned 10 min, overrun by 7
    p = project(schedule, planned, r, local_minutes(clock.wall()), {3: "break"})
    assert p.delay == 7 and p.summary() == "En retard de 7\u00a0min, fin prévue 10\u00a0h\u00a042"
    cuts = {a.title: a.cut for a in p.absorbers}
    assert "Pause" not in cuts and sum(cuts.values()) == 7
    assert cuts["Projection 2030"] == 7


def test_projection_on_time_and_a_pin_absorbs(clock):
    planned = [
        PlannedSequence(1, 10, None, "Accueil"),
        PlannedSequence(2, 20, 9 * 60 + 40, "Diagnostic"),
    ]
    seqs = [RunSequence(1, 10, "Accueil"), RunSequence(2, 20, "Diagnostic")]
    schedule = compute(planned, start=9 * 60)
    r = Runner(clock, seqs)
    r.start()
    clock.advance(60)
    p = project(schedule, planned, r, local_minutes(clock.wall()))
    assert p.delay == 0 and p.summary().startswith("À l'heure")
    clock.advance(45 * 60)  # 36 min over: the 30-minute gap before the pin is not enough
    p = project(schedule, planned, r, local_minutes(clock.wall()))
    assert p.delay == 6 and not p.absorbers  # a pinned séquence is not shortened


def test_projection_before_and_after_the_run(clock):
    planned = [PlannedSequence(s.id, s.minutes, None, s.title) for s in SEQS]
    schedule = compute(planned, start=9 * 60)
    r = Runner(clock, SEQS)
    assert project(schedule, planned, r, 600).delay == 0
    r.start()
    for _ in SEQS:
        clock.advance(12 * 60)
        r.next()
    p = project(schedule, planned, r, 0)
    assert r.finished and p.projected_end == 10 * 60 and p.delay == -35
    assert p.summary().startswith("En avance de 35")
