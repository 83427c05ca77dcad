"""#13 item 8, the overview: a full speedboat in « Tout le tableau » on the room screen.

Drawn whole, its post-its were about 12 px at 1024×768: unreadable from the back of the room.
When the whole board cannot show its post-its at 1/20 of the room's height, the overview is a
summary (each zone's title and count, its first post-its shortened when they fit, and how to
page); the clicker then walks the zones' pages, every post-it readable, and back.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kitcop_desktop.domain.palette import contrast_ratio
from kitcop_desktop.storage import boards
from kitcop_desktop.storage import boards_clusters as clusters
from kitcop_desktop.tools.boards.items import CardItem, ClusterItem
from kitcop_desktop.tools.boards.look import ROOM_LOOK
from kitcop_desktop.tools.boards.spec import SPEC
from kitcop_desktop.tools.boards.zone_item import ZoneItem

LEVERS = [
    f"Levier {i} : {text}"
    for i, text in enumerate(
        [
            "former les formateurs du territoire",
            "le label RGE",
            "des binômes artisan-apprenti sur les chantiers",
            "les CFA du BTP",
            "la prime à l'embauche d'un premier apprenti",
            "un forum des métiers au collège",
        ]
        * 4
    )
]
BRAKES = [
    f"Frein {i} : {text}"
    for i, text in enumerate(
        [
            "des métiers peu attractifs pour les jeunes",
            "des chantiers loin des transports",
            "le coût du permis",
            "des formations trop longues pour les adultes en reconversion",
        ]
        * 5
    )
]
CLUSTER = "Attractivité des métiers"


@pytest.fixture
def full_speedboat(store, workshop_id):
    """44 post-its: 24 leviers, 20 freins of which three in a sous-thématique."""
    with store.write() as s:
        board = boards.create_board(s, workshop_id, "speedboat", "Diagnostic")
        for text in LEVERS:
            boards.add_card(s, board.id, "levers", text)
        ids = [boards.add_card(s, board.id, "brakes", text).id for text in BRAKES]
        clusters.create_cluster(s, board.id, "brakes", CLUSTER, ids[:3])
        return board.id


def _open(qtbot, ctx, board_id, size, strip=0):
    """The editor on the board and its room view in a room window of `size`, with a strip of
    `strip` px under it (the running déroulé's countdown)."""
    editor = SPEC.make_editor(ctx)
    qtbot.addWidget(editor)
    editor.focus_item(board_id)
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    room = SPEC.make_room_view(ctx)
    layout.addWidget(room, 1)
    if strip:
        below = QWidget()
        below.setFixedHeight(strip)
        layout.addWidget(below)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    return editor, room, window  # the caller keeps the window (qtbot holds it weakly)


def _key(editor, key) -> bool:
    event = QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier)
    return editor.handle_room_key(event)


def _settled(qtbot, editor, room) -> None:
    """The room has drawn the spotlight the editor asked for."""
    qtbot.waitUntil(
        lambda: not room._pending and room.scene.spotlight == (editor.data.spotlight or "")
    )


def _smallest_scene_text(room) -> float:
    """The smallest text the board drawing shows on the room, in screen pixels."""
    look, sizes = ROOM_LOOK, []
    for item in room.scene.items():
        if not item.isVisible() or item.opacity() < 0.5:
            continue
        if isinstance(item, CardItem):
            sizes.append(look.card_px)
            if item._footer:
                sizes.append(look.small_px)
            if item._badge:
                sizes.append(item._badge_font.pixelSize())
        elif isinstance(item, ClusterItem):
            sizes.append(look.cluster_px)
        elif isinstance(item, ZoneItem) and item.count:
            sizes.append(item.tab_text()[1])
    assert sizes
    return min(sizes) * room.view.transform().m11()


def _shown_cards(room) -> set[str]:
    return {i.card.text for i in room.scene.cards.values() if i.isVisible() and i.opacity() >= 0.5}


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)])
def test_the_overview_of_a_full_speedboat_is_a_readable_summary(qtbot, ctx, full_speedboat, size):
    _editor, room, _window = _open(qtbot, ctx, full_speedboat, size)
    qtbot.waitUntil(lambda: room.summary.isVisible())
    assert not room.view.isVisible()  # the 12 px drawing is not what the room sees
    room.summary.grab()  # painted for real
    drawn = room.summary.drawn
    assert drawn
    frame = QRectF(room.summary.rect())
    for text in drawn:
        assert text.pixel_size >= size[1] / 20, text  # readable from the back of the room
        assert contrast_ratio(text.ink, text.fill) >= 7.0, text
        assert frame.contains(text.rect), text  # nothing drawn past the edge
    for i, a in enumerate(drawn):
        for b in drawn[i + 1 :]:
            assert not a.rect.intersects(b.rect), (a, b)  # no text over another
    words = " ".join(t.text for t in drawn).replace("\u00a0", " ")
    assert "Diagnostic" in words
    assert "Leviers (voiles, vent) · 24 post-its" in words  # each zone's title and count
    assert "Freins (ancres) · 20 post-its" in words
    assert "Page suivante : zone par zone" in words  # how to see the rest
    # Its first post-its, when they fit, never another zone's; each whole, never cut with
    # « … » (« Manque de formateurs qualifiés en rénovation… » was seen on the projector).
    assert not [t.text for t in drawn if "…" in t.text]
    for zone, first in (("levers", f"{LEVERS[0]} {LEVERS[1]}"), ("brakes", f"▸ {CLUSTER} (3)")):
        previews = " ".join(t.text for t in drawn if t.zone == zone and t.kind == "item")
        assert previews.replace("\u00a0", " ").startswith(first), previews


@pytest.mark.parametrize("strip", [0, 1 / 6], ids=["alone", "under-the-countdown-strip"])
@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)])
def test_the_clicker_pages_through_every_post_it_readably_and_back(
    qtbot, ctx, full_speedboat, size, strip
):
    editor, room, _window = _open(qtbot, ctx, full_speedboat, size, int(size[1] * strip))
    qtbot.waitUntil(lambda: room.summary.isVisible())
    floor = size[1] / 20
    seen: set[str] = set()
    steps = 0
    while _key(editor, Qt.Key.Key_PageDown):
        _settled(qtbot, editor, room)
        steps += 1
        assert steps < 60
        assert not room.summary.isVisible()
        assert room.view.isVisible()
        assert _smallest_scene_text(room) >= floor, (steps, room.page_label())
        seen |= _shown_cards(room)
    assert seen == set(LEVERS) | set(BRAKES)  # every post-it, each readable on its page
    assert steps > 2  # several pages: 44 post-its do not fit at 1/20 on one screen
    assert steps <= 16  # and each page holds what it can: not one post-it a click
    back = 0
    while _key(editor, Qt.Key.Key_PageUp):
        _settled(qtbot, editor, room)
        back += 1
        assert back <= steps
    assert back == steps  # the same pages, back to the overview
    qtbot.waitUntil(lambda: room.summary.isVisible())


def test_a_small_board_that_reads_whole_stays_drawn(qtbot, ctx, store, workshop_id):
    with store.write() as s:
        board = boards.create_board(s, workshop_id, "kiss", "Rétro")
        for zone in ("keep", "stop", "improve", "start"):
            boards.add_card(s, board.id, zone, "Le café")
    _editor, room, _window = _open(qtbot, ctx, board.id, (1920, 1080))
    qtbot.waitUntil(lambda: len(room.scene.cards) == 4)
    assert room.view.isVisible()  # the board itself, as the kit draws it
    assert not room.summary.isVisible()
    qtbot.waitUntil(lambda: _smallest_scene_text(room) >= 1080 / 20)  # once fitted
