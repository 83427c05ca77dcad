"""#24 « Done when », the whole path of each seed's café in the real main window, from the
keyboard as a facilitator with a clicker would: prepared on the tables page with keys only
(Alt+D « Modèles », the topics and hosts typed in with F2, Alt+R « Répartir automatiquement »
or Alt+E « Par équipes… »), run on the room screen (Ctrl+1, F5, Space, then PageDown / PageUp,
B, Échap), the harvest typed table by table during the rounds (Ctrl+8, Tab, Alt+→, Entrée,
Alt+P for a private line), shown on the room at the restitution (Alt+M, PageDown table after
table, never the private lines), then Ctrl+P: a restitution page per table read back from the
PDF.

Seed 003, the CNFPT pro-action café: six ateliers with their porteurs (the sixth an open
table), three rotations (le sens, les besoins, les actions). Seed 004, the France Travail
world café: four teams that rotate together over four questions, three ideas kept a question.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QPicture
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kitcop_desktop.domain import table_templates
from kitcop_desktop.storage import agenda, participants, tables, tables_seating
from kitcop_desktop.tools.tables import editor as table_editor
from kitcop_desktop.tools.tables.room_view import TablesRoomView
from tests.printing.pdf_support import flat, reader
from tests.tools.tables.test_cafe_templates import ATELIERS, QUESTIONS
from tests.tools.tables.test_rotation_live import NAMES, open_window, press

Key = Qt.Key
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
CATEGORIES = ("public", "private", "para_public")
SECRET = "ZQPRIVATEHARVEST"


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def room_text(window) -> str:
    """Every text the room window draws now (a QPicture records labels and painting alike)."""
    picture = QPicture()
    window.room.render(picture)
    data = bytes(picture.data())
    return data.decode("utf-16-be", "replace") + data.decode("utf-16-le", "replace")


def tables_room(window) -> TablesRoomView | None:
    stage = window.room.shown_stage()
    return stage if isinstance(stage, TablesRoomView) else None


def typed(window, text: str) -> None:
    """A line typed in the focused field, then Entrée."""
    field = QApplication.focusWidget()
    field.insert(text)  # QTest.keyClicks aborts on non-ASCII characters
    press(Key.Key_Return)


def harvest_page(window):
    """Ctrl+8, the « Récolte » tab (Ctrl+Tab), the cursor in its line."""
    press(Key.Key_8, CTRL)
    assert window.workshop_view.current_key == "tables"
    page = window.current_editor()
    if page.pages.currentWidget() is not page.harvest:
        press(Key.Key_Tab, CTRL)  # « Tables et placement » → « Récolte »
    assert QApplication.focusWidget() is page.harvest.entry.line  # ready to type
    return page


def in_popup(window, *keys) -> None:
    """Once the menu or dialog about to open is up (it runs its own loop), these keys in it."""

    def act(tries: int = 20) -> None:
        menu = QApplication.activePopupWidget()  # a menu takes the keys itself
        dialog = QApplication.activeModalWidget()
        if menu is None and dialog is None and tries:
            QTimer.singleShot(10, window, lambda: act(tries - 1))
            return
        assert menu is not None or dialog is not None, "nothing opened"
        for key in keys:
            QTest.keyClick(menu or dialog.focusWidget() or dialog, key)

    QTimer.singleShot(0, window, act)


def back_from_popup(window) -> None:
    """The window active again once the menu or dialog has closed (offscreen, Qt leaves the
    closed popup active; a real window system gives the window back)."""
    if not window.isActiveWindow():
        window.activateWindow()
        for _ in range(3):
            QApplication.processEvents()
    assert window.isActiveWindow()


def prepare(window, key: str, topics, hosts=()):
    """On the tables page, from the keyboard only: Alt+D (« Modèles »), ↓ to the café, Entrée;
    the cursor is then on the first topic: F2, the topic, Entrée, → F2 the host (in lower
    case: a name of the list whatever its case), Entrée, ←, ↓ to the next table."""
    press(Key.Key_8, CTRL)
    page = window.current_editor()
    downs = [t.key for t in table_templates.TEMPLATES].index(key) + 1
    in_popup(window, *[Key.Key_Down] * downs, Key.Key_Return)
    press(Key.Key_D, ALT)
    back_from_popup(window)
    assert QApplication.focusWidget() is page.table
    assert page.table.currentColumn() == table_editor.COL_TOPIC
    hosts = list(hosts)
    for row, topic in enumerate(topics):
        if row:
            press(Key.Key_Down)
        assert page.table.currentRow() == row
        press(Key.Key_F2)
        cell_typed(topic)
        if row < len(hosts):
            press(Key.Key_Right)
            press(Key.Key_F2)
            cell_typed(hosts[row].lower())
            press(Key.Key_Left)
    return page


def cell_typed(text: str) -> None:
    """The cell's editor (F2 opened it): its text replaced by `text`, then Entrée."""
    field = QApplication.focusWidget()
    field.selectAll()
    field.insert(text)
    press(Key.Key_Return)


def run_to(window, title_start: str, *, limit: int = 40) -> None:
    live = window.workshop_view.editor("agenda").live
    for _ in range(limit):
        current = live.runner.current
        if current is not None and current.title.startswith(title_start):
            return
        press(Key.Key_PageDown)
    raise AssertionError(f"never reached « {title_start} »")


def through_the_round(window, number: int) -> set[str]:
    """PageDown through the rotation map's pages (names read from the room), to its countdown."""
    view = tables_room(window)
    assert view is not None and view.map.title.startswith(f"Rotation {number}")
    shown: set[str] = set()
    for _ in range(view.map_view.page_count()):
        view.map_view.grab()
        shown |= {text for text, _size, _rect in view.map_view.drawn}
        smallest = min(size for _t, size, _r in view.map_view.drawn)
        assert smallest >= window.room.height() // 20
        press(Key.Key_PageDown)
    assert view.on_countdown_page()
    return shown


def restitution_pages(window, tmp_path) -> list[str]:
    """Ctrl+P from the tables page: « Impression » with the tables' part ticked, saved."""
    press(Key.Key_8, CTRL)
    press(Key.Key_P, CTRL)
    printing = window.current_editor()
    assert printing.selected_parts() == ["tables"]
    path = printing.save_to(tmp_path / "restitution.pdf")
    return [flat(page.extract_text() or "") for page in reader(path.read_bytes()).pages]


def test_seed_003_the_cnfpt_pro_action_cafe_from_preparation_to_restitution(
    qtbot,
    store,
    workshop_id,
    settings,
    tmp_path,
):
    with store.write() as s:
        agenda.apply_template(s, workshop_id, "world_cafe")  # the afternoon of the seed
        for _topic, host in ATELIERS:
            participants.add(s, workshop_id, host, "CNFPT", "public")
        for n in range(24):
            participants.add(s, workshop_id, NAMES[n], f"Collectivité {n % 8}", CATEGORIES[n % 3])
    window = open_window(qtbot, store, workshop_id, settings)
    page = prepare(window, "pro_action", [t for t, _h in ATELIERS], [h for _t, h in ATELIERS])
    press(Key.Key_R, ALT)  # « Répartir automatiquement »
    with store.read() as s:
        rows = tables.list_tables(s, workshop_id)
        assert [t.host_name for t in rows] == [h for _t, h in ATELIERS]
        assert rows[-1].name == "Table ouverte"
        rounds = tables_seating.list_rounds(s, workshop_id)
    assert len(rounds) == 3

    # The run: Ctrl+1, F5 (the room screen), Space (start), PageDown to the first rotation.
    press(Key.Key_1, CTRL)
    press(Key.Key_F5)
    window.room.resize(1024, 768)
    press(Key.Key_Space)
    live = window.workshop_view.editor("agenda").live
    assert live.runner.state() == "running"
    run_to(window, "Rotation 1")
    press(Key.Key_B)  # the room goes black while people change tables…
    assert window.room.blanked
    press(Key.Key_B)  # …and comes back
    assert not window.room.blanked
    angles = {1: "purpose", 2: "needs", 3: "actions"}
    for number in (1, 2, 3):
        run_to(window, f"Rotation {number}")
        shown = through_the_round(window, number)
        assert {h for _t, h in ATELIERS} <= shown  # the hosts, at home
        # The hosts' notes, typed by the facilitator during the round's countdown.
        page = harvest_page(window)
        view = page.harvest
        while view.round_number < number:
            press(Key.Key_Right, ALT)
        assert view.entry.angle() == angles[number]
        for table in range(6):
            typed(window, f"Table {table + 1}, tour {number} : une idée <&> 🌱")
            press(Key.Key_Tab)
        press(Key.Key_P, ALT)  # « Note privée » on…
        typed(window, f"{SECRET} tour {number}")
        press(Key.Key_P, ALT)  # …and off
        assert tables_room(window) is not None  # the room still shows the round
        press(Key.Key_PageDown)  # the next séquence (the pause after the second)
    run_to(window, "Restitution des ateliers")

    # The restitution: each table's harvest on the room, the clicker table after table.
    page = harvest_page(window)
    view = page.harvest
    view.table_list.setCurrentRow(0)
    view.entry.line.setFocus()
    while view.round_number > 1:
        press(Key.Key_Left, ALT)
    press(Key.Key_M, ALT)
    seen = ""
    for _ in range(6):
        assert tables_room(window).on_harvest_page()
        seen += room_text(window)
        press(Key.Key_PageDown)
    assert "Table 6, tour 1" in seen and "Atelier 1" in seen
    assert SECRET not in seen
    assert live.runner.current.title == "Capitalisation collective"  # past the last table
    press(Key.Key_PageUp)
    assert live.runner.current.title == "Restitution des ateliers"
    press(Key.Key_Escape)  # the room window closes
    assert not window.room.isVisible()

    found = restitution_pages(window, tmp_path)
    per_table = [p for p in found if "Porteur·se" in p]
    assert len(per_table) == 6
    for (topic, host), text in zip(ATELIERS, per_table, strict=True):
        assert topic.split()[0] in text and host in text
    assert "Table 1, tour 3" in per_table[0]
    assert all(SECRET not in p for p in found)
    window.room.close()


def test_seed_004_the_france_travail_world_cafe_four_teams_four_questions(
    qtbot,
    store,
    workshop_id,
    settings,
    tmp_path,
):
    with store.write() as s:
        agenda.add_sequence(s, workshop_id, title="Ouverture par le Préfet", duration_minutes=15)
        for n in range(30):
            participants.add(s, workshop_id, NAMES[n], f"Structure {n % 9}", CATEGORIES[n % 3])
    window = open_window(qtbot, store, workshop_id, settings)
    page = prepare(window, "world_cafe", QUESTIONS)
    assert page.teams_button.isEnabled()
    in_popup(window, Key.Key_Return)  # « 4 équipes », one a question, offered first
    press(Key.Key_E, ALT)  # « Par équipes… »
    back_from_popup(window)
    with store.read() as s:
        rounds = tables_seating.list_rounds(s, workshop_id)
        ids = [t.id for t in tables.list_tables(s, workshop_id)]
    assert len(rounds) == 4
    teams = {frozenset(people) for people in rounds[0].seated.values()}
    assert sorted(len(t) for t in teams) == [7, 7, 8, 8]
    for plan in rounds:  # each team together, at another question each round
        assert {frozenset(p) for p in plan.seated.values()} == teams
    for team in teams:
        visited = [next(t for t in ids if frozenset(p.seated[t]) == team) for p in rounds]
        assert sorted(visited) == sorted(ids)

    press(Key.Key_1, CTRL)
    press(Key.Key_F5)
    window.room.resize(1024, 768)
    press(Key.Key_Space)
    live = window.workshop_view.editor("agenda").live
    for number in (1, 2, 3, 4):
        run_to(window, f"Rotation {number}")
        shown = through_the_round(window, number)
        with store.read() as s:
            names = {p.id: p.name for p in participants.list_for(s, workshop_id)}
        for people in rounds[number - 1].seated.values():
            assert {names[p] for p in people} <= shown
        page = harvest_page(window)
        view = page.harvest
        while view.round_number < number:
            press(Key.Key_Right, ALT)
        press(Key.Key_I, ALT)  # « Idée retenue »: three a question
        for idea in range(3):
            typed(window, f"Question {view.table_list.currentRow() + 1}, idée {idea + 1}")
        assert "3/3" in view.ideas.text()
        press(Key.Key_Tab)
        press(Key.Key_PageDown)
    assert live.runner.current is None or not live.runner.current.title.startswith("Rotation")
    press(Key.Key_Escape)

    found = restitution_pages(window, tmp_path)
    per_table = [p for p in found if "Tour 4" in p]
    assert len(per_table) == 4
    for question, text in zip(QUESTIONS, per_table, strict=True):
        assert question[:30] in text
    assert "Question 1, idée 3" in per_table[0] and "Question 4, idée 1" in per_table[3]
    window.room.close()
