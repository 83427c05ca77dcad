"""#13 item 8: a full speedboat on the room screen is read from the back of the room.

Its post-its were about 20 px at 1024×768 (28 px at 1080p) and the zone titles 5.2–6.1:1.
Now a zone too full for 1/20-height text is paged on the clicker, « Freins — 1/3 ».
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent

from kitcop_desktop.domain.board_kinds import KINDS
from kitcop_desktop.domain.palette import contrast_ratio
from kitcop_desktop.storage import boards
from kitcop_desktop.tools.boards.look import CONTROL, ROOM_LOOK
from kitcop_desktop.tools.boards.spec import SPEC
from kitcop_desktop.tools.boards.zone_item import ZoneItem

LEVERS = [f"Levier numéro {i} : former les formateurs du territoire" for i in range(14)]
BRAKES = [f"Frein numéro {i} : des métiers peu attractifs pour les jeunes" for i in range(14)]


@pytest.fixture
def full_speedboat(store, workshop_id):
    with store.write() as s:
        board = boards.create_board(s, workshop_id, "speedboat", "Diagnostic")
        for text in LEVERS:
            boards.add_card(s, board.id, "levers", text)
        for text in BRAKES:
            boards.add_card(s, board.id, "brakes", text)
        return board.id


def page_down(editor) -> None:
    event = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_PageDown, Qt.KeyboardModifier.NoModifier)
    assert editor.handle_room_key(event)


def shown_texts(room) -> set[str]:
    return {i.card.text for i in room.scene.cards.values() if i.isVisible()}


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)])
def test_a_full_speedboat_is_paged_zone_by_zone_and_read_from_the_back(
    qtbot, ctx, full_speedboat, size
):
    editor = SPEC.make_editor(ctx)
    qtbot.addWidget(editor)
    editor.focus_item(full_speedboat)
    room = SPEC.make_room_view(ctx)
    qtbot.addWidget(room)
    room.resize(*size)
    room.show()
    qtbot.waitExposed(room)
    floor = size[1] // 20
    page_down(editor)  # the whole board, then its first zone: the leviers
    qtbot.waitUntil(lambda: room.scene.spotlight == "zone:levers")
    count = len(room.pages.plan)
    assert count > 1
    seen: list[str] = []
    for number in range(1, count + 1):
        assert room.page_label() == f"Leviers (voiles, vent) — {number}/{count}"
        assert room.scene.banner.title == room.page_label()  # the room says which page
        assert room.card_pixel_size() >= floor  # readable from the back of the room
        texts = shown_texts(room)
        assert texts and texts <= set(LEVERS)
        seen += sorted(texts)
        page_down(editor)
    assert sorted(seen) == sorted(LEVERS)  # every post-it once, none left out
    qtbot.waitUntil(lambda: room.scene.spotlight == "zone:brakes")
    assert room.page_label().startswith("Freins (ancres) — 1/")
    assert room.card_pixel_size() >= floor
    assert shown_texts(room) <= set(BRAKES)


def test_zone_titles_reach_7_to_1_on_the_room_screen():
    for kind in KINDS.values():
        for zone in kind.zones:
            fill, ink = ZoneItem(zone.key, zone.label, zone.hint, ROOM_LOOK).tab_colours()
            assert contrast_ratio(fill, ink) >= 7.0, zone.key
            assert contrast_ratio(fill, ROOM_LOOK.background) >= 7.0, zone.key
            # The laptop keeps the zone's own colour for its tab.
            assert ZoneItem(zone.key, zone.label, zone.hint, CONTROL).tab_colours()[0] == (
                zone.colour
            )
