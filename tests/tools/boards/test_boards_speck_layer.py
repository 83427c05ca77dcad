"""A board of thousands seen whole (issue 15): its post-its, specks a few pixels tall, are drawn
as one picture (tools/boards/speck_layer.py) — and what the facilitator sees is what each
post-it drew by itself: the post-its typed, chosen, found, undone, all where they belong."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from kitcop_desktop.tools.boards.speck_layer import is_speck_scale

from .test_boards_grow import _fill, _open, _type

CARDS = 320


def _seen_whole(qtbot, ctx, workshop_id, store):
    board_id = _fill(store, workshop_id, "kiss", CARDS)
    editor = _open(qtbot, ctx, board_id)
    view = editor.view
    while not is_speck_scale(editor.scene.look.card_px, view.transform().m11()):
        view.zoom_by(0.8)
    qtbot.wait(10)
    assert editor.scene.specks.active
    return editor


def _grab(editor) -> QImage:
    viewport = editor.view.viewport()
    viewport.repaint()
    return viewport.grab().toImage()


def _differing(a: QImage, b: QImage, step: int = 1) -> int:
    """Pixels whose colour differs visibly (more than rounding) between two images."""
    assert a.size() == b.size()
    count = 0
    for y in range(0, a.height(), step):
        for x in range(0, a.width(), step):
            p, q = a.pixel(x, y), b.pixel(x, y)
            if p != q and max(abs(((p >> s) & 255) - ((q >> s) & 255)) for s in (0, 8, 16)) > 24:
                count += 1
    return count


def _as_each_draws_itself(editor) -> QImage:
    """The same view with the layer off (each post-it draws itself), then on again."""
    scene = editor.scene
    scene.specks.set_active(False, scene.cards.values())
    alone = _grab(editor)
    scene.specks.set_active(True, scene.cards.values())
    return alone


def test_a_board_seen_whole_shows_every_post_it_typed_as_each_draws_itself(
    qtbot, ctx, workshop_id, store
):
    editor = _seen_whole(qtbot, ctx, workshop_id, store)
    scene = editor.scene
    before = _grab(editor)
    for text in ("Des chantiers-écoles", "Un tutorat & des binômes", "Former « dès le CFA »"):
        _type(qtbot, editor, text)
    assert len(scene.cards) == CARDS + 3
    typed = [i for i in scene.cards.values() if i.card.text.startswith(("Des ch", "Un tu", "Form"))]
    assert len(typed) == 3 and all(i.speck for i in typed)  # drawn by the layer too
    shown = _grab(editor)
    assert _differing(before, shown) > 0  # the new post-its are on screen
    assert _differing(shown, _as_each_draws_itself(editor)) == 0
    # Undone: the last post-it's place is empty again, as it would be drawn alone.
    ctx.undo_stack.undo()  # Ctrl+Z in the window
    assert len(scene.cards) == CARDS + 2
    undone = _grab(editor)
    assert _differing(undone, shown) > 0
    assert _differing(undone, _as_each_draws_itself(editor)) == 0


def test_a_speck_clicked_is_chosen_and_shows_it_then_goes_back(qtbot, ctx, workshop_id, store):
    editor = _seen_whole(qtbot, ctx, workshop_id, store)
    scene, view = editor.scene, editor.view
    item = max(scene.cards.values(), key=lambda i: i.sceneBoundingRect().height())
    where = view.mapFromScene(item.sceneBoundingRect().center())
    plain = _grab(editor)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert item.isSelected() and not item.speck  # drawn by itself, with its outline
    chosen = _grab(editor)
    assert _differing(plain, chosen) > 0
    assert _differing(chosen, _as_each_draws_itself(editor)) == 0
    scene.clearSelection()
    assert item.speck
    assert _differing(_grab(editor), plain) == 0


def test_a_search_on_a_board_seen_whole_marks_what_it_finds(qtbot, ctx, workshop_id, store):
    editor = _seen_whole(qtbot, ctx, workshop_id, store)
    scene = editor.scene
    plain = _grab(editor)
    assert scene.apply_search("Post-it 7") > 0
    found = _grab(editor)
    assert _differing(plain, found) > 0
    assert _differing(found, _as_each_draws_itself(editor)) == 0
    scene.apply_search("")
    assert all(i.speck for i in scene.cards.values())
    assert _differing(_grab(editor), plain) == 0
