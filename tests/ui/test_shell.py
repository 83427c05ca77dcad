"""The shell with real widgets: welcome screen, workshop page, participants, undo, room screen."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kitcop_desktop.storage import participants, workshops
from kitcop_desktop.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, store):
    w = MainWindow(store, specs=[])
    qtbot.addWidget(w)
    w.resize(1024, 740)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.room.close()


def titles(store, trashed=False):
    with store.read() as s:
        return [x.title for x in workshops.list_summaries(s, trashed=trashed)]


def names(store, wid):
    with store.read() as s:
        return [p.name for p in participants.list_for(s, wid)]


def test_create_workshop_then_undo_and_redo(window, store):
    wid = window.welcome.create_workshop("Atelier mobilité", date(2026, 4, 2))
    assert titles(store) == ["Atelier mobilité"]
    assert window.welcome.model.rowCount() == 1
    assert window.welcome.model.item(0, 0).text() == "jeudi 2 avril 2026"
    window.undo_action.trigger()
    assert titles(store) == []
    assert titles(store, trashed=True) == ["Atelier mobilité"]
    window.redo_action.trigger()
    assert titles(store) == ["Atelier mobilité"]
    assert window.open_workshop(wid)


def test_empty_title_is_refused_with_a_message(window, store):
    assert window.welcome.create_workshop("   ", None) is None
    assert titles(store) == []
    assert "ne peut pas être vide" in window.statusBar().currentMessage()


def test_delete_goes_to_trash_and_undo_restores(window, store, workshop_id):
    window.welcome.reload()
    window.welcome.table.selectRow(0)
    window.welcome.delete_selected()
    assert titles(store) == []
    assert "corbeille" in window.statusBar().currentMessage()
    window.undo_action.trigger()
    assert titles(store) == ["Atelier de test"]


def test_paste_participants_and_undo(window, store, workshop_id):
    window.open_workshop(workshop_id)
    page = window.workshop_view.editor("workshop")
    page.participants.paste_text(
        "Claire Dubois\tDDETS\tpublic\nKarim\tFrance Travail\nclaire dubois\n"
    )
    assert names(store, workshop_id) == ["Claire Dubois", "Karim"]
    assert page.participants.model.rowCount() == 2
    assert "Déjà dans la liste" in window.statusBar().currentMessage()
    window.undo_action.trigger()
    assert names(store, workshop_id) == []
    assert page.participants.model.rowCount() == 0
    window.redo_action.trigger()
    assert names(store, workshop_id) == ["Claire Dubois", "Karim"]


def test_add_participant_by_keyboard_and_toggle_presence(qtbot, window, store, workshop_id):
    window.open_workshop(workshop_id)
    view = window.workshop_view.editor("workshop").participants
    view.name_edit.setFocus()
    QTest.keyClicks(view.name_edit, "Lea <Fontaine> & Cie")
    view.name_edit.insert(" é 🌱")  # QTest types ASCII only; the rest arrives like a paste
    QTest.keyClick(view.name_edit, Qt.Key.Key_Return)
    assert names(store, workshop_id) == ["Lea <Fontaine> & Cie é 🌱"]
    assert view.name_edit.text() == ""
    from kitcop_desktop.ui.participants_model import COLUMNS

    index = view.model.index(0, COLUMNS.index("present"))
    view.model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    with store.read() as s:
        assert participants.list_for(s, workshop_id)[0].present is True
    window.undo_action.trigger()
    with store.read() as s:
        assert participants.list_for(s, workshop_id)[0].present is False


def test_edit_title_is_stored_and_undoable(qtbot, window, store, workshop_id):
    window.open_workshop(workshop_id)
    page = window.workshop_view.editor("workshop")
    page.title_edit.setText("Atelier renommé")
    page.title_edit.editingFinished.emit()
    assert titles(store) == ["Atelier renommé"]
    assert window.windowTitle().startswith("Atelier renommé")
    assert window.room.title_card._title.text() == "Atelier renommé"
    window.undo_action.trigger()
    assert titles(store) == ["Atelier de test"]
    assert page.heading.text() == "Atelier de test"


def test_room_screen_toggles_shows_title_and_blanks(qtbot, window, store, workshop_id):
    with store.write() as s:
        workshops.update(s, workshop_id, problem_statement="Comment faire pour… alors que… ?")
    window.open_workshop(workshop_id)
    assert not window.room.isVisible()
    window.room_action.trigger()
    assert window.room.isVisible()
    assert window.room_action.isChecked()
    card = window.room.title_card
    assert card._title.text() == "Atelier de test"
    assert card._problem.text() == "Comment faire pour… alors que… ?"
    # B in a text field types a B; it never blanks the room.
    page = window.workshop_view.editor("workshop")
    page.participants.name_edit.setFocus()
    QTest.keyClick(page.participants.name_edit, Qt.Key.Key_B)
    assert page.participants.name_edit.text() == "b"
    assert not window.room.blanked
    # B with no text field focused blanks, and again restores.
    page.participants.table.setFocus()
    QTest.keyClick(window, Qt.Key.Key_B)
    assert window.room.blanked
    QTest.keyClick(window.room, Qt.Key.Key_Period)
    assert not window.room.blanked
    window.room_action.trigger()
    assert not window.room.isVisible()


def test_room_text_is_large_enough(qtbot, window, workshop_id):
    window.open_workshop(workshop_id)
    window.room_action.trigger()
    window.room.resize(1024, 768)
    qtbot.wait(50)
    card = window.room.title_card
    assert card._title.font().pixelSize() >= 768 / 20
    assert card._problem.font().pixelSize() >= 768 / 20


def test_tool_shortcuts_switch_the_sidebar(qtbot, window, workshop_id):
    window.open_workshop(workshop_id)
    assert window.workshop_view.current_key == "workshop"
    assert window.workshop_view.buttons["workshop"].isChecked()


def test_keymap_lists_the_clicker_keys():
    from kitcop_desktop.ui.keymap import keymap_html

    html = keymap_html()
    for key in ("F5", "B ou .", "Page suivante", "Ctrl+Z", "Espace"):
        assert key in html


def test_keymap_dialog_fits_the_screen_and_shows_every_section(qtbot):
    from kitcop_desktop.ui.keymap import KEYMAP, KeymapDialog

    dialog = KeymapDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    screen = dialog.screen().availableGeometry()
    assert dialog.height() <= screen.height() and dialog.width() <= screen.width()
    shown = "".join(label.text() for label in dialog.columns)
    for section, _rows in KEYMAP:
        assert section in shown
    assert len(dialog.columns) == 2


def test_every_registered_icon_draws(qapp):
    from kitcop_desktop.ui import icons

    for name in icons.ICONS:
        assert not icons.icon(name).pixmap(24, 24).isNull(), name
