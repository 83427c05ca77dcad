"""#19 words for a round from phones: a météo, a déclusion and the end-of-session ROTI. One
answer per phone (sent again, replaced), the desktop's validation (nothing stored on a
refusal), neither on the room screen nor in the restitution until the facilitator shows them,
then on both; the ROTI's scores and comments printed; they travel in .kitcop files."""

from __future__ import annotations

import json

import pytest

from kitcop_desktop.printing.parts import render_pdf
from kitcop_desktop.storage import exchange, rounds, rounds_phones
from tests.phones.conftest import Phone
from tests.printing.pdf_support import text_of

MARKER = "Ravie <de> & 🌱 zqmeteo"


def make_round(store, workshop_id, kind: str) -> int:
    with store.write() as s:
        return rounds.create_round(s, workshop_id, kind).id


def send(phone: Phone, code: str, body) -> object:
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    return phone.request("POST", f"/{code}/mot", raw)


def stored(store, round_id) -> list[tuple]:
    with store.read() as s:
        return [
            (w.word, w.stay_involved, w.score, w.shown) for w in rounds_phones.words(s, round_id)
        ]


def test_a_phone_answers_a_meteo_once_and_may_change_its_word(store, workshop_id, serve_round):
    round_id = make_round(store, workshop_id, "check_in")
    server = serve_round(round_id)
    phone = Phone(server.address)
    seen = phone.state(server.code).data
    assert seen["kind"] == "round" and seen["round_kind"] == "check_in"
    assert seen["label"] == "Météo" and seen["open"] and seen["mine"] is None
    answer = send(phone, server.code, {"word": f"  {MARKER}\n "})
    assert answer.status == 200 and answer.data["message"].startswith("Réponse envoyée")
    assert send(phone, server.code, {"word": "En forme"}).status == 200  # replaced, not added
    Phone(server.address).request("GET", f"/{server.code}/etat")
    assert send(Phone(server.address), server.code, {"word": MARKER}).status == 200
    assert stored(store, round_id) == [("En forme", None, None, False), (MARKER, None, None, False)]
    assert phone.state(server.code).data["mine"] == {
        "word": "En forme",
        "stay_involved": None,
        "score": None,
    }


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ({"word": "   "}, "Écrivez un mot ou une phrase"),
        ({"word": "x" * 501}, "trop long"),
        ({"word": 12}, "illisible"),
        ({"word": "Bien", "score": 4}, "ne demande pas de note"),
        ({"word": "Bien", "stay_involved": "oui"}, "illisible"),
        (["Bien"], "illisible"),
        (b"{not json", "illisible"),
    ],
)
def test_a_bad_word_gets_the_desktop_s_sentence_and_nothing_is_stored(
    store, workshop_id, serve_round, body, says
):
    round_id = make_round(store, workshop_id, "closing")
    server = serve_round(round_id)
    answer = send(Phone(server.address), server.code, body)
    assert answer.status == 400 and says in answer.data["error"]
    assert "Rien n'a été modifié" in answer.data["error"]
    assert stored(store, round_id) == []


def test_a_declusion_keeps_whether_the_phone_stays_involved(store, workshop_id, serve_round):
    round_id = make_round(store, workshop_id, "closing")
    server = serve_round(round_id)
    body = {"word": "Motivée", "stay_involved": True}
    assert send(Phone(server.address), server.code, body).status == 200
    assert stored(store, round_id) == [("Motivée", True, None, False)]


@pytest.mark.parametrize("score", [0, 6, -1, 4.5, "5", True, None, 10**30])
def test_a_roti_takes_a_whole_score_from_1_to_5_only(store, workshop_id, serve_round, score):
    round_id = make_round(store, workshop_id, "roti")
    server = serve_round(round_id)
    answer = send(Phone(server.address), server.code, {"word": "", "score": score})
    assert answer.status == 400 and "de 1 à 5" in answer.data["error"]
    assert stored(store, round_id) == []


def test_a_finished_round_takes_no_more_words(store, workshop_id, serve_round):
    round_id = make_round(store, workshop_id, "check_in")
    server = serve_round(round_id)
    phone = Phone(server.address)
    assert send(phone, server.code, {"word": "Avant"}).status == 200
    with store.write() as s:
        rounds.get(s, round_id).state = "finished"
    assert phone.state(server.code).data["open"] is False
    answer = send(phone, server.code, {"word": "Après"})
    assert answer.status == 400 and "Ce tour est terminé" in answer.data["error"]
    assert stored(store, round_id) == [("Avant", None, None, False)]


def test_words_are_hidden_until_shown_then_printed_and_a_roti_summed_up(
    store, workshop_id, serve_round
):
    roti_id = make_round(store, workshop_id, "roti")
    server = serve_round(roti_id)
    for score, word in ((5, MARKER), (4, ""), (4, "Trop court")):
        assert (
            send(Phone(server.address), server.code, {"word": word, "score": score}).status == 200
        )
    with store.read() as s:
        before = text_of(render_pdf(s, workshop_id, ["rounds"]))
        default_export = exchange.export_workshop(s, workshop_id).decode("utf-8", "replace")
    assert "zqmeteo" not in before
    assert "zqmeteo" not in default_export  # not shown yet: restitution content
    with store.write() as s:
        shown = rounds_phones.show_all(s, roti_id)
    assert len(shown) == 3
    with store.read() as s:
        after = text_of(render_pdf(s, workshop_id, ["rounds"]))
    flat = " ".join(after.split())
    assert "ROTI : 4,3 sur 5 (3 réponses)" in flat.replace("\u00a0", " ")
    assert "zqmeteo" in after and "Trop court" in after
    # Changed after being shown, a word waits to be shown again.
    phone = Phone(server.address)
    assert send(phone, server.code, {"word": "Nouveau", "score": 2}).status == 200
    with store.read() as s:
        assert [w.shown for w in rounds_phones.words(s, roti_id)] == [True, True, True, False]


def test_shown_words_travel_in_a_kitcop_file(store, workshop_id, tmp_path):
    round_id = make_round(store, workshop_id, "check_in")
    with store.write() as s:
        rounds_phones.send_word(s, round_id, "ab" * 8, MARKER)
        rounds_phones.send_word(s, round_id, "cd" * 8, "Pas montré zqhidden")
        rounds_phones.show_all(s, round_id)
        rounds_phones.send_word(s, round_id, "cd" * 8, "Pas montré zqhidden")
    path = tmp_path / "atelier.kitcop"
    with store.read() as s:
        path.write_bytes(exchange.export_workshop(s, workshop_id))
    new_id = exchange.import_file(store, path).workshop_id
    with store.read() as s:
        (copy,) = rounds.rounds_of(s, new_id)
        assert [w.word for w in rounds_phones.words(s, copy.id)] == [MARKER]
    with store.read() as s:
        path.write_bytes(exchange.export_workshop(s, workshop_id, include_facilitator=True))
    again = exchange.import_file(store, path).workshop_id
    with store.read() as s:
        (copy,) = rounds.rounds_of(s, again)
        words = [(w.word, w.shown) for w in rounds_phones.words(s, copy.id)]
    assert words == [(MARKER, True), ("Pas montré zqhidden", False)]


def test_the_round_panel_shows_the_words_with_m_and_removes_one_with_delete(
    qtbot, ctx, store, workshop_id
):
    from PySide6.QtCore import Qt

    from kitcop_desktop.tools.fishbowl.room_view import FishbowlRoomView
    from kitcop_desktop.tools.fishbowl.round_panel import RoundPanel

    round_id = make_round(store, workshop_id, "check_in")
    with store.write() as s:
        rounds_phones.send_word(s, round_id, "ab" * 8, MARKER)
        rounds_phones.send_word(s, round_id, "cd" * 8, "Une insulte")
    panel = RoundPanel(ctx)
    qtbot.addWidget(panel)
    panel.resize(1024, 700)
    panel.show()
    room = FishbowlRoomView(ctx)
    qtbot.addWidget(room)
    room.resize(1024, 768)
    room.show()
    room.focus.show("rounds", round_id)
    phones = panel.phones
    assert phones.list.count() == 2
    assert "2 pas encore montrées" in phones.title.text()
    # Each answer agrees with the title: « une réponse… pas encore montrée ».
    rows = [phones.list.item(i).text() for i in range(phones.list.count())]
    assert all(row.endswith("[pas encore montrée]") for row in rows), rows
    assert "zqmeteo" not in room.round.words.text()  # nothing on the room before a yes
    phones.list.setFocus()
    phones.list.setCurrentRow(1)
    qtbot.keyClick(phones.list, Qt.Key.Key_Delete)
    assert phones.list.count() == 1
    qtbot.keyClick(phones.list, Qt.Key.Key_M)
    assert stored(store, round_id) == [(MARKER, None, None, True)]
    assert MARKER in room.round.words.text()
    ctx.undo_stack.undo()  # hidden again
    assert MARKER not in room.round.words.text()
    ctx.undo_stack.undo()  # the removed word comes back, hidden
    assert [w[0] for w in stored(store, round_id)] == [MARKER, "Une insulte"]


def test_a_shown_word_taken_out_comes_back_hidden_with_undo(qtbot, ctx, store, workshop_id):
    """Undo never shows anything: a word taken out after being shown comes back waiting."""
    from PySide6.QtCore import Qt

    from kitcop_desktop.tools.fishbowl.round_panel import RoundPanel

    round_id = make_round(store, workshop_id, "check_in")
    with store.write() as s:
        rounds_phones.send_word(s, round_id, "ab" * 8, MARKER)
    panel = RoundPanel(ctx)
    qtbot.addWidget(panel)
    panel.show()
    phones = panel.phones
    phones.list.setFocus()
    qtbot.keyClick(phones.list, Qt.Key.Key_M)
    assert stored(store, round_id) == [(MARKER, None, None, True)]
    qtbot.keyClick(phones.list, Qt.Key.Key_Delete)
    assert stored(store, round_id) == []
    ctx.undo_stack.undo()
    assert stored(store, round_id) == [(MARKER, None, None, False)]
    assert "1 pas encore montrée" in phones.title.text()


def test_answers_not_shown_print_only_in_the_facilitator_s_document(store, workshop_id):
    round_id = make_round(store, workshop_id, "roti")
    with store.write() as s:
        rounds_phones.send_word(s, round_id, "ab" * 8, MARKER, score=3)
    with store.read() as s:
        mine = text_of(render_pdf(s, workshop_id, ["facilitator"]))
        theirs = text_of(render_pdf(s, workshop_id, ["rounds"]))
    assert "zqmeteo" in mine and "pas encore montrées" in " ".join(mine.split())
    assert "zqmeteo" not in theirs


def test_sixty_answers_shown_are_paged_on_the_room_and_the_clicker_turns_them(
    qtbot, ctx, store, workshop_id
):
    """Sixty phones' answers do not fit one screen: they are never cut, at 1/20 of the height
    at least, in pages (« 1/3 ▸ ») that the clicker turns while nobody has the floor; past the
    last page it goes on as before."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent

    from kitcop_desktop.tools.fishbowl.room_view import FishbowlRoomView
    from kitcop_desktop.tools.fishbowl.round_panel import RoundPanel
    from kitcop_desktop.ui.widgets.room_text import page_label

    round_id = make_round(store, workshop_id, "closing")
    answers = [f"Réponse n° {k} d'un téléphone" for k in range(60)]
    with store.write() as s:
        for k, answer in enumerate(answers):
            rounds_phones.send_word(s, round_id, f"{k:016x}", answer, k % 2 == 0)
        rounds_phones.show_all(s, round_id)
    panel = RoundPanel(ctx)
    qtbot.addWidget(panel)
    panel.round_id = round_id
    panel.reload()
    room = FishbowlRoomView(ctx)
    qtbot.addWidget(room)
    room.resize(1024, 768)
    room.show()
    qtbot.waitExposed(room)
    room.focus.show("rounds", round_id)
    # The room lays the words out at the next turn of the event loop (as on the projector).
    qtbot.waitUntil(lambda: room.round.words.height() > 768 // 2)
    words = room.round.words
    room.grab()
    count = words.page_count()
    assert count > 1
    assert words.pixel_size >= 768 // 20
    seen, lines = [], []
    for page in range(count):
        room.grab()
        assert words.page_indicator() == page_label(page, count)
        assert words.geometry().bottom() <= room.round.height()
        seen.append(words.shown_text.replace("\n", " ").replace("\u00a0", " "))
        lines += words.shown_text.replace("\u00a0", " ").split("\n")
        if page + 1 < count:
            key = QKeyEvent(
                QEvent.Type.KeyPress, Qt.Key.Key_PageDown, Qt.KeyboardModifier.NoModifier
            )
            assert panel.handle_room_key(key)
    shown = " ".join(seen)
    assert all(answer in shown for answer in answers)
    # Each answer whole on one line, the « · » between them ending a line, never starting one.
    assert all(any(answer in line for line in lines) for answer in answers)
    assert not any(line.startswith("·") for line in lines)
    key = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_PageUp, Qt.KeyboardModifier.NoModifier)
    assert panel.handle_room_key(key)  # back a page
    assert words.page() == count - 2


def test_an_answer_too_long_for_a_line_breaks_between_its_words_never_inside_one(qtbot):
    from kitcop_desktop.ui.widgets.room_text import FittedText

    long = " ".join(f"argument{k}" for k in range(40))
    # An emoji is two UTF-16 units for Qt: the lines after it must not shift by one letter.
    items = ["Curieuse 🌤", long, "Fatiguée mais contente", "Prête à m'impliquer !"]
    words = FittedText()
    qtbot.addWidget(words)
    words.set_fractions(1 / 20, 1 / 14)
    words.reference_height = 768
    words.resize(1000, 700)
    words.set_items(items)
    assert words.text() == " · ".join(items)  # what the tools and the tests read
    words.grab()
    lines = [line.replace("\u00a0", " ") for line in words.page_text().split("\n")]
    assert len(lines) > 3
    assert all(any(f"argument{k}" in line.split() for line in lines) for k in range(40))
    assert any("Fatiguée mais contente ·" in line for line in lines)
    assert lines[0].startswith("Curieuse 🌤 ·")
    assert not any(line.startswith(("·", "!")) for line in lines)
