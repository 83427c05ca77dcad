"""Odd text in .kitcop files (#14 items 1-3): superscript digits where ids are expected, lone
surrogates in rows and in the header's title. Written back with Python's default json.dump, as
the issue did; imported from the command line and from the app."""

from __future__ import annotations

import json

import pytest

from kitcop_desktop import cli
from kitcop_desktop.storage import exchange
from kitcop_desktop.storage.models import Workshop
from kitcop_desktop.storage.models.board import Board, Card
from tests.storage.exchange_support import export_bytes


@pytest.fixture
def envelope(store, demo):
    return json.loads(export_bytes(store, demo))


def _write(envelope, path):
    with path.open("w", encoding="utf-8") as fh:
        json.dump(envelope, fh)  # Python's default: ensure_ascii, « \ud800 » kept as an escape


def _spotlight(env):
    env["tables"]["boards"][0]["spotlight"] = "cluster:²"


def _ordered(env):
    env["tables"]["vote_decisions"] = env["tables"].get("vote_decisions") or []
    if not env["tables"]["vote_decisions"]:
        round_id = env["tables"]["vote_rounds"][0]["id"]
        env["tables"]["vote_decisions"].append({"id": 1, "round_id": round_id, "reason": "x"})
    env["tables"]["vote_decisions"][0]["ordered_item_ids"] = "1,²"


def _row_surrogate(env):
    env["tables"]["board_cards"][0]["text"] = "A\ud800"


def _title_surrogate(env):
    env["title"] = "Atelier \ud800 importé"


CASES = {
    "superscript_spotlight": _spotlight,
    "superscript_in_id_list": _ordered,
    "lone_surrogate_in_a_row": _row_surrogate,
    "lone_surrogate_in_the_title": _title_surrogate,
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_command_line_import_tells_the_truth(case, store, envelope, tmp_path, capfd):
    CASES[case](envelope)
    path = tmp_path / "f.kitcop"
    _write(envelope, path)
    with store.read() as s:
        before = s.query(Workshop).count()
    code = cli.main(["import", str(path), "--db", str(store.path)])
    out, err = capfd.readouterr()
    assert "Traceback" not in out + err and "codec" not in err and "int()" not in err
    with store.read() as s:
        imported = s.query(Workshop).count() - before
    # The exit code tells the truth: 0 exactly when the workshop was imported.
    assert (code, imported) == (cli.EXIT_OK, 1), out + err
    assert "Atelier importé" in out


def test_odd_ids_are_cleared_and_odd_characters_replaced_not_stored(store, envelope, tmp_path):
    _spotlight(envelope)
    _row_surrogate(envelope)
    path = tmp_path / "f.kitcop"
    _write(envelope, path)
    result = exchange.import_file(store, path)
    with store.read() as s:
        spotlights = {b.spotlight for b in s.query(Board).filter_by(workshop_id=result.workshop_id)}
        texts = [
            c.text
            for c in s.query(Card).join(Board).filter(Board.workshop_id == result.workshop_id)
        ]
    assert "cluster:²" not in spotlights  # a dangling spotlight shows the whole board
    assert "A\ufffd" in texts  # visible where the odd character was, and storable as UTF-8
    assert not any("\ud800" in t for t in texts)


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_app_import_shows_a_french_dialog(case, store, envelope, tmp_path, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from kitcop_desktop.ui import exchange_dialogs as dialogs
    from kitcop_desktop.ui.changes import ChangeHub

    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a[1:3]))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[1:3]))
    monkeypatch.setattr(QMessageBox, "exec", lambda self: None)
    monkeypatch.setattr(QMessageBox, "clickedButton", lambda self: self.import_button)
    CASES[case](envelope)
    path = tmp_path / "f.kitcop"
    _write(envelope, path)
    new_id = dialogs.import_dialog(None, store, ChangeHub(), None, str(path))
    assert new_id is not None
    ((title, text),) = shown
    assert title == "Import terminé" and "Atelier importé" in text
    assert "\ud800" not in text


def test_a_lone_surrogate_in_the_title_in_a_real_process(store, envelope, tmp_path):
    """Printed to a real UTF-8 terminal: the message prints and the exit code is 0."""
    import os
    import subprocess
    import sys

    _title_surrogate(envelope)
    path = tmp_path / "f.kitcop"
    _write(envelope, path)
    db = store.path
    store.close()
    env = dict(os.environ, PYTHONIOENCODING="utf-8", QT_QPA_PLATFORM="offscreen")
    run = subprocess.run(
        [sys.executable, "-m", "kitcop_desktop", "import", str(path), "--db", str(db)],
        capture_output=True,
        env=env,
        timeout=120,
    )
    out, err = run.stdout.decode("utf-8"), run.stderr.decode("utf-8")
    assert run.returncode == 0, err
    assert "Atelier importé" in out and "Traceback" not in err
