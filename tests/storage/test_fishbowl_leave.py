"""« Quitter l'atelier » in the fishbowl: someone leaves for good, in the real SQLite store, and
the .kitcop files carry it (an older file without the column still imports)."""

from __future__ import annotations

import json

import pytest

from kitcop_desktop.domain.clock import FakeClock
from kitcop_desktop.domain.validation import InvalidInput
from kitcop_desktop.storage import exchange, fishbowl, participants

from .exchange_support import export_bytes

PEOPLE = "Claire Dubois\t\tpublic\nThomas Girard\t\tprivé\nNadia Haddad\nLéa Fontaine\n"


@pytest.fixture
def bowl(store, workshop_id):
    with store.write() as s:
        participants.paste(s, workshop_id, PEOPLE)
        fb = fishbowl.create(s, workshop_id)
        ids = {m.name.split()[0]: m.id for m in fishbowl.members(s, fb.id)}
    return fb.id, ids


def test_leaving_while_seated_and_speaking_closes_the_seat_and_the_turn(store, bowl):
    fb_id, ids = bowl
    clock = FakeClock()
    with store.write() as s:
        fishbowl.seat(s, fb_id, ids["Claire"], clock.wall())
        fishbowl.speak(s, fb_id, ids["Claire"], clock.wall())
    clock.advance(40)
    with store.write() as s:
        fishbowl.leave_for_good(s, fb_id, ids["Claire"], clock.wall())
    clock.advance(300)  # her turn ended when she left: these minutes are not hers
    with store.read() as s:
        centre = fishbowl.centre(s, fb_id)
        result = fishbowl.stats(s, fb_id, clock.wall())
        assert fishbowl.get(s, fb_id).state == "running"
    assert centre.seated == {} and centre.speaker is None
    claire = next(p for p in result.people if p.member_id == ids["Claire"])
    assert (claire.seconds, claire.turns, claire.left) == (40, 1, True)
    assert result.total_seconds == 40  # what she said still counts
    assert claire.share == 1.0


def test_someone_who_left_cannot_sit_or_speak_and_nothing_changes(store, bowl):
    fb_id, ids = bowl
    clock = FakeClock()
    with store.write() as s:
        fishbowl.leave_for_good(s, fb_id, ids["Léa"], clock.wall())
    refused = "Léa Fontaine a quitté l'atelier. Rien n'a été modifié."
    with pytest.raises(InvalidInput, match=refused), store.write() as s:
        fishbowl.seat(s, fb_id, ids["Léa"], clock.wall())
    with pytest.raises(InvalidInput, match="a quitté l'atelier"), store.write() as s:
        fishbowl.speak(s, fb_id, ids["Léa"], clock.wall())
    with pytest.raises(InvalidInput, match="déjà quitté"), store.write() as s:
        fishbowl.leave_for_good(s, fb_id, ids["Léa"], clock.wall())
    with pytest.raises(InvalidInput, match="Revient dans l'atelier"), store.write() as s:
        fishbowl.add_latecomer(s, fb_id, "léa fontaine")  # back at the door: not a second Léa
    with store.read() as s:
        assert fishbowl.centre(s, fb_id).seated == {}
        assert fishbowl.get(s, fb_id).state == "setup"


def test_undo_and_come_back_restore_the_seat_the_turn_and_the_place_in_the_circle(store, bowl):
    fb_id, ids = bowl
    clock = FakeClock()
    with store.write() as s:
        fishbowl.seat(s, fb_id, ids["Thomas"], clock.wall())
        fishbowl.speak(s, fb_id, ids["Thomas"], clock.wall())
    clock.advance(20)
    with store.write() as s:
        snap = fishbowl.leave_for_good(s, fb_id, ids["Thomas"], clock.wall())
    with store.write() as s:
        fishbowl.restore_live(s, snap)  # Ctrl+Z
    with store.read() as s:
        centre = fishbowl.centre(s, fb_id)
        thomas = next(m for m in fishbowl.members(s, fb_id) if m.id == ids["Thomas"])
        assert thomas.left_at is None
    assert centre.seated == {0: ids["Thomas"]} and centre.speaker == ids["Thomas"]

    with store.write() as s:
        fishbowl.leave_for_good(s, fb_id, ids["Thomas"], clock.wall())
    with store.write() as s:
        back = fishbowl.come_back(s, fb_id, ids["Thomas"])
    with store.write() as s:
        fishbowl.seat(s, fb_id, ids["Thomas"], clock.wall())  # back in the circle: may sit
    with store.write() as s:
        fishbowl.restore_live(s, back)  # undoing the return: gone again, never seated
    with store.read() as s:
        assert fishbowl.centre(s, fb_id).seated == {}
        assert fishbowl.stats(s, fb_id, clock.wall()).people[0].left
    with pytest.raises(InvalidInput, match="toujours dans l'atelier"), store.write() as s:
        fishbowl.come_back(s, fb_id, ids["Claire"])


def test_who_left_without_speaking_is_not_counted_as_not_yet_spoken(store, bowl):
    fb_id, ids = bowl
    clock = FakeClock()
    with store.write() as s:
        fishbowl.leave_for_good(s, fb_id, ids["Nadia"], clock.wall())
    with store.read() as s:
        result = fishbowl.stats(s, fb_id, clock.wall())
    assert result.silent == ["Claire Dubois", "Thomas Girard", "Léa Fontaine"]
    assert [p.name for p in result.people if p.left] == ["Nadia Haddad"]


def test_leaving_is_exported_and_an_older_file_without_it_still_imports(
    store, bowl, workshop_id, tmp_path
):
    fb_id, ids = bowl
    with store.write() as s:
        fishbowl.leave_for_good(s, fb_id, ids["Léa"], FakeClock().wall())
    envelope = json.loads(export_bytes(store, workshop_id))
    rows = envelope["tables"]["fishbowl_members"]
    assert [r["name"] for r in rows if r["left_at"]] == ["Léa Fontaine"]

    path = tmp_path / "avec_depart.kitcop"
    path.write_text(json.dumps(envelope), encoding="utf-8")
    copy = exchange.import_file(store, path).workshop_id
    for row in rows:
        del row["left_at"]  # a file written before the column existed
    older = tmp_path / "ancien.kitcop"
    older.write_text(json.dumps(envelope), encoding="utf-8")
    old_copy = exchange.import_file(store, older).workshop_id
    with store.read() as s:
        (bowl_copy,) = fishbowl.list_fishbowls(s, copy)
        (bowl_old,) = fishbowl.list_fishbowls(s, old_copy)
        left = [m.name for m in fishbowl.members(s, bowl_copy.id) if m.left_at is not None]
        assert left == ["Léa Fontaine"]
        assert all(m.left_at is None for m in fishbowl.members(s, bowl_old.id))
