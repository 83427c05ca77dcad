"""`kitcop check`: integrity, schema revision, shape and row counts of a database, read-only."""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, inspect, select, text
from sqlalchemy.exc import SQLAlchemyError

from kitcop_desktop.i18n import tr
from kitcop_desktop.storage.engine import Store, inspect_file
from kitcop_desktop.storage.errors import NotAKitcopDatabase
from kitcop_desktop.storage.migrate import current_revision, head_revision, known_revisions
from kitcop_desktop.storage.models import Base

log = logging.getLogger(__name__)


@dataclass
class CheckReport:
    integrity: str
    foreign_key_errors: int
    revision: str | None
    head: str
    counts: dict[str, int] = field(default_factory=dict)
    # Revisions this version knows: an older one is upgraded when the app next opens the file.
    known: frozenset[str] = frozenset()
    # Tables or columns the claimed revision should have and the file lacks.
    lacking: list[str] = field(default_factory=list)
    # What to do about a problem (the last good backup), said after the report.
    backup_hint: str = ""

    @property
    def outdated(self) -> bool:
        return self.revision != self.head and self.revision in self.known

    @property
    def damaged(self) -> bool:
        """Unreadable or broken (not merely from a newer version): a backup is the way out."""
        return self.integrity != "ok" or self.foreign_key_errors > 0 or bool(self.lacking)

    @property
    def healthy(self) -> bool:
        schema_ok = self.revision == self.head or self.outdated
        return (
            self.integrity == "ok"
            and self.foreign_key_errors == 0
            and schema_ok
            and not self.lacking
        )

    def lines(self) -> list[str]:
        from kitcop_desktop.storage.shape import describe

        out = [
            tr("Intégrité : {integrity}").format(integrity=self.integrity),
            tr("Clés étrangères : {errors}").format(errors=self.foreign_key_errors or "ok"),
            tr("Schéma : {revision} (attendu : {head})").format(
                revision=self.revision or tr("aucun"), head=self.head
            )
            + self._schema_note(),
        ]
        if self.lacking:
            out.append(
                tr("Manque au schéma annoncé : {lacking}").format(lacking=describe(self.lacking, 6))
            )
        out += [f"{name} : {count}" for name, count in sorted(self.counts.items())]
        out.append(tr("État : sain") if self.healthy else tr("État : PROBLÈME"))
        return out

    def _schema_note(self) -> str:
        if self.revision == self.head:
            return ""
        if self.outdated:
            return tr(" — mis à jour à la prochaine ouverture, après une copie de sauvegarde")
        if self.revision is None:
            return tr(" — aucune table KitCOP")
        return tr(" — fichier d'une version plus récente : mettez l'application à jour")


def _short(exc: BaseException) -> str:
    raw = getattr(exc, "orig", None) or exc
    return str(raw).splitlines()[0][:120] if str(raw) else type(raw).__name__


def run_check(store: Store) -> CheckReport:
    """Every check, each guarded: a damaged file gives a report, never an exception."""
    from kitcop_desktop.storage import shape

    integrity, fk_errors, counts, lacking = "ok", 0, {}, []
    revision = None
    known = frozenset(known_revisions())

    def note(exc: BaseException) -> None:
        nonlocal integrity
        log.warning("check: %s", exc)
        if integrity == "ok":
            integrity = f"illisible ({_short(exc)})"

    sqlite = store.engine.dialect.name == "sqlite"
    try:
        revision = current_revision(store)
    except (SQLAlchemyError, sqlite3.Error) as exc:
        note(exc)
    try:
        with store.engine.connect() as conn:
            if sqlite:
                rows = conn.execute(text("PRAGMA integrity_check")).fetchall()
                integrity = "; ".join(r[0] for r in rows)[:400]
                fk_errors = len(conn.execute(text("PRAGMA foreign_key_check")).fetchall())
    except (SQLAlchemyError, sqlite3.Error) as exc:
        note(exc)
    try:
        if sqlite and revision in known:
            raw = store.engine.raw_connection()
            try:
                actual = shape.file_shape(raw.driver_connection)  # type: ignore[arg-type]
            finally:
                raw.close()
            lacking = shape.missing(actual, shape.revision_shape(revision))
        with store.engine.connect() as conn:
            present = set(inspect(conn).get_table_names())  # an older file lacks newer tables
            for table in Base.metadata.sorted_tables:
                if table.name in present:
                    count = select(func.count()).select_from(table)
                    counts[table.name] = conn.execute(count).scalar_one()
    except (SQLAlchemyError, sqlite3.Error) as exc:
        note(exc)
    return CheckReport(integrity, fk_errors, revision, head_revision(), counts, known, lacking)


def quick_check(store: Store) -> bool:
    """SQLite's quick_check (pages and structure, no index comparison): a few ms per MB."""
    from kitcop_desktop.storage.errors import DamagedDatabase
    from kitcop_desktop.storage.faults import translate

    try:
        with store.engine.connect() as conn:
            rows = conn.execute(text("PRAGMA quick_check")).fetchall()
    except (SQLAlchemyError, sqlite3.Error) as exc:
        known = translate(exc, store.path or Path("?"))
        if isinstance(known, DamagedDatabase):
            return False
        raise (known or exc) from exc
    return [tuple(r) for r in rows] == [("ok",)]


def check_file(db_path: Path) -> CheckReport:
    """The report for a file, opened read-only (beside the running app, or on a CD)."""
    from kitcop_desktop.storage.restore import latest_good_backup

    db_path = Path(db_path)
    try:
        state = inspect_file(db_path)
    except NotAKitcopDatabase as exc:
        report = CheckReport(f"illisible ({exc})", 0, None, head_revision())
    else:
        if state != "kitcop":
            report = CheckReport(tr("aucune base KitCOP ici"), 0, None, head_revision())
        else:
            store = Store.open_readonly(db_path)
            try:
                report = run_check(store)
            finally:
                store.engine.dispose()
    if report.damaged:
        backup = latest_good_backup(db_path)
        if backup is not None:
            report.backup_hint = tr(
                "Dernière sauvegarde saine : {name}. Pour la remettre en place : kitcop check --restore-latest --db « {db_path} »."
            ).format(name=backup.name, db_path=db_path)
    return report
