"""Undoing a board merge leaves the board editable (#23 item 5).

Import a sous-groupe's board, pick « Speedboat — vue combinée », Ctrl+Z: the list showed
« Table 1 » while the page stayed « Vue combinée : lecture seule », and no post-it could be
added, even after leaving the tool and coming back.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from kitcop_desktop.storage import boards, exchange, workshops
from kitcop_desktop.storage.models.board import Card
from kitcop_desktop.ui import exchange_dialogs


def _other_board_file(store, tmp_path):
    with store.write() as s:
        other = workshops.create(s, "Portable de la table 2").id
        board = boards.create_board(s, other, "speedboat", "Speedboat", subgroup="Table 2")
        boards.add_card(s, board.id, "brakes", "Le temps manque")
        data = exchange.export_board(s, board.id)
    path = tmp_path / "table2.kitcop"
    path.write_bytes(data)
    return exchange.read_file(path)


def test_undoing_a_merge_seen_in_the_combined_view_leaves_a_board_to_type_on(
    qtbot, editor, ctx, store, speedboat, tmp_path
):
    exchange_dialogs._undoable_merge(ctx, _other_board_file(store, tmp_path))
    chooser = editor.bar.chooser
    entries = [chooser.itemData(i) for i in range(chooser.count())]
    assert ("combined", "speedboat") in entries  # two speedboats: the combined view is offered
    combined = entries.index(("combined", "speedboat"))
    editor.bar.chooser.setCurrentIndex(combined)
    editor.bar.chooser.activated.emit(combined)
    assert editor.data.combined and not editor.entry.line.isEnabled()

    ctx.undo_stack.undo()  # Ctrl+Z: the imported board goes

    assert editor.bar.chooser.currentText() == "Speedboat — Table 1"
    assert editor.data is not None and not editor.data.combined
    assert editor.data.board_ids == (speedboat["board_id"],)
    assert editor.bar.rename_button.isEnabled()
    line = editor.entry.line
    assert line.isEnabled()
    line.setFocus()
    qtbot.keyClicks(line, "Un guichet unique")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    with store.read() as s:
        texts = [c.text for c in s.query(Card).filter_by(board_id=speedboat["board_id"])]
    assert "Un guichet unique" in texts
