"""Real faults for the robustness tests: read-only media, read-only files, full disks, damage.

As root (CI), a read-only medium is a real read-only bind mount and a full disk a real small
tmpfs; as another user, file permissions make the folder or file read-only. Where neither is
possible the test is skipped and says why.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from contextlib import contextmanager
from pathlib import Path

import pytest

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def _run(*cmd: str) -> bool:
    return subprocess.run(cmd, capture_output=True).returncode == 0


_MOUNT_OK: bool | None = None


def can_mount() -> bool:
    """Whether this process may mount (root with the capability, `mount` installed)."""
    global _MOUNT_OK
    if _MOUNT_OK is None:
        _MOUNT_OK = False
        if IS_ROOT and shutil.which("mount"):
            probe = Path(os.environ.get("TMPDIR", "/tmp")) / f"kitcop-mount-probe-{os.getpid()}"
            probe.mkdir(exist_ok=True)
            if _run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(probe)):
                _MOUNT_OK = True
                _run("umount", str(probe))
            probe.rmdir()
    return _MOUNT_OK


@contextmanager
def read_only(path: Path):
    """`path` (a folder or a file) read-only: a read-only bind mount as root, chmod otherwise."""
    path = Path(path)
    if IS_ROOT:
        if not can_mount():
            pytest.skip("root without mount: a read-only medium cannot be made here")
        assert _run("mount", "--bind", str(path), str(path))
        try:
            assert _run("mount", "-o", "remount,bind,ro", str(path))
            yield path
        finally:
            _run("umount", "-l", str(path))
        return
    mode = path.stat().st_mode
    inner = list(path.iterdir()) if path.is_dir() else []
    modes = {p: p.stat().st_mode for p in inner}
    for p in inner:
        p.chmod(0o444)
    path.chmod(0o555 if path.is_dir() else 0o444)
    try:
        yield path
    finally:
        path.chmod(mode)
        for p, m in modes.items():
            p.chmod(m)


@contextmanager
def small_disk(path: Path, size: str = "1m"):
    """A real small filesystem at `path` (tmpfs); skipped where it cannot be mounted."""
    if not can_mount():
        pytest.skip("a full disk needs a small tmpfs, and mounting one needs root here")
    path.mkdir(parents=True, exist_ok=True)
    assert _run("mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path))
    try:
        yield path
    finally:
        _run("umount", "-l", str(path))


def fill(folder: Path, leave: int = 0) -> None:
    """Fill the filesystem of `folder`, leaving about `leave` bytes free."""
    filler = folder / "remplissage.bin"
    free = shutil.disk_usage(folder).free - leave
    with filler.open("wb") as fh:
        chunk = b"\0" * 4096
        try:
            while free > 0:
                fh.write(chunk[: min(4096, free)])
                free -= 4096
            fh.flush()
            os.fsync(fh.fileno())
        except OSError:
            pass


def damage(db: Path, page_size: int = 4096, pages: int = 3) -> None:
    """Overwrite a few pages in the middle of a database file, as a bad sector or a crash can."""
    size = db.stat().st_size
    count = size // page_size
    with db.open("r+b") as fh:
        for n in range(count // 2, min(count - 1, count // 2 + pages)):
            fh.seek(n * page_size)
            fh.write(b"\xa5" * page_size)
