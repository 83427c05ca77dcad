"""`kitcop demo` includes a finished fishbowl with notes and a finished déclusion round."""

from __future__ import annotations

from kitcop_desktop.storage import fishbowl, fishbowl_notes, rounds


def test_the_demo_has_a_finished_fishbowl_with_notes_and_a_declusion(store, demo):
    workshop_id = demo
    with store.read() as s:
        bowls = fishbowl.list_fishbowls(s, workshop_id)
        assert len(bowls) == 1 and bowls[0].state == "finished"
        stats = fishbowl.stats(s, bowls[0].id)
        notes = fishbowl_notes.note_data(s, bowls[0].id)
        listed = rounds.list_rounds(s, workshop_id)
    assert stats.total_seconds > 20 * 60
    assert len([p for p in stats.people if p.turns]) >= 8
    assert stats.silent  # some never took the floor: what the facilitator wants to see
    assert {n.heading for n in notes} == {"actions", "levers", "brakes_overcome"}
    closing = [r for r in listed if r.kind == "closing"][0]
    assert closing.state == "finished"
    assert all(e.word and e.status == "done" for e in closing.entries)
    assert any(e.stay_involved is False for e in closing.entries)
    check_in = [r for r in listed if r.kind == "check_in"][0]
    assert check_in.state == "setup"  # ready to run
