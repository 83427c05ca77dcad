"""Opening a board costs one text layout per post-it (issue 15: a 500-post-it board took
373 ms to open), and what is drawn is what was measured: the same heights, the same tooltip
when the pointer rests on a post-it."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from kitcop_desktop.storage import boards
from kitcop_desktop.tools.boards import items
from kitcop_desktop.tools.boards.scene_plan import WIDTH_SEARCH_MAX

N = WIDTH_SEARCH_MAX + 40  # one card width for the whole board (no width search)


def _fill(store, workshop_id) -> int:
    with store.write() as s:
        board = boards.create_board(s, workshop_id, "speedboat", "Diagnostic", "Table 1")
        for i in range(N):
            words = " ".join(["formation", "des", "apprentis"] * (i % 5))
            boards.add_card(s, board.id, ("levers", "brakes")[i % 2], f"Idée {i} {words}")
        return board.id


def test_a_board_opened_lays_each_post_it_out_once(qtbot, ctx, store, workshop_id, monkeypatch):
    from kitcop_desktop.tools.boards.spec import SPEC

    board_id = _fill(store, workshop_id)
    laid_out = []
    lay_out = items._lay_out
    monkeypatch.setattr(items, "_lay_out", lambda *a: laid_out.append(1) or lay_out(*a))
    editor = SPEC.make_editor(ctx)
    qtbot.addWidget(editor)
    editor.resize(1200, 800)
    editor.show()
    qtbot.waitExposed(editor)
    editor.focus_item(board_id)
    qtbot.wait(50)  # shown: every post-it drawn (the whole board fits)
    cards = list(editor.scene.cards.values())
    assert len(cards) == N and all(c.isVisible() for c in cards)
    assert all(c._drawn is not None for c in cards)  # each drawn…
    assert len(laid_out) <= N + 30  # …with the layout it was measured with (was 2 × N; the
    # banner's title is measured at a few widths too)
    for card in cards:  # what is drawn is as tall as what was measured
        assert abs(card._text.boundingRect().height() + 2 * items.PAD - card.height) < 1.0


def test_a_post_it_shows_its_text_when_the_pointer_rests_on_it(qtbot, ctx, store, workshop_id):
    from kitcop_desktop.tools.boards.spec import SPEC

    board_id = _fill(store, workshop_id)
    editor = SPEC.make_editor(ctx)
    qtbot.addWidget(editor)
    editor.resize(1200, 800)
    editor.show()
    qtbot.waitExposed(editor)
    editor.focus_item(board_id)
    item = editor.scene.cards[max(editor.scene.cards)]
    viewport = editor.view.viewport()
    point = editor.view.mapFromScene(item.sceneBoundingRect().center())
    QApplication.sendEvent(
        viewport, QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point))
    )
    qtbot.waitUntil(QToolTip.isVisible)
    assert f"Idée {N - 1}" in QToolTip.text()
    QToolTip.hideText()
