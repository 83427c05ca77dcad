"""Right-click on a post-it opens its menu (issue #22 item 9: right-clicking did nothing)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu

from kitcop_desktop.storage import actions, boards


def _right_click(qtbot, editor, item, choose: list[str]) -> list[str]:
    """Right-click `item` on the board; in the menu that opens, follow `choose` (an entry,
    then an entry of its sub-menu…). Returns the menu's entries."""
    seen: list[str] = []

    def pick() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu), "no menu opened"
        seen.extend(a.text().split("\t")[0] for a in menu.actions() if a.text())
        for label in choose:
            action = next(a for a in menu.actions() if a.text().split("\t")[0] == label)
            if action.menu() is not None:
                menu = action.menu()
                continue
            action.trigger()
        for popup in QApplication.topLevelWidgets():
            if isinstance(popup, QMenu) and popup.isVisible():
                popup.close()

    view = editor.view
    centre = view.mapFromScene(item.sceneBoundingRect().center())
    QTimer.singleShot(50, pick)
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, centre, view.viewport().mapToGlobal(centre)
    )
    QApplication.sendEvent(view.viewport(), event)
    qtbot.waitUntil(lambda: bool(seen), timeout=2000)
    return seen


def test_right_click_a_chemin_post_it_to_give_it_an_angle(qtbot, ctx, store, workshop_id):
    from kitcop_desktop.tools.boards.spec import SPEC

    with store.write() as s:
        board = boards.create_board(s, workshop_id, "retro_path", "Chemin")
        card_id = boards.add_card(s, board.id, "worked", "Fiers du chantier école").id
    editor = SPEC.make_editor(ctx)
    qtbot.addWidget(editor)
    editor.resize(1200, 800)
    editor.show()
    qtbot.waitExposed(editor)
    editor.focus_item(board.id)
    entries = _right_click(qtbot, editor, editor.scene.cards[card_id], ["Angle", "Ressentis"])
    assert {"Modifier", "Angle", "Couleur", "Envoyer au vote", "Supprimer"} <= set(entries)
    with store.read() as s:
        assert boards.get_card(s, card_id).angle == "feelings"
    assert ctx.undo_stack.count() == 1
    assert "Ressentis" in editor.scene.cards[card_id]._footer  # shown on the card


def test_right_click_an_on_commence_post_it_makes_its_fiche(qtbot, ctx, store, workshop_id):
    from kitcop_desktop.tools.boards.spec import SPEC

    with store.write() as s:
        board = boards.create_board(s, workshop_id, "kiss", "KISS")
        card_id = boards.add_card(s, board.id, "start", "Un forum des métiers").id
        boards.add_card(s, board.id, "start", "Un autre forum")
    editor = SPEC.make_editor(ctx)
    qtbot.addWidget(editor)
    editor.resize(1200, 800)
    editor.show()
    qtbot.waitExposed(editor)
    editor.focus_item(board.id)
    label = "« On commence » → fiche action"
    _right_click(qtbot, editor, editor.scene.cards[card_id], [label])
    with store.read() as s:
        assert [f.action for f in actions.list_for(s, workshop_id)] == ["Un forum des métiers"]
    entries = _right_click(qtbot, editor, editor.scene.cards[card_id], [])
    assert f"{label} (déjà faite)" in entries
