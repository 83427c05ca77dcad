"""Every command against every fault a facilitator meets (#14): one French sentence, the right
exit code, never a traceback, and the database bytes unchanged where nothing was to change.

Faults: a read-only medium, a read-only file in a writable folder, a full disk, pages
overwritten in the middle of the file, a file lying about its schema, a newer version's file,
another program's file, and the app holding the file (reading beside it works, #20).
"""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pytest

from kitcop_desktop import cli
from kitcop_desktop.storage.lock import InstanceLock
from kitcop_desktop.storage.migrate import open_store

from ..fault_support import damage, fill, read_only, small_disk

COMMANDS = ("list", "check", "pdf", "export", "import", "demo")
OK, ERR, UNHEALTHY = cli.EXIT_OK, cli.EXIT_ERROR, cli.EXIT_UNHEALTHY

# fault -> exit code of each command, in COMMANDS order.
EXPECTED = {
    "read_only_medium": (OK, OK, OK, OK, ERR, ERR),
    "read_only_file": (OK, OK, OK, OK, ERR, ERR),
    "disk_full": (OK, OK, ERR, ERR, ERR, ERR),
    "damaged_pages": (ERR, UNHEALTHY, ERR, ERR, ERR, ERR),
    "lying_revision": (ERR, UNHEALTHY, ERR, ERR, ERR, ERR),
    "newer_version": (ERR, UNHEALTHY, ERR, ERR, ERR, ERR),
    "foreign_file": (ERR, UNHEALTHY, ERR, ERR, ERR, ERR),
    "app_holds_the_file": (OK, OK, OK, OK, ERR, ERR),
}
# Words the refusal of a writing command must contain, per fault.
WORDS = {
    "read_only_medium": "lecture seule",
    "read_only_file": "lecture seule",
    "disk_full": "plein",
    "damaged_pages": "endommagé",
    "lying_revision": "il lui manque",
    "newer_version": "version plus récente",
    "foreign_file": "autre logiciel",
    "app_holds_the_file": "déjà ouvert",
}


@pytest.fixture(scope="module")
def demo_files(tmp_path_factory):
    """A demo library and an export of its workshop, made once for the module."""
    folder = tmp_path_factory.mktemp("demo")
    db = folder / "demo.sqlite3"
    from kitcop_desktop.storage import exchange
    from kitcop_desktop.storage.demo import create_demo

    store = open_store(db)
    workshop_id = create_demo(store)
    with store.read() as s:
        (folder / "atelier.kitcop").write_bytes(exchange.export_workshop(s, workshop_id))
    store.close()
    return db, folder / "atelier.kitcop"


def _lying(db: Path) -> None:
    db.unlink()
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE workshops (id INTEGER PRIMARY KEY)")
        conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        conn.execute("INSERT INTO alembic_version VALUES ('0001_foundation')")
    conn.close()


def _damage_workshops(db: Path) -> None:
    with sqlite3.connect(db) as conn:
        root = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'workshops'"
        ).fetchone()[0]
    conn.close()
    damage(db)  # the middle of the file
    with db.open("r+b") as fh:  # and the workshops' own page, so that `list` meets it
        fh.seek((root - 1) * 4096)
        fh.write(b"\xa5" * 4096)


@contextmanager
def faulty(fault: str, base: Path, demo_db: Path):
    """(db path, output folder) with the fault in place for the length of the block."""
    folder = base / "support"
    folder.mkdir()
    out = base / "sorties"
    out.mkdir()
    db = folder / "kitcop.sqlite3"
    shutil.copyfile(demo_db, db)
    with ExitStack() as stack:
        if fault == "read_only_medium":
            stack.enter_context(read_only(folder))
        elif fault == "read_only_file":
            stack.enter_context(read_only(db))
        elif fault == "disk_full":
            stack.enter_context(small_disk(folder, "2m"))
            shutil.copyfile(demo_db, db)
            out = folder
            fill(folder)
        elif fault == "damaged_pages":
            _damage_workshops(db)
        elif fault == "lying_revision":
            _lying(db)
        elif fault == "newer_version":
            with sqlite3.connect(db) as conn:
                conn.execute("UPDATE alembic_version SET version_num = '0042_future'")
            conn.close()
        elif fault == "foreign_file":
            db.unlink()
            with sqlite3.connect(db) as conn:
                conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
            conn.close()
        elif fault == "app_holds_the_file":
            stack.enter_context(InstanceLock(db))
            app_store = open_store(db)  # the app's own connection, WAL and all
            stack.callback(app_store.close)
            with app_store.write() as s:  # a change the app made, still in the WAL
                from kitcop_desktop.storage import workshops

                workshops.create(s, "Créé dans l'application")
        yield db, out


def _argv(command: str, db: Path, out: Path, kitcop_file: Path) -> list[str]:
    return {
        "list": ["list"],
        "check": ["check"],
        "pdf": ["pdf", "1", "-o", str(out / "a.pdf"), "--part", "agenda"],
        "export": ["export", "1", "-o", str(out / "a.kitcop")],
        "import": ["import", str(kitcop_file)],
        "demo": ["demo"],
    }[command] + ["--db", str(db)]


@pytest.mark.parametrize("fault", sorted(EXPECTED))
def test_every_command_against_the_fault(fault, demo_files, tmp_path, capfd):
    demo_db, kitcop_file = demo_files
    with faulty(fault, tmp_path, demo_db) as (db, out):
        before = db.read_bytes()
        outputs_before = sorted(p.name for p in out.iterdir())
        for command, expected in zip(COMMANDS, EXPECTED[fault], strict=True):
            code = cli.main(_argv(command, db, out, kitcop_file))
            captured = capfd.readouterr()
            said = captured.out + captured.err
            where = f"{fault} / {command}: {said}"
            assert "Traceback" not in said, where
            assert code == expected, where
            if code != OK and command == "check":
                assert "État\u00a0: PROBLÈME" in captured.out, where
            elif code != OK:
                assert captured.err.strip(), where  # a sentence says why
                assert len(captured.err.strip().splitlines()) <= 2, where
            if command in ("import", "demo"):
                assert WORDS[fault] in captured.err, where
            if fault != "app_holds_the_file" or command in cli.READING:
                assert db.read_bytes() == before, where  # nothing was to change
            if code != OK and command in ("pdf", "export"):
                # no half-written output, no temporary file left behind
                assert sorted(p.name for p in out.iterdir()) == outputs_before, where


def test_reading_beside_the_app_sees_its_latest_change(demo_files, tmp_path, capfd):
    """#20: `list` while the app holds the file reads the app's last commit (WAL), no lock."""
    demo_db, _ = demo_files
    with faulty("app_holds_the_file", tmp_path, demo_db) as (db, _out):
        assert cli.main(["list", "--db", str(db)]) == OK
        assert "Créé dans l'application" in capfd.readouterr().out
