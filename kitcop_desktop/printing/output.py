"""Atomic file writing: a half-written PDF or export never replaces a good file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from kitcop_desktop.domain.validation import InvalidInput
from kitcop_desktop.i18n import tr


def write_atomically(target: Path, data: bytes) -> Path:
    """Write to a temporary file in the same folder, fsync, then rename over the target."""
    target = Path(target).expanduser()
    if target.is_dir():
        raise InvalidInput(
            tr("« {target} » est un dossier : donnez un nom de fichier.").format(target=target)
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target
