"""Random click sequences on a real store: the rules always hold and every undo is exact.

Whatever the facilitator clicks (seat, leave, speak, stop, timebox, finish), in any order and
at any pace: one chair stays empty, at most one person speaks, only the centre speaks, times
are never negative, and undoing each click in reverse gives back exactly the state before it.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kitcop_desktop.domain.clock import FakeClock
from kitcop_desktop.domain.validation import InvalidInput
from kitcop_desktop.storage import fishbowl, participants, workshops
from kitcop_desktop.storage.errors import NotFound

ACTIONS = st.lists(
    st.tuples(
        st.sampled_from(["seat", "leave", "speak", "stop", "timebox", "finish"]),
        st.integers(0, 5),  # who
        st.integers(0, 400),  # seconds before the click
        st.booleans(),  # the wall clock jumps back an hour first
    ),
    max_size=25,
)


def state(store, bowl_id, now):
    with store.read() as s:
        fb = fishbowl.get(s, bowl_id)
        centre = fishbowl.centre(s, bowl_id)
        stats = fishbowl.stats(s, bowl_id, now)
        return (
            fb.state,
            fb.timebox_elapsed_before,
            fb.timebox_running_since,
            dict(centre.seated),
            centre.speaker,
            [(p.member_id, p.seconds, p.turns) for p in stats.people],
        )


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(actions=ACTIONS)
def test_random_clicks_keep_the_rules_and_undo_exactly(store, actions):
    clock = FakeClock()
    with store.write() as s:
        wid = workshops.create(s, "Propriétés").id
        participants.paste(s, wid, "\n".join(f"P{i}" for i in range(6)))
        bowl = fishbowl.create(s, wid).id
        ids = [m.id for m in fishbowl.members(s, bowl)]
    history = []
    for action, who, wait, jump in actions:
        clock.advance(wait)
        if jump:
            clock.jump_wall(-3600)
        now = clock.wall()
        before = state(store, bowl, now)
        member = ids[who]
        try:
            with store.write() as s:
                if action == "seat":
                    plan = fishbowl.plan_seat(s, bowl, member, now)
                    snap = fishbowl.seat(s, bowl, member, now, plan.proposed_leaver)
                elif action == "leave":
                    snap = fishbowl.leave(s, bowl, member, now)
                elif action == "speak":
                    snap = fishbowl.speak(s, bowl, member, now)
                elif action == "stop":
                    snap = fishbowl.stop_speaking(s, bowl, now)
                elif action == "timebox":
                    snap = fishbowl.toggle_timebox(s, bowl, now)
                else:
                    snap = fishbowl.finish(s, bowl, now)
        except (InvalidInput, NotFound):
            assert state(store, bowl, now) == before  # refused: nothing changed
            continue
        history.append((snap, before, now))
        after = state(store, bowl, now)
        seated, speaker, people = after[3], after[4], after[5]
        assert len(seated) <= 3  # one of the four chairs stays empty
        assert speaker is None or speaker in seated.values()
        assert all(seconds >= 0 for _, seconds, _ in people)
        with store.read() as s:
            assert fishbowl.get(s, bowl).timebox_elapsed_before >= 0
    for snap, before, now in reversed(history):
        with store.write() as s:
            fishbowl.restore_live(s, snap)
        assert state(store, bowl, now) == before
