"""#19 post-its from phones: they wait in the board's moderation tray, never on the board nor
the room screen, until the facilitator accepts (Entrée) or discards (Suppr) them; one undo
step each; the desktop's validation; the facilitator's alone in exports."""

from __future__ import annotations

import json

import pytest

from kitcop_desktop.domain.validation import InvalidInput
from kitcop_desktop.phones.board_room import BoardRoom
from kitcop_desktop.phones.server import PhoneServer
from kitcop_desktop.phones.session import new_device_token, pseudonym
from kitcop_desktop.storage import boards, boards_phones, exchange
from tests.phones.conftest import Phone

MARKER = "Un tiers-lieu <ouvert> & 🌱 zqphone"


@pytest.fixture
def board_id(store, workshop_id):
    with store.write() as s:
        return boards.create_board(s, workshop_id, "speedboat", "Speedboat du territoire").id


@pytest.fixture
def board_server(store, board_id):
    server = PhoneServer(BoardRoom(store, board_id), host="127.0.0.1", port=0)
    server.start()
    yield server
    server.stop()


def post(phone: Phone, code: str, zone: str, text) -> object:
    body = json.dumps({"zone": zone, "text": text}).encode()
    return phone.request("POST", f"/{code}/postit", body)


def cards(store, board_id) -> list[tuple[str, str]]:
    with store.read() as s:
        return [(c.zone, c.text) for c in boards.cards_of(s, board_id)]


def test_a_phone_sees_the_zones_and_its_post_it_waits_for_the_facilitator(
    store, board_id, board_server
):
    with store.write() as s:
        boards.add_card(s, board_id, "levers", "Déjà au tableau zqcard")
    phone = Phone(board_server.address)
    seen = phone.state(board_server.code).data
    assert seen["kind"] == "board" and seen["title"] == "Speedboat du territoire"
    assert [z["key"] for z in seen["zones"]][:2] == ["levers", "brakes"]
    assert "zqcard" not in json.dumps(seen)  # the board's post-its never go to phones
    answer = post(phone, board_server.code, "brakes", MARKER)
    assert answer.status == 200 and answer.data["message"].startswith("Post-it envoyé")
    assert phone.state(board_server.code).data["waiting"] == 1
    assert cards(store, board_id) == [("levers", "Déjà au tableau zqcard")]  # not on the board
    with store.read() as s:
        assert [(p.zone, p.text) for p in boards_phones.waiting(s, board_id)] == [
            ("brakes", MARKER)
        ]


@pytest.mark.parametrize(
    ("zone", "text", "sentence"),
    [
        ("brakes", "   ", "Un post-it ne peut pas être vide"),
        ("nowhere", "Idée", "Zone inconnue sur ce tableau"),
        ("brakes", "x" * 2001, "Ce texte est trop long"),
        ("brakes", 12, "Ce post-it est illisible"),
        (None, "Idée", "Ce post-it est illisible"),
    ],
)
def test_a_bad_post_it_gets_the_desktop_s_sentence_and_nothing_waits(
    store, board_id, board_server, zone, text, sentence
):
    answer = post(Phone(board_server.address), board_server.code, zone, text)
    assert answer.status == 400
    assert answer.data["error"].startswith(sentence)
    assert answer.data["error"].endswith("Rien n'a été modifié.")
    with store.read() as s:
        assert boards_phones.waiting_count(s, board_id) == 0


def test_a_phone_may_have_only_so_many_post_its_waiting(store, board_id):
    device = pseudonym(new_device_token())
    with store.write() as s:
        for n in range(boards_phones.MAX_WAITING_PER_PHONE):
            boards_phones.post_from_phone(s, board_id, "levers", f"Idée {n}", device)
    with pytest.raises(InvalidInput, match="post-it en attente"), store.write() as s:
        boards_phones.post_from_phone(s, board_id, "levers", "Encore une", device)
    with store.write() as s:  # another phone still may
        boards_phones.post_from_phone(s, board_id, "levers", "Autre", pseudonym(new_device_token()))


def test_waiting_post_its_stay_out_of_default_exports(store, workshop_id, board_id):
    with store.write() as s:
        boards_phones.post_from_phone(s, board_id, "brakes", MARKER, "ab" * 8)
    with store.read() as s:
        default = exchange.export_workshop(s, workshop_id).decode("utf-8", "replace")
        board_only = exchange.export_board(s, board_id).decode("utf-8", "replace")
        explicit = exchange.export_workshop(s, workshop_id, include_facilitator=True)
    assert "zqphone" not in default and "zqphone" not in board_only
    assert "zqphone" in explicit.decode("utf-8", "replace")


def test_the_tray_accepts_with_enter_discards_with_delete_one_undo_each(
    qtbot, ctx, store, board_id
):
    from PySide6.QtCore import Qt

    from kitcop_desktop.tools.boards.editor import BoardsEditor

    editor = BoardsEditor(ctx)
    qtbot.addWidget(editor)
    editor.resize(1024, 700)
    editor.show()
    tray = editor.phone_tray
    assert tray.board_id == board_id and not tray.tray.isVisible()
    tray.bar.address_box.setCurrentIndex(tray.bar.address_box.findData("127.0.0.1"))
    assert tray.bar.open()
    server = tray.bar.door.server
    phone = Phone(server.address)
    assert post(phone, server.code, "brakes", MARKER).status == 200
    assert post(phone, server.code, "levers", "Le vent du territoire").status == 200
    qtbot.waitUntil(lambda: tray.list.count() == 2, timeout=5000)
    assert tray.tray.isVisible()
    assert tray.list.item(0).text() == f"Freins (ancres) — {MARKER}"
    assert "2 post-it en attente" in tray.bar.status.text()
    tray.list.setFocus()
    qtbot.keyClick(tray.list, Qt.Key.Key_Return)
    assert cards(store, board_id) == [("brakes", MARKER)]
    assert tray.list.count() == 1 and tray.list.currentRow() == 0
    qtbot.keyClick(tray.list, Qt.Key.Key_Delete)
    assert tray.list.count() == 0 and not tray.tray.isVisible()
    assert cards(store, board_id) == [("brakes", MARKER)]
    ctx.undo_stack.undo()  # the discarded one comes back to the tray
    assert tray.list.count() == 1 and tray.list.item(0).text().startswith("Leviers")
    ctx.undo_stack.undo()  # the accepted one leaves the board, back to the tray
    assert cards(store, board_id) == []
    assert tray.list.count() == 2
    ctx.undo_stack.redo()
    assert cards(store, board_id) == [("brakes", MARKER)]
    tray.bar.door.close()


def test_an_explicit_export_carries_the_waiting_post_its_to_another_laptop(
    store, workshop_id, board_id, tmp_path
):
    with store.write() as s:
        boards_phones.post_from_phone(s, board_id, "brakes", MARKER, "ab" * 8)
    path = tmp_path / "atelier.kitcop"
    with store.read() as s:
        path.write_bytes(exchange.export_workshop(s, workshop_id, include_facilitator=True))
    new_id = exchange.import_file(store, path).workshop_id
    with store.read() as s:
        (copy,) = boards.list_boards(s, new_id)
        assert copy.id != board_id
        assert [(p.zone, p.text) for p in boards_phones.waiting(s, copy.id)] == [("brakes", MARKER)]


def test_the_board_s_room_screen_shows_the_qr_code_while_open(qtbot, ctx, store, board_id):
    """Shot for a look: room_board_qr_1024.png in KITCOP_SHOTS when set."""
    import os

    from kitcop_desktop.tools.boards.room_view import BoardRoomView
    from kitcop_desktop.tools.boards.selection import selection_of
    from kitcop_desktop.ui.phones import phone_door

    with store.write() as s:
        boards.add_card(s, board_id, "levers", "Des élus moteurs")
        boards_phones.post_from_phone(s, board_id, "brakes", MARKER, "ab" * 8)
    selection_of(ctx).board_id = board_id
    room = BoardRoomView(ctx)
    qtbot.addWidget(room)
    room.resize(1024, 768)
    room.show()
    qtbot.wait(50)
    assert not room.phone_corner.isVisible()
    door = phone_door(ctx)
    assert door.open(BoardRoom(store, board_id), board_id, "127.0.0.1", 0)
    try:
        assert room.phone_corner.isVisible()
        qtbot.wait(50)
        image = room.grab()
        server = door.server
        assert room.phone_corner.texts == [
            server.address.removeprefix("http://"),
            f"code {server.code}",
        ]
        assert room.phone_corner.width() < room.width() / 2
        folder = os.environ.get("KITCOP_SHOTS")
        if folder:
            image.save(os.path.join(folder, "room_board_qr_1024.png"))
    finally:
        door.close()
    assert not room.phone_corner.isVisible()
