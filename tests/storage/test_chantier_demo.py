"""The demo (#17): a chantier with two workshops, a campaign of interviews, a map of 15 actors,
a governance and an action plan with one protocol."""

from __future__ import annotations

from kitcop_desktop.storage import (
    action_plan,
    chantiers,
    governance,
    stakeholder_map,
    test_protocols,
    workshops,
)


def test_the_demo_is_a_chantier_with_two_workshops_and_a_protocol(store, demo):
    workshop_id = demo
    with store.read() as s:
        [chantier] = chantiers.list_summaries(s)
        assert chantier.title == "Rénovation énergétique — Rhône"
        assert workshop_id in chantier.workshop_ids and len(chantier.workshop_ids) == 2
        rows = action_plan.rows(s, chantier.id)
        assert [r.workshop for r in rows][:1] == ["Diagnostic partagé des compétences"]
        assert len(rows) == 3 and {r.status for r in rows} == {"to_start", "in_progress"}
        [with_protocol] = [r for r in rows if r.protocol_id]
        assert [step.label for step in with_protocol.steps][0] == (
            "Convention entre les trois centres"
        )
        assert len(test_protocols.results(s, with_protocol.protocol_id)) == 2
        # The demo's own workshop is still the newest, first in the list.
        assert workshops.list_summaries(s)[0].id == workshop_id
        counts = chantiers.counts(s, chantier.id)
        assert counts.interviews >= 3  # the campaign (Brique 2)
        assert len(stakeholder_map.rows(s, chantier.id)) == 15
        met = stakeholder_map.encounters(s, chantier.id)
        assert 0 < sum(1 for e in met.values() if e.met) < 15  # who came, who is missing
        bodies = governance.bodies(s, chantier.id)
        assert len(bodies) >= 2 and all(b.members for b in bodies)
