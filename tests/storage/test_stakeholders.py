"""The chantier's état des lieux (#17, Brique 1): the cartographie des acteurs (places, zones,
who has been met), the gouvernance's RACI (one « A » advised, never required), the initiatives
pasted from a spreadsheet, a chantier deleted and put back with all of it, and the migration
from 0016 with data."""

from __future__ import annotations

import sqlite3

import pytest

from kitcop_desktop.domain.governance import raci_warning
from kitcop_desktop.domain.stakeholder_map import ZONES, free_spot, zone_of
from kitcop_desktop.domain.validation import InvalidInput
from kitcop_desktop.storage import (
    actions,
    chantiers,
    governance,
    initiatives,
    participants,
    stakeholder_map,
    workshops,
)
from kitcop_desktop.storage.migrate import open_store
from kitcop_desktop.storage.schema_head import SCHEMA_HEAD
from tests.storage.old_rows import add_workshop


@pytest.fixture
def chantier_id(store):
    with store.write() as s:
        return chantiers.create(s, "Rénovation énergétique — Drôme").id


def test_an_actor_lands_in_the_zone_asked_and_its_zone_follows_where_it_is_moved(
    store, chantier_id
):
    with store.write() as s:
        capeb = stakeholder_map.add(s, chantier_id, "CAPEB", category="para_public", zone=0).id
        region = stakeholder_map.add(s, chantier_id, "Région", zone=1).id
        pme = stakeholder_map.add(s, chantier_id, "Girard Rénovation", category="private").id
    with store.read() as s:
        zones = {r.name: ZONES[r.zone] for r in stakeholder_map.rows(s, chantier_id)}
    assert zones == {
        "CAPEB": "Acteurs moteurs",
        "Région": "Acteurs impliqués",
        "Girard Rénovation": "Acteurs à mobiliser",
    }
    with store.write() as s:
        before = stakeholder_map.move(s, pme, 0.05, -0.05)
        stakeholder_map.move(s, region, 7.0, float("nan"))  # kept on the map
    with store.read() as s:
        rows = {r.id: r for r in stakeholder_map.rows(s, chantier_id)}
    assert ZONES[rows[pme].zone] == "Acteurs moteurs"
    assert (rows[region].x, rows[region].y) == (1.0, 0.0)
    assert set(before) == {"x", "y"} and zone_of(before["x"], before["y"]) == 2
    assert capeb in rows


def test_new_actors_of_one_zone_never_land_on_one_another():
    taken: list[tuple[float, float]] = []
    for _ in range(40):
        spot = free_spot(2, taken)
        assert zone_of(*spot) == 2
        taken.append(spot)
    assert len(set(taken)) == 40


@pytest.mark.parametrize("bad", ["", "   ", "x" * 201, None])
def test_a_bad_actor_name_is_refused_in_french(store, chantier_id, bad):
    with pytest.raises(InvalidInput) as err, store.write() as s:
        stakeholder_map.add(s, chantier_id, bad)
    assert "Rien n'a été modifié" in str(err.value)
    with store.read() as s:
        assert stakeholder_map.rows(s, chantier_id) == []


def test_an_unknown_category_is_refused(store, chantier_id):
    with pytest.raises(InvalidInput, match="para-public"), store.write() as s:
        stakeholder_map.add(s, chantier_id, "X", category="<script>")


def test_the_map_says_who_came_to_the_workshops_was_interviewed_or_pilots(store, chantier_id):
    with store.write() as s:
        wid = workshops.create(s, "Diagnostic").id
        chantiers.move_workshop(s, wid, chantier_id)
        participants.paste(
            s, wid, "Claire Dubois\tDDETS Rhône\tpublic\nJulien Roche\tCAPEB Rhône\tpara-public"
        )
        actions.create(s, wid, action="Visites de chantiers", leads="Métropole de Lyon ; CAPEB")
        outside = workshops.create(s, "Hors chantier").id
        participants.paste(s, outside, "Inès\tRectorat\tpublic")
        ids = {
            name: stakeholder_map.add(s, chantier_id, name).id
            for name in ("DDETS Rhône", "CAPEB", "Métropole de Lyon", "Rectorat", "Préfecture")
        }
    with store.read() as s:
        met = stakeholder_map.encounters(s, chantier_id)
        off = stakeholder_map.structures_off_the_map(s, chantier_id)
    assert met[ids["DDETS Rhône"]].workshops == ("Diagnostic",)
    assert met[ids["CAPEB"]].workshops == ("Diagnostic",)  # « CAPEB » in « CAPEB Rhône »
    assert met[ids["CAPEB"]].pilots == ("Visites de chantiers",)
    assert met[ids["Métropole de Lyon"]].workshops == () and met[ids["Métropole de Lyon"]].met
    assert not met[ids["Rectorat"]].met  # came to a workshop of another chantier only
    assert met[ids["Préfecture"]].summary() == "Pas encore rencontré"
    assert off == []


def test_deleting_an_actor_takes_it_out_of_the_instances_and_undo_puts_both_back(
    store, chantier_id
):
    with store.write() as s:
        actor = stakeholder_map.add(s, chantier_id, "Préfecture").id
        body = governance.add_body(s, chantier_id, "Comité de pilotage").id
        governance.set_raci(s, body, actor, "A")
        snapshot = stakeholder_map.delete(s, actor)
    with store.read() as s:
        [copil] = governance.bodies(s, chantier_id)
        assert copil.members == () and copil.warning == "Aucun acteur dans cette instance."
    with store.write() as s:
        stakeholder_map.recreate(s, snapshot)
    with store.read() as s:
        [copil] = governance.bodies(s, chantier_id)
        assert [(m.name, m.raci) for m in copil.members] == [("Préfecture", "A")]
        assert copil.warning == ""


def test_raci_without_exactly_one_arbiter_is_a_warning_not_a_refusal(store, chantier_id):
    with store.write() as s:
        body = governance.add_body(s, chantier_id, "Groupe projet", "co_construction").id
        a = stakeholder_map.add(s, chantier_id, "DDETS").id
        b = stakeholder_map.add(s, chantier_id, "Région").id
        governance.set_raci(s, body, a, "R")
    with store.read() as s:
        assert "Personne n'arbitre" in governance.bodies(s, chantier_id)[0].warning
    with store.write() as s:
        governance.set_raci(s, body, a, "a")
        previous = governance.set_raci(s, body, b, "A")
    assert previous is None
    with store.read() as s:
        [group] = governance.bodies(s, chantier_id)
    assert [m.raci for m in group.members] == ["A", "A"]
    assert group.warning.startswith("2 acteurs arbitrent")
    with store.write() as s:
        assert governance.set_raci(s, body, b, None) == "A"
        with pytest.raises(InvalidInput, match="RACI"):
            governance.set_raci(s, body, a, "Z")
    with store.read() as s:
        assert governance.bodies(s, chantier_id)[0].warning == ""
    assert raci_warning(["R", "A", "C", "I"]) == ""


def test_initiatives_pasted_from_a_spreadsheet_fill_the_kits_seven_columns(store, chantier_id):
    pasted = (
        "Initiative (nom)\tEchelle (type)\tTerritoire (nom)\tPrésentation\tIntérêt\tContact\tSuivi\r\n"
        "Chantiers-écoles\tRégionale\tOccitanie\tDes apprenants\tUn vrai chantier\tAFPA\tVu le 12/02\r\n"
        "\t\t\t\t\t\t\r\n"
        "Campus <b>&</b> 🏗\tLocale\tIsère\r\n"
    )
    with store.write() as s:
        ids = initiatives.paste(s, chantier_id, pasted)
    with store.read() as s:
        rows = initiatives.rows(s, chantier_id)
    assert len(ids) == 2
    assert rows[0].values["follow_up"] == "Vu le 12/02"
    assert rows[1].values["name"] == "Campus <b>&</b> 🏗" and rows[1].values["contact"] == ""
    with pytest.raises(InvalidInput, match="Rien n'a été modifié"), store.write() as s:
        initiatives.paste(s, chantier_id, "\t\tsans nom\n")
    with store.write() as s:
        initiatives.delete_many(s, ids)
    with store.read() as s:
        assert initiatives.rows(s, chantier_id) == []


def test_a_deleted_chantier_comes_back_with_its_map_governance_and_initiatives(store, chantier_id):
    with store.write() as s:
        actor = stakeholder_map.add(s, chantier_id, "CAPEB").id
        body = governance.add_body(s, chantier_id, "Comité de pilotage").id
        governance.set_raci(s, body, actor, "A")
        initiatives.add(s, chantier_id, "Chantiers-écoles")
        snapshot = chantiers.delete(s, chantier_id)
    with store.read() as s:
        assert stakeholder_map.rows(s, chantier_id) == []
    with store.write() as s:
        chantiers.recreate(s, snapshot)
    with store.read() as s:
        assert [r.name for r in stakeholder_map.rows(s, chantier_id)] == ["CAPEB"]
        assert [m.raci for m in governance.bodies(s, chantier_id)[0].members] == ["A"]
        assert len(initiatives.rows(s, chantier_id)) == 1
        counts = chantiers.counts(s, chantier_id)
    assert (counts.actors, counts.bodies, counts.initiatives) == (1, 1, 1)


@pytest.mark.parametrize("start", ["0015_chantier_action_plan", "0016_seats_by_hand"])
def test_migration_keeps_chantiers_and_their_workshops_and_adds_an_empty_map(db_path, start):
    open_store(db_path, target=start).close()
    wid = add_workshop(db_path, "Atelier d'avant")
    con = sqlite3.connect(db_path)
    cid = con.execute(
        "insert into chantiers (title, description, created_at, updated_at)"
        " values ('Chantier d''avant', '', '2026-01-01', '2026-01-01')"
    ).lastrowid
    con.execute("update workshops set chantier_id = ? where id = ?", (cid, wid))
    con.commit()
    con.close()
    store = open_store(db_path)
    try:
        with store.read() as s:
            assert chantiers.get(s, cid).title == "Chantier d'avant"
            assert chantiers.chantier_of(s, wid) == cid
            assert stakeholder_map.rows(s, cid) == []
        with store.write() as s:
            actor = stakeholder_map.add(s, cid, "CAPEB").id
            body = governance.add_body(s, cid, "Groupe projet").id
            governance.set_raci(s, body, actor, "R")
            initiatives.add(s, cid, "Chantiers-écoles")
    finally:
        store.close()
    con = sqlite3.connect(db_path)
    assert con.execute("select version_num from alembic_version").fetchone()[0] == SCHEMA_HEAD
    assert con.execute("pragma foreign_key_check").fetchall() == []
    con.close()


def test_duplicates_are_refused_or_skipped_with_a_word_and_change_nothing(store, chantier_id):
    with store.write() as s:
        capeb = stakeholder_map.add(s, chantier_id, "CAPEB Rhône").id
        stakeholder_map.add(s, chantier_id, "Région")
        governance.add_body(s, chantier_id, "Comité de pilotage")
        initiatives.paste(s, chantier_id, "Chantiers-écoles\tRégionale\n")
    for change in (
        lambda s: stakeholder_map.add(s, chantier_id, "capeb rhône"),
        lambda s: stakeholder_map.update(s, capeb, name="Région"),
        lambda s: governance.add_body(s, chantier_id, "COMITÉ DE PILOTAGE"),
        lambda s: initiatives.paste(s, chantier_id, "Chantiers-écoles\tLocale\n"),
    ):
        with pytest.raises(InvalidInput, match="Rien n'a été modifié"), store.write() as s:
            change(s)
    with store.write() as s:
        pasted = stakeholder_map.paste(
            s, chantier_id, "CAPEB Rhône\t\tpara-public\nEnedis\t\tprivé\nEnedis\n\tsans nom\n"
        )
    assert len(pasted.ids) == 1 and pasted.skipped == 2
    with store.read() as s:
        names = sorted(r.name for r in stakeholder_map.rows(s, chantier_id))
        assert names == ["CAPEB Rhône", "Enedis", "Région"]
        assert len(governance.bodies(s, chantier_id)) == 1
        assert len(initiatives.rows(s, chantier_id)) == 1
