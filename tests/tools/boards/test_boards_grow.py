"""A large board stays instant as it grows (issue 15): Enter places one post-it on the layout
already there, reads only what changed, and finds « déjà présent » in an index — while the
board drawn stays exactly the store's, laid out exactly as a full layout would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kitcop_desktop.storage import boards
from kitcop_desktop.storage import boards_clusters as clusters
from kitcop_desktop.tools.boards import board_data
from kitcop_desktop.tools.boards.items import CardItem

BIG = 260  # past scene_plan.WIDTH_SEARCH_MAX: one card width, the growing layout applies
ZONES = {"speedboat": ("levers", "brakes"), "kiss": ("keep", "improve", "start", "stop")}


def _fill(store, workshop_id, kind, n):
    zones = ZONES[kind]
    with store.write() as s:
        board = boards.create_board(s, workshop_id, kind, "Grand tableau", "Table 1")
        for i in range(n):
            words = " ".join(["idée", "longue"] * (i % 7))
            boards.add_card(s, board.id, zones[i % len(zones)], f"Post-it {i} {words}")
        return board.id


def _open(qtbot, ctx, board_id):
    from kitcop_desktop.tools.boards.spec import SPEC

    editor = SPEC.make_editor(ctx)
    qtbot.addWidget(editor)
    editor.resize(1200, 800)
    editor.show()
    qtbot.waitExposed(editor)
    editor.focus_item(board_id)
    editor._relayout()
    return editor


def _type(qtbot, editor, text):
    line = editor.entry.line
    line.setFocus()
    line.insert(text)
    qtbot.keyClick(line, Qt.Key.Key_Return)


def _drawn(scene):
    """Every post-it and zone as drawn: id, zone, text, where, how big; and the scene's rect."""
    cards = sorted(
        (
            i.card.id,
            i.card.zone,
            i.card.text,
            i.isVisible(),
            round(i.pos().x(), 6),
            round(i.pos().y(), 6),
            round(i.width, 6),
            round(i.height, 6),
        )
        for i in scene.cards.values()
    )
    zones = sorted((k, z.rect.getRect(), z.count) for k, z in scene.zones.items())
    clusters_ = sorted((c, i.pos().toTuple(), i.rect.getRect()) for c, i in scene.clusters.items())
    return cards, zones, clusters_, scene.sceneRect().getRect()


def _laid_out_from_scratch(scene):
    """What a full layout of the same items gives (the board opened afresh)."""
    scene.growing.forget()
    scene._laid_out = None
    scene.relayout()
    return _drawn(scene)


def _stored(store, board_id):
    with store.read() as s:
        return sorted((c.id, c.zone, c.text) for c in boards.cards_of(s, board_id))


def _shown(scene):
    return sorted((i.card.id, i.card.zone, i.card.text) for i in scene.cards.values())


@pytest.mark.parametrize("kind", sorted(ZONES))
def test_enter_places_the_post_it_where_a_full_layout_would(qtbot, ctx, store, workshop_id, kind):
    board_id = _fill(store, workshop_id, kind, BIG)
    editor = _open(qtbot, ctx, board_id)
    scene = editor.scene
    plans = []
    full_plan = scene.planner.plan
    scene.planner.plan = lambda *a, **k: plans.append(1) or full_plan(*a, **k)
    for n in range(12):  # enough for zones to grow taller and rows to move down
        if n % 3 == 0:
            qtbot.keyClick(editor.entry.line, Qt.Key.Key_Tab)  # the next zone
        _type(qtbot, editor, f"Nouvelle idée {n} " + "très " * (n % 5))
    assert _shown(scene) == _stored(store, board_id)
    grown = _drawn(scene)
    assert plans == [], "the board was laid out again for a post-it added at the end"
    assert grown == _laid_out_from_scratch(scene)


def test_removing_undoing_and_editing_keep_the_scene_the_stores(qtbot, ctx, store, workshop_id):
    board_id = _fill(store, workshop_id, "speedboat", BIG)
    editor = _open(qtbot, ctx, board_id)
    scene = editor.scene
    _type(qtbot, editor, "Une idée à retirer")
    _type(qtbot, editor, "Une autre idée")
    ctx.undo_stack.undo()  # the last post-it goes
    assert _shown(scene) == _stored(store, board_id)
    assert _drawn(scene) == _laid_out_from_scratch(scene)
    ctx.undo_stack.redo()  # and comes back, with its id
    assert _shown(scene) == _stored(store, board_id)
    assert _drawn(scene) == _laid_out_from_scratch(scene)
    first = min(scene.cards)
    assert editor.commands.edit_card(first, "Modifier un post-it", text="Réécrit " * 9)
    assert editor.commands.delete_cards([first + 1, first + 2])
    assert editor.commands.recolour([first + 3], "#E69F00")
    assert _shown(scene) == _stored(store, board_id)
    assert scene.cards[first + 3].card.colour == "#E69F00"
    assert _drawn(scene) == _laid_out_from_scratch(scene)
    for _ in range(4):
        ctx.undo_stack.undo()
        assert _shown(scene) == _stored(store, board_id)
        assert _drawn(scene) == _laid_out_from_scratch(scene)


def test_a_post_it_made_a_duplicate_by_an_edit_is_found_at_the_next_enter(
    qtbot, ctx, store, workshop_id
):
    board_id = _fill(store, workshop_id, "speedboat", BIG)
    editor = _open(qtbot, ctx, board_id)
    target = min(editor.scene.cards)
    assert editor.commands.edit_card(target, "Modifier un post-it", text="Des aides locales !")
    _type(qtbot, editor, "des AIDES locales")
    assert not editor.entry.duplicate_bar.isHidden()
    assert "déjà présent" in editor.entry.duplicate_label.text()
    assert _stored(store, board_id).count((target, "levers", "Des aides locales !")) == 1
    with store.read() as s:
        expected = [c.id for c in boards.find_duplicates(s, board_id, "des AIDES locales")]
    assert [i for i, _z in editor.data.duplicates("des AIDES locales")] == expected
    ctx.undo_stack.undo()  # the edit undone: no longer « déjà présent »
    assert editor.data.duplicates("des AIDES locales") == []


def test_enter_reads_no_other_post_it_from_the_store(qtbot, ctx, store, workshop_id):
    """The Enter key used to read every post-it of the board twice (the duplicate check and
    the board read again): on 5,000 post-its, a second per post-it typed."""
    board_id = _fill(store, workshop_id, "speedboat", BIG)
    editor = _open(qtbot, ctx, board_id)
    _type(qtbot, editor, "Premier post-it tapé")  # the « déjà présent » index is made here
    rows_read = []

    def trace(statement: str) -> None:
        if "board_cards" in statement and "SELECT" in statement.upper():
            rows_read.append(statement)

    connections = set()
    with store.read() as s:
        connections.add(s.connection().connection.driver_connection)
    for conn in connections:
        conn.set_trace_callback(trace)
    try:
        _type(qtbot, editor, "Deuxième post-it tapé")
    finally:
        for conn in connections:
            conn.set_trace_callback(None)
    assert ("levers", "Deuxième post-it tapé") in [(z, t) for _i, z, t in _stored(store, board_id)]
    assert rows_read, "the trace saw the board read again"
    every_text = [
        q for q in rows_read if "text" in q and "updated_at >=" not in q and " IN (" not in q
    ]
    assert every_text == [], every_text


def test_incremental_read_equals_a_full_read(qtbot, ctx, store, workshop_id):
    """Whatever the change (added, edited, moved, merged, grouped, deleted, put back, made a
    fiche action), reading the board again from the last read gives what a full read gives."""
    board_id = _fill(store, workshop_id, "kiss", 40)
    read = board_data.load_board(store, board_id)

    def same_as_full():
        nonlocal read
        read = board_data.load_board(store, board_id, read)
        full = board_data.load_board(store, board_id)
        assert sorted(read.cards, key=lambda c: c.id) == sorted(full.cards, key=lambda c: c.id)
        assert read.clusters == full.clusters

    with store.write() as s:
        card = boards.add_card(s, board_id, "start", "Nouvelle")
    same_as_full()
    with store.write() as s:
        boards.update_card(s, card.id, text="Nouvelle, réécrite", weight=3)
    same_as_full()
    with store.write() as s:
        boards.move_card(s, card.id, "stop")
    same_as_full()
    with store.write() as s:
        ids = [c.id for c in boards.cards_of(s, board_id) if c.zone == "start"][:3]
        made = clusters.create_cluster(s, board_id, "start", "Thème", ids)
    same_as_full()
    with store.write() as s:
        undo = clusters.dissolve_cluster(s, made["cluster_id"])
    same_as_full()
    with store.write() as s:
        clusters.restore_cluster(s, undo)
    same_as_full()
    with store.write() as s:
        gone = boards.delete_card(s, card.id)
    same_as_full()
    with store.write() as s:
        boards.restore_card(s, gone)  # back with its old updated_at
    same_as_full()
    with store.write() as s:
        merged = boards.merge_cards(s, ids[0], card.id)
    same_as_full()
    with store.write() as s:
        boards.unmerge_cards(s, merged)
    same_as_full()
    from kitcop_desktop.storage import boards_actions

    loose = next(c.id for c in read.cards if c.zone == "start" and c.cluster_id is None)
    with store.write() as s:
        boards_actions.start_to_actions(s, workshop_id, board_id, [loose], [made["cluster_id"]])
    same_as_full()
    assert [c.id for c in read.cards if c.fiche] == [loose]
    assert [c.id for c in read.clusters if c.fiche] == [made["cluster_id"]]


def test_the_hidden_room_screen_makes_no_post_it_until_shown(qtbot, ctx, store, workshop_id):
    """The room view of a board was built and laid out with the editor even when the room
    screen was off (the second half of opening a board), and again for each post-it typed."""
    from kitcop_desktop.tools.boards.spec import SPEC

    board_id = _fill(store, workshop_id, "speedboat", 30)
    editor = _open(qtbot, ctx, board_id)
    room = SPEC.make_room_view(ctx)
    qtbot.addWidget(room)
    assert room.scene.data is not None and room.scene.data.board_ids == (board_id,)
    assert room.scene.cards == {}
    _type(qtbot, editor, "Tapé pendant que la salle est éteinte")
    assert room.scene.cards == {}
    room.resize(1024, 768)
    room.show()
    qtbot.waitExposed(room)
    qtbot.waitUntil(lambda: _shown(room.scene) == _stored(store, board_id))
    assert all(isinstance(i, CardItem) and i.isVisible() for i in room.scene.cards.values())
    _type(qtbot, editor, "Tapé la salle allumée")
    qtbot.waitUntil(lambda: _shown(room.scene) == _stored(store, board_id))
