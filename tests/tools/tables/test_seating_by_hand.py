"""#24 « seating by hand »: a name dragged onto another table, or moved with Alt+→ / Alt+←,
sits there for that round (one undo step each); « Répartir automatiquement » run again keeps
those hand moves where they were put and says so."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kitcop_desktop.storage import tables, tables_seating
from kitcop_desktop.tools.tables import seating_view
from tests.tools.tables.test_tables_editor import cafe_page


@pytest.fixture
def page(ctx, qtbot, store, workshop_id):
    return cafe_page(ctx, qtbot, store, workshop_id)


def drag(page, round_index: int, from_table: int, row: int, to_table: int) -> str:
    """A name dragged from one table's list and dropped on another's, as Qt delivers it."""
    boxes = {b.table_id: b for b in page.seating.boxes[round_index]}
    source = boxes[from_table].list
    item = source.item(row)
    mime = source.mimeData([item])
    assert mime.hasFormat(seating_view.MIME)
    target = boxes[to_table].list.viewport()
    enter = QDragEnterEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction | Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction | Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, drop)
    return item.text()


def table_ids(store, workshop_id) -> list[int]:
    with store.read() as s:
        return [t.id for t in tables.list_tables(s, workshop_id)]


def test_drag_a_name_to_another_table_then_undo(page, ctx, store, workshop_id):
    page.preparation.add_template("world_cafe")
    assert page.seating_commands.assign()
    ids = table_ids(store, workshop_id)
    name = drag(page, 1, ids[0], 2, ids[2])
    assert name in page.seating.seated_at(1, ids[2])
    assert name not in page.seating.seated_at(1, ids[0])
    assert page.seating.seated_at(0, ids[0]) != page.seating.seated_at(1, ids[0])  # one round
    assert ctx.undo_stack.undoText() == "Changer de table (Table 3)"
    box = page.seating.boxes[1][2].list
    shown = [box.item(i).text() for i in range(box.count())]
    assert f"{name} {seating_view.HAND}" in shown  # the hand mark
    ctx.undo_stack.undo()
    assert name in page.seating.seated_at(1, ids[0])
    with store.read() as s:
        assert tables_seating.hand_placements(s, workshop_id) == 0
    # Dropped where they already sit: nothing happens, nothing to undo.
    count = ctx.undo_stack.count()
    drag(page, 1, ids[0], 2, ids[0])
    assert ctx.undo_stack.count() == count


def test_foreign_drops_are_ignored(page, store, workshop_id):
    page.preparation.add_template("world_cafe")
    assert page.seating_commands.assign()
    ids = table_ids(store, workshop_id)
    before = page.seating.seated_at(0, ids[1])
    mime = QMimeData()
    mime.setText("Personne 03")  # text dragged from elsewhere
    drop = QDropEvent(
        QPointF(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(page.seating.boxes[0][1].list.viewport(), drop)
    assert page.seating.seated_at(0, ids[1]) == before


def test_alt_arrows_move_the_chosen_person_from_table_to_table(page, ctx, store, workshop_id):
    page.preparation.add_template("world_cafe")
    assert page.seating_commands.assign()
    ids = table_ids(store, workshop_id)
    name = page.seating.pick(0, ids[3], 1)
    box = page.seating.boxes[0][3]
    box.list.setFocus()
    QTest.keyClick(box.list, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert name in page.seating.seated_at(0, ids[0])  # round the end: the first table
    moved = next(b for b in page.seating.boxes[0] if b.table_id == ids[0])
    assert moved.list.currentItem().text().startswith(name)  # still chosen, keys go on
    moved.list.setFocus()
    QTest.keyClick(moved.list, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert name in page.seating.seated_at(0, ids[3])
    ctx.undo_stack.undo()
    ctx.undo_stack.undo()
    assert name in page.seating.seated_at(0, ids[3])
    assert ctx.undo_stack.undoText() == "Répartir automatiquement"


def test_assigning_again_keeps_the_hand_moves_and_says_so(page, ctx, store, workshop_id):
    page.preparation.add_template("world_cafe")
    assert page.seating_commands.assign()
    ids = table_ids(store, workshop_id)
    first = drag(page, 0, ids[0], 3, ids[1])
    second = drag(page, 2, ids[2], 1, ids[3])
    assert page.seating_commands.assign()
    assert ctx.extras["messages"][-1] == (
        "Personnes placées à chaque tour\u00a0; 2 placements faits à la main gardés tels quels."
    )
    assert first in page.seating.seated_at(0, ids[1])
    assert second in page.seating.seated_at(2, ids[3])
    ctx.undo_stack.undo()  # the new assignment only
    assert first in page.seating.seated_at(0, ids[1])
    ctx.undo_stack.undo()
    ctx.undo_stack.undo()  # and the two moves
    with store.read() as s:
        assert tables_seating.hand_placements(s, workshop_id) == 0
