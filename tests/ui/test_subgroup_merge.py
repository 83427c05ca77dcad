"""#23 « done when » (sharing): two sub-groups' speedboats, each made on its own laptop and both
called « Sous-groupe 1 », reach the facilitator as .kitcop files; with edits and near
duplicates they merge through the import dialog, whose summary is checked at each step."""

from __future__ import annotations

from sqlalchemy import select

from kitcop_desktop.storage import boards, exchange, workshops
from kitcop_desktop.storage.models.board import Board, Card
from kitcop_desktop.ui import exchange_dialogs as dialogs
from tests.ui import test_exchange_dialogs as exchange_fixtures

# The import dialogs' fixtures: a clicker that answers them, and the messages shown.
answer = exchange_fixtures.answer
said = exchange_fixtures.said


def laptop(store, title: str, cards: list[tuple[str, str]]):
    """A sub-group's own laptop: its workshop and its first speedboat « Sous-groupe 1 »."""
    with store.write() as s:
        wid = workshops.create(s, title).id
        board = boards.create_board(s, wid, "speedboat", "Speedboat", subgroup="Sous-groupe 1")
        ids = [boards.add_card(s, board.id, zone, text).id for zone, text in cards]
    return board.id, ids


def send(store, board_id: int, path):
    with store.read() as s:
        path.write_bytes(exchange.export_board(s, board_id))
    return str(path)


def cards_of(store, board_id: int) -> list[tuple[str, int]]:
    with store.read() as s:
        rows = s.scalars(select(Card).where(Card.board_id == board_id).order_by(Card.id))
        return [(c.text, c.weight) for c in rows]


def speedboats(store, workshop_id: int) -> list[tuple[int, str]]:
    with store.read() as s:
        rows = s.scalars(
            select(Board).where(Board.workshop_id == workshop_id, Board.kind == "speedboat")
        )
        return [(b.id, b.subgroup) for b in rows]


def test_two_subgroup_boards_merge_with_edits_and_near_duplicates(
    store,
    ctx,
    answer,
    said,
    tmp_path,
):
    table_a, (a_lack, a_cost, _) = laptop(
        store,
        "Portable de la table A",
        [
            ("brakes", "Manque de formateurs"),
            ("brakes", "Coût des formations"),
            ("levers", "Des CFA motivés"),
        ],
    )
    table_b, _ = laptop(
        store,
        "Portable de la table B",
        [
            ("brakes", "manque de  formateurs"),
            ("brakes", "Cout des formations"),
            ("levers", "Aides de la Région & des OPCO"),
        ],
    )
    seen: list[str] = []

    # 1. Table A's file: a new board, three new post-its.
    answer.will_click("Importer", lambda d: seen.append(d.summary_text()))
    dialogs.import_dialog(
        None, store, ctx.hub, ctx.workshop_id, send(store, table_a, tmp_path / "a.kitcop"), ctx=ctx
    )
    assert "Nouveau tableau\u00a0: Speedboat — Sous-groupe 1" in seen[-1]
    assert "Dans un nouveau tableau\u00a0: 3 post-it nouveaux, 0 déjà là, 0 modifié." in seen[-1]
    ((board_a, _),) = speedboats(store, ctx.workshop_id)
    assert ctx.extras["activated"][-1] == ("boards", board_a)

    # 2. Table B's file, also « Sous-groupe 1 »: never poured into A's board unasked; the
    # dialog points at A's look-alikes, and the facilitator merges the two sub-groups there.
    def merge_into_a(dialog):
        seen.append(dialog.summary_text())
        dialog.choose(board_a)
        seen.append(dialog.summary_text())
        boxes = dict(dialog.near_boxes)
        boxes[0].setChecked(True)  # « manque de  formateurs » folds into A's; « Cout » stays

    answer.will_click("Importer", merge_into_a)
    dialogs.import_dialog(
        None, store, ctx.hub, ctx.workshop_id, send(store, table_b, tmp_path / "b.kitcop"), ctx=ctx
    )
    offered, chosen = seen[-2], seen[-1]
    assert "Nouveau tableau\u00a0: Speedboat — Sous-groupe 1 (2)" in offered
    assert "Dans un nouveau tableau\u00a0: 3 post-it nouveaux, 0 déjà là, 0 modifié." in offered
    assert (
        "2 post-it ressemblent à ceux de Speedboat — Sous-groupe 1\u00a0: "
        "choisissez ce tableau pour les fusionner." in offered
    )
    assert (
        "Dans ce tableau\u00a0: 1 post-it nouveau, 0 déjà là, 0 modifié, 2 doublons probables."
        in (chosen)
    )
    assert "fusionner « manque de formateurs » avec « Manque de formateurs »" in chosen
    assert "fusionner « Cout des formations » avec « Coût des formations »" in chosen
    assert "ressemblent" not in chosen
    assert cards_of(store, board_a) == [
        ("Manque de formateurs", 2),
        ("Coût des formations", 1),
        ("Des CFA motivés", 1),
        ("Cout des formations", 1),
        ("Aides de la Région & des OPCO", 1),
    ]
    assert len(speedboats(store, ctx.workshop_id)) == 1
    assert said[-1][2] == (
        "Tableau « Speedboat — Sous-groupe 1 » complété : 2 post-it ajoutés (dont 1 doublon "
        "probable gardé à part), 1 fusionné avec son doublon."
    )

    # 3. Table A goes on: an edit arrives as « modifié », the rest is already there.
    with store.write() as s:
        boards.update_card(s, a_cost, text="Coût des formations longues")
    answer.will_click("Importer", lambda d: seen.append(d.summary_text()))
    dialogs.import_dialog(
        None, store, ctx.hub, ctx.workshop_id, send(store, table_a, tmp_path / "a2.kitcop"), ctx=ctx
    )
    assert "Speedboat — Sous-groupe 1" in seen[-1].splitlines()  # found by its identity
    assert "Dans ce tableau\u00a0: 0 post-it nouveau, 2 déjà là, 1 modifié." in seen[-1]
    assert [t for t, _ in cards_of(store, board_a)][1] == "Coût des formations longues"

    # Each import was one undo step: the edit, then B's merge, then A's board go back.
    ctx.undo_stack.undo()
    assert [t for t, _ in cards_of(store, board_a)][1] == "Coût des formations"
    ctx.undo_stack.undo()
    assert cards_of(store, board_a) == [
        ("Manque de formateurs", 1),
        ("Coût des formations", 1),
        ("Des CFA motivés", 1),
    ]
    ctx.undo_stack.undo()
    assert speedboats(store, ctx.workshop_id) == []
    assert a_lack
