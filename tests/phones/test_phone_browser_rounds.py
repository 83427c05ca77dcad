"""#19 in a real browser (Debian's chromium, 360×640): the demo's déclusion answered from a
phone, shown by the facilitator on the room screen next to the QR code; a ROTI scored; the
page in English when the app runs in English."""

from __future__ import annotations

import os

import pytest

from kitcop_desktop.i18n import set_language
from kitcop_desktop.phones.addresses import LOOPBACK
from kitcop_desktop.storage import rounds, rounds_phones
from tests.phones.browser import phone_browser
from tests.phones.test_phone_browser import wait_for


@pytest.fixture
def browser():
    driver = phone_browser()
    yield driver
    driver.quit()


def open_round(qtbot, ctx, round_id):
    from kitcop_desktop.tools.fishbowl.room_view import FishbowlRoomView
    from kitcop_desktop.tools.fishbowl.round_panel import RoundPanel

    panel = RoundPanel(ctx)
    qtbot.addWidget(panel)
    panel.resize(1024, 700)
    panel.show()
    panel.round_id = round_id
    panel.reload()
    room = FishbowlRoomView(ctx)
    qtbot.addWidget(room)
    room.resize(1024, 768)
    room.show()
    room.focus.show("rounds", round_id)
    bar = panel.phones.bar
    bar.address_box.setCurrentIndex(bar.address_box.findData(LOOPBACK))
    assert bar.open()
    return panel, room


def test_a_declusion_answered_in_chromium_then_shown_on_the_room(
    qtbot, ctx, store, workshop_id, browser
):
    from selenium.webdriver.common.by import By

    with store.write() as s:
        round_id = rounds.create_round(s, workshop_id, "closing").id
    panel, room = open_round(qtbot, ctx, round_id)
    server = panel.phones.bar.door.server
    try:
        qtbot.waitUntil(lambda: not room.grab().isNull() and room.phone_corner.texts != [])
        assert room.phone_corner.texts == [
            server.address.removeprefix("http://"),
            f"code {server.code}",
        ]
        browser.get(server.url)
        field = wait_for(browser, lambda d: d.find_element(By.ID, "word-text"))
        wait_for(browser, lambda d: d.find_element(By.ID, "round-kind").text == "Déclusion")
        assert "rester impliqué·e" in browser.find_element(By.ID, "speak").text
        field.send_keys("Confiante <vraiment> & motivée")
        browser.find_elements(By.CSS_SELECTOR, "#involved button")[0].click()  # Oui
        browser.find_element(By.ID, "word-send").click()
        wait_for(browser, lambda d: "Réponse envoyée" in d.find_element(By.ID, "word-message").text)
        shots = os.environ.get("KITCOP_SHOTS")
        if shots:
            browser.save_screenshot(os.path.join(shots, "phone_declusion_360.png"))
        qtbot.waitUntil(lambda: panel.phones.list.count() == 1, timeout=5000)
        assert (
            "Confiante <vraiment> & motivée (reste impliqué·e)" in panel.phones.list.item(0).text()
        )
        assert "Confiante" not in room.round.words.text()  # not before the facilitator says
        assert panel.phones.show_all()
        assert "Confiante <vraiment> & motivée" in room.round.words.text()
        room.grab()  # painted: the words whole on one page
        assert room.round.words.page_count() == 1
        assert "Confiante <vraiment> & motivée" in room.round.words.shown_text.replace(
            "\n", " "
        ).replace("\u00a0", " ")
        if shots:
            room.grab().save(os.path.join(shots, "room_declusion_1024.png"))
    finally:
        panel.phones.bar.door.close()
    room.grab()
    assert not room.phone_corner.isVisible()


def test_a_roti_scored_in_chromium(qtbot, ctx, store, workshop_id, browser):
    from selenium.webdriver.common.by import By

    with store.write() as s:
        round_id = rounds.create_round(s, workshop_id, "roti").id
    panel, _room = open_round(qtbot, ctx, round_id)
    try:
        browser.get(panel.phones.bar.door.server.url)
        wait_for(browser, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#scores button")) == 5)
        assert not browser.find_element(By.ID, "word-send").is_enabled()  # a score first
        browser.find_elements(By.CSS_SELECTOR, "#scores button")[3].click()  # 4
        browser.find_element(By.ID, "word-text").send_keys("Utile, un peu long")
        browser.find_element(By.ID, "word-send").click()
        wait_for(browser, lambda d: "Réponse envoyée" in d.find_element(By.ID, "word-message").text)
        shots = os.environ.get("KITCOP_SHOTS")
        if shots:
            browser.save_screenshot(os.path.join(shots, "phone_roti_360.png"))
        with store.read() as s:
            assert [(w.score, w.word) for w in rounds_phones.words(s, round_id)] == [
                (4, "Utile, un peu long")
            ]
    finally:
        panel.phones.bar.door.close()


def test_the_page_speaks_english_when_the_app_does(qtbot, ctx, store, workshop_id, browser):
    from selenium.webdriver.common.by import By

    set_language("en")
    with store.write() as s:
        round_id = rounds.create_round(s, workshop_id, "roti").id
    panel, _room = open_round(qtbot, ctx, round_id)
    try:
        browser.get(panel.phones.bar.door.server.url)
        wait_for(browser, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#scores button")) == 5)
        body = browser.find_element(By.TAG_NAME, "body").text
        assert "Your score, from 1 (time wasted) to 5" in body
        assert "What is stored" in body and "Ce qui est enregistré" not in body
        browser.find_element(By.ID, "word-send").click()  # disabled: nothing sent
        browser.find_elements(By.CSS_SELECTOR, "#scores button")[4].click()
        browser.find_element(By.ID, "word-send").click()
        wait_for(browser, lambda d: "Answer sent" in d.find_element(By.ID, "word-message").text)
        shots = os.environ.get("KITCOP_SHOTS")
        if shots:
            browser.save_screenshot(os.path.join(shots, "phone_roti_en_360.png"))
    finally:
        panel.phones.bar.door.close()
