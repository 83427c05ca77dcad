"""The instance lock's contract (#14 item 11): filelock underneath, French sentences on top."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import pytest

from kitcop_desktop.storage.errors import DatabaseLocked, ReadOnlyDatabase
from kitcop_desktop.storage.lock import InstanceLock

from ..fault_support import read_only

HOLD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from kitcop_desktop.storage.lock import InstanceLock
    lock = InstanceLock(Path(sys.argv[1]))
    lock.acquire()
    print("held", flush=True)
    sys.stdin.read()  # hold until told, or until killed
    """
)


def _holder(db_path):
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout.readline().strip() == "held"
    return proc


def test_a_second_instance_in_another_process_is_refused_in_french(db_path):
    proc = _holder(db_path)
    try:
        with pytest.raises(DatabaseLocked) as err:
            InstanceLock(db_path).acquire()
        assert "déjà ouvert" in str(err.value) and db_path.name in str(err.value)
    finally:
        proc.stdin.close()
        proc.wait(timeout=30)
    with InstanceLock(db_path) as lock:  # free once the other let go
        assert lock.held


def test_a_lock_left_by_a_killed_process_is_not_stale(db_path):
    proc = _holder(db_path)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert (db_path.parent / f"{db_path.name}.lock").exists()  # the file stays behind...
    lock = InstanceLock(db_path)
    lock.acquire()  # ...but the operating system released the lock with the process
    lock.release()


def test_release_is_safe_twice_and_the_lock_can_be_taken_again(db_path):
    lock = InstanceLock(db_path)
    lock.acquire()
    lock.release()
    lock.release()
    lock.acquire()
    assert lock.held
    lock.release()
    assert not lock.held


def test_a_read_only_folder_gives_a_french_sentence_not_an_os_error(tmp_path):
    folder = tmp_path / "cle"
    folder.mkdir()
    with read_only(folder), pytest.raises(ReadOnlyDatabase) as err:
        InstanceLock(folder / "kitcop.sqlite3").acquire()
    assert "lecture seule" in str(err.value)
    assert str(err.value).endswith("Rien n'a été modifié.")
