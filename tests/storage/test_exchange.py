"""Exporting a workshop and importing it back: same workshop, private data left out."""

from __future__ import annotations

import json
import zipfile

import pytest

from kitcop_desktop.storage import exchange
from kitcop_desktop.storage.exchange_format import FORMAT_VERSION
from kitcop_desktop.storage.models import Participant

from .exchange_support import TRICKY, canonical, dump, export_bytes, rich_workshop, tables_of


@pytest.fixture
def rich(store, demo):
    return rich_workshop(store, demo)


def test_export_is_documented_versioned_json(store, rich):
    workshop_id, _ = rich
    envelope = json.loads(export_bytes(store, workshop_id))
    assert envelope["format"] == "kitcop"
    assert envelope["format_version"] == FORMAT_VERSION
    assert envelope["kind"] == "workshop"
    assert envelope["title"].startswith("Rénovation énergétique")
    assert len(envelope["fingerprint"]) == 64
    assert {"workshops", "participants", "boards", "board_cards"} <= envelope["tables"].keys()


def test_round_trip_gives_the_same_workshop(store, rich, tmp_path):
    workshop_id, _ = rich
    original = export_bytes(store, workshop_id)
    path = tmp_path / "atelier.kitcop"
    path.write_bytes(original)
    result = exchange.import_file(store, path)
    assert result.workshop_id != workshop_id
    assert "Atelier importé" in result.message
    copy = export_bytes(store, result.workshop_id)
    assert canonical(tables_of(copy)) == canonical(tables_of(original))


def test_round_trip_keeps_every_reference_pointing_inside_the_copy(store, rich, tmp_path):
    workshop_id, board_id = rich
    path = tmp_path / "a.kitcop"
    path.write_bytes(export_bytes(store, workshop_id))
    new_id = exchange.import_file(store, path).workshop_id
    tables = tables_of(export_bytes(store, new_id))
    board = next(b for b in tables["boards"] if b["subgroup"] == "Table 2")
    assert board["id"] != board_id
    cluster_ids = {c["id"] for c in tables["board_clusters"] if c["board_id"] == board["id"]}
    assert board["spotlight"] == f"cluster:{min(cluster_ids)}"
    interview_ids = {i["id"] for i in tables["interviews"]}
    tricky = next(c for c in tables["board_cards"] if c["text"] == TRICKY)
    assert tricky["source_interview_id"] in interview_ids
    assert tricky["cluster_id"] in cluster_ids
    sent = [m["sent_board_id"] for m in tables["interview_marks"] if m["sent_board_id"]]
    assert sent and set(sent) <= {b["id"] for b in tables["boards"]}


def test_sequence_tool_links_follow_the_copy(store, rich, tmp_path):
    """A séquence that opens a board opens the copied board; an unknown tool's link is cleared."""
    workshop_id, _ = rich
    path = tmp_path / "a.kitcop"
    path.write_bytes(export_bytes(store, workshop_id))
    tables = tables_of(export_bytes(store, exchange.import_file(store, path).workshop_id))
    by_title = {s["title"]: s for s in tables["agenda_sequences"]}
    board = next(b for b in tables["boards"] if b["subgroup"] == "Table 2")
    assert by_title["Speedboat"]["tool_ref"] == board["id"]
    assert by_title["Speedboat"]["pinned_start"] == "10:00:00"
    assert by_title["Outil du futur"]["tool_ref"] is None
    assert by_title["Outil du futur"]["tool_key"] == "hologram"


def test_votes_and_rounds_keep_their_links_in_the_copy(store, rich, tmp_path):
    """Ballot dots (two-column keys), a decision's list of item ids, a round's current speaker."""
    workshop_id, _ = rich
    path = tmp_path / "a.kitcop"
    path.write_bytes(export_bytes(store, workshop_id))
    original = tables_of(path.read_bytes())
    tables = tables_of(export_bytes(store, exchange.import_file(store, path).workshop_id))
    vote = next(v for v in tables["dot_votes"] if v["title"].startswith("Vote <prioritaire>"))
    mine = [i for i in tables["vote_items"] if i["vote_id"] == vote["id"]]
    items = {i["text"]: i["id"] for i in mine}
    assert not set(items.values()) & {i["id"] for i in original["vote_items"]}
    rounds = {r["id"] for r in tables["vote_rounds"] if r["vote_id"] == vote["id"]}
    (decision,) = [d for d in tables["vote_decisions"] if d["round_id"] in rounds]
    assert decision["ordered_item_ids"] == f"{items['Des stages longs']},{items['Former les CFA']}"
    dots = {d["item_id"] for d in tables["vote_ballot_dots"] if d["item_id"] in items.values()}
    assert dots == {items["Des stages longs"], items["Former les CFA"]}
    assert len([r for r in tables["vote_round_items"] if r["round_id"] in rounds]) == 3
    card_ids = {c["id"] for c in tables["board_cards"]}
    source = next(i for i in tables["vote_items"] if i["text"] == "Former les CFA")
    assert source["source_card_id"] in card_ids
    entries = {e["id"] for e in tables["round_entries"]}
    current = [r["current_entry_id"] for r in tables["speaking_rounds"]]
    assert current and all(c in entries for c in current)


def test_zipped_export_imports_the_same(store, rich, tmp_path):
    workshop_id, _ = rich
    with store.read() as s:
        data = exchange.export_workshop(s, workshop_id, zipped=True)
    assert data.startswith(b"PK\x03\x04")
    path = tmp_path / "a.kitcop"
    path.write_bytes(data)
    with zipfile.ZipFile(path) as archive:
        assert archive.namelist() == ["kitcop.json"]
    new_id = exchange.import_file(store, path).workshop_id
    assert canonical(tables_of(export_bytes(store, new_id))) == canonical(
        tables_of(export_bytes(store, workshop_id))
    )


def test_real_names_and_emails_are_left_out_by_default(store, rich):
    workshop_id, _ = rich
    data = export_bytes(store, workshop_id)
    assert b"Jeanne Secret" not in data
    assert b"zoe@example.org" not in data
    assert b"claire.dubois@example.org" not in data
    envelope = json.loads(data)
    assert "interviewee_identities" not in envelope["tables"]
    assert envelope["contains_real_names"] is False
    assert all("email" not in p for p in envelope["tables"]["participants"])


def test_real_names_only_when_explicitly_asked(store, rich, tmp_path):
    workshop_id, _ = rich
    data = export_bytes(store, workshop_id, include_real_names=True)
    assert "Jeanne Secret" in data.decode("utf-8")
    assert b"zoe@example.org" not in data  # e-mails are a separate choice
    path = tmp_path / "noms.kitcop"
    path.write_bytes(data)
    preview = exchange.read_file(path)
    assert any("vrais noms" in line for line in preview.summary_lines())
    new_id = exchange.apply_import(store, preview).workshop_id
    assert "Jeanne Secret" in export_bytes(store, new_id, include_real_names=True).decode()


def test_emails_when_asked(store, rich, tmp_path):
    workshop_id, _ = rich
    data = export_bytes(store, workshop_id, include_emails=True)
    assert b"zoe@example.org" in data
    path = tmp_path / "a.kitcop"
    path.write_bytes(data)
    new_id = exchange.import_file(store, path).workshop_id
    with store.read() as s:
        emails = {p.email for p in s.query(Participant).filter_by(workshop_id=new_id)}
    assert "zoe@example.org" in emails


def test_import_without_emails_leaves_them_empty(store, rich, tmp_path):
    workshop_id, _ = rich
    path = tmp_path / "a.kitcop"
    path.write_bytes(export_bytes(store, workshop_id))
    new_id = exchange.import_file(store, path).workshop_id
    with store.read() as s:
        emails = [p.email for p in s.query(Participant).filter_by(workshop_id=new_id)]
    assert len(emails) == 13 and set(emails) == {None}


def test_trashed_workshop_comes_back_alive(store, rich, tmp_path):
    from kitcop_desktop.storage import workshops

    workshop_id, _ = rich
    with store.write() as s:
        workshops.trash(s, workshop_id)
    path = tmp_path / "a.kitcop"
    path.write_bytes(export_bytes(store, workshop_id))
    new_id = exchange.import_file(store, path).workshop_id
    with store.read() as s:
        assert new_id in {w.id for w in workshops.list_summaries(s)}


def test_preview_reads_without_writing(store, rich, tmp_path):
    workshop_id, _ = rich
    path = tmp_path / "a.kitcop"
    path.write_bytes(export_bytes(store, workshop_id))
    before = dump(store)
    preview = exchange.read_file(path)
    lines = preview.summary_lines()
    assert lines[0].startswith("Ce fichier contient un atelier complet")
    assert any("13 participant·es" in line for line in lines)
    assert any("tableaux" in line for line in lines)
    assert dump(store) == before


def test_unknown_tables_and_columns_from_a_newer_app_are_ignored(store, rich, tmp_path):
    workshop_id, _ = rich
    envelope = json.loads(export_bytes(store, workshop_id))
    envelope["tables"]["future_things"] = [{"id": 1, "workshop_id": workshop_id}]
    envelope["tables"]["participants"][0]["shoe_size"] = 42
    path = tmp_path / "a.kitcop"
    path.write_text(json.dumps(envelope), encoding="utf-8")
    preview = exchange.read_file(path)
    assert "future_things" in preview.plan.ignored_tables
    assert any("ignorées" in line for line in preview.summary_lines())
    assert exchange.apply_import(store, preview).workshop_id


def test_missing_optional_columns_take_their_defaults(store, workshop_id, tmp_path):
    """An older file, before a column existed, still imports."""
    # The facilitator's notes leave only on request: ask, so the file has the column to drop.
    envelope = json.loads(export_bytes(store, workshop_id, include_facilitator=True))
    del envelope["tables"]["workshops"][0]["notes"]
    del envelope["tables"]["workshops"][0]["created_at"]
    path = tmp_path / "a.kitcop"
    path.write_text(json.dumps(envelope), encoding="utf-8")
    result = exchange.import_file(store, path)
    assert result.workshop_id != workshop_id


def test_imported_fiches_actions_still_know_their_winners(store, tmp_path):
    """After importing the demo workshop, « Créer les fiches actions » must not make a second
    fiche for a winner that already has one (the link « vote_item:N » is remapped)."""
    from kitcop_desktop.storage import voting, voting_actions
    from kitcop_desktop.storage.demo import create_demo
    from kitcop_desktop.storage.models import ActionCard

    demo_id = create_demo(store)
    path = tmp_path / "demo.kitcop"
    path.write_bytes(export_bytes(store, demo_id))
    new_id = exchange.import_file(store, path).workshop_id
    with store.read() as s:
        (vote,) = [v for v in voting.list_for(s, new_id) if v.items]
        item_ids = {item.id for item in vote.items}
        refs = [
            c.origin_ref for c in s.query(ActionCard).filter_by(workshop_id=new_id, origin="vote")
        ]
        assert refs and all(int(r.split(":")[1]) in item_ids for r in refs)
        assert voting_actions.pending_winners(s, vote.id) == []
