"""Development helper: print the Alembic ops that the migrations still lack against the models.

    python alembic/render_diff.py

Upgrades a throw-away SQLite database to head, compares it with the models and prints the
upgrade code to paste into the area's migration file. An empty diff prints nothing.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import sqlalchemy
from alembic import command
from alembic.autogenerate import produce_migrations, render_python_code
from alembic.runtime.migration import MigrationContext

from kitcop_desktop.storage.migrate import alembic_config
from kitcop_desktop.storage.models import Base


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'diff.sqlite3'}"
        command.upgrade(alembic_config(url), "head")
        engine = sqlalchemy.create_engine(url)
        with engine.connect() as conn:
            ctx = MigrationContext.configure(
                conn, opts={"render_as_batch": True, "compare_type": True}
            )
            ops = produce_migrations(ctx, Base.metadata).upgrade_ops
            if not ops.is_empty():
                print(render_python_code(ops, render_as_batch=True))
        engine.dispose()


if __name__ == "__main__":
    main()
