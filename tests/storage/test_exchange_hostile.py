"""Broken or hostile .kitcop files: refused with a French message, the database untouched.

One fixture per hostile case; every case asserts that every table holds exactly what it held.
"""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from kitcop_desktop.storage import exchange
from kitcop_desktop.storage.exchange_format import MAX_FILE_BYTES, ExchangeError
from kitcop_desktop.storage.models import Workshop
from kitcop_desktop.storage.models.board import Board

from .exchange_support import dump, export_bytes, rich_workshop


@pytest.fixture
def good(store, demo):
    """A valid export of a rich workshop, as a dict to spoil."""
    workshop_id, _ = rich_workshop(store, demo)
    return json.loads(export_bytes(store, workshop_id))


def as_bytes(envelope) -> bytes:
    return json.dumps(envelope, ensure_ascii=False).encode("utf-8")


def zipped(members: dict[str, bytes], method=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(zipfile.ZipInfo(name), data, compress_type=method)
    return buffer.getvalue()


def spoil(good, table, field, value, index=0):
    good["tables"][table][index][field] = value
    return as_bytes(good)


# Each case: (fixture name, words the French message must contain)
CASES = {
    "empty": lambda g: b"",
    "not_kitcop_text": lambda g: b"Bonjour, ceci est une lettre.",
    "binary_garbage": lambda g: bytes(range(256)) * 10,
    "other_json": lambda g: b'{"invoice": 12}',
    "truncated": lambda g: as_bytes(g)[: len(as_bytes(g)) // 2],
    "truncated_zip": lambda g: zipped({"kitcop.json": as_bytes(g)})[:-200],
    "wrong_type_text": lambda g: spoil(g, "participants", "name", 12),
    "wrong_type_bool": lambda g: spoil(g, "participants", "present", "oui"),
    "wrong_type_int": lambda g: spoil(g, "interviews", "planned_minutes", "soixante"),
    "bool_as_int": lambda g: spoil(g, "interviews", "planned_minutes", True),
    "bad_date": lambda g: spoil(g, "workshops", "date", "2026-13-45"),
    "tables_not_a_dict": lambda g: as_bytes({**g, "tables": ["workshops"]}),
    "rows_not_a_list": lambda g: as_bytes({**g, "tables": {**g["tables"], "participants": 7}}),
    "row_not_an_object": lambda g: as_bytes(
        {**g, "tables": {**g["tables"], "participants": ["Claire"]}}
    ),
    "huge_title": lambda g: spoil(g, "workshops", "title", "A" * 1_000_000),
    "huge_text": lambda g: spoil(g, "board_cards", "text", "é" * 50_000),
    "absurd_number": lambda g: spoil(g, "interviews", "planned_minutes", 10**30),
    "five_thousand_digits": lambda g: as_bytes(g).replace(
        b'"planned_minutes": 60', b'"planned_minutes": ' + b"9" * 5000, 1
    ),
    "nan": lambda g: as_bytes(g).replace(b'"planned_minutes": 60', b'"planned_minutes": NaN', 1),
    "deep_nesting": lambda g: (
        b'{"format": "kitcop", "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    ),
    "deep_nesting_in_rows": lambda g: as_bytes(g).replace(
        b'"title": ', b'"title": ' + b"[" * 50 + b"1" + b"]" * 50 + b', "x": ', 1
    ),
    # Escaped quotes in a string never closed: a naive string scan goes quadratic here.
    "unclosed_escaped_quotes": lambda g: b'{"format": "kitcop", "x": "' + b'\\"' * 4_000_000,
    # Breadth instead of depth: millions of tiny lists or numbers (memory, not recursion).
    "millions_of_lists": lambda g: b'{"format": "kitcop", "x": [' + b"[]," * 1_100_000 + b"[]]}",
    "millions_of_values": lambda g: b'{"format": "kitcop", "x": [' + b"1," * 2_100_000 + b"1]}",
    "duplicate_keys": lambda g: b'{"format": "kitcop", "format": "kitcop"}',
    "newer_version": lambda g: as_bytes({**g, "format_version": 99, "app_version": "9.0"}),
    "version_not_a_number": lambda g: as_bytes({**g, "format_version": "1"}),
    "unknown_kind": lambda g: as_bytes({**g, "kind": "macro"}),
    "dangling_reference": lambda g: spoil(g, "board_cards", "board_id", 987654),
    "dangling_cluster": lambda g: spoil(g, "board_cards", "cluster_id", 987654),
    "duplicate_ids": lambda g: spoil(g, "participants", "id", g["tables"]["participants"][1]["id"]),
    "missing_id": lambda g: spoil(g, "participants", "id", None),
    "missing_required": lambda g: as_bytes(
        {
            **g,
            "tables": {
                **g["tables"],
                "board_cards": [
                    {k: v for k, v in c.items() if k != "text"} for c in g["tables"]["board_cards"]
                ],
            },
        }
    ),
    "two_workshops": lambda g: as_bytes(
        {**g, "tables": {**g["tables"], "workshops": g["tables"]["workshops"] * 2}}
    ),
    "no_workshop": lambda g: as_bytes({**g, "tables": {**g["tables"], "workshops": []}}),
    "too_many_rows": lambda g: as_bytes(
        {**g, "tables": {**g["tables"], "participants": [{"id": i} for i in range(60_000)]}}
    ),
    "zip_bomb": lambda g: zipped({"kitcop.json": b" " * 30_000_000}),
    "zip_path_tricks": lambda g: zipped(
        {"../../evil.json": b"{}", "/etc/cron.d/evil": b"x", "kitcop.json": as_bytes(g)}
    ),
    "zip_backslash_trick": lambda g: zipped({"..\\evil.json": b"{}", "kitcop.json": as_bytes(g)}),
    "zip_too_many_members": lambda g: zipped(
        {**{f"m{i}.txt": b"x" for i in range(50)}, "kitcop.json": as_bytes(g)}
    ),
    "zip_without_member": lambda g: zipped({"readme.txt": b"hello"}),
    "zip_in_zip": lambda g: zipped({"kitcop.json": zipped({"kitcop.json": as_bytes(g)})}),
    "pickle": lambda g: b"\x80\x04\x95\x10\x00\x00\x00\x00\x00\x00\x00\x8c\x02os\x94.",
    "duplicate_two_column_key": lambda g: as_bytes(
        {
            **g,
            "tables": {
                **g["tables"],
                "vote_ballot_dots": g["tables"]["vote_ballot_dots"] * 2,
            },
        }
    ),
    "ballot_dot_on_a_missing_item": lambda g: spoil(g, "vote_ballot_dots", "item_id", 987654),
    "constraint_at_write_time": lambda g: as_bytes(
        {
            **g,
            "tables": {
                **g["tables"],
                # two real names for one interview: only the database's UNIQUE can tell
                "interviewee_identities": [
                    {"id": 1, "interview_id": g["tables"]["interviews"][0]["id"], "real_name": "A"},
                    {"id": 2, "interview_id": g["tables"]["interviews"][0]["id"], "real_name": "B"},
                ],
            },
        }
    ),
}


@pytest.fixture(params=sorted(CASES), ids=sorted(CASES))
def hostile_file(request, good, tmp_path):
    path = tmp_path / f"{request.param}.kitcop"
    path.write_bytes(CASES[request.param](good))
    return request.param, path


def test_hostile_file_is_refused_and_nothing_changes(store, hostile_file, tmp_path):
    name, path = hostile_file
    before = dump(store)
    files_before = sorted(p.name for p in tmp_path.parent.rglob("*"))
    with pytest.raises(ExchangeError) as err:
        exchange.import_file(store, path)
    message = str(err.value)
    assert message.endswith("Rien n'a été modifié."), message
    assert "Traceback" not in message and "sqlalchemy" not in message.lower()
    assert dump(store) == before, name
    # Reading a file writes none: not next to it, not above it.
    assert sorted(p.name for p in tmp_path.parent.rglob("*")) == files_before


def test_newer_version_is_refused_politely(store, good, tmp_path):
    path = tmp_path / "futur.kitcop"
    path.write_bytes(CASES["newer_version"](good))
    with pytest.raises(ExchangeError) as err:
        exchange.read_file(path)
    assert "version plus récente" in str(err.value)
    assert "Mettez l'application à jour" in str(err.value)


@pytest.mark.parametrize(
    ("case", "words"),
    [
        ("truncated", "incomplet ou endommagé"),
        ("huge_title", "trop long"),
        ("deep_nesting", "imbriqué trop profondément"),
        ("millions_of_lists", "trop d'éléments"),
        ("millions_of_values", "trop de valeurs"),
        ("zip_bomb", "bombe de décompression"),
        ("zip_path_tricks", "chemin suspect"),
        ("wrong_type_text", "Un texte était attendu"),
        ("dangling_reference", "absent du fichier"),
        ("constraint_at_write_time", "pas cohérent"),
        ("other_json", "n'est pas un atelier KitCOP"),
    ],
)
def test_messages_say_what_is_wrong(store, good, tmp_path, case, words):
    path = tmp_path / "f.kitcop"
    path.write_bytes(CASES[case](good))
    with pytest.raises(ExchangeError) as err:
        exchange.import_file(store, path)
    assert words in str(err.value)


def test_file_over_the_size_cap_is_refused_before_reading(store, tmp_path):
    path = tmp_path / "gros.kitcop"
    with path.open("wb") as fh:
        fh.truncate(MAX_FILE_BYTES + 1)  # sparse: costs no disk
    before = dump(store)
    with pytest.raises(ExchangeError) as err:
        exchange.import_file(store, path)
    assert "trop gros" in str(err.value)
    assert dump(store) == before


def test_missing_file_and_folder(store, tmp_path):
    with pytest.raises(ExchangeError, match="introuvable"):
        exchange.import_file(store, tmp_path / "absent.kitcop")
    with pytest.raises(ExchangeError, match="dossier"):
        exchange.import_file(store, tmp_path)


def test_a_decision_listing_unknown_items_keeps_only_the_known_ones(store, good, tmp_path):
    items = [i["id"] for i in good["tables"]["vote_items"]]
    good["tables"]["vote_decisions"][0]["ordered_item_ids"] = f"{items[1]},987654,abc"
    path = tmp_path / "f.kitcop"
    path.write_bytes(as_bytes(good))
    preview = exchange.read_file(path)
    decision = preview.plan.rows["vote_decisions"][0]
    assert decision["ordered_item_ids"] == ""  # not a list of ids: cleared, not trusted
    good["tables"]["vote_decisions"][0]["ordered_item_ids"] = f"{items[1]},987654"
    path.write_bytes(as_bytes(good))
    decision = exchange.read_file(path).plan.rows["vote_decisions"][0]
    assert decision["ordered_item_ids"] == str(items[1])
    assert exchange.apply_import(store, exchange.read_file(path)).workshop_id


@pytest.fixture
def good_board(store, workshop_id):
    """A valid board file (from the rich workshop) and an open workshop to merge it into."""
    _, board_id = rich_workshop(store)
    with store.read() as s:
        return json.loads(exchange.export_board(s, board_id)), workshop_id


BOARD_CASES = {
    "two_boards": lambda g: as_bytes(
        {**g, "tables": {**g["tables"], "boards": g["tables"]["boards"] * 2}}
    ),
    "card_on_another_board": lambda g: spoil(g, "board_cards", "board_id", 987654),
    "card_in_a_missing_cluster": lambda g: spoil(g, "board_cards", "cluster_id", 987654),
    "huge_card": lambda g: spoil(g, "board_cards", "text", "x" * 30_000),
    "kind_says_workshop": lambda g: as_bytes({**g, "kind": "workshop"}),
}


@pytest.mark.parametrize("case", sorted(BOARD_CASES))
def test_hostile_board_file_is_refused_and_nothing_changes(store, good_board, tmp_path, case):
    envelope, into = good_board
    path = tmp_path / f"{case}.kitcop"
    path.write_bytes(BOARD_CASES[case](envelope))
    before = dump(store)
    with pytest.raises(ExchangeError) as err:
        exchange.import_file(store, path, into_workshop_id=into)
    assert str(err.value).endswith("Rien n'a été modifié.")
    assert dump(store) == before


def test_a_board_file_cannot_move_a_board_into_another_workshop(store, good_board, tmp_path):
    """The file's own workshop id is ignored: the board lands where the facilitator said."""
    envelope, into = good_board
    envelope["tables"]["boards"][0]["workshop_id"] = 1
    envelope["tables"]["boards"][0]["subgroup"] = "Table 9"
    envelope["tables"]["workshops"] = [{"id": 1, "title": "Atelier glissé là"}]
    path = tmp_path / "b.kitcop"
    path.write_bytes(as_bytes(envelope))
    with store.read() as s:
        workshops_before = s.query(Workshop).count()
    result = exchange.import_file(store, path, into_workshop_id=into)
    with store.read() as s:
        assert s.get(Board, result.board_id).workshop_id == into
        assert s.query(Workshop).count() == workshops_before


def test_a_pipe_or_a_device_is_refused_without_reading(store, tmp_path):
    import os

    pipe = tmp_path / "tube.kitcop"
    os.mkfifo(pipe)  # reading it would wait forever
    with pytest.raises(ExchangeError, match="pas un fichier ordinaire"):
        exchange.import_file(store, pipe)
    with pytest.raises(ExchangeError, match="pas un fichier ordinaire"):
        exchange.import_file(store, "/dev/zero")
