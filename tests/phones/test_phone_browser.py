"""#19 in a real browser: headless chromium on loopback opens the phone page shown by the
room's QR code, places gommettes, validates, and the app counts the ballot; a wrong code and a
ballot over the limits get a French sentence on the phone and nothing is stored."""

from __future__ import annotations

import os

import pytest

from kitcop_desktop.phones.addresses import LOOPBACK
from kitcop_desktop.storage import voting, voting_rounds
from tests.phones.browser import phone_browser


@pytest.fixture
def browser():
    driver = phone_browser()
    yield driver
    driver.quit()


@pytest.fixture
def editor(qtbot, ctx, vote_id):
    from kitcop_desktop.tools.voting.editor import VotingEditor

    widget = VotingEditor(ctx)
    qtbot.addWidget(widget)
    widget.resize(1024, 700)
    widget.show()
    bar = widget.phone_bar
    bar.address_box.setCurrentIndex(bar.address_box.findData(LOOPBACK))
    bar.open_button.click()
    assert bar.door.is_open
    yield widget
    bar.door.close()


def wait_for(driver, condition, timeout: float = 10.0):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(condition)


def plus_buttons(driver):
    from selenium.webdriver.common.by import By

    return driver.find_elements(By.CSS_SELECTOR, "li.item button:last-child")


def message(driver) -> str:
    from selenium.webdriver.common.by import By

    return driver.find_element(By.ID, "message").text


def test_a_phone_votes_in_chromium_and_the_app_counts_it(qtbot, store, vote_id, editor, browser):
    from selenium.webdriver.common.by import By

    server = editor.phone_bar.door.server
    browser.get(server.url)
    wait_for(browser, lambda d: len(plus_buttons(d)) == 3)
    assert browser.find_element(By.ID, "title").text == "Priorisation des actions"
    texts = [e.text for e in browser.find_elements(By.CSS_SELECTOR, "li.item .text")]
    assert texts[0] == "1. Un tiers-lieu <numérique> & partagé"
    assert "Ce qui est enregistré" in browser.find_element(By.TAG_NAME, "body").text
    shots = os.environ.get("KITCOP_SHOTS")
    if shots:
        browser.save_screenshot(os.path.join(shots, "phone_open_360.png"))
    plus_buttons(browser)[0].click()
    plus_buttons(browser)[0].click()
    assert not plus_buttons(browser)[0].is_enabled()  # 2 at most on one proposal
    plus_buttons(browser)[2].click()
    assert "Toutes vos gommettes sont placées" in browser.find_element(By.ID, "left").text
    browser.find_element(By.ID, "send").click()
    wait_for(browser, lambda d: "Bulletin enregistré" in message(d))
    if shots:
        browser.save_screenshot(os.path.join(shots, "phone_vote_360.png"))
    qtbot.waitUntil(lambda: editor.state.current.results.ballots == 1, timeout=5000)
    with store.read() as s:
        round_id = voting.get(s, vote_id).rounds[-1].id
        counts = [r.count for r in voting_rounds.round_results(s, round_id).rows]
    assert sorted(counts) == [0, 1, 2]
    assert "1 téléphone connecté · 1 bulletin" in editor.phone_bar.status.text()

    # The facilitator closes the round: the phone says so at its next look, buttons off.
    editor.close_round()
    wait_for(browser, lambda d: "Le vote est clos" in d.find_element(By.ID, "left").text)
    assert not any(b.is_enabled() for b in plus_buttons(browser))


def test_a_wrong_code_gets_a_french_sentence_in_the_browser(editor, browser):
    from selenium.webdriver.common.by import By

    server = editor.phone_bar.door.server
    browser.get(server.address + "/ZZZZZZ")
    wait_for(browser, lambda d: d.find_element(By.ID, "fatal").is_displayed())
    assert (
        "Ce code ne correspond à rien d'ouvert aux téléphones"
        in browser.find_element(By.ID, "fatal").text
    )
    # The address alone asks for the code, which leads to the vote.
    browser.get(server.address)
    field = wait_for(browser, lambda d: d.find_element(By.ID, "code"))
    field.send_keys(server.code.lower())
    browser.find_element(By.CSS_SELECTOR, "#join-form button").click()
    wait_for(browser, lambda d: len(plus_buttons(d)) == 3)


def test_a_phone_sends_a_post_it_in_chromium_and_it_waits_in_the_tray(
    qtbot, ctx, store, workshop_id, browser
):
    from PySide6.QtCore import Qt
    from selenium.webdriver.common.by import By

    from kitcop_desktop.storage import boards
    from kitcop_desktop.tools.boards.editor import BoardsEditor

    with store.write() as s:
        board_id = boards.create_board(s, workshop_id, "speedboat", "Speedboat du territoire").id
    editor = BoardsEditor(ctx)
    qtbot.addWidget(editor)
    editor.resize(1024, 700)
    editor.show()
    bar = editor.phone_tray.bar
    bar.address_box.setCurrentIndex(bar.address_box.findData(LOOPBACK))
    assert bar.open()
    try:
        browser.get(bar.door.server.url)
        field = wait_for(browser, lambda d: d.find_element(By.ID, "post-text"))
        wait_for(browser, lambda d: len(d.find_elements(By.CSS_SELECTOR, "label.zone")) >= 2)
        browser.find_elements(By.CSS_SELECTOR, "label.zone")[1].click()  # Freins (ancres)
        field.send_keys("Des horaires de bus <trop> rares & chers")
        browser.find_element(By.ID, "post-send").click()
        wait_for(browser, lambda d: "Post-it envoyé" in d.find_element(By.ID, "post-message").text)
        assert field.get_attribute("value") == ""
        shots = os.environ.get("KITCOP_SHOTS")
        if shots:
            browser.save_screenshot(os.path.join(shots, "phone_postit_360.png"))
        tray = editor.phone_tray
        qtbot.waitUntil(lambda: tray.list.count() == 1, timeout=5000)
        assert tray.list.item(0).text() == (
            "Freins (ancres) — Des horaires de bus <trop> rares & chers"
        )
        with store.read() as s:
            assert boards.cards_of(s, board_id) == []  # nothing on the board before a yes
        tray.list.setFocus()
        qtbot.keyClick(tray.list, Qt.Key.Key_Return)
        with store.read() as s:
            assert [(c.zone, c.text) for c in boards.cards_of(s, board_id)] == [
                ("brakes", "Des horaires de bus <trop> rares & chers")
            ]
    finally:
        bar.door.close()
