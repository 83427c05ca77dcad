"""Run facts in the store: a restart resumes exactly; the restitution shows planned vs actual."""

from __future__ import annotations

from datetime import datetime, time

from kitcop_desktop.domain.clock import FakeClock
from kitcop_desktop.storage import agenda, agenda_run
from kitcop_desktop.storage.models.workshop import Workshop


def test_a_restart_resumes_from_the_stored_facts(store, workshop_id):
    clock = FakeClock(datetime(2026, 3, 3, 9, 0).astimezone())
    with store.write() as s:
        s.get(Workshop, workshop_id).start_time = time(9, 0)
        agenda.apply_template(s, workshop_id, "modele_1")
        runner = agenda_run.load_runner(s, workshop_id, clock)
        agenda_run.append_events(s, workshop_id, runner.start())
    clock.advance(300)
    with store.write() as s:
        agenda_run.append_events(s, workshop_id, runner.extend(120))
    clock.advance(60)
    # the app is killed; a new process reads the facts 10 s later
    clock.advance(10)
    with store.read() as s:
        again = agenda_run.load_runner(s, workshop_id, clock)
    assert again.current.title == "Accueil café / Introduction" and again.running
    assert again.countdown().text() == "10:50"  # 15 + 2 min - 370 s


def test_actual_rows_of_the_demo_show_planned_vs_actual(store, demo):
    wid = demo
    with store.read() as s:
        rows = agenda_run.actual_rows(s, wid)
        planned = agenda.planned_rows(s, wid)
    assert len(rows) == len(planned) == 8
    assert planned[0].start == time(9, 0) and planned[-1].end == time(12, 30)
    first, diag = rows[0], next(r for r in rows if r.title == "Diagnostic")
    assert first.actual_start == time(9, 2) and first.drift_minutes == 2
    assert diag.extension_minutes == 5 and diag.actual_minutes == 56
    assert all(r.actual_end is not None for r in rows)


def test_clear_and_restore_the_run(store, workshop_id):
    clock = FakeClock()
    with store.write() as s:
        agenda.apply_template(s, workshop_id, "blank")
        runner = agenda_run.load_runner(s, workshop_id, clock)
        agenda_run.append_events(s, workshop_id, runner.start())
        saved = agenda_run.clear_run(s, workshop_id)
        assert agenda_run.load_events(s, workshop_id) == []
        agenda_run.restore_run(s, saved)
        assert [e.kind for e in agenda_run.load_events(s, workshop_id)] == ["enter", "start"]


def test_deleting_a_sequence_keeps_and_relinks_its_facts(store, workshop_id):
    clock = FakeClock()
    with store.write() as s:
        agenda.apply_template(s, workshop_id, "modele_kiss")
        runner = agenda_run.load_runner(s, workshop_id, clock)
        agenda_run.append_events(s, workshop_id, runner.start())
        first = runner.current_id
        snapshot = agenda.delete_sequence(s, first)
        assert agenda_run.load_runner(s, workshop_id, clock).current is None
        agenda.restore_sequence(s, snapshot)
        assert agenda_run.load_runner(s, workshop_id, clock).current_id == first
