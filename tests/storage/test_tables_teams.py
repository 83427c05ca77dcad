"""#24, seed 004 on the day: the world café's four teams, dealt when preparing, stay as they
were when « Répartir automatiquement » runs again after the attendance is ticked (the absent
leave their team, a newcomer joins the smallest, nobody else changes team); « Par équipes… »
with no teams goes back to mixing; undo, the .kitcop file and migration 0023 keep the teams."""

from __future__ import annotations

import sqlite3

from sqlalchemy import update

from kitcop_desktop.storage import (
    attendance,
    exchange,
    participants,
    tables_cafe,
    tables_room,
    tables_seating,
)
from kitcop_desktop.storage.migrate import current_revision, open_store
from kitcop_desktop.storage.models.seating import Seat
from kitcop_desktop.storage.schema_head import SCHEMA_HEAD
from tests.storage.exchange_support import dump
from tests.storage.old_rows import add_workshop
from tests.storage.test_tables import people


def world_cafe_in_teams(store, workshop_id: int, count: int = 30) -> list[int]:
    ids = people(store, workshop_id, count)
    with store.write() as s:
        tables_cafe.prepare_cafe(s, workshop_id, "world_cafe")  # 4 tables, 4 rotations
        tables_seating.assign_automatically(s, workshop_id, teams=4)
    return ids


def teams_of(store, workshop_id: int) -> list[set[int]]:
    with store.read() as s:
        return [set(team) for team in tables_seating.current_teams(s, workshop_id)]


def together_every_round(store, workshop_id: int, teams: list[set[int]]) -> None:
    with store.read() as s:
        rounds = tables_seating.list_rounds(s, workshop_id)
    for plan in rounds:
        assert {frozenset(p) for p in plan.seated.values() if p} == {frozenset(t) for t in teams}


def test_assigning_again_after_the_attendance_keeps_the_four_teams(store, workshop_id):
    ids = world_cafe_in_teams(store, workshop_id)
    before = teams_of(store, workshop_id)
    assert sorted(len(t) for t in before) == [7, 7, 8, 8]
    absent = {ids[0], ids[1]}  # both in the first team? whichever: they leave theirs
    with store.write() as s:
        newcomer = participants.add(s, workshop_id, "Nouvelle Venue", "Mission locale").id
        attendance.set_presence(s, {p: p not in absent for p in [*ids, newcomer]})
        tables_seating.assign_automatically(s, workshop_id)  # « Répartir automatiquement »
    after = teams_of(store, workshop_id)
    assert len(after) == 4
    for old, new in zip(before, after, strict=True):
        assert old - absent == new - {newcomer}  # nobody present changed team
    joined = next(t for t in after if newcomer in t)
    assert len(joined) - 1 == min(len(old - absent) for old in before)  # the smallest
    together_every_round(store, workshop_id, after)


def test_no_teams_goes_back_to_new_people_met_at_each_round_and_undo_brings_them_back(
    store, workshop_id
):
    world_cafe_in_teams(store, workshop_id)
    teams = teams_of(store, workshop_id)
    before = dump(store)
    with store.write() as s:
        snapshot = tables_seating.assign_automatically(s, workshop_id, teams=0)
    assert teams_of(store, workshop_id) == []
    with store.write() as s:
        tables_seating.assign_automatically(s, workshop_id)  # stays without teams
    assert teams_of(store, workshop_id) == []
    with store.read() as s:
        rounds = tables_seating.list_rounds(s, workshop_id)
    assert {frozenset(p) for p in rounds[0].seated.values()} != {
        frozenset(p) for p in rounds[1].seated.values()
    }
    with store.write() as s:
        tables_seating.restore_seating(s, workshop_id, snapshot)
    assert teams_of(store, workshop_id) == teams
    assert dump(store) == before


def test_a_person_moved_by_hand_stays_in_their_team(store, workshop_id):
    world_cafe_in_teams(store, workshop_id)
    teams = teams_of(store, workshop_id)
    with store.read() as s:
        second = tables_seating.list_rounds(s, workshop_id)[1]
    person = next(iter(teams[0]))
    other = next(t for t, seated in second.seated.items() if person not in seated)
    with store.write() as s:
        tables_seating.move_person(s, second.id, person, other)
        tables_seating.assign_automatically(s, workshop_id)
    assert teams_of(store, workshop_id) == teams
    with store.read() as s:
        again = tables_seating.list_rounds(s, workshop_id)[1]
    assert person in again.seated[other] and again.by_hand == {person}


def test_the_kitcop_file_carries_the_teams(store, workshop_id, tmp_path):
    world_cafe_in_teams(store, workshop_id)
    with store.read() as s:
        names = {p.id: p.name for p in participants.list_for(s, workshop_id)}
        data = exchange.export_workshop(s, workshop_id)
    mine = [{names[p] for p in team} for team in teams_of(store, workshop_id)]
    path = tmp_path / "world-cafe.kitcop"
    path.write_bytes(data)
    with store.write() as s:
        copy = exchange.import_in(s, exchange.read_file(path)).workshop_id
    with store.read() as s:
        theirs_names = {p.id: p.name for p in participants.list_for(s, copy)}
    theirs = [{theirs_names[p] for p in team} for team in teams_of(store, copy)]
    assert theirs == mine
    with store.write() as s:
        tables_seating.assign_automatically(s, copy)  # run again on the other laptop
    assert [{theirs_names[p] for p in team} for team in teams_of(store, copy)] == mine


def test_migration_0023_keeps_the_seats_of_a_file_from_before(db_path):
    open_store(db_path, target="0022_actor_aliases").close()
    wid = add_workshop(db_path, "World café d'avant")  # as 0022 had it, in SQL
    old = open_store(db_path, target="0022_actor_aliases")
    with old.write() as s:
        ids = [participants.add(s, wid, f"Personne {n}").id for n in range(12)]
    old.close()
    con = sqlite3.connect(db_path)  # rows as 0022 had them: no team column yet
    table_ids = [
        con.execute(
            "insert into seating_tables (workshop_id, position, name, topic, host_name,"
            " created_at, updated_at) values (?, ?, ?, '', '', '2026-01-01', '2026-01-01')",
            (wid, n, f"Table {n}"),
        ).lastrowid
        for n in range(1, 5)
    ]
    round_id = con.execute(
        "insert into seating_rounds (workshop_id, number) values (?, 1)", (wid,)
    ).lastrowid
    for n, person in enumerate(ids):
        con.execute(
            "insert into seats (round_id, table_id, participant_id, position, by_hand)"
            " values (?, ?, ?, ?, 0)",
            (round_id, table_ids[n % 4], person, n // 4),
        )
    con.commit()
    assert "team" not in [row[1] for row in con.execute("PRAGMA table_info(seats)")]
    con.close()
    store = open_store(db_path)
    try:
        assert current_revision(store) == SCHEMA_HEAD
        with store.read() as s:
            (plan,) = tables_seating.list_rounds(s, wid)
            assert plan.seated == {t: ids[n::4] for n, t in enumerate(table_ids)}
            assert tables_seating.current_teams(s, wid) == []  # seated without teams
        with store.write() as s:
            tables_seating.assign_automatically(s, wid, teams=4)
        assert sorted(len(t) for t in teams_of(store, wid)) == [3, 3, 3, 3]
        assert set().union(*teams_of(store, wid)) == set(ids)
    finally:
        store.close()


def test_odd_team_numbers_from_a_file_are_teams_in_their_order(store, workshop_id):
    """A .kitcop file written by hand may hold 1000000000 and -5: two teams, nothing huge."""
    ids = world_cafe_in_teams(store, workshop_id, 12)
    teams = teams_of(store, workshop_id)
    with store.write() as s:
        s.execute(update(Seat).where(Seat.participant_id.in_(teams[0])).values(team=10**9))
        s.execute(update(Seat).where(Seat.participant_id.in_(teams[1])).values(team=-5))
        s.execute(
            update(Seat).where(Seat.participant_id.in_(teams[2] | teams[3])).values(team=None)
        )
    assert teams_of(store, workshop_id) == [teams[1], teams[0]]
    with store.write() as s:
        tables_seating.assign_automatically(s, workshop_id)  # two teams, as the file says
    after = teams_of(store, workshop_id)
    assert len(after) == 2 and set().union(*after) == set(ids)
    assert teams[1] <= after[0] and teams[0] <= after[1]


def test_the_room_map_names_the_team_at_each_table_round_after_round(store, workshop_id):
    """Seed 004 on the room screen: « Table 2 — … · Équipe 1 » in the second round, the team
    one table further each round; without teams, no team is named."""
    world_cafe_in_teams(store, workshop_id, 12)
    with store.read() as s:
        rounds = tables_seating.list_rounds(s, workshop_id)
        maps = [tables_room.rotation_map(s, workshop_id, r.id) for r in rounds]
    for number, shown in enumerate(maps):
        teams = [t.team for t in shown.tables]
        assert teams == [(n - number) % 4 for n in range(4)]  # team t at table t + r
        assert shown.tables[number % 4].title.endswith("· Équipe\u00a01")
        # The tables page says the same (tools/tables/seating_view.py).
        assert [rounds[number].teams[t.table_id] for t in shown.tables] == teams
    with store.write() as s:
        tables_seating.assign_automatically(s, workshop_id, teams=0)
        first = tables_seating.list_rounds(s, workshop_id)[0]
        assert first.teams == {}
        shown = tables_room.rotation_map(s, workshop_id, first.id)
        assert all(t.team is None for t in shown.tables)
