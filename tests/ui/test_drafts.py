"""What is being typed in a one-line entry survives a kill: the post-it, the note-taker's note."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit

from kitcop_desktop.storage import boards, fishbowl, fishbowl_notes, participants
from kitcop_desktop.ui.drafts import LineDraft, draft_prefix


@pytest.fixture
def settings_file(tmp_path):
    return str(tmp_path / "kitcop.ini")


def fresh_settings(path: str) -> QSettings:
    """What a new process would read from the file (nothing held in memory)."""
    return QSettings(path, QSettings.Format.IniFormat)


def test_a_draft_is_on_disk_after_a_pause_and_gone_once_added(qtbot, settings_file):
    line = QLineEdit()
    qtbot.addWidget(line)
    LineDraft(line, fresh_settings(settings_file), "drafts/x/1/boards")
    line.setText("Des « apprentis » & <tuteurs> 🎉")
    qtbot.waitUntil(
        lambda: (
            fresh_settings(settings_file).value("drafts/x/1/boards")
            == "Des « apprentis » & <tuteurs> 🎉"
        ),
        timeout=2000,
    )
    again = QLineEdit()  # the next start
    qtbot.addWidget(again)
    LineDraft(again, fresh_settings(settings_file), "drafts/x/1/boards")
    assert again.text() == "Des « apprentis » & <tuteurs> 🎉"
    again.clear()  # Enter added it
    qtbot.waitUntil(
        lambda: not fresh_settings(settings_file).contains("drafts/x/1/boards"), timeout=2000
    )


def test_a_half_typed_post_it_is_back_after_a_kill_and_enter_still_adds_it(
    qtbot, ctx, store, workshop_id, settings_file
):
    from kitcop_desktop.tools.boards.spec import SPEC

    with store.write() as s:
        board = boards.create_board(s, workshop_id, "speedboat", "Speedboat")
    ctx.settings = fresh_settings(settings_file)
    first = SPEC.make_editor(ctx)
    qtbot.addWidget(first)
    first.entry.line.setText("Manque de tuteurs dans les TP")
    first.entry_draft.save()  # what the pause does (the kill comes after it)
    ctx.settings = fresh_settings(settings_file)
    second = SPEC.make_editor(ctx)  # the app started again
    qtbot.addWidget(second)
    assert second.entry.line.text() == "Manque de tuteurs dans les TP"
    QTest.keyClick(second.entry.line, Qt.Key.Key_Return)
    with store.read() as s:
        texts = [c.text for c in boards.cards_of(s, board.id)]
    assert "Manque de tuteurs dans les TP" in texts
    assert second.entry.line.text() == ""
    second.entry_draft.save()
    key = draft_prefix(store, workshop_id) + "/boards"
    assert not fresh_settings(settings_file).contains(key)


def test_the_note_takers_note_is_back_after_a_kill_and_a_refused_note_stays_typed(
    qtbot, ctx, store, workshop_id, settings_file
):
    from kitcop_desktop.tools.fishbowl.spec import SPEC

    with store.write() as s:
        participants.add(s, workshop_id, "Awa Diallo")
        fishbowl.create(s, workshop_id)
    ctx.settings = fresh_settings(settings_file)
    first = SPEC.make_editor(ctx)
    qtbot.addWidget(first)
    entry = first.bowl.notes.entries["levers"]
    entry.setText("Un tutorat partagé entre")
    first.bowl.notes.drafts["levers"].save()
    ctx.settings = fresh_settings(settings_file)
    second = SPEC.make_editor(ctx)
    qtbot.addWidget(second)
    entry = second.bowl.notes.entries["levers"]
    assert entry.text() == "Un tutorat partagé entre"
    assert second.bowl.notes.entries["actions"].text() == ""  # each heading its own draft
    entry.setText("x" * 2001)  # too long: refused, and the text is not thrown away
    QTest.keyClick(entry, Qt.Key.Key_Return)
    assert "trop long" in ctx.extras["messages"][-1]
    assert entry.text() == "x" * 2001
    entry.setText("Un tutorat partagé entre entreprises")
    QTest.keyClick(entry, Qt.Key.Key_Return)
    assert entry.text() == ""
    with store.read() as s:
        bowl_id = fishbowl.list_fishbowls(s, workshop_id)[0].id
        assert [n.text for n in fishbowl_notes.notes(s, bowl_id)] == [
            "Un tutorat partagé entre entreprises"
        ]


def test_emptying_the_trash_leaves_no_draft_of_those_workshops(
    qtbot, store, workshop_id, settings_file, monkeypatch
):
    from PySide6.QtWidgets import QMessageBox

    from kitcop_desktop.storage import workshops
    from kitcop_desktop.ui.main_window import MainWindow

    with store.write() as s:
        kept = workshops.create(s, "Atelier gardé").id
    prefix = draft_prefix(store, workshop_id)
    settings = fresh_settings(settings_file)
    settings.setValue(prefix + "/boards", "Une idée à moitié tapée")
    settings.setValue(draft_prefix(store, kept) + "/boards", "Celle-ci reste")
    settings.sync()
    window = MainWindow(store, specs=[], settings=fresh_settings(settings_file))
    qtbot.addWidget(window)
    with store.write() as s:
        workshops.trash(s, workshop_id)
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    window.welcome.trash_button.setChecked(True)
    window.welcome.empty_trash()
    after = fresh_settings(settings_file)
    assert not after.contains(prefix + "/boards")
    assert after.value(draft_prefix(store, kept) + "/boards") == "Celle-ci reste"
