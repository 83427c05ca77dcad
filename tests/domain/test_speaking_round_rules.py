"""Speaking-round rules: order, « plus tard », passing, coming back."""

from __future__ import annotations

import pytest

from kitcop_desktop.domain import speaking_round as sr
from kitcop_desktop.domain.validation import InvalidInput


def entries(*statuses):
    return [sr.Entry(i + 1, i, s) for i, s in enumerate(statuses)]


def test_the_next_speaker_is_the_first_waiting_then_those_sent_later():
    assert sr.next_speaker(entries("done", "waiting", "waiting")) == 2
    assert sr.next_speaker(entries("later", "done", "waiting")) == 3
    assert sr.next_speaker(entries("later", "done", "done")) == 1
    assert sr.next_speaker(entries("done", "passed")) is None


def test_the_current_speaker_is_never_their_own_next():
    assert sr.next_speaker(entries("later", "waiting"), current=2) == 1
    assert sr.next_speaker(entries("later"), current=1) is None


def test_skipped_twice_means_passing_ones_turn():
    assert sr.skipped_status("waiting") == "later"
    assert sr.skipped_status("later") == "passed"


def test_previous_speaker_goes_back_in_order():
    rows = entries("done", "done", "waiting")
    assert sr.previous_speaker(rows, current=3) == 2
    assert sr.previous_speaker(rows, current=None) == 2
    assert sr.previous_speaker(entries("waiting", "waiting"), current=1) is None


@pytest.mark.parametrize("value", [0, 9, -60, 1801, "une minute", None])
def test_absurd_times_per_speaker_are_refused(value):
    with pytest.raises(InvalidInput, match="Rien n'a été modifié"):
        sr.require_speaker_seconds(value)


def test_unknown_kind_is_refused_and_known_kinds_have_french_names():
    with pytest.raises(InvalidInput):
        sr.require_kind("debate")
    assert sr.KINDS["closing"] == "Déclusion"
    assert sr.progress(entries("done", "passed", "waiting")) == (2, 3)


def test_a_one_minute_turn_is_not_all_last_minute_but_warns_at_the_end():
    from kitcop_desktop.domain.clock import FakeClock
    from kitcop_desktop.domain.countdown import Stage

    clock = FakeClock()
    countdown = sr.SpeakerCountdown(60, clock)
    countdown.start()
    clock.advance(10)
    assert countdown.stage() == Stage.NORMAL
    clock.advance(40)
    assert countdown.stage() == Stage.WARNING
    clock.advance(15)
    assert countdown.stage() == Stage.OVERRUN and countdown.text() == "+00:05"
