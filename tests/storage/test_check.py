"""`kitcop check` on files at the head, behind it (the app will upgrade them) and ahead of it."""

from __future__ import annotations

import sqlite3

from kitcop_desktop.storage.check import run_check
from kitcop_desktop.storage.engine import Store
from kitcop_desktop.storage.migrate import SCHEMA_HEAD, open_store


def test_a_file_at_the_head_is_healthy(store):
    report = run_check(store)
    assert report.healthy and report.revision == SCHEMA_HEAD
    assert "État\u00a0: sain" in report.lines()
    assert report.counts["workshops"] == 0


def test_an_older_file_is_healthy_and_says_it_will_be_upgraded(tmp_path):
    db = tmp_path / "old.sqlite3"
    store = open_store(db, target="0004_voting")  # no fishbowl or interview tables yet
    try:
        report = run_check(store)
    finally:
        store.engine.dispose()
    assert report.healthy
    schema = next(line for line in report.lines() if line.startswith("Schéma"))
    assert "0004_voting" in schema and "prochaine ouverture" in schema
    assert "interviews" not in report.counts and "dot_votes" in report.counts


def test_a_file_from_a_newer_version_is_a_problem(tmp_path):
    db = tmp_path / "new.sqlite3"
    open_store(db).engine.dispose()
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0042_future'")
    store = Store.open(db)
    try:
        report = run_check(store)
    finally:
        store.engine.dispose()
    assert not report.healthy
    assert "version plus récente" in "\n".join(report.lines())
    assert report.lines()[-1] == "État\u00a0: PROBLÈME"


def test_a_workshop_written_before_leaving_existed_upgrades_with_everyone_still_there(tmp_path):
    from kitcop_desktop.storage import fishbowl, participants, workshops

    db = tmp_path / "v6.sqlite3"
    store = open_store(db, target="0006_interviews")
    with store.engine.begin() as conn:  # written the way that version wrote it
        conn.exec_driver_sql(
            "INSERT INTO workshops (id, title, participation_level, problem_statement, place,"
            " facilitators, notes, created_at, updated_at)"
            " VALUES (1, 'Atelier', 'consultation', '', '', '', '', '2026-01-01', '2026-01-01')"
        )
    store.engine.dispose()
    store = open_store(db)  # the app opens it: backup, then 0007
    try:
        with store.write() as s:
            assert workshops.get(s, 1).title == "Atelier"
            participants.add(s, 1, "Awa Diallo")
            bowl = fishbowl.create(s, 1)
            member = fishbowl.members(s, bowl.id)[0]
            assert member.left_at is None
        assert run_check(store).healthy
    finally:
        store.engine.dispose()
    from kitcop_desktop import paths

    # The copy taken before upgrading.
    assert list(paths.backups_dir(db).glob("*avant-0006_interviews*"))
