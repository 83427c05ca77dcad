"""`kitcop check`: integrity, schema revision and row counts of a database."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, inspect, select, text

from kitcop_desktop.storage.engine import Store
from kitcop_desktop.storage.migrate import current_revision, head_revision, known_revisions
from kitcop_desktop.storage.models import Base


@dataclass
class CheckReport:
    integrity: str
    foreign_key_errors: int
    revision: str | None
    head: str
    counts: dict[str, int] = field(default_factory=dict)
    # Revisions this version knows: an older one is upgraded when the app next opens the file.
    known: frozenset[str] = frozenset()

    @property
    def outdated(self) -> bool:
        return self.revision != self.head and self.revision in self.known

    @property
    def healthy(self) -> bool:
        schema_ok = self.revision == self.head or self.outdated
        return self.integrity == "ok" and self.foreign_key_errors == 0 and schema_ok

    def lines(self) -> list[str]:
        out = [
            f"Intégrité : {self.integrity}",
            f"Clés étrangères : {'ok' if not self.foreign_key_errors else self.foreign_key_errors}",
            f"Schéma : {self.revision or 'aucun'} (attendu : {self.head}){self._schema_note()}",
        ]
        out += [f"{name} : {count}" for name, count in sorted(self.counts.items())]
        out.append("État : sain" if self.healthy else "État : PROBLÈME")
        return out

    def _schema_note(self) -> str:
        if self.revision == self.head:
            return ""
        if self.outdated:
            return " — mis à jour à la prochaine ouverture, après une copie de sauvegarde"
        if self.revision is None:
            return " — aucune table KitCOP"
        return " — fichier d'une version plus récente : mettez l'application à jour"


def run_check(store: Store) -> CheckReport:
    with store.engine.connect() as conn:
        integrity = "ok"
        fk_errors = 0
        if store.engine.dialect.name == "sqlite":
            rows = conn.execute(text("PRAGMA integrity_check")).fetchall()
            integrity = "; ".join(r[0] for r in rows)
            fk_errors = len(conn.execute(text("PRAGMA foreign_key_check")).fetchall())
        present = set(inspect(conn).get_table_names())  # an older file lacks the newer tables
        counts = {
            table.name: conn.execute(select(func.count()).select_from(table)).scalar_one()
            for table in Base.metadata.sorted_tables
            if table.name in present
        }
    return CheckReport(
        integrity,
        fk_errors,
        current_revision(store),
        head_revision(),
        counts,
        frozenset(known_revisions()),
    )
