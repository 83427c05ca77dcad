"""Each zone's tab says how many post-its it holds, « · N », whatever its label's length
(issue #22 item 3: « Ça n'a pas marché », « Je n'ai pas aimé », « On commence » lost theirs)."""

from __future__ import annotations

import pytest

from kitcop_desktop.storage import boards

SIZES = [(1024, 768), (1920, 1080)]
FILLS = {
    "retro_path": {"worked": 12, "did_not_work": 3, "loved": 1, "hated": 2, "learned": 0},
    "kiss": {"keep": 2, "improve": 1, "start": 3, "stop": 1},
}


def _board(store, workshop_id, kind: str, full: bool) -> int:
    """A board with one post-it per zone, or fuller zones (more card columns, wider zones)."""
    with store.write() as s:
        board = boards.create_board(s, workshop_id, kind, "Bilan du projet test")
        for zone in boards.KINDS[kind].zone_keys:
            for n in range(FILLS[kind].get(zone, 1) if full else 1):
                boards.add_card(s, board.id, zone, f"Un post-it assez long, le numéro {n}, à lire")
        return board.id


def _check_tabs(scene, kind) -> None:
    look = scene.look
    for key, item in scene.zones.items():
        count = sum(1 for c in scene.cards.values() if c.card.zone == key)
        text, px = item.tab_text()
        text = " ".join(text.split())
        assert text.startswith(item.label), (key, text)  # the name is never cut
        assert text.endswith(f"· {count}"), (key, text)  # nor the count left out
        assert px >= look.zone_px * 0.85, (key, px)  # nor shrunk to small print


@pytest.mark.parametrize("full", [False, True])
@pytest.mark.parametrize("kind", sorted(FILLS))
@pytest.mark.parametrize("size", SIZES)
def test_main_window_zone_tabs_keep_their_counts(qtbot, ctx, store, workshop_id, kind, size, full):
    from kitcop_desktop.tools.boards.spec import SPEC

    board_id = _board(store, workshop_id, kind, full)
    editor = SPEC.make_editor(ctx)
    qtbot.addWidget(editor)
    editor.resize(size[0] - 200, size[1] - 120)  # the sidebar and the toolbars take the rest
    editor.show()
    qtbot.waitExposed(editor)
    editor.focus_item(board_id)
    editor._relayout()
    _check_tabs(editor.scene, kind)


@pytest.mark.parametrize("full", [False, True])
@pytest.mark.parametrize("kind", sorted(FILLS))
@pytest.mark.parametrize("size", SIZES)
def test_room_zone_tabs_keep_their_counts(qtbot, ctx, store, workshop_id, kind, size, full):
    from kitcop_desktop.tools.boards.spec import SPEC

    _board(store, workshop_id, kind, full)
    room = SPEC.make_room_view(ctx)
    qtbot.addWidget(room)
    room.resize(*size)
    room.show()
    qtbot.waitExposed(room)
    room.reload()
    qtbot.waitUntil(lambda: len(room.scene.cards) > 0)
    _check_tabs(room.scene, kind)


# The board's width in the main window: one screen with the room screen beside (700 px
# window), a 1024 px laptop, a 1920 px one.
@pytest.mark.parametrize("size", [(830, 768), *SIZES])
def test_the_bars_above_a_chemin_fit_a_laptop_without_overlapping(
    app_look, qtbot, ctx, store, workshop_id, size
):
    """Seven zone buttons of the chemin, the angle buttons and the board's bar at 1024 px: no
    button drawn over its neighbour, none cut (looked at on the 1024×768 screenshots), and
    the post-it field wide enough to see what is typed (it was 90 px beside the room screen)."""
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit

    from kitcop_desktop.tools.boards.spec import SPEC
    from tests.layout_checks import cut_widgets

    board_id = _board(store, workshop_id, "retro_path", True)
    editor = SPEC.make_editor(ctx)
    qtbot.addWidget(editor)
    editor.resize(size[0] - 200, size[1] - 120)
    editor.show()
    qtbot.waitExposed(editor)
    editor.focus_item(board_id)
    qtbot.wait(20)

    # Inside the main window it cannot grow: what it needs must fit what the window gives
    # (the window imposes its width again once the editor has laid itself out for it).
    def imposed() -> bool:
        editor.resize(size[0] - 200, size[1] - 120)
        return editor.width() == size[0] - 200

    qtbot.waitUntil(imposed, timeout=2000)
    assert editor.minimumSizeHint().width() <= size[0] - 200
    assert editor.width() == size[0] - 200
    kinds = (QAbstractButton, QComboBox, QLineEdit)
    found = [w for box in (editor.bar, editor.entry) for k in kinds for w in box.findChildren(k)]
    shown = [w for w in dict.fromkeys(found) if w.isVisibleTo(editor) and w.width() > 0]
    rects = [(w, QRect(w.mapTo(editor, w.rect().topLeft()), w.size())) for w in shown]
    assert editor.entry.line.width() >= 220
    assert cut_widgets(editor.bar) == [] and cut_widgets(editor.entry) == []
    inside = editor.rect()
    for i, (a, ra) in enumerate(rects):
        assert inside.contains(ra), (type(a).__name__, ra, inside)
        assert ra.width() >= a.minimumSizeHint().width() - 1, a.text() if hasattr(a, "text") else a
        for b, rb in rects[i + 1 :]:
            if a.isAncestorOf(b) or b.isAncestorOf(a):
                continue
            assert not ra.intersects(rb), (type(a).__name__, ra, type(b).__name__, rb)
