"""#24: the rounds of a café in the déroulé's live run. When the run reaches a « Rotation »
séquence the room shows who sits where (« Atelier 3 — … » and the names seated there), paged
when 30 people do not fit at 1/20 of the height, then the round's countdown; the clicker's
PageDown turns the pages and moves to the next round, PageUp comes back (the previous round
on its last page); after a crash the room comes back on the same round and page. Absent
participants are not shown."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kitcop_desktop.app import load_tool_specs
from kitcop_desktop.storage import agenda, participants, tables, tables_seating
from kitcop_desktop.tools.tables.room_view import TablesRoomView
from kitcop_desktop.ui.main_window import MainWindow
from kitcop_desktop.ui.widgets.big_countdown import BigCountdown

Key = Qt.Key
NAMES = (
    "Amina Benali",
    "Awa Diallo",
    "Jean Martin",
    "Léa Roux",
    "Marc Petit",
    "Inès Haddad",
    "Paul Girard",
    "Chloé Bernard",
    "Hugo Lambert",
    "Sarah Nguyen",
    "Yanis Moreau",
    "Camille Faure",
    "Lucas Garnier",
    "Manon Chevalier",
    "Nathan Robin",
    "Emma Fontaine",
    "Louis Mercier",
    "Jade Blanc",
    "Gabriel Guerin",
    "Lina Muller",
    "Arthur Henry",
    "Zoé Rousseau",
    "Jules Leclerc",
    "Alice Gauthier",
    "Adam Perrin",
    "Rose Morin",
    "Noah Mathieu",
    "Lou Clément",
    "Ethan Lucas",
    "Anna Vidal",
)
CATEGORIES = ("public", "private", "para_public")
TOPICS = (
    "Pérenniser le « hors-norme »",
    "Le Grand Switch",
    "Implanter le collaboratif",
    "Nouveau rôle du manager public",
    "AudeTTE – Aude Transition Territoriale",
    "Espace de réflexion ouvert",
)


def press(key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    target = QApplication.focusWidget() or QApplication.activeWindow()
    QTest.keyClick(target, key, modifiers)
    for _ in range(3):
        QApplication.processEvents()


def cafe(store, workshop_id: int, people: int = 30) -> None:
    """The CNFPT afternoon: the déroulé's three rotations, six tables with their hosts."""
    with store.write() as s:
        agenda.apply_template(s, workshop_id, "world_cafe")
        for n in range(people):
            participants.add(s, workshop_id, NAMES[n], f"Structure {n % 9}", CATEGORIES[n % 3])
        for n, topic in enumerate(TOPICS):
            table = tables.add_table(s, workshop_id, f"Atelier {n + 1}", topic)
            if n < 5:
                tables.set_host(s, table.id, NAMES[n])
        tables_seating.assign_automatically(s, workshop_id)


def room_view(window) -> TablesRoomView | None:
    stage = window.room.shown_stage()
    return stage if isinstance(stage, TablesRoomView) else None


def map_names(view: TablesRoomView) -> set[str]:
    view.map_view.grab()  # what the next paint draws
    return {text for text, _size, _rect in view.map_view.drawn}


def own_countdowns(window) -> int:
    return sum(
        1
        for c in window.room.findChildren(BigCountdown)
        if c.countdown() is not None and c.isVisibleTo(window.room) and c.height() > 0
    )


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def open_window(qtbot, store, workshop_id, settings) -> MainWindow:
    window = MainWindow(store, specs=load_tool_specs(), settings=settings)
    qtbot.addWidget(window)
    window.resize(1024, 740)
    window.show()
    assert window.open_workshop(workshop_id)
    qtbot.waitUntil(lambda: window.isActiveWindow())
    return window


def to_first_rotation(window) -> None:
    press(Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    press(Key.Key_F5)
    window.room.resize(1024, 768)
    press(Key.Key_Space)
    live = window.workshop_view.editor("agenda").live
    for _ in range(5):
        if live.runner.current.kind == "rotation":
            return
        press(Key.Key_PageDown)
    raise AssertionError("no rotation reached")


def seated_names(store, workshop_id: int, number: int) -> dict[str, set[str]]:
    with store.read() as s:
        rounds = tables_seating.list_rounds(s, workshop_id)
        names = {p.id: p.name for p in participants.list_for(s, workshop_id)}
        table_names = {t.id: t.name for t in tables.list_tables(s, workshop_id)}
    plan = rounds[number - 1]
    return {table_names[t]: {names[p] for p in people} for t, people in plan.seated.items()}


def test_the_clicker_walks_the_rounds_map_then_countdown_and_back(
    qtbot, store, workshop_id, settings
):
    cafe(store, workshop_id)
    window = open_window(qtbot, store, workshop_id, settings)
    to_first_rotation(window)
    live = window.workshop_view.editor("agenda").live
    assert window.workshop_view.current_key == "tables"
    seen_rounds: list[str] = []
    for number in (1, 2, 3):
        view = room_view(window)
        assert view is not None, live.runner.current.title
        assert live.runner.current.title.startswith(f"Rotation {number}")
        seen_rounds.append(live.runner.current.title)
        pages = view.map_view.page_count()
        assert pages >= 2  # 30 people at six tables do not fit a 1024×768 room at 1/20
        shown: set[str] = set()
        said = ""
        for page in range(pages):
            assert view.state.page == page and not view.on_countdown_page()
            shown |= map_names(view)
            said += " ".join(text for text, _s, _r in view.map_view.drawn) + " "
            smallest = min(size for _t, size, _r in view.map_view.drawn)
            assert smallest >= 768 // 20  # readable from the back
            assert own_countdowns(window) == 1  # the déroulé's strip under the map
            press(Key.Key_PageDown)
        for table, names in seated_names(store, workshop_id, number).items():
            assert names <= shown, (number, table)
            assert any(text.startswith(table) for text in shown)
        assert "Atelier 3 — Implanter le collaboratif" in said
        # Then the countdown of the round, big, the strip folded away.
        assert view.on_countdown_page()
        assert own_countdowns(window) == 1
        assert view.countdown.height() >= 768 // 4
        press(Key.Key_PageDown)
        if number == 2:  # the pause, between the second and the third rotations
            assert live.runner.current.title == "Pause"
            assert window.workshop_view.current_key == "agenda"
            press(Key.Key_PageDown)
    assert not live.runner.current.title.startswith("Rotation 3")
    # PageUp: back to the third round's countdown, then its map's last page.
    press(Key.Key_PageUp)
    view = room_view(window)
    assert live.runner.current.title.startswith("Rotation 3")
    assert view.on_countdown_page()
    press(Key.Key_PageUp)
    assert not view.on_countdown_page()
    assert view.state.page == view.map_view.page_count() - 1
    window.room.close()


def test_absent_people_are_left_out_of_the_map(qtbot, store, workshop_id, settings):
    cafe(store, workshop_id)
    with store.write() as s:
        people = participants.list_for(s, workshop_id)
        # The attendance taken after the placing: two people did not come.
        for p in people[:-2]:
            p.present = True
    window = open_window(qtbot, store, workshop_id, settings)
    to_first_rotation(window)
    view = room_view(window)
    shown: set[str] = set()
    for _ in range(view.map_view.page_count()):
        shown |= map_names(view)
        press(Key.Key_PageDown)
    assert NAMES[28] not in shown and NAMES[29] not in shown
    assert NAMES[27] in shown and NAMES[10] in shown
    window.room.close()


def crash(window: MainWindow) -> None:
    window.live.closing = True
    window.live.uninstall()
    window.room.hide()
    window.hide()


def test_after_a_crash_the_room_comes_back_on_the_same_round_and_page(
    qtbot, store, workshop_id, settings
):
    cafe(store, workshop_id)
    first = open_window(qtbot, store, workshop_id, settings)
    to_first_rotation(first)
    view = room_view(first)
    for _ in range(view.page_count()):  # the map's pages and the countdown: round 2
        press(Key.Key_PageDown)
    press(Key.Key_PageDown)  # round 2, its second page
    live = first.workshop_view.editor("agenda").live
    assert live.runner.current.title.startswith("Rotation 2")
    view = room_view(first)
    assert view.state.page == 1
    before = map_names(view)
    crash(first)

    settings.sync()
    fresh = QSettings(settings.fileName(), QSettings.Format.IniFormat)
    window = MainWindow(store, specs=load_tool_specs(), settings=fresh)
    qtbot.addWidget(window)
    window.resize(1024, 740)
    window.show()
    assert window.open_workshop(fresh.value("last_workshop", type=int))
    window.live.resume_where_you_were()
    window.room.resize(1024, 768)
    for _ in range(3):
        QApplication.processEvents()
    assert window.workshop_view.current_key == "tables"
    assert window.room.isVisible()
    view = room_view(window)
    assert view is not None
    assert view.map.title.startswith("Rotation 2")
    assert view.state.page == 1
    assert map_names(view) == before
    qtbot.waitUntil(lambda: window.isActiveWindow())
    press(Key.Key_PageDown)  # the clicker goes on from there
    assert view.state.page == 2 or view.on_countdown_page()
    window.room.close()


def test_the_world_cafes_long_questions_never_run_off_the_bottom(ctx, qtbot, store, workshop_id):
    """Seed 004: four long questions, 30 people in four teams of 7 or 8. At the largest size a
    table (its question on eight lines, then its names) was taller than the room and ran off
    its bottom; now every table is whole on a page and every name is seen, none under 1/20."""
    from tests.tools.tables.test_cafe_templates import QUESTIONS

    with store.write() as s:
        for n in range(30):
            participants.add(s, workshop_id, NAMES[n], f"Structure {n % 9}", CATEGORIES[n % 3])
        for question in QUESTIONS:
            tables.add_table(s, workshop_id, f"Table {QUESTIONS.index(question) + 1}", question)
        tables_seating.assign_automatically(s, workshop_id, teams=4)
    view = TablesRoomView(ctx)
    qtbot.addWidget(view)
    view.resize(1024, 768)
    view.show()
    qtbot.waitExposed(view)
    shown: set[str] = set()
    for page in range(view.map_view.page_count()):
        view.state._set(page)  # what the clicker's PageDown does
        drawn = map_names(view)
        shown |= drawn
        for text, size, rect in view.map_view.drawn:
            assert rect.bottom() <= view.map_view.height() + 1, (page, text)
            assert size >= 768 // 20
    assert set(NAMES) <= shown
