"""The export and import dialogs, driven as a facilitator would: real dialogs, real store.

Only the static QFileDialog / QMessageBox calls are replaced (they would need a person);
the options dialog and the confirmation are real and answered by clicking their buttons.
"""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QFileDialog,
    QMessageBox,
    QProgressDialog,
)
from sqlalchemy import select

from kitcop_desktop.storage import boards, exchange, workshops
from kitcop_desktop.storage.models.board import Card
from kitcop_desktop.ui import exchange_dialogs as dialogs
from kitcop_desktop.ui.changes import ChangeHub
from tests.storage.exchange_support import dump, export_bytes, rich_workshop


class Answerer:
    """Answers the next modal dialogs in order by clicking the button with the given text."""

    def __init__(self) -> None:
        self.queue: list[tuple[str, object]] = []
        self.seen: list[tuple[str, str]] = []  # (window title, text) of each dialog answered
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def will_click(self, text: str, before=None) -> None:
        self.queue.append((text, before))

    def _tick(self) -> None:
        widget = QApplication.activeModalWidget()
        if widget is None or not self.queue or isinstance(widget, QProgressDialog):
            return  # a progress bar (a slow machine) is not a question
        text, before = self.queue.pop(0)
        shown = widget.text() if isinstance(widget, QMessageBox) else ""
        if hasattr(widget, "summary_text"):  # « Importer ce tableau ? » (ui/board_import.py)
            shown = widget.summary_text()
        self.seen.append((widget.windowTitle(), shown))
        if before is not None:
            before(widget)
        for button in widget.findChildren(QAbstractButton):
            if button.text() == text:
                button.click()
                return
        widget.reject()  # never leave a modal dialog open
        raise AssertionError(f"no button {text!r} in {widget.windowTitle()!r}")


@pytest.fixture
def answer(qtbot):
    answerer = Answerer()
    yield answerer
    answerer.timer.stop()


@pytest.fixture
def said(monkeypatch):
    """Messages shown with QMessageBox.information / warning: (kind, title, text)."""
    messages: list[tuple[str, str, str]] = []

    def record(kind):
        def show(parent, title, text, *args, **kwargs):
            messages.append((kind, title, text))
            return QMessageBox.StandardButton.Ok

        return show

    monkeypatch.setattr(QMessageBox, "information", record("information"))
    monkeypatch.setattr(QMessageBox, "warning", record("warning"))
    return messages


@pytest.fixture
def save_as(monkeypatch):
    """The file the facilitator « chooses » in the save dialog; None cancels."""
    choice = {"path": None, "asked": []}

    def fake(parent, caption, directory, *args, **kwargs):
        choice["asked"].append((caption, directory))
        return (str(choice["path"]) if choice["path"] else "", "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake)
    return choice


def plain(data: bytes) -> bytes:
    """The JSON inside an export (compressed by default since #14 item 13)."""
    from kitcop_desktop.storage.exchange_format import ZIP_MAGIC, unzip

    return unzip(data) if data.startswith(ZIP_MAGIC) else data


@pytest.fixture
def rich(store, demo):
    return rich_workshop(store, demo)


# ---------------------------------------------------------------------------------------- export
def test_export_asks_choices_then_writes_a_file_without_personal_data(
    store, rich, answer, said, save_as, tmp_path
):
    workshop_id, _ = rich
    save_as["path"] = tmp_path / "partage" / "atelier"  # no extension typed
    answer.will_click("Choisir l'emplacement…")
    written = dialogs.export_dialog(None, store, workshop_id)
    assert written == tmp_path / "partage" / "atelier.kitcop"
    data = plain(written.read_bytes())
    assert json.loads(data)["kind"] == "workshop"
    assert b"Jeanne Secret" not in data and b"zoe@example.org" not in data
    assert save_as["asked"][0][1].endswith("renovation-energetique-les-competences-de-2030.kitcop")
    ((kind, title, text),) = said
    assert kind == "information" and title == "Export terminé"
    assert str(written) in text and "Importer…" in text


def test_real_names_are_exported_only_when_ticked(store, rich, answer, said, save_as, tmp_path):
    workshop_id, _ = rich
    save_as["path"] = tmp_path / "avec-noms.kitcop"
    warnings = []

    def tick(dialog):
        boxes = dialog.findChildren(QCheckBox)
        # nothing personal by default; compressed by default
        assert [b for b in boxes if b.isChecked()] == [dialog.zipped]
        assert dialog.real_names.text() == "Inclure les vrais noms des enquêté·es (1 nom)"
        assert dialog.emails.text().endswith("(2 adresses)")  # the demo's and Zoé's
        dialog.real_names.setChecked(True)
        dialog.zipped.setChecked(True)
        warnings.append(dialog.warning.isVisibleTo(dialog))

    answer.will_click("Choisir l'emplacement…", before=tick)
    written = dialogs.export_dialog(None, store, workshop_id)
    assert warnings == [True]
    assert written.read_bytes().startswith(b"PK")
    preview = exchange.read_file(written)
    assert preview.contains_real_names


def test_cancelled_export_writes_nothing(store, rich, answer, said, save_as, tmp_path):
    workshop_id, _ = rich
    answer.will_click("Annuler")
    assert dialogs.export_dialog(None, store, workshop_id) is None
    assert save_as["asked"] == [] and said == []
    answer.will_click("Choisir l'emplacement…")
    save_as["path"] = None  # cancelled in the file dialog
    assert dialogs.export_dialog(None, store, workshop_id) is None
    assert list(tmp_path.glob("*.kitcop")) == []


def test_board_and_agenda_export_go_straight_to_the_file(store, rich, said, save_as, tmp_path):
    workshop_id, board_id = rich
    save_as["path"] = tmp_path / "table2.kitcop"
    path = dialogs.export_dialog(None, store, workshop_id, kind="board", ref_id=board_id)
    assert json.loads(plain(path.read_bytes()))["kind"] == "board"
    assert save_as["asked"][-1][1].endswith("tableau-speedboat-table-2.kitcop")
    save_as["path"] = tmp_path / "modele.kitcop"
    path = dialogs.export_dialog(None, store, workshop_id, kind="agenda")
    assert json.loads(plain(path.read_bytes()))["kind"] == "agenda"
    assert [k for k, _, _ in said] == ["information", "information"]
    assert "Le tableau" in said[0][2] and "Le déroulé" in said[1][2]


def test_export_into_an_unwritable_place_says_so_in_french(store, rich, said, save_as, tmp_path):
    workshop_id, board_id = rich
    blocker = tmp_path / "fichier"
    blocker.write_text("x")
    save_as["path"] = blocker / "sous-dossier" / "t.kitcop"  # a folder inside a file
    assert dialogs.export_dialog(None, store, workshop_id, kind="board", ref_id=board_id) is None
    ((kind, _, text),) = said
    assert kind == "warning" and "n'a pas pu être enregistré" in text


def test_export_of_a_deleted_board_says_so(store, workshop_id, said, save_as):
    assert dialogs.export_dialog(None, store, workshop_id, kind="board", ref_id=999) is None
    assert said[0][0] == "warning" and "n'existe plus" in said[0][2]


# ---------------------------------------------------------------------------------------- import
@pytest.fixture
def workshop_file(store, rich, tmp_path):
    path = tmp_path / "recu.kitcop"
    path.write_bytes(export_bytes(store, rich[0]))
    return path


def hub_events(qtbot):
    hub = ChangeHub()
    events: list[tuple[str, int]] = []
    hub.changed.connect(lambda area, wid: events.append((area, wid)))
    return hub, events


def test_import_shows_what_the_file_holds_then_adds_a_workshop(
    store, workshop_file, answer, said, qtbot
):
    hub, events = hub_events(qtbot)
    answer.will_click("Importer")
    new_id = dialogs.import_dialog(None, store, hub, None, str(workshop_file))
    assert new_id is not None
    ((title, text),) = answer.seen
    assert title == "Importer ce fichier\u00a0?"
    assert "un atelier complet" in text and "13 participant·es" in text
    assert "nouvel atelier" in text
    assert "même titre existe déjà" in text  # the original is still here
    assert events == [("workshop", new_id)]
    assert said[0][0] == "information" and "Atelier importé" in said[0][2]
    with store.read() as s:
        assert workshops.get(s, new_id).title.startswith("Rénovation énergétique")


def test_cancelling_the_confirmation_changes_nothing(store, workshop_file, answer, said, qtbot):
    hub, events = hub_events(qtbot)
    before = dump(store)
    answer.will_click("Annuler")
    assert dialogs.import_dialog(None, store, hub, None, str(workshop_file)) is None
    assert dump(store) == before and events == [] and said == []


def test_hostile_file_gets_a_french_warning_and_changes_nothing(store, rich, said, tmp_path, qtbot):
    hub, events = hub_events(qtbot)
    bad = tmp_path / "bombe.kitcop"
    bad.write_bytes(b'{"format": "kitcop", "x": ' + b"[" * 10_000 + b"]" * 10_000 + b"}")
    before = dump(store)
    assert dialogs.import_dialog(None, store, hub, None, str(bad)) is None
    ((kind, title, text),) = said
    assert (kind, title) == ("warning", "Import impossible")
    assert "imbriqué trop profondément" in text and text.endswith("Rien n'a été modifié.")
    assert dump(store) == before and events == []


def test_file_picker_cancel_and_choice(store, workshop_file, answer, said, monkeypatch, qtbot):
    hub, _ = hub_events(qtbot)
    picked = {"path": ""}
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (picked["path"], ""))
    assert dialogs.import_dialog(None, store, hub) is None
    picked["path"] = str(workshop_file)
    answer.will_click("Importer")
    assert dialogs.import_dialog(None, store, hub) is not None


def test_board_needs_an_open_workshop(store, rich, said, tmp_path, qtbot):
    hub, events = hub_events(qtbot)
    _, board_id = rich
    path = tmp_path / "tableau.kitcop"
    with store.read() as s:
        path.write_bytes(exchange.export_board(s, board_id))
    before = dump(store)
    assert dialogs.import_dialog(None, store, hub, None, str(path)) is None
    assert "Ouvrez d'abord l'atelier" in said[0][2]
    assert dump(store) == before and events == []


def test_board_merges_into_the_open_workshop(store, workshop_id, answer, said, tmp_path, qtbot):
    hub, events = hub_events(qtbot)
    with store.write() as s:
        other = workshops.create(s, "Table 2 <sous-groupe> & co").id
        board = boards.create_board(s, other, "kiss", "KISS", subgroup="Table 2")
        boards.add_card(s, board.id, "keep", "Le café du matin")
        data = exchange.export_board(s, board.id)
    path = tmp_path / "kiss.kitcop"
    path.write_bytes(data)
    answer.will_click("Importer")
    assert dialogs.import_dialog(None, store, hub, workshop_id, str(path)) is None
    ((_, text),) = answer.seen
    assert "fusionné dans l'atelier ouvert" in text and "Atelier de test" in text
    assert events == [("boards", workshop_id)]
    with store.read() as s:
        texts = [
            c.text
            for c in s.scalars(select(Card).join(Card.board))
            if c.board.workshop_id == workshop_id
        ]
    assert texts == ["Le café du matin"]


def test_summary_escapes_what_the_file_says(store, workshop_id, tmp_path):
    with store.write() as s:
        workshops.get(s, workshop_id).title = "<script>alert(1)</script> & 🎉"
    path = tmp_path / "x.kitcop"
    path.write_bytes(export_bytes(store, workshop_id))
    text = dialogs.summary_html(exchange.read_file(path))
    assert "<script>" not in text and "&lt;script&gt;" in text and "🎉" in text


@pytest.mark.parametrize(
    ("title", "kind", "stem"),
    [
        ("Rénovation énergétique : 2030", "workshop", "renovation-energetique-2030"),
        ("Speedboat Table 2", "board", "tableau-speedboat-table-2"),
        ("../../etc/passwd", "agenda", "modele-etc-passwd"),
        ("🎉🎉", "workshop", "atelier"),
        ("x" * 300, "workshop", "x" * 60),
    ],
)
def test_file_names_are_safe(title, kind, stem):
    assert dialogs.file_stem(title, kind) == stem


def test_board_merge_is_one_undoable_change(store, ctx, answer, said, tmp_path):
    with store.write() as s:
        other = workshops.create(s, "Table 2").id
        board = boards.create_board(s, other, "kiss", "KISS", subgroup="Table 2")
        boards.add_card(s, board.id, "keep", "Le café du matin")
        boards.add_card(s, board.id, "stop", "Les réunions sans fin")
        data = exchange.export_board(s, board.id)
    path = tmp_path / "kiss.kitcop"
    path.write_bytes(data)
    before = dump(store)

    def merged_texts():
        with store.read() as s:
            cards = s.scalars(select(Card).join(Card.board))
            return sorted(c.text for c in cards if c.board.workshop_id == ctx.workshop_id)

    answer.will_click("Importer")
    dialogs.import_dialog(None, store, ctx.hub, ctx.workshop_id, str(path), ctx=ctx)
    assert merged_texts() == ["Le café du matin", "Les réunions sans fin"]
    assert ctx.undo_stack.undoText().startswith("Importer le tableau")
    ((key, board_id),) = ctx.extras["activated"]  # the board that received the cards is shown
    assert key == "boards" and board_id is not None
    ctx.undo_stack.undo()
    assert merged_texts() == [] and dump(store) == before
    ctx.undo_stack.redo()
    assert merged_texts() == ["Le café du matin", "Les réunions sans fin"]


def test_a_new_title_gets_no_copy_warning(store, rich, answer, said, tmp_path, qtbot):
    from kitcop_desktop.storage.models import Workshop

    workshop_id, _ = rich
    path = tmp_path / "a.kitcop"
    path.write_bytes(export_bytes(store, workshop_id))
    with store.write() as s:
        s.get(Workshop, workshop_id).title = "Renommé depuis"
    hub, _ = hub_events(qtbot)
    answer.will_click("Annuler")
    dialogs.import_dialog(None, store, hub, None, str(path))
    ((_, text),) = answer.seen
    assert "même titre" not in text


def test_choices_without_anything_to_include_are_not_offered(store, workshop_id, answer, save_as):
    seen = []

    def look(dialog):
        seen.append((dialog.real_names.isEnabled(), dialog.real_names.text(), dialog.emails.text()))

    answer.will_click("Annuler", before=look)
    assert dialogs.export_dialog(None, store, workshop_id) is None
    ((enabled, names, emails),) = seen
    assert not enabled and names.endswith("(aucun saisi)") and emails.endswith("(aucune saisie)")


def test_the_export_menu_also_shares_the_agenda_or_one_board(
    store, rich, answer, said, save_as, tmp_path
):
    workshop_id, board_id = rich

    def agenda_only(dialog):
        dialog.real_names.setChecked(True)
        dialog.agenda_only.setChecked(True)
        # Personal data never leaves with a template or a board.
        assert not dialog.real_names.isChecked() and not dialog.real_names.isEnabled()
        assert not dialog.warning.isVisibleTo(dialog)

    save_as["path"] = tmp_path / "modele.kitcop"
    answer.will_click("Choisir l'emplacement…", before=agenda_only)
    path = dialogs.export_dialog(None, store, workshop_id)
    assert json.loads(plain(path.read_bytes()))["kind"] == "agenda"
    assert save_as["asked"][-1][1].endswith(
        "modele-renovation-energetique-les-competences-de-2030.kitcop"
    )

    def one_board(dialog):
        assert dialog.board_only.isEnabled() and not dialog.board_box.isEnabled()
        dialog.board_only.setChecked(True)
        dialog.board_box.setCurrentIndex(dialog.board_box.findData(board_id))
        assert dialog.board_box.currentText() == "Speedboat — Table 2"

    save_as["path"] = tmp_path / "tableau.kitcop"
    answer.will_click("Choisir l'emplacement…", before=one_board)
    path = dialogs.export_dialog(None, store, workshop_id)
    envelope = json.loads(plain(path.read_bytes()))
    assert envelope["kind"] == "board" and envelope["title"] == "Speedboat — Table 2"
    assert "Le tableau" in said[-1][2]


def test_without_boards_the_board_choice_is_not_offered(store, workshop_id, answer, save_as):
    seen = []
    answer.will_click("Annuler", before=lambda d: seen.append(d.board_only.isEnabled()))
    dialogs.export_dialog(None, store, workshop_id)
    assert seen == [False]


def test_board_import_says_which_board_receives_what_before_importing(
    store, ctx, answer, said, tmp_path
):
    """#23 items 7 and 8: the receiving board, new / already there / modified / likely
    duplicates counted before « Importer », « fusionner » honoured, that board shown after."""
    with store.write() as s:
        laptop = workshops.create(s, "Portable de la table 2").id
        theirs = boards.create_board(s, laptop, "speedboat", "Speedboat", subgroup="Sous-groupe 1")
        kept = boards.add_card(s, theirs.id, "brakes", "Manque de formateurs")
        edited = boards.add_card(s, theirs.id, "brakes", "Coût des formations")
        mine = boards.create_board(
            s, ctx.workshop_id, "speedboat", "Speedboat", subgroup="Sous-groupe 1"
        )
        boards.add_card(s, mine.id, "levers", "Des CFA motivés")
    first = tmp_path / "v1.kitcop"
    with store.read() as s:
        first.write_bytes(exchange.export_board(s, theirs.id))

    def new_board_offered(dialog):
        assert "Nouveau tableau\u00a0: Speedboat — Sous-groupe 1 (2)" in dialog.summary_text()
        assert "2 post-it nouveaux, 0 déjà là, 0 modifié." in dialog.summary_text()
        dialog.choose(mine.id)  # « Sous-groupe 1 » here is not theirs: counts follow the choice
        assert "Dans ce tableau\u00a0: 2 post-it nouveaux" in dialog.summary_text()
        dialog.choose("new")

    answer.will_click("Importer", new_board_offered)
    dialogs.import_dialog(None, store, ctx.hub, ctx.workshop_id, str(first), ctx=ctx)
    ((_, landed),) = ctx.extras["activated"]  # the board that received the post-its is shown
    assert landed not in (mine.id, None)

    with store.write() as s:  # the table goes on: an edit, a new idea, a near duplicate
        boards.update_card(s, edited.id, text="Coût des formations longues")
        boards.add_card(s, theirs.id, "levers", "Aides de la Région")
        boards.add_card(s, theirs.id, "brakes", "manque de  FORMATEURS")
    second = tmp_path / "v2.kitcop"
    with store.read() as s:
        second.write_bytes(exchange.export_board(s, theirs.id))
    seen = {}

    def tick_fusionner(dialog):
        seen["text"] = dialog.summary_text()
        ((_, box),) = dialog.near_boxes
        box.setChecked(True)

    answer.will_click("Importer", tick_fusionner)
    dialogs.import_dialog(None, store, ctx.hub, ctx.workshop_id, str(second), ctx=ctx)
    assert "Speedboat — Sous-groupe 1 (2)" in seen["text"].splitlines()
    assert "1 post-it nouveau, 1 déjà là, 1 modifié, 1 doublon probable." in seen["text"]
    assert "fusionner « manque de FORMATEURS » avec « Manque de formateurs »" in seen["text"]
    assert ctx.extras["activated"][-1] == ("boards", landed)
    with store.read() as s:
        cards = s.scalars(select(Card).where(Card.board_id == landed).order_by(Card.id))
        assert [(c.text, c.weight) for c in cards] == [
            ("Manque de formateurs", 2),
            ("Coût des formations longues", 1),
            ("Aides de la Région", 1),
        ]
    assert kept.id  # the table's own post-its are untouched
    ctx.undo_stack.undo()  # one step: the edit and the fold undone, the new post-it gone
    with store.read() as s:
        cards = s.scalars(select(Card).where(Card.board_id == landed).order_by(Card.id))
        assert [(c.text, c.weight) for c in cards] == [
            ("Manque de formateurs", 1),
            ("Coût des formations", 1),
        ]


def test_board_import_cancelled_in_its_dialog_changes_nothing(store, ctx, answer, said, tmp_path):
    with store.write() as s:
        laptop = workshops.create(s, "Portable").id
        theirs = boards.create_board(s, laptop, "kiss", "KISS", subgroup="Table 3")
        boards.add_card(s, theirs.id, "keep", "Le café")
        data = exchange.export_board(s, theirs.id)
    path = tmp_path / "kiss.kitcop"
    path.write_bytes(data)
    before = dump(store)
    answer.will_click("Annuler")
    dialogs.import_dialog(None, store, ctx.hub, ctx.workshop_id, str(path), ctx=ctx)
    assert dump(store) == before and ctx.undo_stack.count() == 0
