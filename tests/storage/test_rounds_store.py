"""Speaking rounds in the real store: order, next, later, words kept, resume after a kill."""

from __future__ import annotations

import pytest

from kitcop_desktop.domain.clock import FakeClock
from kitcop_desktop.domain.countdown import Countdown
from kitcop_desktop.domain.validation import InvalidInput
from kitcop_desktop.storage import participants, rounds
from kitcop_desktop.storage.migrate import open_store


@pytest.fixture
def round_id(store, workshop_id):
    with store.write() as s:
        participants.paste(s, workshop_id, "Claire\nThomas\nNadia\n")
        return rounds.create_round(s, workshop_id, "closing").id


def current_name(store, round_id):
    with store.read() as s:
        data = rounds.round_data(s, round_id)
    return next((e.name for e in data.entries if e.id == data.current_entry_id), None)


def test_a_round_goes_through_everyone_in_order_and_ends(store, round_id):
    clock = FakeClock()
    names = []
    with store.write() as s:
        rounds.start(s, round_id, clock.wall())
    for _ in range(3):
        names.append(current_name(store, round_id))
        clock.advance(50)
        with store.write() as s:
            rounds.next_speaker(s, round_id, clock.wall())
    assert names == ["Claire", "Thomas", "Nadia"]
    with store.read() as s:
        data = rounds.round_data(s, round_id)
    assert data.state == "finished" and data.current_entry_id is None
    assert [e.spoken_seconds for e in data.entries] == [50, 50, 50]
    assert data.kind_label == "Déclusion"


def test_later_sends_to_the_end_and_twice_means_passing(store, round_id):
    clock = FakeClock()
    with store.write() as s:
        rounds.start(s, round_id, clock.wall())
        rounds.skip(s, round_id, clock.wall())  # Claire: plus tard
        rounds.next_speaker(s, round_id, clock.wall())  # Thomas done
    assert current_name(store, round_id) == "Nadia"
    with store.write() as s:
        rounds.next_speaker(s, round_id, clock.wall())
    assert current_name(store, round_id) == "Claire"
    with store.write() as s:
        rounds.skip(s, round_id, clock.wall())
    with store.read() as s:
        data = rounds.round_data(s, round_id)
    assert [e.status for e in data.entries] == ["passed", "done", "done"]
    assert data.state == "finished"


def test_undo_of_next_gives_the_floor_back_with_its_time(store, round_id):
    clock = FakeClock()
    with store.write() as s:
        rounds.start(s, round_id, clock.wall())
    clock.advance(20)
    with store.write() as s:
        snap = rounds.next_speaker(s, round_id, clock.wall())
        rounds.set_word(s, rounds.entries(s, round_id)[0].id, "Confiante")
        rounds.restore_live(s, snap)
    assert current_name(store, round_id) == "Claire"
    with store.read() as s:
        rnd = rounds.get(s, round_id)
        assert Countdown.from_facts(rounds.speaker_facts(rnd), clock).remaining() == 40
        assert rounds.entries(s, round_id)[0].word == "Confiante"


def test_previous_comes_back_to_the_speaker_before(store, round_id):
    clock = FakeClock()
    with store.write() as s:
        rounds.start(s, round_id, clock.wall())
        rounds.next_speaker(s, round_id, clock.wall())
        rounds.previous_speaker(s, round_id, clock.wall())
    assert current_name(store, round_id) == "Claire"
    with store.read() as s:
        assert [e.status for e in rounds.entries(s, round_id)] == ["waiting"] * 3


def test_captured_words_are_kept_for_the_restitution(store, workshop_id, round_id):
    with store.write() as s:
        ids = [e.id for e in rounds.entries(s, round_id)]
        rounds.set_word(s, ids[0], "  Enthousiaste <3 & 🌱  ", stay_involved=True)
        rounds.set_word(s, ids[1], "Fatigué mais content", stay_involved=False)
    with pytest.raises(InvalidInput, match="trop long"), store.write() as s:
        rounds.set_word(s, ids[2], "x" * 5000)
    with store.read() as s:
        listed = rounds.list_rounds(s, workshop_id)
    assert len(listed) == 1
    words = [(e.name, e.word, e.stay_involved) for e in listed[0].entries]
    assert words == [
        ("Claire", "Enthousiaste <3 & 🌱", True),
        ("Thomas", "Fatigué mais content", False),
        ("Nadia", "", None),
    ]


def test_latecomer_joins_at_the_end_and_a_duplicate_is_refused(store, workshop_id, round_id):
    with store.write() as s:
        rounds.add_latecomer(s, round_id, "Léa")
    with pytest.raises(InvalidInput, match="déjà dans ce tour"), store.write() as s:
        rounds.add_latecomer(s, round_id, "LÉA")
    with store.read() as s:
        assert [e.name for e in rounds.entries(s, round_id)][-1] == "Léa"
        assert "Léa" in [p.name for p in participants.list_for(s, workshop_id)]


def test_resume_after_a_kill_keeps_the_speaker_and_their_countdown(db_path, store, round_id):
    clock = FakeClock()
    with store.write() as s:
        rounds.start(s, round_id, clock.wall())
    clock.advance(75)
    store.engine.dispose()
    again = open_store(db_path)
    try:
        with again.read() as s:
            rnd = rounds.get(s, round_id)
            countdown = Countdown.from_facts(rounds.speaker_facts(rnd), clock)
        assert countdown.text() == "+00:15"
        clock.jump_wall(-3600)  # the system clock is set back: never negative
        with again.read() as s:
            rnd = rounds.get(s, round_id)
            assert Countdown.from_facts(rounds.speaker_facts(rnd), clock).elapsed() == 0
    finally:
        again.close()


@pytest.mark.parametrize(
    "fields", [{"seconds_per_speaker": 0}, {"seconds_per_speaker": -60}, {"title": ""}]
)
def test_bad_round_settings_change_nothing(store, round_id, fields):
    with pytest.raises(InvalidInput, match="Rien n'a été modifié"), store.write() as s:
        rounds.update_round(s, round_id, **fields)
    with store.read() as s:
        assert rounds.get(s, round_id).seconds_per_speaker == 60


def test_those_arriving_on_the_attendance_list_join_the_round_at_the_end(
    store, workshop_id, round_id
):
    with store.write() as s:
        participants.add(s, workshop_id, "Léa").present = True
    with store.write() as s:
        added = rounds.sync_entries(s, round_id)
        assert rounds.sync_entries(s, round_id) == []
    with store.read() as s:
        assert [e.name for e in rounds.entries(s, round_id)] == ["Claire", "Thomas", "Nadia", "Léa"]
    with store.write() as s:
        rounds.remove_entries(s, added)
    with store.read() as s:
        assert len(rounds.entries(s, round_id)) == 3
