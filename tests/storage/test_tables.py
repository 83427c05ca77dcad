"""Tables and who sits where (#24), on a real store: tables by hand, pasted or from a template,
bad input refused in French, rounds that follow the déroulé's rotations, the automatic
assignment (present people only, hosts at home, sizes within one), moving one person, undo
snapshots, and the .kitcop exchange carrying all of it."""

from __future__ import annotations

from collections import Counter

import pytest
from sqlalchemy import select

from kitcop_desktop.domain.validation import InvalidInput
from kitcop_desktop.storage import agenda, exchange, participants, tables, tables_seating
from kitcop_desktop.storage.models.seating import Seat, SeatingRound
from tests.storage.exchange_support import dump

CATEGORIES = ("public", "private", "para_public")


def people(store, workshop_id: int, count: int = 30) -> list[int]:
    with store.write() as s:
        return [
            participants.add(
                s,
                workshop_id,
                f"Personne {n:02d}",
                structure=f"Structure {n % 7}",
                category=CATEGORIES[n % 3],
            ).id
            for n in range(count)
        ]


def refused(store, action) -> str:
    before = dump(store)
    with pytest.raises(InvalidInput) as caught, store.write() as s:
        action(s)
    assert str(caught.value).endswith("Rien n'a été modifié.")
    assert dump(store) == before
    return str(caught.value)


def test_tables_by_hand_pasted_and_from_templates(store, workshop_id):
    with store.write() as s:
        first = tables.add_table(s, workshop_id, topic="Financer la formation <& co> 🎉")
        pasted = tables.add_pasted(
            s,
            workshop_id,
            "- Table A : Orientation des publics\n\n• Recrutement\nTable C\u00a0: Entreprises\n",
        )
        cafe = tables.add_from_template(s, workshop_id, "pro_action")
        rows = [(t.name, t.topic) for t in tables.list_tables(s, workshop_id)]
    assert rows[0] == ("Table 1", "Financer la formation <& co> 🎉")
    assert rows[1:4] == [
        ("Table A", "Orientation des publics"),
        ("Table 3", "Recrutement"),
        ("Table C", "Entreprises"),
    ]
    assert len(pasted) == 3 and len(cafe) == 6
    assert rows[-1] == (
        "Table ouverte",
        "Espace de réflexion ouvert : un sujet apporté le jour même",
    )
    assert first.id not in cafe


def test_bad_tables_are_refused_in_french_and_change_nothing(store, workshop_id):
    (awa,) = people(store, workshop_id, 1)
    with store.write() as s:
        table = tables.add_table(s, workshop_id, "Table 1", host_participant_id=awa).id
    assert "places" in refused(store, lambda s: tables.add_table(s, workshop_id, capacity=0))
    assert "entier" in refused(store, lambda s: tables.add_table(s, workshop_id, capacity="six"))
    refused(store, lambda s: tables.add_table(s, workshop_id, capacity=-3))
    refused(store, lambda s: tables.add_table(s, workshop_id, capacity=10**9))
    refused(store, lambda s: tables.add_table(s, workshop_id, "x" * 5000))
    refused(store, lambda s: tables.update_table(s, table, name="   "))
    assert "porte déjà" in refused(
        store, lambda s: tables.add_table(s, workshop_id, "Table 2", host_participant_id=awa)
    )
    refused(store, lambda s: tables.add_pasted(s, workshop_id, " \n - \n"))
    refused(store, lambda s: tables.add_from_template(s, workshop_id, "<inconnu>"))
    refused(store, lambda s: tables.add_pasted(s, workshop_id, "\n".join(["T"] * 60)))
    assert "au moins une table" not in refused(
        store, lambda s: tables.add_table(s, workshop_id, host_participant_id=999_999)
    )


def test_host_is_a_participant_or_a_guest_and_undo_puts_it_back(store, workshop_id):
    (awa,) = people(store, workshop_id, 1)
    with store.write() as s:
        table = tables.add_table(s, workshop_id, "Atelier 1", host_name="  Mme   Invitée ").id
        assert tables.get_table(s, table).host_name == "Mme Invitée"
        previous = tables.update_table(s, table, host_participant_id=awa)
        row = tables.get_table(s, table)
        assert (row.host_participant_id, row.host_name) == (awa, "Personne 00")
        tables.update_table(s, table, **previous)
        row = tables.get_table(s, table)
        assert (row.host_participant_id, row.host_name) == (None, "Mme Invitée")


def world_cafe(store, workshop_id: int, count: int = 30) -> tuple[list[int], list[int]]:
    """The kit's world café déroulé (three rotations), four tables, `count` people."""
    ids = people(store, workshop_id, count)
    with store.write() as s:
        agenda.apply_template(s, workshop_id, "world_cafe")
        table_ids = tables.add_from_template(s, workshop_id, "world_cafe")
        for table_id, host in zip(table_ids, ids[:4], strict=True):
            tables.update_table(s, table_id, host_participant_id=host)
    return ids, table_ids


def test_automatic_assignment_follows_the_rotations_and_leaves_the_absent_out(store, workshop_id):
    ids, table_ids = world_cafe(store, workshop_id)
    absent = set(ids[-4:])
    with store.write() as s:
        participants_present = {pid: pid not in absent for pid in ids}
        from kitcop_desktop.storage import attendance

        attendance.set_presence(s, participants_present)
        tables_seating.assign_automatically(s, workshop_id)
        rounds = tables_seating.list_rounds(s, workshop_id)
        rotation_titles = [q.title for q in tables_seating.rotations(s, workshop_id)]
        hosts = {t.id: t.host_participant_id for t in tables.list_tables(s, workshop_id)}
    assert [r.number for r in rounds] == [1, 2, 3]
    assert [r.label for r in rounds] == rotation_titles  # « Rotation 1 — … » says its round
    for plan in rounds:
        seated = [p for people_here in plan.seated.values() for p in people_here]
        assert Counter(seated) == Counter(set(ids) - absent)  # everyone present, once
        sizes = [len(plan.seated.get(t, [])) for t in table_ids]
        assert max(sizes) - min(sizes) <= 1
        for table_id, host in hosts.items():
            assert plan.seated[table_id][0] == host  # the host stays, first


def test_nobody_ticked_seats_everyone_registered(store, workshop_id):
    ids, _ = world_cafe(store, workshop_id, 9)
    with store.write() as s:
        tables_seating.assign_automatically(s, workshop_id)
        first = tables_seating.list_rounds(s, workshop_id)[0]
    assert sorted(p for here in first.seated.values() for p in here) == sorted(ids)


def test_assignment_again_is_undone_by_its_snapshot(store, workshop_id):
    world_cafe(store, workshop_id, 12)
    with store.write() as s:
        tables_seating.assign_automatically(s, workshop_id)
    before = dump(store)
    with store.write() as s:
        snapshot = tables_seating.assign_automatically(s, workshop_id, seed=7)
    assert dump(store) != before
    with store.write() as s:
        tables_seating.restore_seating(s, workshop_id, snapshot)
    assert dump(store) == before


def test_assignment_without_tables_or_people_says_why(store, workshop_id):
    assert "au moins une table" in refused(
        store, lambda s: tables_seating.assign_automatically(s, workshop_id)
    )
    with store.write() as s:
        tables.add_table(s, workshop_id)
    assert "Personne à placer" in refused(
        store, lambda s: tables_seating.assign_automatically(s, workshop_id)
    )
    people(store, workshop_id, 5)
    with store.write() as s:
        tables.update_table(s, tables.list_tables(s, workshop_id)[0].id, capacity=2)
    assert "Pas assez de places" in refused(
        store, lambda s: tables_seating.assign_automatically(s, workshop_id)
    )


def test_moving_one_person_and_back(store, workshop_id):
    ids, table_ids = world_cafe(store, workshop_id, 12)
    with store.write() as s:
        tables_seating.assign_automatically(s, workshop_id)
        round_1 = tables_seating.list_rounds(s, workshop_id)[0]
    guest = next(p for p in ids[4:] if p in round_1.seated[table_ids[0]])
    with store.write() as s:
        previous = tables_seating.move_person(s, round_1.id, guest, table_ids[1])
    assert previous == table_ids[0]
    with store.read() as s:
        now = tables_seating.list_rounds(s, workshop_id)[0].seated
    assert guest in now[table_ids[1]] and guest not in now[table_ids[0]]
    with store.write() as s:
        tables_seating.move_person(s, round_1.id, guest, previous)
        assert guest in tables_seating.list_rounds(s, workshop_id)[0].seated[table_ids[0]]
    # A host stays at home; a full table takes nobody more.
    assert "porte la table" in refused(
        store, lambda s: tables_seating.move_person(s, round_1.id, ids[0], table_ids[1])
    )
    with store.write() as s:
        size = len(tables_seating.list_rounds(s, workshop_id)[0].seated[table_ids[2]])
        tables.update_table(s, table_ids[2], capacity=size)
    assert "complète" in refused(
        store, lambda s: tables_seating.move_person(s, round_1.id, guest, table_ids[2])
    )


def test_a_deleted_table_comes_back_with_its_seats(store, workshop_id):
    _, table_ids = world_cafe(store, workshop_id, 12)
    with store.write() as s:
        tables_seating.assign_automatically(s, workshop_id)
    before = dump(store)
    with store.write() as s:
        snapshot = tables.delete_table(s, table_ids[1])
        assert s.scalars(select(Seat).where(Seat.table_id == table_ids[1])).all() == []
    with store.write() as s:
        tables.restore_table(s, snapshot)
    assert dump(store) == before


def test_kitcop_export_carries_tables_rounds_and_seats(store, workshop_id, tmp_path):
    _, table_ids = world_cafe(store, workshop_id, 12)
    with store.write() as s:
        tables_seating.assign_automatically(s, workshop_id)
        mine = tables_seating.list_rounds(s, workshop_id)
        names = {t.id: t.name for t in tables.list_tables(s, workshop_id)}
        data = exchange.export_workshop(s, workshop_id)
        person_names = {p.id: p.name for p in participants.list_for(s, workshop_id)}
    path = tmp_path / "cafe.kitcop"
    path.write_bytes(data)
    preview = exchange.read_file(path)
    with store.write() as s:
        copy = exchange.import_in(s, preview).workshop_id
    assert copy != workshop_id
    with store.read() as s:
        theirs = tables_seating.list_rounds(s, copy)
        their_tables = {t.id: (t.name, t.host_name) for t in tables.list_tables(s, copy)}
        their_people = {p.id: p.name for p in participants.list_for(s, copy)}
        assert len(s.scalars(select(SeatingRound).where(SeatingRound.workshop_id == copy)).all())
    assert [r.label for r in theirs] == [r.label for r in mine]
    for a, b in zip(mine, theirs, strict=True):
        seen_mine = {names[t]: sorted(person_names[p] for p in ps) for t, ps in a.seated.items()}
        seen_theirs = {
            their_tables[t][0]: sorted(their_people[p] for p in ps) for t, ps in b.seated.items()
        }
        assert seen_mine == seen_theirs
    hosts = dict(their_tables.values())
    assert hosts["Table 1"] == "Personne 00"


def test_a_rounds_label_names_its_round_once():
    """« Rotation 2 — Les besoins » as the déroulé says it; « Tour 2 — Les besoins » when the
    séquence's title does not say which round; « Tour 2 » without a séquence."""
    assert tables_seating.round_label(2, "Rotation 2 — Les besoins") == "Rotation 2 — Les besoins"
    assert tables_seating.round_label(2, "Les besoins") == "Tour 2 — Les besoins"
    assert tables_seating.round_label(2, "Rotation 1 — Le sens") == "Tour 2 — Rotation 1 — Le sens"
    assert tables_seating.round_label(12, "Tour 1 — reprise") == "Tour 12 — Tour 1 — reprise"
    assert tables_seating.round_label(2, "  ") == "Tour 2"
