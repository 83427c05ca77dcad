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


def full_workshop(store, scale: int = 1, *, seed: int = 3) -> int:
    """The big workshop of issue 15, `scale` times over: 60 people, 500 post-its on three boards
    (a tenth in sous-thématiques), 20 dot votes (each 12 proposals, round 1 by ballots of every
    participant, round 2 among the top three at the wall, both revealed) and 30 field interviews
    (the demo's notes, marks and restitutions), all stored through the app's own operations."""
    from kitcop_desktop.storage import (
        boards,
        interviews,
        participants,
        voting,
        voting_entries,
        voting_rounds,
        workshops,
    )
    from kitcop_desktop.storage import boards_clusters as clusters
    from kitcop_desktop.storage.demo.interviews import DEMO_INTERVIEWS

    rng = random.Random(seed)
    with store.write() as s:
        wid = workshops.create(s, f"Grand atelier ×{scale}").id
        names = "\n".join(f"Personne {i:03d}" for i in range(60 * scale))
        participants.paste(s, wid, names)
        people = [p.id for p in participants.list_for(s, wid)]
        for b in range(3):
            kind = "kiss" if b == 2 else "speedboat"
            zones = ("keep", "improve", "start", "stop") if b == 2 else ("brakes", "levers")
            board = boards.create_board(s, wid, kind, "Tableau", f"Table {b + 1}")
            ids: dict[str, list[int]] = {z: [] for z in zones}
            count = 500 * scale // 3 + (1 if b < 500 * scale % 3 else 0)
            for n in range(count):
                zone = zones[n % len(zones)]
                text = f"{card_text(rng)} n° {b}-{n}"
                ids[zone].append(boards.add_card(s, board.id, zone, text).id)
            for zone, in_zone in ids.items():
                grouped = in_zone[: len(in_zone) // 10]
                for k in range(0, len(grouped), 5):
                    clusters.create_cluster(
                        s, board.id, zone, f"Thème {k // 5}", grouped[k : k + 5]
                    )
        for v in range(20 * scale):
            texts = [(f"Proposition {v}-{i} : {card_text(rng)}", None) for i in range(12)]
            vote = voting.create_vote_from_texts(s, wid, texts, f"Vote {v + 1}")
            items = [i.id for i in vote.items]
            first = vote.rounds[0].id
            voting_rounds.set_entry_mode(s, first, "ballots")
            for person in people:
                chosen = rng.sample(items, 3)
                voting_entries.cast_ballot(s, first, person, {i: 1 for i in chosen})
            voting_rounds.set_state(s, first, state="closed", revealed=True)
            top = [r.item_id for r in voting_rounds.round_results(s, first).ranked[:3]]
            second = voting_rounds.new_round(s, vote.id, top, "Les trois premiers")
            voting_rounds.set_entry_mode(s, second, "wall")
            for k, item_id in enumerate(top):
                voting_entries.set_wall_count(s, second, item_id, 10 + k)
            voting_rounds.set_state(s, second, state="closed", revealed=True)
        guides = {g.builtin_key: g.id for g in interviews.ensure_builtin_guides(s, wid)}
        for n in range(30 * scale):
            demo_fields, answers, free_notes, marks, engagement = DEMO_INTERVIEWS[
                n % len(DEMO_INTERVIEWS)
            ]
            fields = dict(demo_fields)
            guide_id = guides[fields.pop("guide", "engaged_companies")]
            iv = interviews.create_interview(s, wid, guide_id, **fields)
            by_position = {a.position: a for a in iv.answers}
            for index, text in answers.items():
                interviews.save_answer_notes(s, by_position[index].id, text)
            interviews.save_free_notes(s, iv.id, free_notes)
            for kind, index, text in marks:
                answer_id = by_position[index].id if index is not None else None
                interviews.add_mark(s, iv.id, kind, text, answer_id)
            interviews.save_report(s, iv.id, "report_engagement", engagement)
            interviews.prefill_report(s, iv.id)
        return wid
