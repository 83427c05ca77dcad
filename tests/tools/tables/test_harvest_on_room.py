"""#24: a table's harvest on the room screen, when the facilitator chooses to show it
(« Montrer en salle », Alt+M from the harvest line). Only what may be shown reaches the
projector: a private line (« Note privée », animateur·rice) never does, whatever table, round
or page is shown; the room's text is read from a QPicture of it (every text drawn). The
clicker turns the harvest's pages, then the next table's, then gives the map back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPicture
from PySide6.QtTest import QTest

from kitcop_desktop.domain.visibility import Audience, Visibility
from kitcop_desktop.storage import agenda, participants, tables, tables_harvest, tables_room
from kitcop_desktop.storage import visibility as rule
from kitcop_desktop.tools.tables.spec import SPEC
from kitcop_desktop.ui import live_keys

SECRET = "ZQSECRETLINE <i>&🤫"
CATEGORIES = ("public", "private", "para_public")


def drawn(widget) -> str:
    """Every text the widget draws now (labels and painted text alike)."""
    picture = QPicture()
    widget.render(picture)
    data = bytes(picture.data())
    return data.decode("utf-16-be", "replace") + data.decode("utf-16-le", "replace")


def test_the_rule_keeps_private_lines_off_the_room_and_out_of_the_partners_pdf():
    assert rule.declared("harvest_lines", "text") == Visibility.ROOM
    assert rule.declared("harvest_lines", "facilitator_note") == Visibility.FACILITATOR
    for audience in (Audience.ROOM_SCREEN, Audience.PARTICIPANTS, Audience.EXPORT):
        assert not rule.harvest_line_visible(True, audience), audience
        assert rule.harvest_line_visible(False, audience), audience
    assert rule.harvest_line_visible(True, Audience.FACILITATOR)
    assert rule.harvest_line_visible(True, Audience.EXPORT_PRIVATE)


def test_room_harvest_holds_the_salle_lines_under_their_angles(store, workshop_id):
    with store.write() as s:
        agenda.apply_template(s, workshop_id, "world_cafe")
        (table, *_rest) = tables.add_from_template(s, workshop_id, "pro_action")
        tables.update_table(s, table, topic="Implanter le collaboratif")
        tables_harvest.add_line(s, table, 1, "Marquer l'essai", angle="purpose")
        tables_harvest.add_line(s, table, 1, SECRET, private=True)
        tables_harvest.add_line(s, table, 1, "Un lieu <&> 🌱")
        tables_harvest.add_line(s, table, 2, "Du temps", angle="needs")
    with store.read() as s:
        shown = tables_room.room_harvest(s, workshop_id, table, 1)
        empty = tables_room.room_harvest(s, workshop_id, table, 3)
        gone = tables_room.room_harvest(s, workshop_id, 999_999, 1)
    assert shown.title == "Atelier 1 — Implanter le collaboratif"
    assert shown.round_label.startswith("Rotation 1 — ")
    assert shown.text() == "Sens\u00a0:\n• Marquer l'essai\n\nNotes\u00a0:\n• Un lieu <&> 🌱"
    assert "ZQSECRETLINE" not in shown.text()
    assert empty.text() == tables_room.EMPTY_HARVEST
    assert gone is None


@pytest.fixture
def cafe(ctx, qtbot, store, workshop_id):
    with store.write() as s:
        agenda.apply_template(s, workshop_id, "world_cafe")
        for n in range(18):
            participants.add(s, workshop_id, f"Personne {n:02d}", f"S{n % 5}", CATEGORIES[n % 3])
        tables.add_from_template(s, workshop_id, "pro_action")
    editor = SPEC.make_editor(ctx)
    qtbot.addWidget(editor)
    editor.resize(1024, 700)
    editor.show()
    room = SPEC.make_room_view(ctx)
    qtbot.addWidget(room)
    room.resize(1024, 768)
    room.show()
    editor.seating_commands.assign()
    editor.pages.setCurrentWidget(editor.harvest)
    return editor, room


def type_line(view, text: str) -> None:
    view.entry.line.setFocus()
    view.entry.line.insert(text)  # QTest.keyClicks aborts on non-ASCII characters
    QTest.keyClick(view.entry.line, Qt.Key.Key_Return)


def test_alt_m_shows_the_tables_harvest_without_its_private_lines(cafe, qtbot):
    editor, room = cafe
    view = editor.harvest
    type_line(view, "ZQSHARED une charte commune")
    QTest.keyClick(view.entry.line, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    type_line(view, SECRET)
    QTest.keyClick(view.entry.line, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    assert not room.on_harvest_page()
    QTest.keyClick(view.entry.line, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    assert view.room_button.isChecked()
    qtbot.waitUntil(room.on_harvest_page)
    text = drawn(room)
    assert "ZQSHARED" in text and "Atelier 1" in text
    assert "ZQSECRETLINE" not in text
    assert room.harvest_body.pixel_size >= 768 // 20
    # Another table, another round: the room follows, still without the private line.
    QTest.keyClick(view.entry.line, Qt.Key.Key_Tab)
    assert room.harvest.table_id == view.table_id
    assert "Rien de noté" in drawn(room)
    QTest.keyClick(view.entry.line, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClick(view.entry.line, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert room.harvest.round_number == 2
    QTest.keyClick(view.entry.line, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert "ZQSECRETLINE" not in drawn(room)
    # Alt+M again: the map.
    QTest.keyClick(view.entry.line, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    assert not view.room_button.isChecked() and not room.on_harvest_page()


def test_the_clicker_pages_the_harvest_then_the_next_tables_then_gives_the_map_back(
    cafe, ctx, store, workshop_id
):
    editor, room = cafe
    view = editor.harvest
    with store.write() as s:
        first = tables.list_tables(s, workshop_id)[0].id
        for n in range(30):  # far more than one page at 1/20 of 768 px
            tables_harvest.add_line(s, first, 1, f"Idée numéro {n} pour la suite du collectif")
            tables_harvest.add_line(s, first, 1, f"{SECRET} {n}", private=True)
    ctx.hub.changed.emit("tables", workshop_id)
    view.room_button.setChecked(True)
    pages = room.harvest_body.page_count()
    assert pages >= 2
    seen = ""
    for _ in range(pages - 1):
        seen += drawn(room)
        assert editor.handle_live_action(live_keys.NEXT)
    seen += drawn(room)
    assert "Idée numéro 0 " in seen and "Idée numéro 29 " in seen
    assert "ZQSECRETLINE" not in seen
    tables_count = view.table_list.count()
    for n in range(1, tables_count):  # the other tables, one PageDown each
        assert editor.handle_live_action(live_keys.NEXT)
        assert view.table_list.currentRow() == n and room.on_harvest_page()
    assert not editor.handle_live_action(live_keys.NEXT)  # past the last: the run moves on
    assert not view.room_button.isChecked() and not room.on_harvest_page()
    assert editor.room.harvest is None


def test_a_stale_page_count_never_swallows_a_press(cafe, ctx, store, workshop_id):
    """In the real app one PageDown at the restitution did nothing: the room's count of the
    harvest's pages, cached while it was laid out again, said two for a one-page harvest.
    The clicker now asks the room view itself: the press goes to the next table."""
    editor, room = cafe
    view = editor.harvest
    view.room_button.setChecked(True)
    assert room.harvest_body.page_count() == 1
    editor.room.harvest_count = 2  # what the cache said
    assert editor.handle_live_action(live_keys.NEXT)
    assert view.table_list.currentRow() == 1 and editor.room.harvest_page == 0


def test_a_restart_shows_the_same_tables_harvest_on_the_room(cafe, ctx, qtbot):
    """The view saved for a restart (« tables.view ») carries the harvest shown; restored,
    the room shows that table's harvest again, and Alt+M still gives the map back."""
    from kitcop_desktop.tools.tables.room_state import RotationRoom

    editor, room = cafe
    view = editor.harvest
    view.step_table(1)
    view.room_button.setChecked(True)
    saved = editor.view_state()
    assert saved.endswith(f";harvest={view.table_id}:1:0")
    fresh = RotationRoom()
    fresh.restore(saved)
    assert fresh.harvest == (view.table_id, 1) and fresh.view_state().endswith(
        f";harvest={view.table_id}:1:0"
    )
    view.room_button.setChecked(False)
    assert not room.on_harvest_page()
    editor.restore_view(saved)  # what the shell does after a restart
    qtbot.waitUntil(room.on_harvest_page)
    assert view.room_button.isChecked() and room.harvest.table_id == view.table_id
    fresh.restore("garbage;harvest=x:y")  # a damaged setting changes nothing
    assert fresh.harvest == (view.table_id, 1)


def test_the_round_and_the_host_on_the_room_never_leave_a_dot_alone(cafe, qtbot, store):
    """« Tour 1 — … » then, on a line of its own, « Porteur·se : … »: joined by « · », the
    separator was left alone at the end of the round's line when it wrapped (seed 003's
    restitution at 1024×768); the round says « Rotation 1 — … », not « Tour 1 — Rotation 1 »."""
    editor, room = cafe
    view = editor.harvest
    with store.write() as s:
        first = tables.list_tables(s, editor.ctx.workshop_id)[0]
        tables.set_host(s, first.id, "Personne 03")
    editor.ctx.hub.notify("tables", editor.ctx.workshop_id, "")
    type_line(view, "Une charte commune")
    QTest.keyClick(view.entry.line, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(room.on_harvest_page)
    lines = [line.strip() for line in room.harvest_round.page_text().split("\n") if line.strip()]
    assert lines[0].startswith("Rotation 1 — ") and "Tour 1 — Rotation" not in lines[0]
    assert lines[-1] == "Porteur·se\u00a0: Personne\u00a003"
    assert not any(line.endswith("·") or line.startswith("·") for line in lines), lines


def test_the_private_toggle_shows_its_whole_words_once_ticked(cafe):
    """« Note privée », bold once ticked, is never cut at 1024 px (its last letter was)."""
    from PySide6.QtGui import QFont, QFontMetrics

    editor, _room = cafe
    private = editor.harvest.entry.private
    private.setChecked(True)
    bold = QFont(private.font())
    bold.setBold(True)
    words = QFontMetrics(bold).horizontalAdvance(private.text())
    assert private.width() >= words + private.iconSize().width() + 20
