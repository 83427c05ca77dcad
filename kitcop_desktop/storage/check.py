"""`kitcop check`: integrity, schema revision and row counts of a database."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select, text

from kitcop_desktop.storage.engine import Store
from kitcop_desktop.storage.migrate import current_revision, head_revision
from kitcop_desktop.storage.models import Base


@dataclass
class CheckReport:
    integrity: str
    foreign_key_errors: int
    revision: str | None
    head: str
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def healthy(self) -> bool:
        return (
            self.integrity == "ok" and self.foreign_key_errors == 0 and self.revision == self.head
        )

    def lines(self) -> list[str]:
        out = [
            f"Intégrité : {self.integrity}",
            f"Clés étrangères : {'ok' if not self.foreign_key_errors else self.foreign_key_errors}",
            f"Schéma : {self.revision or 'aucun'} (attendu : {self.head})",
        ]
        out += [f"{name} : {count}" for name, count in sorted(self.counts.items())]
        out.append("État : sain" if self.healthy else "État : PROBLÈME")
        return out


def run_check(store: Store) -> CheckReport:
    with store.engine.connect() as conn:
        integrity = "ok"
        fk_errors = 0
        if store.engine.dialect.name == "sqlite":
            rows = conn.execute(text("PRAGMA integrity_check")).fetchall()
            integrity = "; ".join(r[0] for r in rows)
            fk_errors = len(conn.execute(text("PRAGMA foreign_key_check")).fetchall())
        counts = {
            table.name: conn.execute(select(func.count()).select_from(table)).scalar_one()
            for table in Base.metadata.sorted_tables
        }
    return CheckReport(integrity, fk_errors, current_revision(store), head_revision(), counts)
