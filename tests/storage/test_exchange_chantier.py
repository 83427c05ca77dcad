"""A chantier's .kitcop file (#17): the chantier, its workshops out of the trash with all they
hold, and its état des lieux (map, gouvernance with RACI, initiatives, données clés and
ressources financières) land on another laptop
as they were; imported twice, the second copy is renamed; undo removes it all."""

from __future__ import annotations

import json

import pytest

from kitcop_desktop.storage import (
    action_plan,
    chantiers,
    exchange,
    governance,
    initiatives,
    sheets,
    stakeholder_map,
    test_protocols,
    workshops,
)
from kitcop_desktop.storage.migrate import open_store


def etat_des_lieux(store, chantier_id: int) -> tuple:
    with store.read() as s:
        return (
            [
                (r.name, r.category, r.influential, r.x, r.y)
                for r in stakeholder_map.rows(s, chantier_id)
            ],
            [
                (b.name, b.participation, b.purpose, [(m.name, m.raci) for m in b.members])
                for b in governance.bodies(s, chantier_id)
            ],
            [r.values for r in initiatives.rows(s, chantier_id)],
            sorted(w.title for w in chantiers.alive_workshops(s, chantier_id)),
            [
                (r.values, r.flag)
                for key in ("key_figures", "funding_sources")
                for r in sheets.rows(s, sheets.sheet(key), chantier_id)
            ],
            plan(s, chantier_id),
            [r.aliases for r in stakeholder_map.rows(s, chantier_id)],
            [sorted(m.label for m in met) for met in initiatives.meetings(s, chantier_id).values()],
        )


def plan(s, chantier_id: int) -> list:
    """The action plan as the page shows it: each fiche's status, pilots, steps, its protocol
    and the log of its results."""
    out = []
    for row in action_plan.rows(s, chantier_id):
        protocol = test_protocols.get(s, row.protocol_id) if row.protocol_id else None
        out.append(
            (
                row.heading,
                row.workshop,
                row.status,
                row.leads,
                [(step.label, step.due, step.done) for step in row.steps],
                protocol and (protocol.objective, protocol.impact_criteria, protocol.success_if),
                protocol
                and [
                    (r.day, r.criterion, r.observed, r.verdict)
                    for r in test_protocols.results(s, protocol.id)
                ],
            )
        )
    return out


@pytest.fixture
def demo(store, demo):
    """The demo's chantier (the demo itself from conftest's `demo`)."""
    with store.read() as s:
        return chantiers.chantier_of(s, demo)


def test_a_chantier_file_lands_whole_on_another_laptop(store, demo, tmp_path):
    with store.write() as s:
        trashed = workshops.create(s, "Atelier jeté").id
        chantiers.move_workshop(s, trashed, demo)
        workshops.get(s, trashed).deleted_at = workshops.get(s, trashed).created_at
    with store.read() as s:
        data = exchange.export_chantier(s, demo, zipped=True)
    path = tmp_path / "chantier.kitcop"
    path.write_bytes(data)
    other = open_store(tmp_path / "autre.sqlite3")
    try:
        preview = exchange.read_file(path)
        assert preview.kind == "chantier"
        assert "un chantier complet" in preview.summary_lines()[0]
        result = exchange.apply_import(other, preview)
        assert result.kind == "chantier" and result.chantier_id is not None
        assert "2 ateliers" in result.message
        before = etat_des_lieux(store, demo)
        after = etat_des_lieux(other, result.chantier_id)
        assert after == before
        assert len(after[0]) == 15 and "Atelier jeté" not in after[3]
        # The données clés (one not ticked « En atelier ») and ressources financières too.
        assert len(after[4]) == 7 and [flag for _v, flag in after[4][:4]].count(False) == 1
        # The action plan with its statuses, steps, the protocol and its two results.
        assert len(after[5]) == 3 and sum(1 for r in after[5] if r[5]) == 1
        assert [len(r[6]) for r in after[5] if r[6]] == [2]
        assert any(after[7])  # an initiative met in the campaign, still linked
    finally:
        other.close()


def test_importing_it_twice_renames_the_copy_and_undo_removes_it(store, demo):
    with store.read() as s:
        data = exchange.export_chantier(s, demo)
    preview = exchange.read_data(data)
    result = exchange.apply_import(store, preview)
    with store.read() as s:
        titles = sorted(c.title for c in chantiers.list_summaries(s))
    assert titles == ["Rénovation énergétique — Rhône", "Rénovation énergétique — Rhône (2)"]
    with store.write() as s:
        exchange.undo_import(s, result)
    with store.read() as s:
        assert [c.title for c in chantiers.list_summaries(s)] == ["Rénovation énergétique — Rhône"]
        assert stakeholder_map.rows(s, result.chantier_id) == []


def test_a_file_naming_an_actor_the_file_lacks_is_refused_and_changes_nothing(store, demo):
    with store.read() as s:
        envelope = json.loads(exchange.export_chantier(s, demo))
    envelope["tables"]["governance_members"][0]["actor_id"] = 999_999
    envelope.pop("fingerprint", None)
    with pytest.raises(exchange.ExchangeError):
        preview = exchange.read_data(json.dumps(envelope).encode())
        exchange.apply_import(store, preview)
    with store.read() as s:
        assert len(chantiers.list_summaries(s)) == 1


def test_a_chantier_file_leaves_out_what_is_animateur_rice_unless_asked(store, demo):
    with store.read() as s:
        plain = exchange.export_chantier(s, demo).decode("utf-8")
        asked = exchange.export_chantier(s, demo, include_facilitator=True).decode("utf-8")
    assert "Salle réservée de 8 h 30" not in plain  # the workshop's notes pour l'animateur·rice
    assert "Salle réservée de 8 h 30" in asked
    assert '"interviewee_identities"' not in plain
