"""The countdown: facts not ticks, pauses, extensions, overrun, resume after a crash."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from kitcop_desktop.domain.clock import FakeClock
from kitcop_desktop.domain.countdown import MAX_SECONDS, Countdown, Stage, format_clock


@pytest.fixture
def clock():
    return FakeClock()


def test_counts_down_from_the_planned_time_only_while_running(clock):
    cd = Countdown(300, clock)
    assert cd.text() == "05:00" and cd.stage() is Stage.IDLE
    clock.advance(30)  # not started: nothing moves
    assert cd.text() == "05:00"
    cd.start()
    clock.advance(0.2)
    assert cd.text() == "05:00"  # ceil: 4:59.8 still shows 05:00
    clock.advance(0.8)
    assert cd.text() == "04:59"
    clock.advance(59)
    assert cd.text() == "04:00" and cd.stage() is Stage.NORMAL


def test_pause_keeps_the_remaining_time_and_resume_continues(clock):
    cd = Countdown(120, clock)
    cd.start()
    clock.advance(50)
    cd.pause()
    assert cd.stage() is Stage.PAUSED
    clock.advance(600)  # a long discussion while paused
    assert cd.text() == "01:10"
    cd.toggle()
    clock.advance(10)
    assert cd.text() == "01:00" and cd.running


def test_stages_warning_last_minute_then_overrun_with_a_plus(clock):
    cd = Countdown(600, clock)
    cd.start()
    clock.advance(600 - 119)
    assert cd.stage() is Stage.WARNING  # last 20 % (2 min of 10)
    clock.advance(60)
    assert cd.stage() is Stage.LAST_MINUTE and cd.text() == "00:59"
    clock.advance(59)
    assert cd.text() == "00:00" and not cd.overrun()
    clock.advance(1)
    assert cd.stage() is Stage.OVERRUN and cd.text() == "+00:01"
    clock.advance(133)
    assert cd.text() == "+02:14"


def test_extensions_add_and_remove_time_never_below_zero(clock):
    cd = Countdown(60, clock)
    cd.start()
    clock.advance(70)
    assert cd.overrun()
    cd.extend(60)  # « +1 min » brings it back under
    assert cd.text() == "00:50" and not cd.overrun()
    cd.extend(-10_000)
    assert cd.total_seconds == 0
    cd.extend(10 * MAX_SECONDS)
    assert cd.total_seconds == MAX_SECONDS


def test_wall_clock_jumps_change_nothing_while_running(clock):
    cd = Countdown(300, clock)
    cd.start()
    clock.advance(100)
    clock.jump_wall(-3600)  # the system clock goes back an hour (DST, NTP)
    assert cd.text() == "03:20"
    clock.jump_wall(+7200)
    clock.advance(20)
    assert cd.text() == "03:00"


def test_resume_after_a_crash_from_the_stored_facts(clock):
    cd = Countdown(900, clock)
    cd.start()
    clock.advance(100)
    cd.pause()
    cd.extend(120)
    clock.advance(5)
    cd.start()
    clock.advance(200)
    stored = cd.facts  # what was in the database when the app died
    # Another process, 30 s later: a new monotonic origin, the same wall clock.
    later = FakeClock(clock.wall())
    later.advance(30)
    resumed = Countdown.from_facts(stored, later)
    assert resumed.running
    assert resumed.text() == format_clock(900 + 120 - 100 - 200 - 30)


def test_resume_with_naive_stored_time_and_a_clock_gone_backwards(clock):
    cd = Countdown(60, clock)
    cd.start()
    naive = cd.facts.running_since.replace(tzinfo=None)
    from dataclasses import replace

    stored = replace(cd.facts, running_since=naive)
    back = FakeClock(datetime(2020, 1, 1, tzinfo=UTC))  # the wall clock went back years
    resumed = Countdown.from_facts(stored, back)
    assert resumed.text() == "01:00"  # counted as zero, never negative


@pytest.mark.parametrize("late", [0.0, 0.0004, 0.012])
def test_display_steps_exactly_once_per_second_when_woken_on_the_second(clock, late):
    """Waking at ms_until_next_change shows every value once: no skip, no repeat."""
    cd = Countdown(185, clock)
    cd.start()
    clock.advance(0.37)  # the UI starts mid-second
    shown = [cd.display_seconds()]
    for _ in range(200):
        clock.advance(cd.ms_until_next_change() / 1000.0 + late)
        value = cd.display_seconds()
        shown.append(-value if cd.overrun() else value)
    steps = [a - b for a, b in zip(shown, shown[1:], strict=False)]
    assert set(steps) == {1}  # each wake-up shows the next value, never the same or a skip
    assert shown[0] == 185 and -15 in shown


def test_set_planned_keeps_elapsed_and_extensions(clock):
    cd = Countdown(600, clock)
    cd.start()
    clock.advance(60)
    cd.extend(60)
    cd.set_planned(300)
    assert cd.text() == "05:00"  # 300 + 60 - 60


def test_negative_duration_refused_and_long_ones_capped(clock):
    with pytest.raises(ValueError):
        Countdown(-1, clock)
    assert Countdown(10**9, clock).total_seconds == MAX_SECONDS


def test_format_clock_past_an_hour():
    assert format_clock(3725) == "1:02:05"
    assert format_clock(5, overrun=True) == "+00:05"
