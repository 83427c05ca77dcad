"""The chantier's action plan and protocols de test in the store (#17): across two
workshops, statuses and steps, protocols and their log; bad input refused in French."""

from __future__ import annotations

from datetime import date

import pytest

from kitcop_desktop.domain.action_plan import criteria, status_from_key, tally
from kitcop_desktop.domain.validation import InvalidInput
from kitcop_desktop.storage import action_plan, actions, chantiers, test_protocols, workshops


@pytest.fixture
def plan(store):
    with store.write() as s:
        cid = chantiers.create(s, "Rénovation énergétique — Drôme").id
        first = workshops.create(s, "Diagnostic", date=date(2026, 1, 20)).id
        second = workshops.create(s, "Atelier solutions", date=date(2026, 3, 3)).id
        alone = workshops.create(s, "Hors chantier").id
        for wid in (second, first):  # moved out of date order: the plan follows the dates
            chantiers.move_workshop(s, wid, cid)
        a = actions.create(s, second, action="Chantiers-écoles", leads="CFA ; AFPA").id
        b = actions.create(s, second, action="Formateurs à jour").id
        c = actions.create(s, first, challenge="Attirer des jeunes", action="").id
        actions.create(s, alone, action="Pas dans le plan")
    return {"chantier": cid, "cards": (a, b, c), "workshops": (first, second)}


def test_the_plan_gathers_the_fiches_of_every_workshop_of_the_chantier(store, plan):
    with store.read() as s:
        rows = action_plan.rows(s, plan["chantier"])
    assert [(r.number, r.heading, r.workshop) for r in rows] == [
        (1, "Attirer des jeunes", "Diagnostic"),
        (2, "Chantiers-écoles", "Atelier solutions"),
        (3, "Formateurs à jour", "Atelier solutions"),
    ]
    assert {r.status for r in rows} == {"to_start"}
    assert rows[1].leads == "CFA ; AFPA"


def test_status_changes_and_undoes(store, plan):
    a = plan["cards"][0]
    with store.write() as s:
        previous = action_plan.set_status(s, a, "in_progress")
    assert previous == "to_start"
    with pytest.raises(InvalidInput, match="Statut inconnu"), store.write() as s:
        action_plan.set_status(s, a, "fini")
    with store.write() as s:
        action_plan.set_status(s, a, previous)
    with store.read() as s:
        assert actions.get(s, a).status == "to_start"


def test_steps_with_dates_give_the_next_step(store, plan):
    a = plan["cards"][0]
    with store.write() as s:
        action_plan.add_step(s, a, "Convention entre les trois centres", date(2026, 4, 30))
        later = action_plan.add_step(s, a, "Premier chantier-école", date(2026, 9, 1)).id
        action_plan.add_step(s, a, "Bilan KISS")
    with store.read() as s:
        row = action_plan.rows(s, plan["chantier"])[1]
    assert [x.label for x in row.steps] == [
        "Convention entre les trois centres",
        "Premier chantier-école",
        "Bilan KISS",
    ]
    assert row.next_step is not None and row.next_step.label == "Convention entre les trois centres"
    with store.write() as s:
        first = row.steps[0].id
        action_plan.update_step(s, first, done=True)
    with store.read() as s:
        row = action_plan.rows(s, plan["chantier"])[1]
    assert row.next_step is not None and row.next_step.id == later
    with store.write() as s:
        data = action_plan.delete_step(s, later)
        action_plan.recreate_step(s, data)
    with store.read() as s:
        assert len(action_plan.rows(s, plan["chantier"])[1].steps) == 3


@pytest.mark.parametrize(
    "label, due, said",
    [
        ("", None, "ne peut pas être vide"),
        ("x" * 301, None, "trop long"),
        ("Étape", date(1850, 1, 1), "hors de portée"),
        ("Étape", "demain", "pas valide"),
    ],
)
def test_a_bad_step_is_refused_in_french(store, plan, label, due, said):
    with pytest.raises(InvalidInput, match=said), store.write() as s:
        action_plan.add_step(s, plan["cards"][0], label, due)
    with store.read() as s:
        assert action_plan.rows(s, plan["chantier"])[1].steps == ()


def test_a_protocol_then_its_log_of_results(store, plan):
    a = plan["cards"][0]
    with store.write() as s:
        actions.update(s, a, challenge="Former assez d'artisans")
        protocol = test_protocols.create(s, a)
        assert protocol.problem == "Former assez d'artisans"  # starts from the défi
        test_protocols.update(
            s,
            protocol.id,
            objective="Un chantier-école partagé",
            impact_criteria="- 15 apprenant·es\n• 80 % en emploi à 6 mois\n\n15 apprenant·es",
            success_if="Les trois centres en redemandent",
        )
        test_protocols.add_result(
            s, protocol.id, criterion="15 apprenant·es", observed="14 inscrits", verdict="partly"
        )
        test_protocols.add_result(
            s,
            protocol.id,
            criterion="80 % en emploi à 6 mois",
            observed="",
            verdict="met",
            day=date(2026, 12, 1),
        )
        pid = protocol.id
    with store.read() as s:
        protocol = test_protocols.get(s, pid)
        assert criteria(protocol.impact_criteria) == ["15 apprenant·es", "80 % en emploi à 6 mois"]
        verdicts = [r.verdict for r in test_protocols.results(s, pid)]
        assert verdicts == ["partly", "met"]
        assert action_plan.rows(s, plan["chantier"])[1].protocol_id == pid
    assert tally(verdicts) == "1 atteint · 1 partiellement · 0 non atteint"
    with pytest.raises(InvalidInput, match="déjà son protocole"), store.write() as s:
        test_protocols.create(s, a)
    with pytest.raises(InvalidInput, match="constat ou d'un verdict"), store.write() as s:
        test_protocols.add_result(s, pid, criterion="x", observed="  ", verdict="")
    with pytest.raises(InvalidInput, match="Résultat inconnu"), store.write() as s:
        test_protocols.add_result(s, pid, criterion="x", observed="vu", verdict="bof")
    with store.write() as s:  # deleted with its log, and back with undo's snapshot
        data = test_protocols.delete(s, pid)
    with store.read() as s:
        assert test_protocols.for_card(s, a) is None
    with store.write() as s:
        test_protocols.recreate(s, data)
    with store.read() as s:
        assert len(test_protocols.results(s, pid)) == 2


def test_digit_keys_name_the_statuses():
    assert [status_from_key(k) for k in "123456a"] == [
        "to_start",
        "in_progress",
        "tested",
        "scaled_up",
        "abandoned",
        None,
        None,
    ]
