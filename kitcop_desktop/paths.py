"""Every filesystem location the app uses, in one place.

Alembic migrations and resources live at the top of the source repository (alembic/, resources/)
but ship inside the package when installed as a wheel (kitcop_desktop/migrations,
kitcop_desktop/resources, see pyproject.toml). A Briefcase bundle copies them beside the package.
This module finds them in all three layouts.
"""

from __future__ import annotations

import os
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
    raise FileNotFoundError(f"Dossier introuvable (cherché dans : {tried})")


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


def log_path() -> Path:
    return data_dir() / "kitcop.log"
