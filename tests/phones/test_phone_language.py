"""#19 the phone page speaks the app's language: French by default, English when the app runs
in English (resources/phones/en.json, inlined in the one static page; the server's answers
too). Every French sentence of the page has its English."""

from __future__ import annotations

import json

import pytest

from kitcop_desktop.i18n import set_language
from kitcop_desktop.phones import page_text
from tests.phones.conftest import Phone
from tests.phones.page_strings import page_sentences


def test_every_sentence_of_the_page_has_its_english():
    english = page_text.strings("en")
    missing = [s for s in page_sentences() if s not in english]
    assert missing == []
    assert all(v.strip() and "\u00a0:" not in v for v in english.values())


def test_the_page_is_french_by_default_and_english_in_english(store, vote_id, serve):
    set_language("fr")
    server = serve()
    page = Phone(server.address).request("GET", f"/{server.code}").data
    assert '<html lang="fr">' in page and "Ce qui est enregistré" in page
    server.stop()
    set_language("en")
    server = serve()
    page = Phone(server.address).request("GET", f"/{server.code}").data
    assert '<html lang="en">' in page
    assert json.dumps("Cast my vote") in page  # the map the page reads its words from
    assert "http" not in page.replace("http-equiv", "")  # still nothing from outside


@pytest.mark.parametrize(
    ("dots", "english"),
    [
        ("not a ballot", "This ballot cannot be read: reload the page and start again."),
    ],
)
def test_the_server_answers_in_english_when_the_app_is(store, vote_id, serve, dots, english):
    set_language("en")
    server = serve()
    phone = Phone(server.address)
    answer = phone.vote(server.code, dots)
    assert answer.status == 400
    assert answer.data["error"] == english + " Nothing was changed."
    wrong = phone.state("ZZZZZZ")
    assert wrong.data["error"] == "This code matches nothing open: check it on the screen."
