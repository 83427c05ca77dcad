"""The facilitator's last pages, « Ce que la salle ne voit pas »: what phones sent that nobody
has seen yet and the tables' private notes, each under column titles in the workshop's
language (#18: « Tour » and « Réponse » stayed French in an English document)."""

from __future__ import annotations

import pytest

from kitcop_desktop.i18n import set_language
from kitcop_desktop.printing.parts import render_pdf
from kitcop_desktop.storage import (
    boards,
    boards_phones,
    rounds,
    rounds_phones,
    tables,
    tables_harvest,
)
from tests.printing.pdf_support import reader


@pytest.fixture
def unseen(store, workshop_id):
    with store.write() as s:
        board = boards.create_board(s, workshop_id, "speedboat", "Speedboat des téléphones")
        boards_phones.post_from_phone(s, board.id, "brakes", "Trop de CERFA <urgent> & co", "p1")
        rnd = rounds.create_round(s, workshop_id, "check_in", title="Météo du matin")
        rounds_phones.send_word(s, rnd.id, "p2", "Ensoleillé")
        [table] = tables.add_tables(s, workshop_id, [("Table des élus", "")])
        tables_harvest.add_line(s, table, 1, "Une idée gardée pour soi", private=True)
    return workshop_id


def _last_page(store, workshop_id) -> str:
    with store.read() as s:
        data = render_pdf(s, workshop_id, ["facilitator"])
    return " ".join(reader(data).pages[-1].extract_text().split())


def test_phones_and_private_notes_are_listed_under_french_titles(store, unseen):
    page = _last_page(store, unseen)
    assert "Réponses des téléphones pas encore montrées Tour Réponse Météo du matin Ensoleillé" in (
        page
    )
    assert "Post-it des téléphones en attente Tableau Zone Post-it" in page
    assert "Trop de CERFA <urgent> & co" in page  # as typed, escaped for the paper
    assert "Table Tour Note Table des élus 1 Une idée gardée pour soi" in page


def test_an_english_document_titles_its_columns_in_english(store, unseen):
    set_language("en")
    try:
        page = _last_page(store, unseen)
    finally:
        set_language("fr")
    assert "Phone answers not shown yet Round Answer Météo du matin Ensoleillé" in page
    assert "Post-its from phones still waiting Board Zone Post-it" in page
    assert "Table Round Note Table des élus 1" in page
    assert "Tour" not in page and "Réponse" not in page


def test_nothing_waiting_prints_no_phone_section(store, workshop_id):
    with store.write() as s:
        [table] = tables.add_tables(s, workshop_id, [("Table A", "")])
        tables_harvest.add_line(s, table, 1, "Privé", private=True)
    page = _last_page(store, workshop_id)
    assert "Récolte des tables" in page
    assert "téléphones" not in page
