"""An actor of the map linked by hand (#17) to a participant, an interview or a pilot the
chantier met under another name: the map then counts it as met (workshops, interviews, fiches
it pilots), the participant's structure is no longer « venue, pas sur la carte », undo puts the
links back, they travel in a chantier's file, and the migration from 0020 keeps the map."""

from __future__ import annotations

import sqlite3

import pytest

from kitcop_desktop.storage import (
    actions,
    chantiers,
    exchange,
    interviews,
    participants,
    stakeholder_map,
    workshops,
)
from kitcop_desktop.storage.migrate import open_store
from kitcop_desktop.storage.schema_head import SCHEMA_HEAD


@pytest.fixture
def chantier(store):
    with store.write() as s:
        cid = chantiers.create(s, "Rénovation énergétique — Drôme").id
        wid = workshops.create(s, "Diagnostic").id
        chantiers.move_workshop(s, wid, cid)
        participants.paste(s, wid, "Julien Roche\tBâtisseurs 26\tprivé")
        interviews.create_interview(s, wid, structure="")  # « Enquêté·e 1 », no structure
        actions.create(s, wid, action="Former les artisans", leads="J. Roche ; Région")
        actor = stakeholder_map.add(s, cid, "Fédération du BTP Drôme", category="para_public").id
        region = stakeholder_map.add(s, cid, "Région").id
    return cid, wid, actor, region


def encounter(store, cid, actor):
    with store.read() as s:
        return stakeholder_map.encounters(s, cid)[actor]


def test_linking_by_hand_makes_the_actor_met_and_undo_unlinks_it(store, chantier):
    cid, _wid, actor, region = chantier
    assert not encounter(store, cid, actor).met
    with store.read() as s:
        found = stakeholder_map.candidates(s, cid)
        assert stakeholder_map.structures_off_the_map(s, cid) == ["Bâtisseurs 26"]
        rows = {r.id: r for r in stakeholder_map.rows(s, cid)}
    assert [(c.kind, c.name) for c in found] == [
        ("participant", "Julien Roche"),
        ("interview", "Enquêté·e 1"),
        ("pilot", "J. Roche"),
        ("pilot", "Région"),
    ]
    assert stakeholder_map.linked_by_name(rows[region], found[3])
    assert not stakeholder_map.linked_by_name(rows[actor], found[0])
    with store.write() as s:
        previous = stakeholder_map.set_aliases(
            s, actor, ["Julien Roche", "Enquêté·e 1", "J. Roche", "julien roche", " "]
        )
    met = encounter(store, cid, actor)
    assert met.workshops == ("Diagnostic",) and met.interviews == 1
    assert met.pilots == ("Former les artisans",)
    with store.read() as s:
        assert stakeholder_map.rows(s, cid)[0].aliases == (
            "Julien Roche",
            "Enquêté·e 1",
            "J. Roche",
        )
        assert stakeholder_map.structures_off_the_map(s, cid) == []
    with store.write() as s:
        stakeholder_map.update(s, actor, **previous)
    assert not encounter(store, cid, actor).met


def test_links_stay_with_a_deleted_actor_and_travel_in_the_chantiers_file(store, chantier):
    cid, _wid, actor, _region = chantier
    with store.write() as s:
        stakeholder_map.set_aliases(s, actor, ["Julien Roche"])
        snapshot = stakeholder_map.delete(s, actor)
        stakeholder_map.recreate(s, snapshot)
    assert encounter(store, cid, actor).workshops == ("Diagnostic",)
    with store.read() as s:
        data = exchange.export_chantier(s, cid)
    result = exchange.apply_import(store, exchange.read_data(data))
    with store.read() as s:
        copy = {r.name: r for r in stakeholder_map.rows(s, result.chantier_id)}
        met = stakeholder_map.encounters(s, result.chantier_id)
    assert copy["Fédération du BTP Drôme"].aliases == ("Julien Roche",)
    assert met[copy["Fédération du BTP Drôme"].id].workshops == ("Diagnostic",)


def test_hostile_links_are_cleaned_or_refused(store, chantier):
    cid, _wid, actor, _region = chantier
    with store.write() as s:
        stakeholder_map.set_aliases(s, actor, ["<b>&</b> 🏗️", "x" * 500, "\x1b[31mRoche"])
    with store.read() as s:
        aliases = stakeholder_map.rows(s, cid)[0].aliases
    assert aliases[0] == "<b>&</b> 🏗️" and len(aliases[1]) == 200
    assert "\x1b" not in aliases[2]


def test_migration_0022_keeps_the_map_and_its_actors_have_no_link_yet(db_path):
    old = open_store(db_path, target="0021_phone_words")
    old.close()
    con = sqlite3.connect(db_path)
    cid = con.execute(
        "insert into chantiers (title, description, created_at, updated_at)"
        " values ('Chantier d''avant', '', '2026-01-01', '2026-01-01')"
    ).lastrowid
    con.execute(
        "insert into actors (chantier_id, name, structure, category, influential, x, y, note,"
        " created_at, updated_at) values (?, 'CAPEB', '', 'para_public', 1, 0.1, 0.2, '',"
        " '2026-01-01', '2026-01-01')",
        (cid,),
    )
    con.commit()
    con.close()
    store = open_store(db_path)
    try:
        with store.read() as s:
            [row] = stakeholder_map.rows(s, cid)
        assert (row.name, row.influential, row.x, row.aliases) == ("CAPEB", True, 0.1, ())
        with store.write() as s:
            stakeholder_map.set_aliases(s, row.id, ["Chambre des métiers"])
    finally:
        store.close()
    con = sqlite3.connect(db_path)
    assert con.execute("select version_num from alembic_version").fetchone()[0] == SCHEMA_HEAD
    con.close()
