"""Chemin de la rétrospective « séparé actions / ressentis »: toggle, lanes, room, drag, print."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QComboBox

from kitcop_desktop.storage import boards
from tests.tools.boards.conftest import drag

CARDS = [
    ("worked", "Les binômes artisan-apprenti", "actions"),
    ("worked", "Fiers du chantier école", "feelings"),
    ("did_not_work", "Le planning des CFA", "actions"),
    ("did_not_work", "Découragés par les délais", "feelings"),
    ("loved", "L'accueil des entreprises", "actions"),
    ("loved", "Un vrai esprit d'équipe", "feelings"),
    ("hated", "Trop de paperasse", ""),
    ("learned", "Tester avant d'écrire la fiche", "actions"),
    ("learned", "Oser dire quand ça coince", "feelings"),
]


@pytest.fixture
def chemin(store, workshop_id):
    with store.write() as s:
        board = boards.create_board(s, workshop_id, "retro_path", "Chemin", "Table 2")
        ids = {
            text: boards.add_card(s, board.id, zone, text, angle=angle).id
            for zone, text, angle in CARDS
        }
    return {"board_id": board.id, "cards": ids}


@pytest.fixture
def chemin_editor(qtbot, ctx, chemin):
    from kitcop_desktop.tools.boards.spec import SPEC

    widget = SPEC.make_editor(ctx)
    qtbot.addWidget(widget)
    widget.resize(1400, 850)
    widget.show()
    qtbot.waitExposed(widget)
    widget.show_entry(("board", chemin["board_id"]))
    return widget


def _split(store, board_id) -> bool:
    with store.read() as s:
        return boards.get_board(s, board_id).split_by_angle


def _angle(store, card_id) -> str:
    with store.read() as s:
        return boards.get_card(s, card_id).angle


def _lane_rect(scene, zone, angle) -> QRectF:
    r = scene.lanes[(zone, angle)]
    return QRectF(r.x, r.y, r.w, r.h)


def test_toggle_is_one_undoable_command(qtbot, chemin_editor, chemin, store, ctx):
    button = chemin_editor.bar.split_button
    assert button.isVisible() and not button.isChecked()
    assert chemin_editor.scene.lanes == {}
    button.click()
    assert _split(store, chemin["board_id"])
    assert button.isChecked()
    assert ctx.undo_stack.count() == 1
    assert ctx.undo_stack.text(0) == "Séparer actions / ressentis"
    assert chemin_editor.scene.lanes  # the zones are drawn split at once
    ctx.undo_stack.undo()
    assert not _split(store, chemin["board_id"])
    assert not button.isChecked()
    assert chemin_editor.scene.lanes == {}
    ctx.undo_stack.redo()
    assert _split(store, chemin["board_id"]) and button.isChecked()


def test_toggle_only_on_a_chemin(qtbot, chemin_editor, ctx, store, workshop_id):
    with store.write() as s:
        kiss = boards.create_board(s, workshop_id, "kiss", "KISS").id
    chemin_editor.show_entry(("board", kiss))
    assert not chemin_editor.bar.split_button.isVisible()


def test_split_puts_each_angle_in_its_own_lane(qtbot, chemin_editor, chemin, store, ctx):
    chemin_editor.set_split(True)
    scene = chemin_editor.scene
    # A card still without an angle: a third « Sans angle » lane, at the bottom.
    assert {angle for _zone, angle in scene.lanes} == {"actions", "feelings", ""}
    for zone, text, angle in CARDS:
        card = scene.cards[chemin["cards"][text]].sceneBoundingRect().adjusted(3, 3, -3, -3)
        assert _lane_rect(scene, zone, angle).contains(card), text
        for other in {"actions", "feelings", ""} - {angle}:
            assert not _lane_rect(scene, zone, other).intersects(card), (text, other)
    actions = _lane_rect(scene, "worked", "actions")
    feelings = _lane_rect(scene, "worked", "feelings")
    assert actions.bottom() <= feelings.top()  # actions first, then ressentis
    labels = scene.zones["worked"].lane_labels()
    assert labels == ["Actions", "Ressentis", "Sans angle"]


def test_sans_angle_lane_goes_once_every_card_has_an_angle(qtbot, chemin_editor, chemin, store):
    chemin_editor.set_split(True)
    chemin_editor.commands.edit_card(
        chemin["cards"]["Trop de paperasse"], "Angle", angle="feelings"
    )
    assert {angle for _zone, angle in chemin_editor.scene.lanes} == {"actions", "feelings"}


def test_room_view_shows_both_labels(qtbot, chemin_editor, chemin, ctx):
    from kitcop_desktop.tools.boards.spec import SPEC

    chemin_editor.set_split(True)
    room = SPEC.make_room_view(ctx)
    qtbot.addWidget(room)
    room.resize(1024, 768)
    room.show()
    qtbot.waitExposed(room)
    qtbot.waitUntil(lambda: bool(room.scene.lanes))
    for zone in ("worked", "did_not_work", "loved", "hated", "learned"):
        labels = room.scene.zones[zone].lane_labels()
        assert "Actions" in labels and "Ressentis" in labels
    text = chemin["cards"]["Un vrai esprit d'équipe"]
    card = room.scene.cards[text].sceneBoundingRect().adjusted(3, 3, -3, -3)
    assert _lane_rect(room.scene, "loved", "feelings").contains(card)


def test_drag_to_the_other_lane_changes_the_angle(qtbot, chemin_editor, chemin, store, ctx):
    chemin_editor.set_split(True)
    card_id = chemin["cards"]["Les binômes artisan-apprenti"]
    scene = chemin_editor.scene
    chemin_editor.view.fit(whole=True)
    lane = _lane_rect(scene, "worked", "feelings")
    start = scene.cards[card_id].sceneBoundingRect().center()
    drag(chemin_editor.view, start, lane.bottomRight() - QPointF(20, 20))
    assert _angle(store, card_id) == "feelings"
    assert ctx.undo_stack.count() == 2  # the toggle, then the drag: one step
    assert "Ressentis" in ctx.undo_stack.text(1)
    card = scene.cards[card_id].sceneBoundingRect().adjusted(3, 3, -3, -3)
    assert _lane_rect(scene, "worked", "feelings").contains(card)
    ctx.undo_stack.undo()
    assert _angle(store, card_id) == "actions"


def test_drag_to_another_zone_and_lane(qtbot, chemin_editor, chemin, store, ctx):
    chemin_editor.set_split(True)
    card_id = chemin["cards"]["Trop de paperasse"]
    chemin_editor.view.fit(whole=True)
    lane = _lane_rect(chemin_editor.scene, "did_not_work", "actions")
    start = chemin_editor.scene.cards[card_id].sceneBoundingRect().center()
    drag(chemin_editor.view, start, lane.bottomRight() - QPointF(20, 20))
    with store.read() as s:
        card = boards.get_card(s, card_id)
        assert (card.zone, card.angle) == ("did_not_work", "actions")
    ctx.undo_stack.undo()
    with store.read() as s:
        card = boards.get_card(s, card_id)
        assert (card.zone, card.angle) == ("hated", "")


def test_quick_entry_offers_the_angle_when_split(qtbot, chemin_editor, chemin, store):
    entry = chemin_editor.entry
    chemin_editor.set_split(True)
    assert entry.angle_box.isVisible()
    assert entry.angle() == "actions"  # off « Sans angle »: typed cards land in a lane
    entry.angle_box.setCurrentIndex(entry.angle_box.findData("feelings"))
    entry.set_zone("learned")
    entry.line.setText("Écouter avant de répondre")
    card_id = chemin_editor.submit("learned", entry.line.text(), "", False)
    assert _angle(store, card_id) == "feelings"
    card = chemin_editor.scene.cards[card_id].sceneBoundingRect().adjusted(3, 3, -3, -3)
    assert _lane_rect(chemin_editor.scene, "learned", "feelings").contains(card)


def test_printed_chemin_is_split_too(store, chemin):
    from kitcop_desktop.printing.boards import BoardDrawing, board_cards

    with store.write() as s:
        boards.update_board(s, chemin["board_id"], split_by_angle=True)
    with store.read() as s:
        board = boards.get_board(s, chemin["board_id"])
        cards, clusters = board_cards(board)
        drawing = BoardDrawing(board, cards, clusters, 400, 1.5)
    layout = drawing.layout
    assert {angle for _zone, angle in layout.lanes} == {"actions", "feelings", ""}
    for card in cards:
        r = layout.items[f"card:{card.number}"]
        lane = layout.lanes[(card.zone, card.angle)]
        assert lane.x <= r.x and r.right <= lane.right
        assert lane.y <= r.y and r.bottom <= lane.bottom


def test_printed_pdf_names_the_lanes(store, workshop_id, chemin):
    from kitcop_desktop.printing.parts import render_pdf
    from tests.printing.pdf_support import text_of

    with store.write() as s:
        boards.update_board(s, chemin["board_id"], split_by_angle=True)
    with store.read() as s:
        data = render_pdf(s, workshop_id, ["boards"])
    text = text_of(data)
    assert "Actions" in text and "Ressentis" in text and "Sans angle" in text
    assert "Oser dire quand ça coince" in text


def test_combined_view_is_split_when_every_chemin_is(qtbot, chemin_editor, chemin, store):
    with store.write() as s:
        other = boards.create_board(s, chemin_editor.ctx.workshop_id, "retro_path", "Chemin", "T3")
        boards.add_card(s, other.id, "loved", "La visite du CFA", angle="feelings")
        boards.update_board(s, other.id, split_by_angle=True)
    chemin_editor.set_split(True)
    chemin_editor.show_entry(("combined", "retro_path"))
    assert chemin_editor.data.combined and chemin_editor.data.split_by_angle
    assert not chemin_editor.bar.split_button.isVisible()  # toggled board by board
    assert chemin_editor.scene.lanes


def _type_card(qtbot, line, text: str) -> None:
    line.insert(text)
    qtbot.keyClick(line, Qt.Key.Key_Return)


def test_alt_keys_choose_the_angle_while_typing(qtbot, chemin_editor, chemin, store):
    """Issue #22 item 6: the angle had no key; its drop-down list opened over the current
    choice, so one slip of the mouse mis-tagged the post-its that followed."""
    entry = chemin_editor.entry
    line = entry.line
    line.setFocus()
    assert line.hasFocus()
    assert not entry.findChildren(QComboBox)  # no list to open: the three choices in sight
    qtbot.keyClick(line, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    assert entry.angle() == "feelings" and line.hasFocus()
    _type_card(qtbot, line, "Fier du chantier")
    qtbot.keyClick(line, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    _type_card(qtbot, line, "Un planning partagé")
    qtbot.keyClick(line, Qt.Key.Key_0, Qt.KeyboardModifier.AltModifier)
    _type_card(qtbot, line, "A trier plus tard")
    with store.read() as s:
        angles = {c.text: c.angle for c in boards.cards_of(s, chemin["board_id"])}
    assert angles["Fier du chantier"] == "feelings"
    assert angles["Un planning partagé"] == "actions"
    assert angles["A trier plus tard"] == ""
    assert line.text() == ""  # « a », « r », « 0 » never typed into the card
    # The angle shows on the card itself, on the laptop and on the room screen.
    footers = {i.card.text: i._footer for i in chemin_editor.scene.cards.values()}
    assert "Ressentis" in footers["Fier du chantier"]
    assert "Actions" in footers["Un planning partagé"]
    # The pressed button says which angle the next post-it takes.
    pressed = [b.text() for b in entry.angle_box.buttons if b.isChecked()]
    assert pressed == ["Sans angle"]


def _claims_alt_a(line) -> bool:
    """Whether the card field takes Alt+A before the window's shortcuts (menu « &Aide »)."""
    event = QKeyEvent(QEvent.Type.ShortcutOverride, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    event.ignore()
    QApplication.sendEvent(line, event)
    return event.isAccepted()


def test_alt_a_is_left_to_the_menus_on_boards_without_angles(qtbot, editor, chemin_editor):
    assert not _claims_alt_a(editor.entry.line)  # a speedboat: Alt+A opens the « Aide » menu
    assert _claims_alt_a(chemin_editor.entry.line)  # a chemin: Alt+A means « Actions »
    assert editor.entry.angle() == ""


def test_the_angle_keys_are_in_the_f1_map():
    from kitcop_desktop.ui.keymap import KEYMAP

    boards_keys = dict(dict(KEYMAP)["Dans les tableaux"])
    assert any("Alt+A" in k and "Alt+R" in k and "Alt+0" in k for k in boards_keys)


def test_each_angle_button_holds_its_label_in_bold_when_pressed(qtbot, chemin_editor):
    """The pressed angle is drawn in bold: its label must not be cut then (seen at 1024 px)."""
    from PySide6.QtGui import QFont, QFontMetrics

    chemin_editor.set_split(True)
    for index, button in enumerate(chemin_editor.entry.angle_box.buttons):
        chemin_editor.entry.angle_box.setCurrentIndex(index)
        bold = QFont(button.font())
        bold.setBold(True)
        assert button.isChecked()
        assert button.width() >= QFontMetrics(bold).horizontalAdvance(button.text()) + 18
