"""The fishbowl in the real SQLite store: a short session, undo, bad input, resume after a kill."""

from __future__ import annotations

import pytest

from kitcop_desktop.domain.clock import FakeClock
from kitcop_desktop.domain.countdown import Countdown
from kitcop_desktop.domain.validation import InvalidInput
from kitcop_desktop.storage import fishbowl, fishbowl_notes, participants
from kitcop_desktop.storage.migrate import open_store

PEOPLE = "Claire Dubois\t\tpublic\nThomas Girard\t\tprivé\nNadia Haddad\t\tpara-public\nLéa Fontaine\nKarim Benali\n"


@pytest.fixture
def bowl(store, workshop_id):
    with store.write() as s:
        participants.paste(s, workshop_id, PEOPLE)
        fb = fishbowl.create(s, workshop_id)
        ids = {m.name.split()[0]: m.id for m in fishbowl.members(s, fb.id)}
    return fb.id, ids


def test_a_new_fishbowl_takes_the_attendance_list_four_chairs_and_the_2030_question(store, bowl):
    fb_id, ids = bowl
    with store.read() as s:
        fb = fishbowl.get(s, fb_id)
        assert fb.chairs == 4
        assert fb.question.startswith("Nous sommes en 2030")
        assert fb.state == "setup"
    assert list(ids) == ["Claire", "Thomas", "Nadia", "Léa", "Karim"]


def test_a_short_fishbowl_counts_who_spoke_for_how_long(store, bowl):
    fb_id, ids = bowl
    clock = FakeClock()
    with store.write() as s:
        fishbowl.seat(s, fb_id, ids["Claire"], clock.wall())
        fishbowl.seat(s, fb_id, ids["Thomas"], clock.wall())
        fishbowl.speak(s, fb_id, ids["Claire"], clock.wall())
    clock.advance(90)
    with store.write() as s:
        fishbowl.speak(s, fb_id, ids["Thomas"], clock.wall())  # Claire stops at once
    clock.advance(30)
    with store.write() as s:
        fishbowl.leave(s, fb_id, ids["Thomas"], clock.wall())  # leaving ends the turn
    clock.advance(600)  # nobody speaks: nothing counted
    with store.read() as s:
        result = fishbowl.stats(s, fb_id, clock.wall())
        assert fishbowl.get(s, fb_id).state == "running"
    by_name = {p.name: p for p in result.people}
    assert by_name["Claire Dubois"].seconds == 90
    assert by_name["Thomas Girard"].seconds == 30
    assert by_name["Thomas Girard"].category == "private"
    assert by_name["Claire Dubois"].share == pytest.approx(0.75)
    assert result.silent == ["Nadia Haddad", "Léa Fontaine", "Karim Benali"]


def test_one_chair_always_stays_empty(store, bowl):
    fb_id, ids = bowl
    clock = FakeClock()
    with store.write() as s:
        for name in ("Claire", "Thomas", "Nadia"):
            fishbowl.seat(s, fb_id, ids[name], clock.wall())
            clock.advance(10)
    with store.read() as s:
        plan = fishbowl.plan_seat(s, fb_id, ids["Léa"], clock.wall())
    assert plan.must_leave and plan.proposed_leaver == ids["Claire"]
    with pytest.raises(InvalidInput, match="chaise doit rester vide"), store.write() as s:
        fishbowl.seat(s, fb_id, ids["Léa"], clock.wall())
    with store.write() as s:
        fishbowl.seat(s, fb_id, ids["Léa"], clock.wall(), leaver_id=ids["Claire"])
    with store.read() as s:
        centre = fishbowl.centre(s, fb_id)
    assert sorted(centre.seated.values()) == sorted([ids["Thomas"], ids["Nadia"], ids["Léa"]])
    assert len(centre.free_chairs) == 1


def test_undo_puts_the_centre_back_exactly(store, bowl):
    fb_id, ids = bowl
    clock = FakeClock()
    with store.write() as s:
        fishbowl.seat(s, fb_id, ids["Claire"], clock.wall())
        fishbowl.speak(s, fb_id, ids["Claire"], clock.wall())
    clock.advance(20)
    with store.write() as s:
        snap = fishbowl.seat(s, fb_id, ids["Thomas"], clock.wall())
        fishbowl.restore_live(s, snap)
    with store.read() as s:
        centre = fishbowl.centre(s, fb_id)
    assert list(centre.seated.values()) == [ids["Claire"]]
    assert centre.speaker == ids["Claire"]


def test_only_the_centre_speaks_and_never_two_at_once(store, bowl):
    fb_id, ids = bowl
    clock = FakeClock()
    with store.write() as s:
        fishbowl.seat(s, fb_id, ids["Claire"], clock.wall())
        fishbowl.seat(s, fb_id, ids["Thomas"], clock.wall())
        fishbowl.speak(s, fb_id, ids["Claire"], clock.wall())
        fishbowl.speak(s, fb_id, ids["Thomas"], clock.wall())
    with pytest.raises(InvalidInput, match="pas au centre"), store.write() as s:
        fishbowl.speak(s, fb_id, ids["Nadia"], clock.wall())
    with store.read() as s:
        assert fishbowl.centre(s, fb_id).speaker == ids["Thomas"]
        open_turns = [t for t in fishbowl.turns(s, fb_id) if t.ended_at is None]
    assert len(open_turns) == 1


def test_a_participant_removed_while_seated_keeps_their_seat_and_time(store, bowl, workshop_id):
    fb_id, ids = bowl
    clock = FakeClock()
    with store.write() as s:
        fishbowl.seat(s, fb_id, ids["Karim"], clock.wall())
        fishbowl.speak(s, fb_id, ids["Karim"], clock.wall())
    clock.advance(40)
    with store.write() as s:
        karim = [p for p in participants.list_for(s, workshop_id) if p.name == "Karim Benali"]
        participants.remove(s, [karim[0].id])
    with store.read() as s:
        result = fishbowl.stats(s, fb_id, clock.wall())
    assert {p.name: p.seconds for p in result.people}["Karim Benali"] == 40


def test_after_finish_clicks_are_refused_and_undo_reopens(store, bowl):
    fb_id, ids = bowl
    clock = FakeClock()
    with store.write() as s:
        fishbowl.seat(s, fb_id, ids["Claire"], clock.wall())
        fishbowl.speak(s, fb_id, ids["Claire"], clock.wall())
    clock.advance(30)
    with store.write() as s:
        snap = fishbowl.finish(s, fb_id, clock.wall())
    clock.advance(300)
    with pytest.raises(InvalidInput, match="terminé"), store.write() as s:
        fishbowl.seat(s, fb_id, ids["Thomas"], clock.wall())
    with store.read() as s:
        assert fishbowl.stats(s, fb_id, clock.wall()).total_seconds == 30
        assert fishbowl.centre(s, fb_id).seated == {}
    with store.write() as s:
        fishbowl.restore_live(s, snap)
        assert fishbowl.get(s, fb_id).state == "running"


def test_after_a_kill_the_session_resumes_where_it_was(db_path, store, bowl):
    fb_id, ids = bowl
    clock = FakeClock()
    with store.write() as s:
        fishbowl.seat(s, fb_id, ids["Nadia"], clock.wall())
        fishbowl.speak(s, fb_id, ids["Nadia"], clock.wall())
    clock.advance(125)
    store.engine.dispose()  # the app dies; a new process opens the file
    again = open_store(db_path)
    try:
        with again.read() as s:
            fb = fishbowl.get(s, fb_id)
            assert fishbowl.centre(s, fb_id).speaker == ids["Nadia"]
            seconds = {p.name: p.seconds for p in fishbowl.stats(s, fb_id, clock.wall()).people}
            timebox = Countdown.from_facts(fishbowl.timebox_facts(fb), clock)
        assert seconds["Nadia Haddad"] == 125
        assert timebox.running and timebox.remaining() == 35 * 60 - 125
    finally:
        again.close()


def test_latecomers_join_the_circle_and_the_attendance_list(store, bowl, workshop_id):
    fb_id, _ = bowl
    with store.write() as s:
        added = fishbowl.add_latecomer(s, fb_id, "Émilie <Vasseur> & 🌱")
    with pytest.raises(InvalidInput, match="déjà dans le cercle"), store.write() as s:
        fishbowl.add_latecomer(s, fb_id, "émilie <vasseur> & 🌱")
    with store.read() as s:
        names = [p.name for p in participants.list_for(s, workshop_id)]
        assert "Émilie <Vasseur> & 🌱" in names
    with store.write() as s:
        fishbowl.undo_latecomer(s, added)
    with store.read() as s:
        assert len(fishbowl.members(s, fb_id)) == 5
        assert len(participants.list_for(s, workshop_id)) == 5


@pytest.mark.parametrize(
    "fields",
    [
        {"chairs": 1},
        {"chairs": 99},
        {"timebox_minutes": -5},
        {"title": "  "},
        {"question": "x" * 5000},
    ],
)
def test_bad_setup_is_refused_and_changes_nothing(store, bowl, fields):
    fb_id, _ = bowl
    with pytest.raises(InvalidInput, match="Rien n'a été modifié"), store.write() as s:
        fishbowl.update_setup(s, fb_id, **fields)
    with store.read() as s:
        fb = fishbowl.get(s, fb_id)
        assert (fb.chairs, fb.timebox_minutes, fb.title) == (4, 35, "Projection 2030")


def test_fewer_chairs_than_people_seated_is_refused(store, bowl):
    fb_id, ids = bowl
    clock = FakeClock()
    with store.write() as s:
        for name in ("Claire", "Thomas", "Nadia"):
            fishbowl.seat(s, fb_id, ids[name], clock.wall())
    with pytest.raises(InvalidInput, match="chaise doit rester vide"), store.write() as s:
        fishbowl.update_setup(s, fb_id, chairs=3)


def test_private_notes_under_headings_and_deleting_the_fishbowl_can_be_undone(store, bowl):
    fb_id, _ = bowl
    with store.write() as s:
        fishbowl_notes.add_note(s, fb_id, "levers", "Un guichet unique <b>rénovation</b>")
        fishbowl_notes.add_note(s, fb_id, "actions", "Former 200 artisans & apprentis")
    with pytest.raises(InvalidInput), store.write() as s:
        fishbowl_notes.add_note(s, fb_id, "levers", "   ")
    with store.read() as s:
        notes = fishbowl_notes.note_data(s, fb_id)
    assert [n.heading for n in notes] == ["actions", "levers"]
    with store.write() as s:
        data = fishbowl.delete_fishbowl(s, fb_id)
    with store.write() as s:
        fishbowl.recreate(s, data)
    with store.read() as s:
        assert [n.text for n in fishbowl_notes.note_data(s, fb_id)][
            1
        ] == "Un guichet unique <b>rénovation</b>"
        assert len(fishbowl.members(s, fb_id)) == 5


def test_those_arriving_on_the_attendance_list_join_the_circle_once(store, bowl, workshop_id):
    fb_id, _ = bowl
    with store.write() as s:
        late = participants.add(s, workshop_id, "Olivier Chabert")
        late.present = True
        participants.add(s, workshop_id, "Absent Toujours")
    with store.write() as s:
        added = fishbowl.sync_members(s, fb_id)
        assert fishbowl.sync_members(s, fb_id) == []
    assert len(added) == 1
    with store.read() as s:
        assert [m.name for m in fishbowl.members(s, fb_id)][-1] == "Olivier Chabert"
    with store.write() as s:
        fishbowl.remove_members(s, added)
    with store.read() as s:
        assert len(fishbowl.members(s, fb_id)) == 5
