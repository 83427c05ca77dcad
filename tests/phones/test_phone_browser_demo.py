"""#19 « done when », in the real app: the demo workshop in `MainWindow` with its room screen,
and Debian's chromium as two phones (360×640, each its own cookie). A new round of the demo's
vote, the demo's speedboat and a new déclusion of the demo (its own ran aloud) are opened to phones from their tools'
« Ouvrir aux téléphones »; the room screen shows the QR code, the address and the code; the
phones answer in the browser; then the room screen shows the results: the vote's counts once
revealed, the post-it once accepted from the tray, the words once shown (M).

KITCOP_SHOTS=DIR keeps the room screen at each step (1024×768) and the phone pages."""

from __future__ import annotations

import os

import pytest
from PySide6.QtGui import QPicture

from kitcop_desktop.app import load_tool_specs
from kitcop_desktop.phones.addresses import LOOPBACK
from kitcop_desktop.storage import boards, rounds, rounds_phones, voting, voting_rounds
from kitcop_desktop.storage.demo import create_demo
from kitcop_desktop.ui.main_window import MainWindow
from tests.phones.browser import phone_browser
from tests.phones.test_phone_browser import message, plus_buttons, wait_for


@pytest.fixture
def browser():
    driver = phone_browser()
    yield driver
    driver.quit()


@pytest.fixture
def window(qtbot, store):
    workshop_id = create_demo(store)
    w = MainWindow(store, specs=load_tool_specs())
    qtbot.addWidget(w)
    w.resize(1024, 740)
    w.show()
    assert w.open_workshop(workshop_id)
    w.room.resize(1024, 768)
    w.room.show()
    yield w
    w.room.close()


def drawn(window) -> str:
    """Every text the room screen draws now (a QPicture records them)."""
    picture = QPicture()
    window.room.render(picture)
    data = bytes(picture.data())
    return data.decode("utf-16-le", "replace") + data.decode("utf-16-be", "replace")


def shot(window, name: str) -> None:
    folder = os.environ.get("KITCOP_SHOTS")
    if folder:
        window.room.grab().save(os.path.join(folder, name))


def open_bar(bar) -> str:
    """« Ouvrir aux téléphones » on this machine's loopback: the URL of the QR code."""
    bar.address_box.setCurrentIndex(bar.address_box.findData(LOOPBACK))
    assert bar.open()
    return bar.door.server.url


def another_phone(browser, url: str) -> None:
    """The same browser as a second phone: no cookie, so a new pseudonym."""
    browser.delete_all_cookies()
    browser.get(url)


def test_the_demo_s_vote_from_two_phones_then_its_results_on_the_room(
    qtbot, store, window, browser
):
    from selenium.webdriver.common.by import By

    workshop_id = window.workshop_view.ctx.workshop_id
    with store.read() as s:
        vote = voting.list_for(s, workshop_id)[0]
        vote_id, items = vote.id, [i.id for i in vote.items]
    window.activate_tool("voting", vote_id)
    editor = window.current_editor()
    # The demo's vote ran two rounds; the facilitator opens a new one on every proposal.
    assert editor.commands.new_round(vote_id, items, "Tour des téléphones")
    editor.reload()
    room = window.workshop_view.room_view("voting")
    url = open_bar(editor.phone_bar)
    try:
        server = editor.phone_bar.door.server
        window.room.grab()
        assert room.phone_texts == [server.address.removeprefix("http://"), f"code {server.code}"]
        assert server.code in drawn(window)
        shot(window, "demo_vote_qr_1024.png")
        for phone in range(2):
            if phone:
                another_phone(browser, url)
            else:
                browser.get(url)
            wait_for(browser, lambda d: len(plus_buttons(d)) == len(items))
            plus_buttons(browser)[0].click()
            plus_buttons(browser)[1 + phone].click()
            browser.find_element(By.ID, "send").click()
            wait_for(browser, lambda d: "Bulletin enregistré" in message(d))
        qtbot.waitUntil(lambda: editor.state.current.results.ballots == 2, timeout=10000)
        assert not room.shows_counts()  # a secret vote: no count before the reveal
        # The facilitator closes the round and reveals it: the room shows the counts.
        editor.close_round()
        assert editor.reveal()
        room.finish_reveal()
        window.room.grab()
        assert room.shows_counts()
        assert room.phone_texts == []  # closed: no QR code any more
        with store.read() as s:
            counts = {
                r.item_id: r.count
                for r in voting_rounds.round_results(s, editor.state.current.id).rows
            }
        assert counts[items[0]] == 2 and counts[items[1]] == 1 and counts[items[2]] == 1
        assert "2" in drawn(window)
        shot(window, "demo_vote_results_1024.png")
        # The phone sees the results too, now that the room does.
        wait_for(browser, lambda d: d.find_element(By.ID, "results").is_displayed(), 15)
    finally:
        editor.phone_bar.door.close()


def test_the_demo_s_speedboat_from_a_phone_to_the_room_through_the_tray(
    qtbot, store, window, browser
):
    from PySide6.QtCore import Qt
    from selenium.webdriver.common.by import By

    workshop_id = window.workshop_view.ctx.workshop_id
    with store.read() as s:
        board_id = boards.list_boards(s, workshop_id, "speedboat")[0].id
    window.activate_tool("boards", board_id)
    editor = window.current_editor()
    room = window.workshop_view.room_view("boards")
    tray = editor.phone_tray
    url = open_bar(tray.bar)
    try:
        server = tray.bar.door.server
        # Drawn once the room screen has laid the corner out (the next turn of the loop).
        qtbot.waitUntil(lambda: not window.room.grab().isNull() and bool(room.phone_corner.texts))
        assert room.phone_corner.texts == [
            server.address.removeprefix("http://"),
            f"code {server.code}",
        ]
        shot(window, "demo_board_qr_1024.png")
        browser.get(url)
        field = wait_for(browser, lambda d: d.find_element(By.ID, "post-text"))
        wait_for(browser, lambda d: len(d.find_elements(By.CSS_SELECTOR, "label.zone")) >= 2)
        browser.find_elements(By.CSS_SELECTOR, "label.zone")[1].click()
        field.send_keys("Zqtéléphone : des chantiers trop loin des CFA")
        browser.find_element(By.ID, "post-send").click()
        wait_for(browser, lambda d: "Post-it envoyé" in d.find_element(By.ID, "post-message").text)
        qtbot.waitUntil(lambda: tray.list.count() == 1, timeout=10000)
        assert "Zqtéléphone" not in drawn(window)  # waiting: not on the projector
        tray.list.setFocus()
        qtbot.keyClick(tray.list, Qt.Key.Key_Return)  # accepted: on the board
        qtbot.waitUntil(
            lambda: any("Zqtéléphone" in c.text for c in (room.scene.data.cards or [])),
            timeout=5000,
        )
        with store.read() as s:
            assert any(c.text.startswith("Zqtéléphone") for c in boards.cards_of(s, board_id))
        shot(window, "demo_board_accepted_1024.png")
    finally:
        tray.bar.door.close()


def test_the_demo_s_declusion_from_two_phones_then_shown_on_the_room(qtbot, store, window, browser):
    from selenium.webdriver.common.by import By

    workshop_id = window.workshop_view.ctx.workshop_id
    with store.read() as s:
        ran = next(r for r in rounds.rounds_of(s, workshop_id) if r.kind == "closing")
        assert ran.state == "finished"  # the demo's déclusion was said aloud: phones refused
        ran_id = ran.id
    window.activate_tool("rounds", ran_id)
    panel = window.current_editor().rounds
    panel.create_round("closing")  # « Nouveau tour » › Déclusion, with the demo's people
    round_id = panel.round_id
    assert round_id != ran_id
    room = window.workshop_view.room_view("fishbowl")
    url = open_bar(panel.phones.bar)
    try:
        server = panel.phones.bar.door.server
        # Drawn once the room screen has laid the corner out (the next turn of the loop).
        qtbot.waitUntil(lambda: not window.room.grab().isNull() and bool(room.phone_corner.texts))
        assert room.phone_corner.texts == [
            server.address.removeprefix("http://"),
            f"code {server.code}",
        ]
        shot(window, "demo_declusion_qr_1024.png")
        answers = ["Confiante pour la suite", "Partante <si> & seulement si"]
        for phone, answer in enumerate(answers):
            if phone:
                another_phone(browser, url)
            else:
                browser.get(url)
            field = wait_for(browser, lambda d: d.find_element(By.ID, "word-text"))
            wait_for(browser, lambda d: d.find_element(By.ID, "round-kind").text == "Déclusion")
            field.send_keys(answer)
            browser.find_elements(By.CSS_SELECTOR, "#involved button")[phone].click()
            browser.find_element(By.ID, "word-send").click()
            wait_for(
                browser, lambda d: "Réponse envoyée" in d.find_element(By.ID, "word-message").text
            )
        qtbot.waitUntil(lambda: panel.phones.list.count() == 2, timeout=10000)
        assert not any(a in drawn(window) for a in answers)  # not before the facilitator says
        assert panel.phones.show_all()  # « Montrer à l'écran » (M)
        qtbot.waitUntil(lambda: room.round.words.height() > 0)
        window.room.grab()
        assert all(a in room.round.words.text() for a in answers)
        assert answers[0] in room.round.words.shown_text.replace("\n", " ").replace("\u00a0", " ")
        with store.read() as s:
            assert [(w.word, w.stay_involved) for w in rounds_phones.shown_words(s, round_id)] == [
                (answers[0], True),
                (answers[1], False),
            ]
        shot(window, "demo_declusion_shown_1024.png")
    finally:
        panel.phones.bar.door.close()
