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


class ReadOnlyDatabase(StoreError):
    """The file (or the folder, or the whole medium) cannot be written: reading still works."""


class DiskFull(StoreError):
    """No space left where the file lives; nothing was half-written."""


class DamagedDatabase(NotAKitcopDatabase):
    """SQLite says the file is malformed; the last good backup can be put back."""
