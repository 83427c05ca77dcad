"""The discreet interview timer reads minutes against the planned duration."""

from datetime import UTC, datetime, timedelta

from kitcop_desktop.domain.clock import FakeClock
from kitcop_desktop.domain.interview_timer import read_timer


def test_before_start_it_shows_the_planned_duration():
    reading = read_timer(None, datetime(2026, 3, 3, tzinfo=UTC), 45)
    assert reading.text == "Durée prévue\u00a0: 45 min"
    assert reading.stage == "idle"


def test_it_counts_whole_minutes_and_warns_near_the_end_and_over():
    clock = FakeClock()
    started = clock.wall()
    clock.advance(59)
    assert read_timer(started, clock.wall(), 60).text == "⏱ 0 min / 60"
    clock.advance(60 * 47)
    assert read_timer(started, clock.wall(), 60).stage == "normal"
    clock.advance(60)  # 48 min: the last 20 %
    reading = read_timer(started, clock.wall(), 60)
    assert reading.stage == "ending" and "bientôt fini" in reading.text
    clock.advance(60 * 15)  # 63 min
    reading = read_timer(started, clock.wall(), 60)
    assert reading.stage == "over" and reading.text == "⏱ 63 min / 60 (+3)"


def test_naive_stored_start_is_utc_and_a_clock_set_back_never_goes_negative():
    now = datetime(2026, 3, 3, 10, 0, tzinfo=UTC)
    naive_start = (now - timedelta(minutes=10)).replace(tzinfo=None)
    assert read_timer(naive_start, now, 60).text == "⏱ 10 min / 60"
    assert read_timer(now + timedelta(minutes=5), now, 60).text == "⏱ 0 min / 60"
