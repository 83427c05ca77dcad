"""Every filesystem location the app uses, in one place.

Alembic migrations and resources live at the top of the source repository (alembic/, resources/)
but ship inside the package when installed as a wheel (kitcop_desktop/migrations,
kitcop_desktop/resources, see pyproject.toml). A Briefcase bundle copies them beside the package.
This module finds them in all three layouts.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import platformdirs

PACKAGE_DIR = Path(__file__).resolve().parent
DB_FILENAME = "kitcop.sqlite3"
ENV_DATA_DIR = "KITCOP_DATA_DIR"


def _first_existing(*candidates: Path) -> Path:
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    tried = ", ".join(str(c) for c in candidates)
    from kitcop_desktop.i18n import tr  # i18n finds its catalogues through this module

    raise FileNotFoundError(
        tr("Dossier introuvable (cherché dans\u00a0: {tried})").format(tried=tried)
    )


def migrations_dir() -> Path:
    """The Alembic script location (env.py and versions/)."""
    return _first_existing(PACKAGE_DIR / "migrations", PACKAGE_DIR.parent / "alembic")


def resources_dir() -> Path:
    """Fonts, icons and other assets."""
    return _first_existing(PACKAGE_DIR / "resources", PACKAGE_DIR.parent / "resources")


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def data_dir() -> Path:
    """The user data folder; KITCOP_DATA_DIR overrides it (tests, portable installs)."""
    override = os.environ.get(ENV_DATA_DIR)
    path = Path(override) if override else Path(platformdirs.user_data_dir("kitcop", "KitCOP"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    return data_dir() / DB_FILENAME


def backups_dir(db_path: Path) -> Path:
    """Backups sit beside the database file, so they follow it on a USB stick."""
    return db_path.parent / "sauvegardes"


ENV_LOG_DIR = "KITCOP_LOG_DIR"


def log_dir() -> Path:
    """Where the log goes: the user's log folder on this computer (KITCOP_LOG_DIR overrides),
    never beside the database, which may sit on a read-only or full USB stick."""
    override = os.environ.get(ENV_LOG_DIR)
    return Path(override) if override else Path(platformdirs.user_log_dir("kitcop", "KitCOP"))


def log_path() -> Path:
    """The log file, its folder created; a temporary folder if the usual one is not writable."""
    for folder in (log_dir(), Path(tempfile.gettempdir()) / "kitcop-log"):
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            continue
        if os.access(folder, os.W_OK):
            return folder / "kitcop.log"
    return log_dir() / "kitcop.log"
