"""Damaged libraries (#14 items 7-9): « État : PROBLÈME », the last good backup put back,
files lying about their schema refused before any write, failed upgrades said in one sentence."""

from __future__ import annotations

import sqlite3

from kitcop_desktop import cli, paths
from kitcop_desktop.storage import workshops
from kitcop_desktop.storage.migrate import open_store
from kitcop_desktop.storage.restore import backups, daily_backup

from ..fault_support import damage


def _library(db_path, titles):
    store = open_store(db_path)
    with store.write() as s:
        for title in titles:
            workshops.create(s, title)
    store.close()


def _damage_workshops(db_path):
    with sqlite3.connect(db_path) as conn:
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name='workshops'").fetchone()
    conn.close()
    damage(db_path)
    with db_path.open("r+b") as fh:
        fh.seek((root[0] - 1) * 4096)
        fh.write(b"\xa5" * 4096)


def test_check_says_problem_and_restore_latest_puts_the_last_good_backup_back(db_path, capfd):
    _library(db_path, ["Atelier de mars"])
    assert daily_backup(db_path) is not None  # what the app does once a day on opening
    _damage_workshops(db_path)

    assert cli.main(["check", "--db", str(db_path)]) == cli.EXIT_UNHEALTHY
    out = capfd.readouterr().out
    assert "État\u00a0: PROBLÈME" in out and "--restore-latest" in out  # the way out is named

    assert cli.main(["list", "--db", str(db_path)]) == cli.EXIT_ERROR
    err = capfd.readouterr().err
    assert "endommagé" in err and "Traceback" not in err

    assert cli.main(["check", "--restore-latest", "--db", str(db_path)]) == cli.EXIT_OK
    said = capfd.readouterr().out
    assert "remise en place" in said and "endommagé" in said
    assert cli.main(["list", "--db", str(db_path)]) == cli.EXIT_OK
    assert "Atelier de mars" in capfd.readouterr().out
    kept = list(paths.backups_dir(db_path).glob("*-endommage.sqlite3"))
    assert len(kept) == 1  # the damaged file is kept, never deleted


def test_restore_latest_without_any_good_backup_changes_nothing(db_path, capfd):
    _library(db_path, ["Seul exemplaire"])
    _damage_workshops(db_path)
    before = db_path.read_bytes()
    assert cli.main(["check", "--restore-latest", "--db", str(db_path)]) == cli.EXIT_UNHEALTHY
    assert "Aucune sauvegarde saine" in capfd.readouterr().out
    assert db_path.read_bytes() == before


def test_demo_into_a_damaged_file_is_refused_before_writing(db_path, capfd):
    _library(db_path, ["Atelier"])
    _damage_workshops(db_path)
    before = db_path.read_bytes()
    assert cli.main(["demo", "--db", str(db_path)]) == cli.EXIT_ERROR
    err = capfd.readouterr().err
    assert "endommagé" in err and "Traceback" not in err
    assert db_path.read_bytes() == before


def test_a_file_lying_about_its_revision_is_refused_before_anything_is_written(db_path, capfd):
    with sqlite3.connect(db_path) as conn:
        conn.execute("CREATE TABLE workshops (id INTEGER PRIMARY KEY)")
        conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        conn.execute("INSERT INTO alembic_version VALUES ('0001_foundation')")
    conn.close()
    before = db_path.read_bytes()
    assert cli.main(["list", "--db", str(db_path)]) == cli.EXIT_ERROR
    err = capfd.readouterr().err
    assert "0001_foundation" in err and "il lui manque" in err and "Traceback" not in err
    assert db_path.read_bytes() == before
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 2
    conn.close()
    assert not paths.backups_dir(db_path).exists()  # not even a backup was written
    assert cli.main(["check", "--db", str(db_path)]) == cli.EXIT_UNHEALTHY
    assert "État\u00a0: PROBLÈME" in capfd.readouterr().out


def _file_that_cannot_be_upgraded(db_path):
    """A 0006 file whose fishbowl_members already has `left_at`: 0007 cannot add it."""
    open_store(db_path, target="0006_interviews").close()
    with sqlite3.connect(db_path) as conn:
        conn.execute("ALTER TABLE fishbowl_members ADD COLUMN left_at DATETIME")
    conn.close()


def test_a_failed_upgrade_is_one_sentence_and_retries_do_not_pile_up_backups(db_path, capfd):
    _file_that_cannot_be_upgraded(db_path)
    before = db_path.read_bytes()
    for _attempt in range(3):
        assert cli.main(["list", "--db", str(db_path)]) == cli.EXIT_ERROR
        err = capfd.readouterr().err
        assert len(err.strip().splitlines()) == 1, err
        assert "la sauvegarde a été restaurée" in err
        for sql in ("ALTER", "CREATE", "INSERT", "SELECT", "left_at", "Traceback"):
            assert sql not in err, err
        assert db_path.read_bytes() == before
    assert len(backups(db_path)) == 1
    log_text = (paths.log_dir() / "kitcop.log").read_text(encoding="utf-8")
    assert "left_at" in log_text  # the raw error is in the log, for whoever helps
