"""Errors the store raises, each with a French message fit for the facilitator."""


class StoreError(Exception):
    """Base class: `str(error)` is a complete French sentence for the user."""


class NotAKitcopDatabase(StoreError):
    """The file is not a SQLite database, or a SQLite database of another program."""


class DatabaseLocked(StoreError):
    """Another KitCOP Atelier already has this database open."""


class MigrationFailed(StoreError):
    """Upgrading the schema failed; the backup was restored."""


class NotFound(StoreError):
    """The row asked for does not exist (any more)."""
