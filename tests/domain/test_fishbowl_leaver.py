"""#13 item 11: when the last free chair is taken, who is proposed to leave the centre.

The rule (fishbowl.LEAVER_RULE): the one silent for the longest time, never the current speaker
(unless nobody else sits there)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from kitcop_desktop.domain import fishbowl as fb

T0 = datetime(2026, 3, 3, 9, 0, tzinfo=UTC)


def at(seconds: int) -> datetime:
    return T0 + timedelta(seconds=seconds)


def test_the_current_speaker_is_never_proposed_even_when_seated_longest():
    seatings = [fb.Seating(1, 0, at(0)), fb.Seating(2, 1, at(20)), fb.Seating(3, 2, at(40))]
    turns = [fb.Turn(1, at(60))]  # Claire, seated first, is speaking
    plan = fb.plan_seat(fb.centre(4, seatings, turns), 9, at(90), turns)
    assert plan.must_leave and plan.proposed_leaver == 2  # sat at 20 s and has not spoken


def test_who_spoke_longest_ago_is_proposed_before_who_just_finished():
    seatings = [fb.Seating(1, 0, at(0)), fb.Seating(2, 1, at(10)), fb.Seating(3, 2, at(20))]
    turns = [
        fb.Turn(2, at(30), at(50)),  # spoke, then quiet since 50 s
        fb.Turn(1, at(60), at(200)),  # quiet since 200 s
        fb.Turn(3, at(210), at(260)),  # quiet since 260 s
    ]
    plan = fb.plan_seat(fb.centre(4, seatings, turns), 9, at(300), turns)
    assert plan.proposed_leaver == 2


def test_with_two_chairs_the_speaker_is_the_only_one_who_can_leave():
    seatings = [fb.Seating(1, 0, at(0))]
    turns = [fb.Turn(1, at(5))]
    assert fb.plan_seat(fb.centre(2, seatings, turns), 9, at(30), turns).proposed_leaver == 1


@st.composite
def centres(draw):
    chairs = draw(st.integers(2, 8))
    seated = chairs - 1  # the next one to sit takes the last free chair
    members = list(range(1, seated + 1))
    seatings = [fb.Seating(m, c, at(draw(st.integers(0, 600)))) for c, m in enumerate(members)]
    turns = []
    for m, s in zip(members, seatings, strict=True):
        start = s.sat_at
        for _ in range(draw(st.integers(0, 3))):
            start = start + timedelta(seconds=draw(st.integers(0, 120)))
            end = start + timedelta(seconds=draw(st.integers(1, 120)))
            turns.append(fb.Turn(m, start, end))
            start = end
    speaker = draw(st.none() | st.sampled_from(members))
    if speaker is not None:
        turns.append(fb.Turn(speaker, at(2000)))
    return chairs, seatings, turns, speaker


@given(centres())
def test_properties_of_the_proposed_leaver(data):
    chairs, seatings, turns, speaker = data
    state = fb.centre(chairs, seatings, turns)
    assert len(state.free_chairs) == 1
    proposed = fb.plan_seat(state, 99, at(3000), turns).proposed_leaver
    others = [m for m in state.seated.values() if m != speaker]
    assert proposed in state.seated.values()
    if others:
        assert proposed != speaker
        quiet = state.quiet_since(turns)
        assert quiet[proposed] == min(quiet[m] for m in others)
