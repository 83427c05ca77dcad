"""#19 « done when »: the demo's météo run from a phone in a real browser (Debian's chromium),
the room screen showing the QR code, then the words once the facilitator shows them."""

from __future__ import annotations

import os

import pytest

from kitcop_desktop.storage import rounds, rounds_phones
from kitcop_desktop.storage.demo import create_demo
from tests.phones.browser import phone_browser
from tests.phones.test_phone_browser import wait_for
from tests.phones.test_phone_browser_rounds import open_round


@pytest.fixture
def browser():
    driver = phone_browser()
    yield driver
    driver.quit()


def test_the_demo_s_meteo_from_a_phone_to_the_room(qtbot, ctx, store, browser):
    from selenium.webdriver.common.by import By

    workshop_id = ctx.workshop_id = create_demo(store)
    with store.read() as s:
        meteo = next(r for r in rounds.rounds_of(s, workshop_id) if r.kind == "check_in")
        round_id = meteo.id
    panel, room = open_round(qtbot, ctx, round_id)
    server = panel.phones.bar.door.server
    try:
        qtbot.waitUntil(lambda: not room.grab().isNull() and room.phone_corner.texts != [])
        browser.get(server.url)
        field = wait_for(browser, lambda d: d.find_element(By.ID, "word-text"))
        wait_for(browser, lambda d: d.find_element(By.ID, "round-kind").text == "Météo")
        field.send_keys("Curieuse 🌤")
        browser.find_element(By.ID, "word-send").click()
        wait_for(browser, lambda d: "Réponse envoyée" in d.find_element(By.ID, "word-message").text)
        qtbot.waitUntil(lambda: panel.phones.list.count() == 1, timeout=5000)
        assert panel.phones.show_all()
        assert "Curieuse 🌤" in room.round.words.text()
        shots = os.environ.get("KITCOP_SHOTS")
        if shots:
            room.grab().save(os.path.join(shots, "room_demo_meteo_1024.png"))
        with store.read() as s:
            assert [w.word for w in rounds_phones.shown_words(s, round_id)] == ["Curieuse 🌤"]
    finally:
        panel.phones.bar.door.close()
