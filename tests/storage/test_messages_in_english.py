"""#18: what the store says (refusals, the import's checks, `kitcop check`) follows the app's
language: an English facilitator never reads a French refusal."""

from __future__ import annotations

import pytest

from kitcop_desktop import cli
from kitcop_desktop.domain.validation import InvalidInput
from kitcop_desktop.i18n import set_language
from kitcop_desktop.storage import exchange, voting
from kitcop_desktop.storage.exchange_format import ExchangeError


@pytest.fixture
def english():
    set_language("en")
    yield
    set_language("fr")


def test_a_refused_proposal_says_why_in_english(store, workshop_id, english):
    with store.write() as session:
        vote = voting.create_vote(session, workshop_id, "Priorities")
        voting.add_item(session, vote.id, "One-stop shop")
    with pytest.raises(InvalidInput) as refused, store.write() as session:
        voting.add_item(session, vote.id, "One-stop shop")
    assert str(refused.value) == "“One-stop shop” is already in the vote. Nothing was changed."


def test_a_foreign_file_is_refused_in_english(tmp_path, english):
    foreign = tmp_path / "notes.kitcop"
    foreign.write_text("not a workshop at all", encoding="utf-8")
    with pytest.raises(ExchangeError) as refused:
        exchange.read_file(foreign)
    assert "This file is not a KitCOP workshop" in str(refused.value)
    assert "Nothing was changed." in str(refused.value)
    assert "Rien" not in str(refused.value)


def test_the_import_summary_counts_in_english(store, workshop_id, tmp_path, english):
    from kitcop_desktop.storage import boards

    with store.write() as session:
        board = boards.find_or_create_board(session, workshop_id, "speedboat", "Speedboat")
        for text in ("Funding", "Time", "Trainers"):
            boards.add_card(session, board.id, "brakes", text)
    path = tmp_path / "workshop.kitcop"
    with store.read() as session:
        path.write_bytes(exchange.export_workshop(session, workshop_id))
    lines = exchange.read_file(path).summary_lines()
    assert lines[0] == "This file contains a whole workshop: “Atelier de test”."
    assert any(line.startswith("Content: ") and "3 post-its" in line for line in lines), lines


def test_kitcop_check_reports_in_english(db_path, store, capsys):
    assert cli.main(["--db", str(db_path), "--lang", "en", "check"]) == cli.EXIT_OK
    out = capsys.readouterr().out
    assert "Integrity: ok" in out
    assert "State: healthy" in out
    assert "État" not in out
