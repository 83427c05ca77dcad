"""The command line end to end on a real database file: most commands through `cli.main` in
this process (tests/cli_support.py), and in real processes through the installed `kitcop`
command what only a process shows: the entry point, another process's lock, the GUI's refusals."""

from __future__ import annotations

import os
import subprocess

from kitcop_desktop import __version__
from tests.cli_support import entry_point, kitcop, kitcop_process


def test_version():
    out = kitcop_process("--version")
    assert out.returncode == 0
    assert __version__ in out.stdout


def test_demo_list_and_check(tmp_path):
    db = tmp_path / "demo.sqlite3"
    demo = kitcop("demo", "--db", db)
    assert demo.returncode == 0, demo.stderr
    workshop_id = int(demo.stdout.strip())
    listing = kitcop("list", "--db", db)
    assert listing.returncode == 0
    assert f"{workshop_id}\t2026-03-03\tRénovation énergétique" in listing.stdout
    check = kitcop("check", "--db", db)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "État\u00a0: sain" in check.stdout
    assert "participants : 12" in check.stdout


def test_demo_reuse_does_not_duplicate(tmp_path):
    db = tmp_path / "demo.sqlite3"
    first = kitcop("demo", "--db", db).stdout.strip()
    again = kitcop("demo", "--reuse", "--db", db).stdout.strip()
    assert first == again
    assert kitcop("list", "--db", db).stdout.count("Rénovation") == 1


def test_data_dir_from_environment(tmp_path):
    data = tmp_path / "ailleurs"
    out = kitcop("demo", env_extra={"KITCOP_DATA_DIR": str(data)})
    assert out.returncode == 0, out.stderr
    assert (data / "kitcop.sqlite3").exists()


def test_foreign_file_gets_a_french_error_and_is_untouched(tmp_path):
    bad = tmp_path / "notes.txt"
    bad.write_bytes(b"ceci n'est pas une base")
    out = kitcop("list", "--db", bad)
    assert out.returncode != 0
    assert "n'est pas une base KitCOP" in out.stderr
    assert "Traceback" not in out.stderr
    assert bad.read_bytes() == b"ceci n'est pas une base"


def test_check_on_missing_file_is_unhealthy(tmp_path):
    out = kitcop("check", "--db", tmp_path / "absent.sqlite3")
    assert out.returncode == 3
    assert "aucune base" in out.stderr


def test_second_instance_says_so(tmp_path):
    """A writing command is refused while the app holds the file (reading ones work: #20)."""
    from kitcop_desktop.storage.lock import InstanceLock

    db = tmp_path / "a.sqlite3"
    assert kitcop("demo", "--db", db).returncode == 0
    with InstanceLock(db):
        out = kitcop_process("demo", "--db", db)
    assert out.returncode == 1
    assert "déjà ouvert" in out.stderr


def test_bad_command_line_is_french():
    out = kitcop("pdf")
    assert out.returncode == 2
    assert "Erreur" in out.stderr


def test_gui_refuses_a_second_instance(tmp_path):
    """A second `kitcop` on the same file says so in French, exits non-zero, changes nothing."""
    from kitcop_desktop.storage.lock import InstanceLock

    db = tmp_path / "a.sqlite3"
    assert kitcop("demo", "--db", db).returncode == 0
    before = kitcop("list", "--db", db).stdout
    with InstanceLock(db):
        out = kitcop_process("--db", db)
    assert out.returncode == 1
    assert "déjà ouvert" in out.stderr
    assert kitcop("list", "--db", db).stdout == before


def test_gui_refuses_a_corrupt_file(tmp_path):
    bad = tmp_path / "cassé.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + b"\xff" * 200)
    out = kitcop_process("--db", bad)
    assert out.returncode == 1
    assert "Rien n'a été modifié" in out.stderr
    assert bad.read_bytes() == b"SQLite format 3\x00" + b"\xff" * 200


def test_a_reader_that_leaves_early_is_no_error(tmp_path):
    """`kitcop list | grep -q …` or `| head -1`: the reader closes the pipe once it has what it
    wants. The list is not a failed command: no « n'a pas abouti », success (the CI's own
    `kitcop list | grep -q` failed on this once the list grew)."""
    db = tmp_path / "demo.sqlite3"
    assert kitcop("demo", "--db", db).returncode == 0
    proc = subprocess.Popen(
        [*entry_point(), "templates"],  # prints several lines, with the store opened first
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )
    proc.stdout.close()  # the reader is gone before the first line is written
    _out, err = proc.communicate(timeout=120)
    assert err.decode("utf-8", "replace") == ""
    assert proc.returncode == 0
