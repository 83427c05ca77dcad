"""A file from every earlier revision, holding a chantier and all its kit material that its
revision could hold, opens at the head with all of it (#17): the chantier and its workshop,
the fiche action with its status, step, protocol and result, the map's actor, the governance's
instance and its member's RACI letter, the initiative, the données clés and the ressources
financières. A file from before chantiers existed keeps its workshop and fiche, without one."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kitcop_desktop.storage import action_plan, chantiers, governance, stakeholder_map
from kitcop_desktop.storage.migrate import head_revision, known_revisions, open_store
from kitcop_desktop.storage.schema_head import SCHEMA_HEAD

# Parents first; a table is filled when the revision has it.
TABLES = (
    "chantiers",
    "workshops",
    "action_cards",
    "action_steps",
    "test_protocols",
    "test_results",
    "actors",
    "governance_bodies",
    "governance_members",
    "initiatives",
    "key_figures",
    "funding_sources",
)
# Values the schema checks, or that the app reads as words.
CHOSEN = {
    "workshops": {"title": "Atelier d'avant", "participation_level": "co_construction"},
    "chantiers": {"title": "Chantier d'avant"},
    "action_cards": {"status": "in_progress", "action": "Chantiers-écoles", "origin": "manual"},
    "action_steps": {"label": "Convention"},
    "test_results": {"verdict": "met", "criterion": "15 apprenant·es"},
    "actors": {"name": "CAPEB Rhône", "category": "para_public", "x": 0.1, "y": 0.2},
    "governance_bodies": {"name": "Comité de pilotage", "participation": "consultation"},
    "governance_members": {"raci": "A"},
    "initiatives": {"name": "Zéro chômeur"},
    "key_figures": {"theme": "Emploi", "starting": "3 200 RGE"},
    "funding_sources": {"name": "Fonds de transition juste"},
}
BY_TYPE = {"INTEGER": 0, "FLOAT": 0.0, "BOOLEAN": 0, "DATE": "2026-01-01", "DATETIME": "2026-01-01"}


def fill(db_path: Path) -> dict[str, int]:
    """One row in each of TABLES the file has, its references to the rows above; the ids."""
    con = sqlite3.connect(db_path)
    con.execute("pragma foreign_keys = on")
    ids: dict[str, int] = {}
    try:
        present = {r[0] for r in con.execute("select name from sqlite_master where type='table'")}
        for table in TABLES:
            if table not in present:
                continue
            refs = {r[3]: r[2] for r in con.execute(f"pragma foreign_key_list({table})")}
            values: dict[str, object] = {}
            for _cid, name, kind, notnull, default, pk in con.execute(
                f"pragma table_info({table})"
            ):
                if pk:
                    continue
                if name in refs:
                    if refs[name] in ids:
                        values[name] = ids[refs[name]]
                    continue
                if name in CHOSEN.get(table, {}):
                    values[name] = CHOSEN[table][name]
                elif notnull and default is None:
                    values[name] = BY_TYPE.get(kind.split("(")[0].upper(), "")
            names = ", ".join(values)
            marks = ", ".join("?" for _ in values)
            ids[table] = con.execute(
                f"insert into {table} ({names}) values ({marks})", list(values.values())
            ).lastrowid
        con.commit()
    finally:
        con.close()
    return ids


EARLIER = [r for r in reversed(known_revisions()) if r != head_revision()]


@pytest.mark.parametrize("start", EARLIER)
def test_a_chantier_with_its_kit_material_comes_up_from_every_earlier_revision(db_path, start):
    open_store(db_path, target=start).close()
    ids = fill(db_path)
    store = open_store(db_path)
    try:
        with store.read() as s:
            if "chantiers" not in ids:  # before chantiers: the workshop stays on its own
                assert chantiers.chantier_of(s, ids["workshops"]) is None
                assert chantiers.list_summaries(s) == []
                return
            cid = ids["chantiers"]
            assert chantiers.get(s, cid).title == "Chantier d'avant"
            assert chantiers.chantier_of(s, ids["workshops"]) == cid
            [row] = action_plan.rows(s, cid)
            assert (row.heading, row.status) == ("Chantiers-écoles", "in_progress")
            assert [step.label for step in row.steps] == ["Convention"]
            assert row.protocol_id == ids["test_protocols"]
            counts = chantiers.counts(s, cid)
            assert (counts.workshops, counts.protocols, counts.results) == (1, 1, 1)
            had = {t: int(t in ids) for t in ("actors", "initiatives", "key_figures")}
            assert (counts.actors, counts.initiatives, counts.key_figures) == (
                had["actors"],
                had["initiatives"],
                had["key_figures"],
            )
            assert counts.funding_sources == int("funding_sources" in ids)
            if "actors" in ids:
                [actor] = stakeholder_map.rows(s, cid)
                assert (actor.name, actor.category, actor.aliases) == (
                    "CAPEB Rhône",
                    "para_public",
                    (),
                )
                [body] = governance.bodies(s, cid)
                assert [m.raci for m in body.members] == ["A"] and body.warning == ""
        with store.write() as s:  # and the file takes new material at the head
            stakeholder_map.add(s, cid, "Région Auvergne-Rhône-Alpes")
    finally:
        store.close()
    con = sqlite3.connect(db_path)
    try:
        assert con.execute("select version_num from alembic_version").fetchone()[0] == SCHEMA_HEAD
        assert con.execute("pragma foreign_key_check").fetchall() == []
    finally:
        con.close()
