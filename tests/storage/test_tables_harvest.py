"""The harvest of each table, round by round (#24), on a real store: lines typed and pasted,
their angles from the rotations' titles, bad input refused in French, private lines kept
private, sending to a board or a vote without duplicates, the harvest surviving a new
placement and a deleted table's undo, the migration from 0013 with data, and the .kitcop
exchange carrying it (old files without it still import)."""

from __future__ import annotations

import json
import sqlite3

import pytest

from kitcop_desktop.domain.validation import InvalidInput
from kitcop_desktop.domain.visibility import Audience
from kitcop_desktop.storage import (
    boards,
    exchange,
    tables,
    tables_harvest,
    tables_seating,
    voting,
)
from kitcop_desktop.storage.migrate import current_revision, head_revision, open_store
from kitcop_desktop.storage.schema_head import SCHEMA_HEAD
from tests.storage.exchange_support import dump
from tests.storage.old_rows import add_workshop
from tests.storage.test_tables import world_cafe

TAIL = " <b>&</b> 🌱"


def texts(store, workshop_id, **where) -> list[str]:
    with store.read() as s:
        return [line.text for line in tables_harvest.lines(s, workshop_id, **where)]


def refused(store, action) -> str:
    before = dump(store)
    with pytest.raises(InvalidInput) as caught, store.write() as s:
        action(s)
    assert str(caught.value).endswith("Rien n'a été modifié.")
    assert dump(store) == before
    return str(caught.value)


def test_rounds_follow_the_rotations_and_give_the_kits_angles(store, workshop_id):
    world_cafe(store, workshop_id, 8)  # the pro-action afternoon: three « Rotation » séquences
    with store.read() as s:
        rounds = tables_harvest.round_choices(s, workshop_id)
    assert [r.number for r in rounds] == [1, 2, 3]
    assert rounds[0].label == "Rotation 1 — Le sens, les finalités"  # not « Tour 1 — Rotation 1 »
    assert [r.angle for r in rounds] == ["purpose", "needs", "actions"]


def test_a_workshop_without_rotations_has_one_round(store, workshop_id):
    with store.write() as s:
        tables.add_table(s, workshop_id, "Sous-groupe 1")
        rounds = tables_harvest.round_choices(s, workshop_id)
    assert [(r.number, r.label, r.angle) for r in rounds] == [(1, "Tour 1", "")]


def test_lines_typed_pasted_edited_and_deleted_then_put_back(store, workshop_id):
    _, table_ids = world_cafe(store, workshop_id, 8)
    first, second = table_ids[:2]
    with store.write() as s:
        tables_harvest.add_line(s, first, 1, "Donner du sens" + TAIL, angle="purpose")
        pasted = tables_harvest.add_pasted(s, first, 2, "- Un lieu\n\n• Du temps\r\nDes outils")
        tables_harvest.add_line(s, second, 1, "Autre table")
    assert texts(store, workshop_id, table_id=first, round_number=1) == ["Donner du sens" + TAIL]
    assert texts(store, workshop_id, table_id=first, round_number=2) == [
        "Un lieu",
        "Du temps",
        "Des outils",
    ]
    with store.write() as s:
        previous = tables_harvest.update_line(s, pasted[1], "Du temps dégagé")
    assert previous == "Du temps"
    before = dump(store)
    with store.write() as s:
        gone = tables_harvest.delete_lines(s, pasted[:2])
    assert texts(store, workshop_id, table_id=first, round_number=2) == ["Des outils"]
    with store.write() as s:
        tables_harvest.restore_lines(s, gone)
    assert dump(store) == before


def test_bad_lines_are_refused_in_french_and_change_nothing(store, workshop_id):
    _, table_ids = world_cafe(store, workshop_id, 8)
    table = table_ids[0]
    assert "vide" in refused(store, lambda s: tables_harvest.add_line(s, table, 1, "  \n "))
    assert "trop long" in refused(store, lambda s: tables_harvest.add_line(s, table, 1, "x" * 2001))
    assert "tours" in refused(store, lambda s: tables_harvest.add_line(s, table, 0, "a"))
    assert "tours" in refused(store, lambda s: tables_harvest.add_line(s, table, 99, "a"))
    assert "Angle" in refused(
        store, lambda s: tables_harvest.add_line(s, table, 1, "a", angle="<x>")
    )
    assert "n'existe plus" in refused(store, lambda s: tables_harvest.add_line(s, 9999, 1, "a"))
    assert "vide" in refused(store, lambda s: tables_harvest.add_pasted(s, table, 1, "\n- \n"))


def test_private_lines_are_only_for_the_facilitator(store, workshop_id):
    _, table_ids = world_cafe(store, workshop_id, 8)
    with store.write() as s:
        tables_harvest.add_line(s, table_ids[0], 1, "Salle")
        private = tables_harvest.add_line(s, table_ids[0], 1, "ZQPRIVATE" + TAIL, private=True)
    assert texts(store, workshop_id) == ["Salle", "ZQPRIVATE" + TAIL]
    for audience in (Audience.ROOM_SCREEN, Audience.PARTICIPANTS, Audience.EXPORT):
        assert texts(store, workshop_id, audience=audience) == ["Salle"]
    with store.write() as s:
        tables_harvest.update_line(s, private, "ZQPRIVATE encore")
        tables_harvest.restore_lines(s, tables_harvest.delete_lines(s, [private]))
    assert texts(store, workshop_id, audience=Audience.PARTICIPANTS) == ["Salle"]
    board = _board(store, workshop_id)
    message = refused(store, lambda s: tables_harvest.send_to_board(s, [private], board, "levers"))
    assert "privée" in message
    assert "privée" in refused(store, lambda s: tables_harvest.send_to_vote(s, [private], None))


def _board(store, workshop_id) -> int:
    with store.write() as s:
        return boards.create_board(s, workshop_id, "speedboat", "Speedboat").id


def test_lines_go_to_a_board_once_and_come_back_off_it(store, workshop_id):
    _, table_ids = world_cafe(store, workshop_id, 8)
    board = _board(store, workshop_id)
    with store.write() as s:
        ids = tables_harvest.add_pasted(s, table_ids[2], 3, "Former les tuteurs\nUn budget")
        sent = tables_harvest.send_to_board(s, ids, board, "levers")
    assert sent.skipped == 0 and len(sent.made) == 2
    with store.read() as s:
        cards = [(c.zone, c.text, c.source) for c in boards.cards_of(s, board)]
    assert cards == [
        ("levers", "Former les tuteurs", "Table 3, tour 3"),
        ("levers", "Un budget", "Table 3, tour 3"),
    ]
    assert "déjà sur le tableau" in refused(
        store, lambda s: tables_harvest.send_to_board(s, ids, board, "brakes")
    )
    with store.write() as s:
        more = tables_harvest.add_line(s, table_ids[0], 1, "former les TUTEURS !")
        other = tables_harvest.add_line(s, table_ids[0], 1, "Un lieu")
        again = tables_harvest.send_to_board(s, [more, other], board, "levers")
    assert again.skipped == 1 and len(again.made) == 1
    with store.write() as s:
        boards.delete_cards(s, sent.made + again.made)  # what undo does
        assert boards.cards_of(s, board) == []
    assert "Zone inconnue" in refused(
        store, lambda s: tables_harvest.send_to_board(s, ids, board, "nowhere")
    )


def test_lines_go_to_a_vote_once_new_or_existing(store, workshop_id):
    _, table_ids = world_cafe(store, workshop_id, 8)
    with store.write() as s:
        ids = tables_harvest.add_pasted(s, table_ids[0], 3, "Une charte\nUn annuaire\nune charte")
        sent = tables_harvest.send_to_vote(s, ids, None, "Actions des tables")
        vote = voting.get(s, sent.vote_id)
        assert (vote.title, [i.text for i in vote.items]) == (
            "Actions des tables",
            ["Une charte", "Un annuaire"],
        )
    assert "déjà au vote" in refused(
        store, lambda s: tables_harvest.send_to_vote(s, ids[:2], sent.vote_id)
    )
    with store.write() as s:
        extra = tables_harvest.add_line(s, table_ids[1], 3, "Un forum" + TAIL)
        added = tables_harvest.send_to_vote(s, [ids[0], extra], sent.vote_id)
        assert added.skipped == 1
        assert [i.text for i in voting.get(s, sent.vote_id).items][-1] == "Un forum" + TAIL
        tables_harvest.withdraw_from_vote(s, added)
        assert len(voting.get(s, sent.vote_id).items) == 2
        tables_harvest.withdraw_from_vote(s, sent)
        assert voting.list_for(s, workshop_id) == []


def test_the_harvest_outlives_a_new_placement_and_a_deleted_tables_undo(store, workshop_id):
    _, table_ids = world_cafe(store, workshop_id, 12)
    with store.write() as s:
        tables_seating.assign_automatically(s, workshop_id)
        tables_harvest.add_line(s, table_ids[1], 2, "Des besoins", angle="needs")
        tables_seating.assign_automatically(s, workshop_id, seed=3)
    assert texts(store, workshop_id) == ["Des besoins"]
    before = dump(store)
    with store.write() as s:
        snapshot = tables.delete_table(s, table_ids[1])
    assert texts(store, workshop_id) == []
    with store.write() as s:
        tables.restore_table(s, snapshot)
    assert dump(store) == before


def test_a_0013_file_with_tables_upgrades_and_takes_a_harvest(db_path):
    old = open_store(db_path, target="0013_tables_seating")
    workshop = add_workshop(db_path, "Pro-action café")  # as 0013 had it, in SQL
    con = sqlite3.connect(db_path)
    con.execute(
        "insert into seating_tables (workshop_id, position, name, topic, host_name, created_at,"
        " updated_at) values (?, 1, 'Atelier 1', 'Le sens', 'Joël', '2026-01-01', '2026-01-01')",
        (workshop,),
    )
    con.commit()
    con.close()
    old.close()
    store = open_store(db_path)
    try:
        assert current_revision(store) == head_revision() == SCHEMA_HEAD
        with store.write() as s:
            (table,) = tables.list_tables(s, workshop)
            assert (table.name, table.host_name) == ("Atelier 1", "Joël")
            tables_harvest.add_line(s, table.id, 1, "Marquer l'avant et l'après")
        assert texts(store, workshop) == ["Marquer l'avant et l'après"]
    finally:
        store.close()


def _round_trip(store, data: bytes, tmp_path) -> int:
    path = tmp_path / "cafe.kitcop"
    path.write_bytes(data)
    with store.write() as s:
        return exchange.import_in(s, exchange.read_file(path)).workshop_id


def test_kitcop_export_carries_the_harvest_private_lines_only_when_asked(
    store, workshop_id, tmp_path
):
    _, table_ids = world_cafe(store, workshop_id, 12)
    with store.write() as s:
        tables_seating.assign_automatically(s, workshop_id)
        tables_harvest.add_line(s, table_ids[0], 1, "Le sens" + TAIL, angle="purpose")
        tables_harvest.add_line(s, table_ids[3], 3, "Une action", angle="actions")
        tables_harvest.add_line(s, table_ids[3], 3, "ZQPRIVATE", private=True)
        default = exchange.export_workshop(s, workshop_id)
        explicit = exchange.export_workshop(s, workshop_id, include_facilitator=True)
    assert b"ZQPRIVATE" not in default

    def seen(wid):
        with store.read() as s:
            names = {t.id: t.name for t in tables.list_tables(s, wid)}
            return [
                (names[x.table_id], x.round_number, x.angle, x.text, x.private)
                for x in tables_harvest.lines(s, wid)
            ]

    mine = seen(workshop_id)
    copy = _round_trip(store, default, tmp_path)
    assert seen(copy) == [m for m in mine if not m[4]]
    full = _round_trip(store, explicit, tmp_path)
    assert seen(full) == mine
    with store.read() as s:
        assert len(tables_seating.list_rounds(s, full)) == 3


def test_an_old_kitcop_file_without_tables_or_harvest_still_imports(store, workshop_id, tmp_path):
    with store.write() as s:
        tables.add_table(s, workshop_id, "Table 1")
        data = json.loads(exchange.export_workshop(s, workshop_id))
    for name in ("harvest_lines", "seating_tables", "seating_rounds", "seats"):
        data["tables"].pop(name, None)
    copy = _round_trip(store, json.dumps(data).encode(), tmp_path)
    with store.read() as s:
        assert tables.list_tables(s, copy) == []
        assert tables_harvest.lines(s, copy) == []
