"""`kitcop list` and `kitcop --version` answer without the heavy imports (issue 15: `list`
took 1.07 s, 44× a bare Python, to print one line), and `list` still says the same thing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date

from kitcop_desktop import cli
from kitcop_desktop.storage import workshops

HEAVY = ("sqlalchemy", "alembic", "PySide6", "reportlab", "qtawesome")


def _imported_by(*args) -> tuple[str, set[str]]:
    """What a real `kitcop ARGS` process prints, and which heavy packages it imported."""
    probe = (
        "import json, sys\n"
        "from kitcop_desktop import cli\n"
        "try:\n"
        f"    code = cli.main({list(map(str, args))!r})\n"
        "except SystemExit as exit_:\n"
        "    code = exit_.code\n"
        f"heavy = sorted(m for m in {HEAVY!r} if m in sys.modules)\n"
        "print(json.dumps(heavy), file=sys.stderr)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        timeout=120,
    )
    return out.stdout, set(json.loads(out.stderr.strip().splitlines()[-1]))


def test_list_prints_the_workshops_without_importing_the_orm_nor_alembic(store, db_path):
    with store.write() as s:
        workshops.create(s, "Atelier de mars", date=date(2026, 3, 3))
    store.close()
    printed, heavy = _imported_by("list", "--db", db_path)
    assert "2026-03-03\tAtelier de mars" in printed
    assert heavy == set(), f"`kitcop list` imported {sorted(heavy)}"


def test_version_imports_nothing_heavy():
    printed, heavy = _imported_by("--version")
    assert "KitCOP Atelier" in printed
    assert heavy == set()


def test_quick_list_says_what_the_full_listing_says(store, db_path, capfd):
    """Order (dated first, newest first, then by last change), trash left out, hostile titles
    as one printable line: the same lines as `workshops.list_summaries` gives the full path."""
    with store.write() as s:
        workshops.create(s, "Sans date")
        workshops.create(s, "Ancien", date=date(2025, 1, 9))
        workshops.create(s, "Récent", date=date(2026, 5, 1))
        workshops.create(s, "Titre\x1b[31m rouge\u202e à l'envers")
        gone = workshops.create(s, "À la corbeille", date=date(2026, 6, 1)).id
        workshops.trash(s, gone)
    with store.read() as s:
        expected = [(w.id, w.title) for w in workshops.list_summaries(s)]
    store.close()
    assert cli.main(["list", "--db", str(db_path)]) == cli.EXIT_OK
    lines = capfd.readouterr().out.splitlines()
    assert [int(line.split("\t")[0]) for line in lines] == [i for i, _ in expected]
    assert "À la corbeille" not in "\n".join(lines)
    hostile = next(line for line in lines if "rouge" in line)
    assert "\x1b" not in hostile and "\u202e" not in hostile
    assert lines[0].split("\t")[1] == "2026-05-01" and lines[-1].split("\t")[1] == "----------"
