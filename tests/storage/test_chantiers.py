"""Chantiers above the workshops (#17): rules, undo snapshots, and the migration from 0013."""

from __future__ import annotations

import sqlite3

import pytest

from kitcop_desktop.domain.chantier import briques
from kitcop_desktop.domain.validation import InvalidInput
from kitcop_desktop.storage import actions, chantiers, workshops
from kitcop_desktop.storage.migrate import open_store
from kitcop_desktop.storage.schema_head import SCHEMA_HEAD
from tests.storage.old_rows import add_workshop


def test_a_chantier_groups_workshops_and_one_without_stays_alone(store):
    with store.write() as s:
        drome = chantiers.create(s, "Rénovation énergétique — Drôme")
        a = workshops.create(s, "Atelier 1").id
        b = workshops.create(s, "Atelier 2").id
        alone = workshops.create(s, "Atelier seul").id
        chantiers.move_workshop(s, a, drome.id)
        chantiers.move_workshop(s, b, drome.id)
    with store.read() as s:
        [summary] = chantiers.list_summaries(s)
        assert summary.title == "Rénovation énergétique — Drôme"
        assert set(summary.workshop_ids) == {a, b}
        assert chantiers.chantier_of(s, alone) is None
        assert [w.title for w in chantiers.alive_workshops(s, drome.id)] == [
            "Atelier 1",
            "Atelier 2",
        ]


@pytest.mark.parametrize("bad", ["", "   ", "x" * 201, None])
def test_a_bad_name_is_refused_in_french_and_changes_nothing(store, bad):
    with store.write() as s:
        chantiers.create(s, "Mobilité")
    with pytest.raises(InvalidInput) as err, store.write() as s:
        chantiers.create(s, bad)
    assert "Rien n'a été modifié" in str(err.value)
    with store.read() as s:
        assert [c.title for c in chantiers.list_summaries(s)] == ["Mobilité"]


def test_two_chantiers_never_share_a_name_whatever_the_case(store):
    with store.write() as s:
        chantiers.create(s, "Mobilité")
        other = chantiers.create(s, "Agriculture").id
    with pytest.raises(InvalidInput, match="s'appelle déjà"), store.write() as s:
        chantiers.create(s, "  MOBILITÉ ")
    with pytest.raises(InvalidInput, match="s'appelle déjà"), store.write() as s:
        chantiers.rename(s, other, "mobilité")
    with store.write() as s:  # its own name, in other letters, is fine
        assert chantiers.rename(s, other, "AGRICULTURE") == "Agriculture"


def test_odd_names_are_kept_as_typed(store):
    with store.write() as s:
        cid = chantiers.create(s, "Emploi & <compétences> 🚀").id
    with store.read() as s:
        assert chantiers.get(s, cid).title == "Emploi & <compétences> 🚀"


def test_deleting_a_chantier_keeps_its_workshops_and_undo_puts_it_back(store):
    with store.write() as s:
        cid = chantiers.create(s, "Mobilité").id
        wid = workshops.create(s, "Atelier").id
        chantiers.move_workshop(s, wid, cid)
        data = chantiers.delete(s, cid)
    with store.read() as s:
        assert chantiers.list_summaries(s) == []
        assert workshops.get(s, wid).title == "Atelier"
        assert chantiers.chantier_of(s, wid) is None
    with store.write() as s:
        chantiers.recreate(s, data)
    with store.read() as s:
        assert chantiers.get(s, cid).title == "Mobilité"
        assert chantiers.chantier_of(s, wid) == cid


def test_a_trashed_workshop_leaves_the_list_but_comes_back_into_its_chantier(store):
    with store.write() as s:
        cid = chantiers.create(s, "Mobilité").id
        wid = workshops.create(s, "Atelier").id
        chantiers.move_workshop(s, wid, cid)
        workshops.trash(s, wid)
    with store.read() as s:
        assert chantiers.list_summaries(s)[0].workshop_ids == ()
    with store.write() as s:
        workshops.restore(s, wid)
    with store.read() as s:
        assert chantiers.list_summaries(s)[0].workshop_ids == (wid,)


def test_where_the_chantier_stands_counts_each_brique(store):
    with store.write() as s:
        cid = chantiers.create(s, "Mobilité").id
        for title in ("Atelier 1", "Atelier 2"):
            wid = workshops.create(s, title).id
            chantiers.move_workshop(s, wid, cid)
            card = actions.create(s, wid, action=f"Action de {title}")
        card.status = "tested"
        outside = workshops.create(s, "Hors chantier").id
        actions.create(s, outside, action="Pas dans le chantier")
    with store.read() as s:
        counts = chantiers.counts(s, cid)
    assert (counts.workshops, counts.action_cards) == (2, 2)
    lines = {line.number: line for line in briques(counts)}
    assert "2 ateliers" in lines[3].facts and "2 fiches actions" in lines[3].facts
    assert "1 action testée" in lines[4].facts
    assert "protocole de test" in lines[4].next_step


def test_migration_from_0014_keeps_every_workshop_and_fiche_without_a_chantier(db_path):
    open_store(db_path, target="0014_tables_harvest").close()
    wid = add_workshop(db_path, "Atelier d'avant")
    con = sqlite3.connect(db_path)
    con.execute(
        "insert into action_cards (workshop_id, position, theme, challenge, target, action,"
        " leads, contributors, implementation, impact, feasibility, description, indicators,"
        " test_plan, success_conditions, acceleration_needs, origin, origin_ref, created_at,"
        " updated_at) values (?, 0, '', 'Défi', '', 'Action ancienne', 'CFA', '', '', 2, 1, '',"
        " '', 'Un test', '', '', 'manual', '', '2026-01-01', '2026-01-01')",
        (wid,),
    )
    con.commit()
    con.close()
    store = open_store(db_path)
    try:
        with store.read() as s:
            assert workshops.get(s, wid).title == "Atelier d'avant"
            assert chantiers.chantier_of(s, wid) is None
            [card] = actions.list_for(s, wid)
            assert (card.action, card.leads, card.status) == ("Action ancienne", "CFA", "to_start")
        with store.write() as s:  # and it goes into a chantier like any other
            cid = chantiers.create(s, "Nouveau chantier").id
            chantiers.move_workshop(s, wid, cid)
    finally:
        store.close()
    con = sqlite3.connect(db_path)
    assert con.execute("select version_num from alembic_version").fetchone()[0] == SCHEMA_HEAD
    assert con.execute("pragma foreign_key_check").fetchall() == []
    con.close()
