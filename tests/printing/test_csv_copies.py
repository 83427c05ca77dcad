"""#16 « Editable copies for the COP secretariat's own forms »: the vote results and the fiches
actions as CSV a French spreadsheet opens as it is (UTF-8 with BOM, « ; »), from `kitcop csv`."""

from __future__ import annotations

import csv
import io

from kitcop_desktop import cli
from kitcop_desktop.storage import actions, voting, voting_entries, voting_rounds


def read_csv(path) -> list[list[str]]:
    data = path.read_bytes()
    assert data.startswith("\ufeff".encode()), "a BOM, or Excel reads the accents wrong"
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))


def test_fiches_actions_as_csv_with_every_field_of_the_kit(store, db_path, tmp_path, demo):
    out = tmp_path / "fiches.csv"
    args = ["--db", str(db_path), "csv", str(demo), "--part", "actions", "-o", str(out)]
    assert cli.main(args) == cli.EXIT_OK
    rows = read_csv(out)
    assert rows[0][:4] == ["Thème", "Défi", "Cible", "Action"]
    assert "Comment tester" in rows[0] and "Impact (sur 3)" in rows[0]
    assert len(rows) == 3  # the demo's two fiches
    assert rows[1][3] == "Mutualiser des chantiers-écoles entre CFA, AFPA et lycées professionnels"


def test_vote_results_as_csv_one_line_per_proposal_and_round(store, db_path, tmp_path, demo):
    out = tmp_path / "votes.csv"
    args = ["--db", str(db_path), "csv", str(demo), "--part", "votes", "-o", str(out)]
    assert cli.main(args) == cli.EXIT_OK
    rows = read_csv(out)
    assert rows[0] == ["Vote", "Tour", "Rang", "Proposition", "Gommettes", "Retenue"]
    first = rows[1]
    assert first[1:3] == ["1", "1"] and first[4].isdigit()
    assert any(r[5] == "oui" for r in rows[1:])


def test_a_secret_vote_keeps_its_tallies_and_formulas_stay_text(store, workshop_id, tmp_path):
    with store.write() as s:
        vote = voting.create_vote_from_texts(
            s, workshop_id, [('=HYPERLINK("http://x")', None), ("B", None)], "Secret"
        )
        voting.set_settings(s, vote.id, hidden=True)
        voting_entries.set_wall_count(s, vote.rounds[0].id, vote.items[0].id, 7)
        voting_rounds.set_state(s, vote.rounds[0].id, state="closed", revealed=False)
        actions.create(s, workshop_id, action="+33 6 00 00 00 00 @ rappeler")
    from kitcop_desktop.printing.csv_copies import actions_csv, votes_csv

    with store.read() as s:
        votes = votes_csv(s, workshop_id)
        cards = actions_csv(s, workshop_id)
    assert "7" not in votes.split("\n", 1)[1]  # the hidden tally
    assert "'=HYPERLINK" in votes and "'+33 6" in cards  # read as text, never run


def test_an_unknown_part_is_refused_and_nothing_written(store, db_path, tmp_path, workshop_id):
    out = tmp_path / "x.csv"
    args = ["--db", str(db_path), "csv", str(workshop_id), "--part", "boards", "-o", str(out)]
    assert cli.main(args) == cli.EXIT_USAGE
    assert not out.exists()
