"""#19 in the app: « Ouvrir aux téléphones » on the vote, the room screen shows the QR code,
the address and the code, a phone's ballot reaches the editor and the room, and closing stops
the server."""

from __future__ import annotations

import urllib.error

import pytest

from kitcop_desktop.phones.addresses import LOOPBACK
from kitcop_desktop.storage import voting, voting_rounds
from tests.phones.conftest import Phone, items_of


@pytest.fixture
def editor(qtbot, ctx, vote_id):
    from kitcop_desktop.tools.voting.editor import VotingEditor

    widget = VotingEditor(ctx)
    qtbot.addWidget(widget)
    widget.resize(1024, 700)
    widget.show()
    yield widget
    widget.phone_bar.door.close()


def open_on_loopback(editor) -> None:
    bar = editor.phone_bar
    bar.address_box.setCurrentIndex(bar.address_box.findData(LOOPBACK))
    assert bar.address_box.currentData() == LOOPBACK
    bar.open_button.click()
    assert bar.door.is_open_for("voting", editor.state.id)


def test_a_phone_ballot_reaches_the_editor_and_the_room_screen(qtbot, ctx, store, vote_id, editor):
    from kitcop_desktop.tools.voting.room_view import VotingRoomView

    room = VotingRoomView(ctx)
    qtbot.addWidget(room)
    room.resize(1024, 768)
    room.show()
    open_on_loopback(editor)
    server = editor.phone_bar.door.server
    room.grab()
    assert room.phone_texts == [
        server.address.removeprefix("http://"),
        f"code {server.code}",
    ]
    phone = Phone(server.address)
    a, _b, _c = items_of(store, vote_id)
    assert phone.vote(server.code, {a: 2}).status == 200
    qtbot.waitUntil(lambda: editor.state.current.results.ballots == 1, timeout=5000)
    assert "1 téléphone connecté" in editor.phone_bar.status.text()
    assert "1 bulletin" in editor.phone_bar.status.text()
    assert room.state.current.results.ballots == 1
    with store.read() as s:
        round_id = voting.get(s, vote_id).rounds[-1].id
        assert voting_rounds.round_results(s, round_id).total_dots == 2


def test_closing_stops_the_server_and_the_room_drops_the_code(qtbot, ctx, store, vote_id, editor):
    from kitcop_desktop.tools.voting.room_view import VotingRoomView

    room = VotingRoomView(ctx)
    qtbot.addWidget(room)
    room.resize(1024, 768)
    room.show()
    open_on_loopback(editor)
    address, code = editor.phone_bar.door.server.address, editor.phone_bar.door.server.code
    assert Phone(address).state(code).status == 200
    editor.phone_bar.close_button.click()
    assert not editor.phone_bar.door.is_open
    assert editor.phone_bar.open_button.isVisible()
    with pytest.raises(urllib.error.URLError):
        Phone(address).state(code)
    room.grab()
    assert room.phone_texts == []


def test_the_room_screen_with_the_qr_code(qtbot, ctx, vote_id, editor, tmp_path):
    """Shot for a look: tests/phones/shots/room_qr_1024.png when KITCOP_SHOTS is set."""
    import os

    from kitcop_desktop.tools.voting.room_view import VotingRoomView

    room = VotingRoomView(ctx)
    qtbot.addWidget(room)
    room.resize(1024, 768)
    room.show()
    open_on_loopback(editor)
    image = room.grab()
    assert room.item_pixel_size >= 768 / 20 - 1
    folder = os.environ.get("KITCOP_SHOTS")
    if folder:
        image.save(os.path.join(folder, "room_qr_1024.png"))


def test_open_to_phones_the_room_gives_the_proposals_the_room(qtbot, ctx, store, workshop_id):
    """The demo's eight long proposals at 1024 × 768 with the QR code: it stands beside the
    title and criteria, the proposals keep the whole width below (as many per page as without
    phones), every text at 1/20 of the height at least; room_qr_demo_1024.png in KITCOP_SHOTS."""
    import os

    from kitcop_desktop.storage.demo import voting as demo_voting
    from kitcop_desktop.tools.voting.editor import VotingEditor
    from kitcop_desktop.tools.voting.room_view import VotingRoomView

    with store.write() as s:
        texts = [(text, None) for text, _r1, _r2 in demo_voting.PROPOSALS]
        vote_id = voting.create_vote_from_texts(s, workshop_id, texts, demo_voting.TITLE).id
    editor = VotingEditor(ctx)
    qtbot.addWidget(editor)
    editor.resize(1024, 700)
    editor.show()
    room = VotingRoomView(ctx)
    qtbot.addWidget(room)
    room.resize(1024, 768)
    room.show()
    editor.focus_item(vote_id)
    room.reload(animate=False)
    assert room.state.id == vote_id and room.state.current.open
    room.grab()
    without = list(room.shown_items)
    open_on_loopback(editor)
    try:
        image = room.grab()
        folder = os.environ.get("KITCOP_SHOTS")
        if folder:
            image.save(os.path.join(folder, "room_qr_demo_1024.png"))
        assert room.phone_texts and room.phone_texts[1].startswith("code ")
        assert len(room.shown_items) >= 3, without
        assert len(room.shown_items) >= len(without) - 1
        assert room.item_pixel_size >= 768 / 20 - 1
        folder = os.environ.get("KITCOP_SHOTS")
        if folder:
            image.save(os.path.join(folder, "room_qr_demo_1024.png"))
            room.resize(1920, 1080)
            room.grab().save(os.path.join(folder, "room_qr_demo_1920.png"))
    finally:
        editor.phone_bar.door.close()


def test_a_vote_counted_live_shows_the_qr_code_beside_its_counts(
    qtbot, ctx, store, vote_id, editor
):
    """A vote that is not secret shows its counts as they come: open to phones, the room
    screen still shows the QR code, the address and the code (it showed only the counts), and
    a phone's ballot reaches the counts drawn."""
    from kitcop_desktop.tools.voting.room_view import VotingRoomView

    with store.write() as s:
        voting.set_settings(s, vote_id, hidden=False)
    room = VotingRoomView(ctx)
    qtbot.addWidget(room)
    room.resize(1024, 768)
    room.show()
    editor.reload()
    room.reload(animate=False)
    open_on_loopback(editor)
    server = editor.phone_bar.door.server
    room.grab()
    assert room.shows_counts()
    assert room.phone_texts == [server.address.removeprefix("http://"), f"code {server.code}"]
    a, _b, _c = items_of(store, vote_id)
    assert Phone(server.address).vote(server.code, {a: 2}).status == 200
    qtbot.waitUntil(lambda: room.state.current.results.ballots == 1, timeout=5000)
    room.grab()
    assert [r.count for r in room.ranking_rows()][0] == 2
    assert room.phone_texts  # still there with the counts
    editor.close_round()
    room.grab()
    assert room.phone_texts == []  # closed: the counts alone
