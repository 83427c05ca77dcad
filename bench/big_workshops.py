"""Big workshops for the exchange benches: the demo plus N rows of post-its and ballot dots.

Rows are written with plain SQL in one transaction (seconds for 100,000), through the app's own
tables, so export and import see exactly what the app would have stored.
"""

from __future__ import annotations

import random

WORDS = [
    "former",
    "artisans",
    "rénovation",
    "énergétique",
    "apprentissage",
    "CFA",
    "attractivité",
    "métiers",
    "bâtiment",
    "financement",
    "OPCO",
    "tutorat",
    "chantier",
    "reconversion",
    "mobilité",
    "salaires",
    "image",
    "alternance",
]


def card_text(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 12))).capitalize()


def add_rows(store, workshop_id: int, rows: int, *, seed: int = 1) -> None:
    """About `rows` more rows in the workshop: 60 % post-its on 20 boards, 40 % ballot dots."""
    from kitcop_desktop.storage.models.board import Board
    from kitcop_desktop.storage.models.voting import (
        DotVote,
        VoteBallot,
        VoteItem,
        VoteRound,
    )

    rng = random.Random(seed)
    cards = rows * 6 // 10
    dots = rows - cards
    with store.write() as s:
        board_ids = []
        for b in range(20):
            board = Board(workshop_id=workshop_id, kind="speedboat", title="Speedboat")
            board.subgroup = f"Table {b}"
            s.add(board)
            s.flush()
            board_ids.append(board.id)
        vote = DotVote(workshop_id=workshop_id, title="Grand vote", criteria="Impact")
        vote.hidden = False  # an open vote: its ballots are exported by default
        s.add(vote)
        s.flush()
        items = [VoteItem(vote_id=vote.id, position=i, text=f"Proposition {i}") for i in range(200)]
        s.add_all(items)
        first = VoteRound(vote_id=vote.id, number=1, entry_mode="ballots", state="closed")
        s.add(first)
        s.flush()
        ballots = [
            VoteBallot(round_id=first.id, voter_name=f"Votant {i}") for i in range(dots // 200 + 1)
        ]
        s.add_all(ballots)
        s.flush()
        conn = s.connection().connection.driver_connection
        now = "2026-03-03 10:00:00"
        conn.executemany(
            "INSERT INTO board_cards (board_id, zone, position, text, author, colour, weight,"
            " angle, source, created_at, updated_at) VALUES (?, ?, ?, ?, '', '', 0, '', '', ?, ?)",
            (
                (board_ids[i % 20], "brakes" if i % 2 else "levers", i, card_text(rng), now, now)
                for i in range(cards)
            ),
        )
        conn.executemany(
            "INSERT INTO vote_ballot_dots (ballot_id, item_id, dots) VALUES (?, ?, 1)",
            ((ballots[i // 200].id, items[i % 200].id) for i in range(dots)),
        )


def board_of(store, workshop_id: int, cards: int, *, subgroup: str = "Table A", seed: int = 2):
    """A speedboat board of `cards` post-its in the workshop; returns its id."""
    from kitcop_desktop.storage.models.board import Board

    rng = random.Random(seed)
    with store.write() as s:
        board = Board(workshop_id=workshop_id, kind="speedboat", title="Speedboat")
        board.subgroup = subgroup
        s.add(board)
        s.flush()
        conn = s.connection().connection.driver_connection
        now = "2026-03-03 10:00:00"
        conn.executemany(
            "INSERT INTO board_cards (board_id, zone, position, text, author, colour, weight,"
            " angle, source, created_at, updated_at) VALUES (?, ?, ?, ?, '', '', 0, '', '', ?, ?)",
            (
                (board.id, "brakes" if i % 2 else "levers", i, f"{card_text(rng)} n° {i}", now, now)
                for i in range(cards)
            ),
        )
        return board.id
