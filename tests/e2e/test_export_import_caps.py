"""Whatever `export` writes, `import` accepts (#14 item 13): compressed by default, caps sized
from the largest workshop the app holds, and the export itself held to those caps."""

from __future__ import annotations

import pytest

from kitcop_desktop import cli
from kitcop_desktop.storage import exchange, exchange_format, workshops
from kitcop_desktop.storage.models.board import Board, Card
from kitcop_desktop.storage.models.voting import DotVote, VoteBallot, VoteItem, VoteRound


def _big_vote(store, workshop_id: int, dots: int) -> None:
    """One open vote of 240 proposals and `dots` ballot dots (57,600 was seen in a real file)."""
    with store.write() as s:
        vote = DotVote(workshop_id=workshop_id, title="Grand vote", criteria="Impact")
        vote.hidden = False
        s.add(vote)
        s.flush()
        items = [VoteItem(vote_id=vote.id, position=i, text=f"Idée {i}") for i in range(240)]
        s.add_all(items)
        first = VoteRound(vote_id=vote.id, number=1, entry_mode="ballots", state="closed")
        s.add(first)
        s.flush()
        ballots = [VoteBallot(round_id=first.id, voter_name=f"V{i}") for i in range(dots // 240)]
        s.add_all(ballots)
        s.flush()
        raw = s.connection().connection.driver_connection
        raw.executemany(
            "INSERT INTO vote_ballot_dots (ballot_id, item_id, dots) VALUES (?, ?, 1)",
            ((ballots[i // 240].id, items[i % 240].id) for i in range(dots)),
        )


def test_a_vote_of_57600_ballot_dots_goes_out_and_comes_back(store, workshop_id, tmp_path, capfd):
    _big_vote(store, workshop_id, 57_600)
    out = tmp_path / "grand-vote.kitcop"
    db = str(store.path)
    assert cli.main(["export", str(workshop_id), "-o", str(out), "--db", db]) == cli.EXIT_OK
    assert out.read_bytes().startswith(exchange_format.ZIP_MAGIC)  # compressed by default
    capfd.readouterr()
    assert cli.main(["import", str(out), "--db", db]) == cli.EXIT_OK, capfd.readouterr().err
    assert "Atelier importé" in capfd.readouterr().out
    with store.read() as s:
        from sqlalchemy import func, select

        from kitcop_desktop.storage.models.voting import VoteBallotDot

        assert s.scalar(select(func.count()).select_from(VoteBallotDot)) == 2 * 57_600


def test_export_refuses_beyond_the_caps_so_import_never_meets_its_own_output(
    store, workshop_id, monkeypatch
):
    with store.write() as s:
        board = Board(workshop_id=workshop_id, kind="speedboat", title="Speedboat")
        s.add(board)
        s.flush()
        s.add_all(Card(board_id=board.id, zone="brakes", text=f"Frein {i}") for i in range(60))
    monkeypatch.setattr(exchange, "MAX_ROWS_TOTAL", 50)  # a workshop over the cap
    with store.read() as s, pytest.raises(exchange.ExchangeError) as err:
        exchange.export_workshop(s, workshop_id, zipped=True)
    assert "trop gros" in str(err.value) and "tableaux un par un" in str(err.value)


def test_a_very_repetitive_workshop_is_stored_not_refused_as_a_bomb(store, workshop_id, tmp_path):
    """Deflate shrinks 2,000 identical long post-its far beyond the bomb ratio: stored instead."""
    with store.write() as s:
        workshops.get(s, workshop_id)
        board = Board(workshop_id=workshop_id, kind="speedboat", title="Speedboat")
        s.add(board)
        s.flush()
        s.add_all(Card(board_id=board.id, zone="brakes", text="a" * 2000) for _ in range(2000))
    with store.read() as s:
        data = exchange.export_workshop(s, workshop_id, zipped=True)
    path = tmp_path / "repetitif.kitcop"
    path.write_bytes(data)
    result = exchange.import_file(store, path)  # accepted: not « bombe de décompression »
    assert result.workshop_id != workshop_id
