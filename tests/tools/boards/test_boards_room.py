"""The room screen: the open board, read-only, large, never an author; spotlight by clicker."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent

from kitcop_desktop.storage import boards
from kitcop_desktop.tools.boards.items import CardItem


def _room(qtbot, ctx, size=(1024, 768)):
    from kitcop_desktop.tools.boards.spec import SPEC

    room = SPEC.make_room_view(ctx)
    qtbot.addWidget(room)
    room.resize(*size)
    room.show()
    qtbot.waitExposed(room)
    return room


def _key(key) -> QKeyEvent:
    return QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier)


def test_room_shows_the_open_board_without_authors(qtbot, editor, ctx, speedboat):
    room = _room(qtbot, ctx)
    qtbot.waitUntil(lambda: len(room.scene.cards) == 5)
    footers = " ".join(i._footer for i in room.scene.cards.values())
    assert "Table 1" not in footers  # the author stays on the laptop
    assert all(
        not (i.flags() & i.GraphicsItemFlag.ItemIsMovable) for i in room.scene.cards.values()
    )
    # Large: a handful of cards fills the screen with text well above body size on a laptop.
    assert room.card_pixel_size() >= 768 / 40


def test_a_typed_card_appears_on_the_room_screen(qtbot, editor, ctx, speedboat):
    room = _room(qtbot, ctx)
    editor.submit("brakes", "Des chantiers trop loin des CFA", "", False)
    qtbot.waitUntil(
        lambda: any(
            i.card.text == "Des chantiers trop loin des CFA" for i in room.scene.cards.values()
        )
    )


def test_clicker_moves_the_spotlight_zone_by_zone(qtbot, editor, ctx, speedboat, store):
    room = _room(qtbot, ctx)
    whole = room.card_pixel_size()
    assert editor.handle_room_key(_key(Qt.Key.Key_PageDown))
    with store.read() as s:
        assert boards.get_board(s, speedboat["board_id"]).spotlight == "zone:levers"
    qtbot.waitUntil(lambda: room.scene.spotlight == "zone:levers")
    shown = [i for i in room.scene.cards.values() if i.isVisible()]
    assert {i.card.zone for i in shown} == {"levers"}  # the freins leave the screen
    assert room.card_pixel_size() > whole  # the spotlit zone fills the screen
    editor.handle_room_key(_key(Qt.Key.Key_PageDown))
    editor.handle_room_key(_key(Qt.Key.Key_PageDown))  # then the sous-thématique
    qtbot.waitUntil(lambda: room.scene.spotlight == f"cluster:{speedboat['cluster_id']}")
    assert editor.handle_room_key(_key(Qt.Key.Key_0))
    qtbot.waitUntil(lambda: room.scene.spotlight == "")
    assert all(i.isVisible() and i.opacity() == 1.0 for i in room.scene.cards.values())
    assert ctx.undo_stack.count() == 0  # showing is not editing
    assert not editor.handle_room_key(_key(Qt.Key.Key_B))  # B stays the shell's blank key


def test_combined_view_shows_every_subgroup_read_only(qtbot, ctx, store, workshop_id, speedboat):
    from kitcop_desktop.tools.boards.spec import SPEC

    with store.write() as s:
        other = boards.create_board(s, workshop_id, "speedboat", "Speedboat", "Table 2")
        boards.add_card(s, other.id, "brakes", "Le coût du permis pour les apprentis")
    editor = SPEC.make_editor(ctx)
    qtbot.addWidget(editor)
    labels = [editor.bar.chooser.itemText(i) for i in range(editor.bar.chooser.count())]
    assert any("vue combinée" in label for label in labels)
    editor.show_entry(("combined", "speedboat"))
    assert len(editor.scene.cards) == 6
    subgroups = {i.card.subgroup for i in editor.scene.cards.values()}
    assert subgroups == {"Table 1", "Table 2"}
    assert not editor.entry.line.isEnabled()
    assert editor.actions_bar.isEnabled()  # cards of all tables can still go to a vote
    assert not editor.bar.delete_button.isEnabled()
    room = _room(qtbot, ctx)
    qtbot.waitUntil(lambda: len(room.scene.cards) == 6)


def test_room_view_with_no_board_is_empty_and_calm(qtbot, ctx):
    room = _room(qtbot, ctx)
    assert room.scene.cards == {}
    grabbed = room.grab()
    assert grabbed.width() == 1024


def test_thousand_cards_stay_usable(qtbot, ctx, store, workshop_id):
    from kitcop_desktop.tools.boards.spec import SPEC

    with store.write() as s:
        board = boards.create_board(s, workshop_id, "kiss", "KISS")
        for i in range(1000):
            boards.add_card(s, board.id, ("keep", "improve", "start", "stop")[i % 4], f"Idée {i}")
    editor = SPEC.make_editor(ctx)
    qtbot.addWidget(editor)
    editor.resize(1200, 800)
    editor.show()
    assert len(editor.scene.cards) == 1000
    assert editor.apply_search("idée 999") == 1
    assert editor.bar.found.text() == "1 trouvé"
    rects = [i.sceneBoundingRect().adjusted(4, 4, -4, -4) for i in editor.scene.cards.values()]
    # Auto-layout: no two cards overlap (checked on a sample to keep the test quick).
    sample = rects[::37]
    assert not any(a.intersects(b) for n, a in enumerate(sample) for b in sample[n + 1 :])
    assert all(isinstance(i, CardItem) for i in editor.scene.cards.values())
