"""The chantier's données (#17, kit Brique 1-3 to 1-5): the données clés and ressources
financières pasted from a spreadsheet (the kit's own model too), refused when empty or known,
deleted and put back, kept when the chantier is deleted and undone; the figures ticked « En
atelier » feed a workshop's « Quelques chiffres clés » séquence (made after the introduction,
written again the second time, taken back by undo); the migration from earlier revisions with
data."""

from __future__ import annotations

import sqlite3

import pytest

from kitcop_desktop.domain.key_figures import FUNDING, KEY_FIGURES, SEQUENCE_TITLE
from kitcop_desktop.domain.validation import InvalidInput
from kitcop_desktop.storage import agenda, chantiers, key_figures, sheets, workshops
from kitcop_desktop.storage.migrate import open_store
from kitcop_desktop.storage.schema_head import SCHEMA_HEAD
from tests.storage.old_rows import add_workshop

# The kit's Brique 1-5 model as copied from a spreadsheet: a title line, a theme alone on its
# line, the three headings, then the data (three columns).
KIT_PASTE = (
    "RAPPEL DONNÉES CLÉ ENJEUX COP AURA 2030 ET SECTEUR ÉTUDIÉ\t\t\n"
    "ORIENTATION\t\t\n"
    "DONNÉES DE DEPART\tDONNÉES CIBLES\tQU'EN RETENIR ?\n"
    "1 collégien sur 10 vise le bâtiment\t1 sur 5\tMétiers mal connus\n"
    "FORMATIONS\t\t\n"
    "DONNÉES DE DEPART\tDONNÉES CIBLES\tQU'EN RETENIR ?\n"
    "420 apprentis\t700 en 2030\tLes places existent\n"
)


@pytest.fixture
def chantier_id(store):
    with store.write() as s:
        return chantiers.create(s, "Rénovation énergétique — Drôme").id


def figures(store, chantier_id):
    with store.read() as s:
        return [(r.values, r.flag) for r in sheets.rows(s, KEY_FIGURES, chantier_id)]


def test_the_kits_model_pasted_whole_gives_each_figure_its_theme(store, chantier_id):
    with store.write() as s:
        ids = sheets.paste(s, KEY_FIGURES, chantier_id, KIT_PASTE)
    assert len(ids) == 2
    rows = figures(store, chantier_id)
    assert [(v["theme"], v["starting"], v["target"], v["takeaway"]) for v, _f in rows] == [
        ("ORIENTATION", "1 collégien sur 10 vise le bâtiment", "1 sur 5", "Métiers mal connus"),
        ("FORMATIONS", "420 apprentis", "700 en 2030", "Les places existent"),
    ]
    assert all(flag for _v, flag in rows)  # a new figure is to be shown in the workshops
    with store.write() as s, pytest.raises(InvalidInput, match="déjà toutes"):
        sheets.paste(s, KEY_FIGURES, chantier_id, KIT_PASTE)
    assert len(figures(store, chantier_id)) == 2


def test_the_apps_own_columns_paste_and_hostile_cells_are_said_or_cleaned(store, chantier_id):
    text = (
        "Emploi\t3 200 RGE <b>&amp;</b> 🏗️\t6 000\tDoubler\tObservatoire\textra\n\t\tsans constat\n"
    )
    with store.write() as s:
        sheets.paste(s, KEY_FIGURES, chantier_id, text)
    [(values, _flag)] = figures(store, chantier_id)
    assert values["starting"] == "3 200 RGE <b>&amp;</b> 🏗️"
    assert values["source"] == "Observatoire extra"
    for bad in ("", "   \n\t\n", "\t\tobjectif sans constat"):
        with store.write() as s, pytest.raises(InvalidInput, match="Rien n'a été modifié"):
            sheets.paste(s, KEY_FIGURES, chantier_id, bad)
    with store.write() as s, pytest.raises(InvalidInput, match="trop long"):
        sheets.add(s, FUNDING, chantier_id, name="Aide", scope="x" * 6_000)
    with store.write() as s, pytest.raises(InvalidInput, match="vide"):
        sheets.update(s, KEY_FIGURES, sheets.rows(s, KEY_FIGURES, chantier_id)[0].id, starting=" ")
    assert len(figures(store, chantier_id)) == 1


def test_funding_lines_delete_and_come_back_and_travel_with_a_deleted_chantier(store, chantier_id):
    with store.write() as s:
        sheets.paste(
            s, FUNDING, chantier_id, "Aide ou dispositif\tFinanceur\nFTJ\tUE\nAides Région\tRégion"
        )
        sheets.add(s, KEY_FIGURES, chantier_id, starting="9 000 logements")
    with store.write() as s:
        ids = [r.id for r in sheets.rows(s, FUNDING, chantier_id)]
        gone = sheets.delete_many(s, FUNDING, ids[:1])
    with store.read() as s:
        assert [r.values["name"] for r in sheets.rows(s, FUNDING, chantier_id)] == ["Aides Région"]
    with store.write() as s:
        sheets.recreate_many(s, FUNDING, gone)
        snapshot = chantiers.delete(s, chantier_id)
    with store.read() as s:
        assert sheets.rows(s, FUNDING, chantier_id) == []
    with store.write() as s:
        chantiers.recreate(s, snapshot)
    with store.read() as s:
        assert [r.values["name"] for r in sheets.rows(s, FUNDING, chantier_id)] == [
            "FTJ",
            "Aides Région",
        ]
        assert chantiers.counts(s, chantier_id).key_figures == 1


def test_ticked_figures_feed_the_workshops_key_figures_sequence_after_its_introduction(
    store, chantier_id
):
    with store.write() as s:
        wid = workshops.create(s, "Atelier de mars").id
        agenda.apply_template(s, wid, "modele_1")
        chantiers.move_workshop(s, wid, chantier_id)
        sheets.paste(s, KEY_FIGURES, chantier_id, KIT_PASTE)
        before = [q.title for q in agenda.list_sequences(s, wid)]
    with store.write() as s:
        made = key_figures.feed_workshop(s, chantier_id, wid)
    with store.read() as s:
        found = [(q.id, q.title, q.instructions) for q in agenda.list_sequences(s, wid)]
    assert [title for _i, title, _t in found] == [before[0], SEQUENCE_TITLE, *before[1:]]
    text = found[1][2]
    assert text.split("\n\n")[1] == (
        "FORMATIONS — 420 apprentis\u00a0→ objectif\u00a0: 700 en 2030\nÀ retenir\u00a0: Les places existent"
    )
    # A figure unticked is no longer projected; feeding again writes the same séquence.
    with store.write() as s:
        first = sheets.rows(s, KEY_FIGURES, chantier_id)[0].id
        sheets.update(s, KEY_FIGURES, first, shown=False)
        again = key_figures.feed_workshop(s, chantier_id, wid)
    with store.read() as s:
        found = [(q.id, q.title, q.instructions) for q in agenda.list_sequences(s, wid)]
    assert [title for _i, title, _t in found].count(SEQUENCE_TITLE) == 1
    assert "collégien" not in found[1][2] and "420 apprentis" in found[1][2]
    with store.write() as s:
        key_figures.unfeed(s, again)
        assert "collégien" in agenda.get(s, found[1][0]).instructions
        key_figures.unfeed(s, made)
    with store.read() as s:
        assert [q.title for q in agenda.list_sequences(s, wid)] == before


def test_feeding_is_refused_with_nothing_ticked_or_a_workshop_of_another_chantier(
    store, chantier_id
):
    with store.write() as s:
        outside = workshops.create(s, "Hors chantier").id
        inside = workshops.create(s, "Dans le chantier").id
        chantiers.move_workshop(s, inside, chantier_id)
    with store.write() as s, pytest.raises(InvalidInput, match="Aucune donnée clé"):
        key_figures.feed_workshop(s, chantier_id, inside)
    with store.write() as s:
        sheets.add(s, KEY_FIGURES, chantier_id, starting="9 000 logements")
    with store.write() as s, pytest.raises(InvalidInput, match="pas dans ce chantier"):
        key_figures.feed_workshop(s, chantier_id, outside)
    with store.read() as s:
        assert agenda.list_sequences(s, outside) == []
        assert agenda.list_sequences(s, inside) == []


@pytest.mark.parametrize(
    "start", ["0015_chantier_action_plan", "0017_chantier_stakeholders", "0019_phone_posts"]
)
def test_migration_keeps_the_chantier_and_adds_empty_data_tables(db_path, start):
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
            assert chantiers.chantier_of(s, wid) == cid
            assert sheets.rows(s, KEY_FIGURES, cid) == sheets.rows(s, FUNDING, cid) == []
        with store.write() as s:
            sheets.add(s, KEY_FIGURES, cid, starting="9 000 logements", target="20 000")
            sheets.add(s, FUNDING, cid, name="Fonds de transition juste")
        with store.read() as s:
            assert chantiers.counts(s, cid).funding_sources == 1
    finally:
        store.close()
    con = sqlite3.connect(db_path)
    assert con.execute("select version_num from alembic_version").fetchone()[0] == SCHEMA_HEAD
    assert con.execute("pragma foreign_key_check").fetchall() == []
    con.close()
