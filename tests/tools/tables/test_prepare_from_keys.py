"""#24: preparing a café without the mouse, in the main window. Alt+D opens « Modèles » and
leaves the cursor on the first topic; Suppr removes the chosen table (Ctrl+Z brings it back);
Alt+R runs « Répartir automatiquement », which keeps the world café's teams after the
attendance changed (and says so); Alt+E offers « Sans équipes » too; F1 lists the keys."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from kitcop_desktop.storage import agenda, attendance, participants, tables, tables_seating
from kitcop_desktop.ui.keymap import KEYMAP, keymap_html
from tests.tools.tables.test_cafes_done_when import back_from_popup, in_popup, prepare
from tests.tools.tables.test_rotation_live import NAMES, open_window, press

Key = Qt.Key
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
CATEGORIES = ("public", "private", "para_public")


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def world_cafe(qtbot, store, workshop_id, settings, count: int = 30):
    with store.write() as s:
        agenda.add_sequence(s, workshop_id, title="Ouverture", duration_minutes=15)
        for n in range(count):
            participants.add(s, workshop_id, NAMES[n], f"Structure {n % 9}", CATEGORIES[n % 3])
    window = open_window(qtbot, store, workshop_id, settings)
    page = prepare(window, "world_cafe", ["Orientation", "Accès", "Recrutement", "Entreprises"])
    return window, page


def teams_now(store, workshop_id) -> list[set[int]]:
    with store.read() as s:
        return [set(t) for t in tables_seating.current_teams(s, workshop_id)]


def test_suppr_removes_the_chosen_table_and_ctrl_z_brings_it_back(
    qtbot, store, workshop_id, settings
):
    window, page = world_cafe(qtbot, store, workshop_id, settings, 8)
    page.table.setCurrentCell(2, 0)
    page.table.setFocus()
    press(Key.Key_Delete)
    with store.read() as s:
        assert [t.name for t in tables.list_tables(s, workshop_id)] == [
            "Table 1",
            "Table 2",
            "Table 4",
        ]
    press(Key.Key_Z, CTRL)
    with store.read() as s:
        assert [t.topic for t in tables.list_tables(s, workshop_id)][2] == "Recrutement"


def test_alt_r_keeps_the_teams_when_someone_is_absent_on_the_day(
    qtbot, store, workshop_id, settings
):
    window, page = world_cafe(qtbot, store, workshop_id, settings)
    in_popup(window, Key.Key_Return)  # « 4 équipes »
    press(Key.Key_E, ALT)
    back_from_popup(window)
    before = teams_now(store, workshop_id)
    assert len(before) == 4
    first_round = page.seating.boxes[0]
    assert [box.title.text().count("Équipe") for box in first_round] == [1, 1, 1, 1]
    assert "· Équipe\u00a01" in first_round[0].title.text()
    with store.read() as s:
        everyone = [p.id for p in participants.list_for(s, workshop_id)]
    absent = everyone[3]
    with store.write() as s:
        attendance.set_presence(s, {p: p != absent for p in everyone})
    press(Key.Key_R, ALT)  # « Répartir automatiquement »
    after = teams_now(store, workshop_id)
    assert [t - {absent} for t in before] == after  # the same teams, the absent left out
    said = window.statusBar().currentMessage()
    assert "4\u00a0équipes gardées" in said and "Par équipes" in said
    press(Key.Key_Z, CTRL)  # one undo step: the absent one back in their team
    assert teams_now(store, workshop_id) == before


def test_alt_e_offers_no_teams_and_then_alt_r_mixes_at_each_round(
    qtbot, store, workshop_id, settings
):
    window, page = world_cafe(qtbot, store, workshop_id, settings)
    in_popup(window, Key.Key_Return)
    press(Key.Key_E, ALT)
    back_from_popup(window)
    assert len(teams_now(store, workshop_id)) == 4
    # The dialog opens on the teams there are; « Sans équipes » is the last choice.
    in_popup(window, Key.Key_End, Key.Key_Return)
    press(Key.Key_E, ALT)
    back_from_popup(window)
    assert teams_now(store, workshop_id) == []
    assert "Sans équipes" in window.statusBar().currentMessage()
    press(Key.Key_R, ALT)
    assert teams_now(store, workshop_id) == []
    assert all("Équipe" not in box.title.text() for box in page.seating.boxes[0])
    with store.read() as s:
        rounds = tables_seating.list_rounds(s, workshop_id)
    first = {frozenset(p) for p in rounds[0].seated.values()}
    assert all({frozenset(p) for p in r.seated.values()} != first for r in rounds[1:])


def test_a_key_of_a_disabled_button_does_nothing(qtbot, store, workshop_id, settings):
    window = open_window(qtbot, store, workshop_id, settings)
    press(Key.Key_8, CTRL)
    page = window.current_editor()
    assert not page.assign_button.isEnabled()  # no tables yet
    press(Key.Key_R, ALT)
    press(Key.Key_E, ALT)
    assert QApplication.activeModalWidget() is None
    with store.read() as s:
        assert tables_seating.list_rounds(s, workshop_id) == []


def test_f1_lists_the_keys_to_prepare_the_tables():
    section = dict(KEYMAP)["Dans les tables (Ctrl+8)"]
    keys = " ".join(k for k, _what in section)
    for key in ("Alt+D", "Alt+L", "Alt+R", "Alt+E", "Suppr", "Ctrl+N", "Ctrl+Tab"):
        assert key in keys
    assert "Répartir automatiquement" in keymap_html()


def test_ctrl_tab_goes_to_the_harvest_line_and_back(qtbot, store, workshop_id, settings):
    window, page = world_cafe(qtbot, store, workshop_id, settings, 8)
    press(Key.Key_Tab, CTRL)
    assert page.pages.currentWidget() is page.harvest
    assert QApplication.focusWidget() is page.harvest.entry.line  # ready to type
    press(Key.Key_Tab, CTRL)  # the line's Tab is the next table; Ctrl+Tab leaves the page
    assert page.pages.currentIndex() == 0
    assert QApplication.focusWidget() is page.table
