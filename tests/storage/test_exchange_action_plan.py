"""A workshop's .kitcop file carries its fiches' place in the action plan: status, steps and
protocole de test with its log (#17); a file from before them still imports."""

from __future__ import annotations

import json

from kitcop_desktop.storage import action_plan, chantiers, exchange, test_protocols, workshops


def export_plain(store, workshop_id: int) -> bytes:
    with store.read() as s:
        return exchange.export_workshop(s, workshop_id, zipped=False)


def plan_of(store, workshop_id: int) -> list[tuple]:
    with store.read() as s:
        rows = action_plan.rows_for_workshops(s, [workshops.get(s, workshop_id)])
        result = []
        for row in rows:
            protocol = test_protocols.for_card(s, row.card_id)
            log = (
                [
                    (r.criterion, r.observed, r.verdict, r.day)
                    for r in test_protocols.results(s, protocol.id)
                ]
                if protocol
                else []
            )
            result.append(
                (
                    row.heading,
                    row.status,
                    [(st.label, st.due, st.done) for st in row.steps],
                    protocol.success_if if protocol else None,
                    log,
                )
            )
        return result


def test_status_steps_and_protocol_travel_and_the_chantier_stays_behind(store, demo):
    workshop_id = demo
    before = plan_of(store, workshop_id)
    assert any(p[3] for p in before) and any(p[2] for p in before)
    data = export_plain(store, workshop_id)
    tables = json.loads(data)["tables"]
    assert {"action_steps", "test_protocols", "test_results"} <= set(tables)
    assert "chantiers" not in tables
    assert all("chantier_id" not in row for row in tables["workshops"])
    result = exchange.apply_import(store, exchange.read_data(data))
    assert plan_of(store, result.workshop_id) == before
    with store.read() as s:
        assert chantiers.chantier_of(s, result.workshop_id) is None  # a copy stands alone


def test_a_file_from_before_the_action_plan_still_imports(store, demo):
    workshop_id = demo
    envelope = json.loads(export_plain(store, workshop_id))
    tables = envelope["tables"]
    for name in ("action_steps", "test_protocols", "test_results"):
        tables.pop(name, None)
    for row in tables["action_cards"]:
        row.pop("status")
    old = json.dumps(envelope).encode("utf-8")
    result = exchange.apply_import(store, exchange.read_data(old))
    rows = plan_of(store, result.workshop_id)
    assert rows and {status for _h, status, *_rest in rows} == {"to_start"}
    assert all(steps == [] and protocol is None for _h, _s, steps, protocol, _l in rows)
