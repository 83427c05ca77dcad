"""Issue #21, item 3: `kitcop import` printed a file's title with its terminal escape sequences,
and handed it to the GUI's « Import terminé » box. A title is shown as plain text, always."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QMessageBox

from kitcop_desktop import cli
from kitcop_desktop.storage import exchange, workshops
from kitcop_desktop.ui import exchange_dialogs as dialogs
from kitcop_desktop.ui.changes import ChangeHub
from tests.storage.exchange_support import export_bytes
from tests.ui.test_exchange_dialogs import Answerer

# Clear the screen, retitle the terminal, ring, hide the rest, and reverse the text direction.
HOSTILE = "\x1b[2J\x1b]0;pwned\x07Atelier \x9b31m<&> 🌱\u202egnp.exe\x00\x08"
CONTROLS = ("\x1b", "\x07", "\x9b", "\u202e", "\x00", "\x08")


@pytest.fixture
def hostile_file(store, workshop_id, tmp_path):
    envelope = json.loads(export_bytes(store, workshop_id))
    envelope["title"] = HOSTILE
    envelope["tables"]["workshops"][0]["title"] = HOSTILE
    path = tmp_path / "piege.kitcop"
    path.write_text(json.dumps(envelope), encoding="utf-8")
    return path


def test_kitcop_import_prints_the_title_without_control_characters(
    hostile_file, db_path, store, capsys
):
    assert cli.main(["--db", str(db_path), "import", str(hostile_file)]) == cli.EXIT_OK
    out = capsys.readouterr().out
    assert "Atelier importé" in out and "Atelier" in out and "<&> 🌱" in out
    assert not any(c in out for c in CONTROLS), repr(out)
    assert cli.main(["--db", str(db_path), "list"]) == cli.EXIT_OK
    listed = capsys.readouterr().out
    assert not any(c in listed for c in CONTROLS), repr(listed)


def test_the_preview_and_import_finished_box_show_plain_text(
    hostile_file, store, qtbot, monkeypatch
):
    preview = exchange.read_file(hostile_file)
    lines = "\n".join(preview.summary_lines())
    assert not any(c in lines for c in CONTROLS), repr(lines)
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda parent, title, text, *a, **k: shown.append(text)
    )
    answer = Answerer()
    answer.will_click("Importer")
    new_id = dialogs.import_dialog(None, store, ChangeHub(), None, str(hostile_file))
    answer.timer.stop()
    assert new_id is not None
    (text,) = shown
    assert "Atelier importé" in text
    assert not any(c in text for c in CONTROLS), repr(text)
    with store.read() as s:
        title = workshops.get(s, new_id).title
    assert not any(c in title for c in CONTROLS), repr(title)
