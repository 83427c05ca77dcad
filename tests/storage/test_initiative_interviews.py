"""An initiative inspirante met in the campaign (#17, kit Brique 1-1 → 2): recognised when an
interviewee's structure names it (its name or its contact), linked by hand to any interview of
the chantier's workshops (undo puts the links back, an interview of another chantier is
refused), printed in « Suivi de l'entretien », carried by a chantier's file with its interviews'
new ids, and the migration from 0023 keeps the table."""

from __future__ import annotations

import sqlite3

import pytest

from kitcop_desktop.domain.validation import InvalidInput
from kitcop_desktop.storage import chantiers, exchange, initiatives, interviews, workshops
from kitcop_desktop.storage.migrate import open_store
from kitcop_desktop.storage.schema_head import SCHEMA_HEAD
from tests.printing.pdf_support import flat, text_of


@pytest.fixture
def chantier(store):
    with store.write() as s:
        cid = chantiers.create(s, "Rénovation énergétique — Drôme").id
        wid = workshops.create(s, "Enquête de terrain").id
        chantiers.move_workshop(s, wid, cid)
        afpa = interviews.create_interview(s, wid, structure="AFPA Occitanie").id
        other = interviews.create_interview(s, wid, structure="Mairie de Die").id
        schools = initiatives.add(
            s, cid, "Chantiers-écoles", contact="AFPA Occitanie — service formation"
        )
        campus = initiatives.add(s, cid, "Campus des métiers")
        elsewhere = workshops.create(s, "Hors chantier").id
        stranger = interviews.create_interview(s, elsewhere, structure="Campus").id
    return cid, {"afpa": afpa, "other": other, "stranger": stranger}, schools, campus


def met(store, cid):
    with store.read() as s:
        return {
            k: [(m.label, m.by_hand) for m in v] for k, v in initiatives.meetings(s, cid).items()
        }


def test_an_interviewees_structure_recognises_the_initiative_and_links_by_hand_add_to_it(
    store, chantier
):
    cid, ids, schools, campus = chantier
    assert met(store, cid) == {
        schools: [("Enquêté·e 1 — AFPA Occitanie (Enquête de terrain)", False)],
        campus: [],
    }
    with store.write() as s:
        previous = initiatives.link_interviews(s, campus, [ids["other"], ids["other"]])
    assert met(store, cid)[campus] == [("Enquêté·e 2 — Mairie de Die (Enquête de terrain)", True)]
    with store.write() as s, pytest.raises(InvalidInput, match="Rien n'a été modifié"):
        initiatives.link_interviews(s, campus, [ids["stranger"]])
    with store.write() as s:
        initiatives.update(s, campus, **previous)
    assert met(store, cid)[campus] == []


def test_links_print_and_travel_with_the_interviews_new_ids(store, chantier):
    from kitcop_desktop.printing.initiatives import render_initiatives_pdf

    cid, ids, _schools, campus = chantier
    with store.write() as s:
        initiatives.link_interviews(s, campus, [ids["other"]])
    with store.read() as s:
        text = flat(text_of(render_initiatives_pdf(s, cid)))
        data = exchange.export_chantier(s, cid)
    assert "Rencontrée : Enquêté·e 2 — Mairie de Die" in text.replace("\u00a0", " ")
    result = exchange.apply_import(store, exchange.read_data(data))
    copy = met(store, result.chantier_id)
    assert sorted(copy.values()) == [
        [("Enquêté·e 1 — AFPA Occitanie (Enquête de terrain)", False)],
        [("Enquêté·e 2 — Mairie de Die (Enquête de terrain)", True)],
    ]


def test_a_deleted_interview_is_no_longer_shown_and_the_migration_keeps_initiatives(db_path):
    open_store(db_path, target="0023_seats_team").close()
    con = sqlite3.connect(db_path)
    cid = con.execute(
        "insert into chantiers (title, description, created_at, updated_at)"
        " values ('Chantier d''avant', '', '2026-01-01', '2026-01-01')"
    ).lastrowid
    con.execute(
        "insert into initiatives (chantier_id, position, name, scale, territory, presentation,"
        " interest, contact, follow_up, created_at, updated_at) values (?, 0, 'Zéro chômeur',"
        " '', '', '', '', '', 'À rappeler', '2026-01-01', '2026-01-01')",
        (cid,),
    )
    con.commit()
    con.close()
    store = open_store(db_path)
    try:
        with store.write() as s:
            [row] = initiatives.rows(s, cid)
            assert row.values["follow_up"] == "À rappeler"
            wid = workshops.create(s, "Enquête").id
            chantiers.move_workshop(s, wid, cid)
            gone = interviews.create_interview(s, wid, structure="Ville").id
            initiatives.link_interviews(s, row.id, [gone])
        with store.write() as s:
            workshops.get(s, wid).deleted_at = workshops.get(s, wid).created_at
        with store.read() as s:
            assert initiatives.meetings(s, cid)[row.id] == []
    finally:
        store.close()
    con = sqlite3.connect(db_path)
    assert con.execute("select version_num from alembic_version").fetchone()[0] == SCHEMA_HEAD
    con.close()
