"""Fishbowl rules with an injected clock: seats, the empty chair, speaking time, statistics."""

from __future__ import annotations

from datetime import timedelta

import pytest

from kitcop_desktop.domain import fishbowl as fb
from kitcop_desktop.domain.clock import FakeClock
from kitcop_desktop.domain.validation import InvalidInput


def test_a_free_chair_is_taken_without_asking_anyone_to_leave():
    clock = FakeClock()
    state = fb.centre(4, [fb.Seating(1, 0, clock.wall())], [])
    plan = fb.plan_seat(state, 2, clock.wall())
    assert plan == fb.SeatPlan(chair=1, must_leave=False, proposed_leaver=None)


def test_taking_the_last_free_chair_proposes_the_longest_seated_to_leave():
    clock = FakeClock()
    seatings = []
    for member, chair in ((1, 0), (2, 1), (3, 2)):
        seatings.append(fb.Seating(member, chair, clock.wall()))
        clock.advance(60)
    state = fb.centre(4, seatings, [])
    plan = fb.plan_seat(state, 9, clock.wall())
    assert plan.chair == 3
    assert plan.must_leave
    assert plan.proposed_leaver == 1


def test_someone_already_in_the_centre_cannot_sit_twice():
    clock = FakeClock()
    state = fb.centre(4, [fb.Seating(1, 0, clock.wall())], [])
    with pytest.raises(InvalidInput, match="déjà au centre"):
        fb.plan_seat(state, 1, clock.wall())


@pytest.mark.parametrize("value", [1, 0, -3, 13, 10_000, "quatre", None])
def test_absurd_chair_counts_are_refused_in_french(value):
    with pytest.raises(InvalidInput, match="Rien n'a été modifié"):
        fb.require_chairs(value)


def test_stats_count_time_turns_share_silence_and_categories():
    clock = FakeClock()
    t0 = clock.wall()
    members = [
        fb.Member(1, "Claire", "public"),
        fb.Member(2, "Thomas", "private"),
        fb.Member(3, "Nadia", "para_public"),
    ]
    turns = [
        fb.Turn(1, t0, t0 + timedelta(seconds=90)),
        fb.Turn(2, t0 + timedelta(seconds=90), t0 + timedelta(seconds=120)),
        fb.Turn(1, t0 + timedelta(seconds=120), None),  # still speaking
    ]
    now = t0 + timedelta(seconds=150)
    result = fb.stats(members, [], turns, now)
    claire, thomas = result.people[0], result.people[1]
    assert (claire.name, claire.seconds, claire.turns) == ("Claire", 120.0, 2)
    assert (thomas.name, thomas.seconds, thomas.turns) == ("Thomas", 30.0, 1)
    assert result.total_seconds == 150.0
    assert claire.share == pytest.approx(0.8)
    assert result.silent == ["Nadia"]
    assert result.by_category == {"public": 120.0, "private": 30.0, "para_public": 0.0}


def test_a_wall_clock_that_went_backwards_never_gives_negative_time():
    clock = FakeClock()
    t0 = clock.wall()
    turns = [fb.Turn(1, t0, None)]
    result = fb.stats([fb.Member(1, "Claire")], [], turns, t0 - timedelta(hours=1))
    assert result.people[0].seconds == 0.0
    assert result.people[0].share == 0.0


def test_speaking_time_reads_in_french():
    assert fb.speaking_clock(45.9) == "45\u00a0s"
    assert fb.speaking_clock(125) == "2\u00a0min\u00a005\u00a0s"
    assert fb.speaking_clock(-4) == "0\u00a0s"
    assert fb.percent(0.333) == "33\u00a0%"
