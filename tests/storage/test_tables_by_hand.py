"""#24 « seating by hand »: a person moved by hand stays where the facilitator put them when
« Répartir automatiquement » runs again (the rule deals only the others), undo puts the seat
back as it was (by hand or not), and migration 0015 adds the mark to a database that already
has seats."""

from __future__ import annotations

import sqlite3

from kitcop_desktop.storage import agenda, participants, tables, tables_seating
from kitcop_desktop.storage.migrate import open_store
from kitcop_desktop.storage.models.workshop import Participant
from tests.storage.old_rows import add_workshop
from tests.storage.test_tables import people


def cafe(store, workshop_id: int) -> tuple[list[int], list[int]]:
    with store.write() as s:
        agenda.apply_template(s, workshop_id, "world_cafe")  # three rotations
    ids = people(store, workshop_id, 24)
    with store.write() as s:
        table_ids = [tables.add_table(s, workshop_id, f"Table {n}").id for n in range(1, 5)]
        tables.update_table(s, table_ids[0], host_participant_id=ids[0])
        tables_seating.assign_automatically(s, workshop_id)
    return ids, table_ids


def where(store, workshop_id: int, round_index: int, person: int) -> int:
    with store.read() as s:
        plan = tables_seating.list_rounds(s, workshop_id)[round_index]
    return next(t for t, seated in plan.seated.items() if person in seated)


def test_a_hand_move_survives_assigning_again_with_other_seeds(store, workshop_id):
    ids, table_ids = cafe(store, workshop_id)
    person = ids[7]
    with store.read() as s:
        rounds = tables_seating.list_rounds(s, workshop_id)
    target = next(t for t in table_ids[1:] if t != where(store, workshop_id, 1, person))
    with store.write() as s:
        before = tables_seating.seat_of(s, rounds[1].id, person)
        tables_seating.move_person(s, rounds[1].id, person, target)
    assert before is not None and before["by_hand"] is False
    with store.read() as s:
        assert tables_seating.hand_placements(s, workshop_id) == 1
        assert tables_seating.list_rounds(s, workshop_id)[1].by_hand == {person}
    for seed in (1, 2, 3):
        with store.write() as s:
            tables_seating.assign_automatically(s, workshop_id, seed=seed)
        assert where(store, workshop_id, 1, person) == target  # kept, round after round
        with store.read() as s:
            assert tables_seating.hand_placements(s, workshop_id) == 1
            plans = tables_seating.list_rounds(s, workshop_id)
        for plan in plans:  # everyone still seated once, the host at home
            seated = [p for group in plan.seated.values() for p in group]
            assert sorted(seated) == sorted(ids)
            assert ids[0] in plan.seated[table_ids[0]]
    # Undo of the move: the seat as it was, no longer « by hand ».
    with store.read() as s:
        round_2 = tables_seating.list_rounds(s, workshop_id)[1].id
    with store.write() as s:
        tables_seating.restore_seat(s, round_2, person, before)
    with store.read() as s:
        assert tables_seating.hand_placements(s, workshop_id) == 0
        assert tables_seating.seat_of(s, round_2, person) == before


def test_a_hand_move_of_someone_now_absent_is_left_out(store, workshop_id):
    ids, table_ids = cafe(store, workshop_id)
    with store.read() as s:
        first = tables_seating.list_rounds(s, workshop_id)[0]
    person = ids[9]
    target = next(t for t in table_ids[1:] if person not in first.seated.get(t, []))
    with store.write() as s:
        tables_seating.move_person(s, first.id, person, target)
        # The attendance taken: everyone came but that person.
        for row in s.query(Participant).filter(Participant.id != person):
            row.present = True
        tables_seating.assign_automatically(s, workshop_id)
        plans = tables_seating.list_rounds(s, workshop_id)
    for plan in plans:
        assert all(person not in seated for seated in plan.seated.values())


def test_migration_0016_marks_the_seats_already_there_as_placed_by_the_rule(db_path):
    old = open_store(db_path, target="0013_tables_seating")
    old.close()
    wid = add_workshop(db_path, "Café d'avant")  # as 0013 had it, in SQL
    old = open_store(db_path, target="0013_tables_seating")
    with old.write() as s:
        person = participants.add(s, wid, "Awa Diallo").id
    old.close()
    con = sqlite3.connect(db_path)  # rows as 0013 had them: no by_hand column yet
    table = con.execute(
        "insert into seating_tables (workshop_id, position, name, topic, host_name,"
        " created_at, updated_at) values (?, 1, 'Table 1', 'Financer', '', '2026-01-01',"
        " '2026-01-01')",
        (wid,),
    ).lastrowid
    round_id = con.execute(
        "insert into seating_rounds (workshop_id, number) values (?, 1)", (wid,)
    ).lastrowid
    con.execute(
        "insert into seats (round_id, table_id, participant_id, position) values (?, ?, ?, 0)",
        (round_id, table, person),
    )
    con.commit()
    con.close()
    store = open_store(db_path)
    try:
        with store.read() as s:
            plan = tables_seating.list_rounds(s, wid)[0]
            assert plan.seated == {table: [person]} and plan.by_hand == frozenset()
            assert tables_seating.hand_placements(s, wid) == 0
    finally:
        store.close()
