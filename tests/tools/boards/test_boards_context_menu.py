"""Right-click on a post-it opens its menu (issue #22 item 9: right-clicking did nothing)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu

from kitcop_desktop.storage import actions, boards


def _right_click(qtbot, editor, item, choose: list[str], at=None, *, keyboard=False) -> list[str]:
    """Right-click `item` on the board (or, with `keyboard`, press the Menu key: the menu of
    the chosen post-its); in the menu that opens, follow `choose` (an entry, then an entry of
    its sub-menu…). Returns the menu's entries."""
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
    if keyboard:  # Qt sends the Menu key as a keyboard context-menu event at the focus
        centre, reason = QPoint(5, 5), QContextMenuEvent.Reason.Keyboard
    else:
        centre = view.mapFromScene(at or item.sceneBoundingRect().center())
        reason = QContextMenuEvent.Reason.Mouse
    QTimer.singleShot(50, pick)
    event = QContextMenuEvent(reason, centre, view.viewport().mapToGlobal(centre))
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
    label = "«\u00a0On commence\u00a0» → fiche action"
    _right_click(qtbot, editor, editor.scene.cards[card_id], [label])
    with store.read() as s:
        assert [f.action for f in actions.list_for(s, workshop_id)] == ["Un forum des métiers"]
    entries = _right_click(qtbot, editor, editor.scene.cards[card_id], [])
    assert f"{label} (déjà faite)" in entries


def _editor(qtbot, ctx, board_id):
    from kitcop_desktop.tools.boards.spec import SPEC

    editor = SPEC.make_editor(ctx)
    qtbot.addWidget(editor)
    editor.resize(1200, 800)
    editor.show()
    qtbot.waitExposed(editor)
    editor.focus_item(board_id)
    return editor


def test_right_click_a_sous_thematique_of_on_commence_makes_one_fiche(
    qtbot, ctx, store, workshop_id
):
    from kitcop_desktop.storage import boards_clusters

    with store.write() as s:
        board = boards.create_board(s, workshop_id, "kiss", "KISS")
        a = boards.add_card(s, board.id, "start", "Un comité de suivi").id
        b = boards.add_card(s, board.id, "start", "Un comité avec les CFA").id
        group = boards_clusters.create_cluster(s, board.id, "start", "Comité", [a, b])
    editor = _editor(qtbot, ctx, board.id)
    label = "«\u00a0On commence\u00a0» → fiche action"
    item = editor.scene.clusters[group["cluster_id"]]
    title = item.sceneBoundingRect().topLeft() + QPointF(30, 12)  # its frame's title
    entries = _right_click(qtbot, editor, item, [label], at=title)
    assert {"Renommer", "Dissoudre la sous-thématique", "Envoyer au vote"} <= set(entries)
    assert "Supprimer" not in entries  # a frame is dissolved, never deleted with its post-its
    with store.read() as s:
        made = [(f.origin_ref, f.action) for f in actions.list_for(s, workshop_id)]
    assert made == [(f"cluster:{group['cluster_id']}", "Comité")]
    assert ctx.undo_stack.count() == 1
    assert "fiche action 1" in editor.scene.clusters[group["cluster_id"]]._title_text()


def test_right_click_outside_the_selection_acts_on_that_post_it_alone(
    qtbot, ctx, store, workshop_id
):
    with store.write() as s:
        board = boards.create_board(s, workshop_id, "speedboat", "Speedboat")
        ids = [boards.add_card(s, board.id, "levers", f"Levier {n}").id for n in range(3)]
    editor = _editor(qtbot, ctx, board.id)
    editor.scene.cards[ids[0]].setSelected(True)
    editor.scene.cards[ids[1]].setSelected(True)
    _right_click(qtbot, editor, editor.scene.cards[ids[2]], ["Supprimer"])
    with store.read() as s:
        assert [c.id for c in boards.cards_of(s, board.id)] == ids[:2]
    ctx.undo_stack.undo()
    with store.read() as s:
        assert [c.id for c in boards.cards_of(s, board.id)] == ids


def test_right_click_on_the_empty_board_or_the_combined_view_changes_nothing(
    qtbot, ctx, store, workshop_id
):
    with store.write() as s:
        for name in ("Groupe A", "Groupe B"):
            board = boards.create_board(s, workshop_id, "speedboat", "Speedboat", subgroup=name)
            card_id = boards.add_card(s, board.id, "levers", f"Levier de {name}").id
    editor = _editor(qtbot, ctx, board.id)
    view = editor.view
    corner = view.mapFromScene(editor.scene.sceneRect().bottomRight()) - QPoint(3, 3)
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, corner, view.viewport().mapToGlobal(corner)
    )
    QApplication.sendEvent(view.viewport(), event)
    qtbot.wait(100)
    assert QApplication.activePopupWidget() is None  # no menu over nothing
    editor.show_entry(("combined", "speedboat"))
    entries = []
    item = next(i for i in editor.scene.cards.values() if i.card.id == card_id)

    def enabled_entries():
        menu = QApplication.activePopupWidget()
        entries.extend((a.text().split("\t")[0], a.isEnabled()) for a in menu.actions() if a.text())
        menu.close()

    centre = view.mapFromScene(item.sceneBoundingRect().center())
    QTimer.singleShot(50, enabled_entries)
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, centre, view.viewport().mapToGlobal(centre)
    )
    QApplication.sendEvent(view.viewport(), event)
    qtbot.waitUntil(lambda: bool(entries), timeout=2000)
    offered = dict(entries)
    assert offered["Modifier"] is False and offered["Supprimer"] is False
    assert ctx.undo_stack.count() == 0
