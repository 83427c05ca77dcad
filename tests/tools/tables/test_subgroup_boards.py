"""#24: the speedboat's sous-groupes as tables. « Un speedboat par table » makes a board per
table (its sous-groupe: the table's name), which the boards tool's « Vue combinée » merges as
it merges any sous-groupes' boards; one undo step, post-its typed meanwhile come back on redo."""

from __future__ import annotations

from kitcop_desktop.storage import boards, tables
from kitcop_desktop.tools.boards.board_data import load_combined
from kitcop_desktop.tools.tables.spec import SPEC


def test_a_speedboat_per_table_merged_in_the_combined_view(ctx, qtbot, store, workshop_id):
    page = SPEC.make_editor(ctx)
    qtbot.addWidget(page)
    assert page.preparation.boards_for_tables() is None  # no table yet: said, nothing made
    assert "Ajoutez d'abord les tables" in ctx.extras["messages"][-1]
    page.preparation.add_template("subgroups")
    made = page.preparation.boards_for_tables()
    assert made is not None and len(made) == 4
    assert "4 tableaux «\u00a0Speedboat\u00a0» créés" in ctx.extras["messages"][-1]
    with store.write() as s:
        shown = [(b.kind, b.subgroup) for b in boards.list_boards(s, workshop_id)]
        boards.add_card(s, made[0], "brakes", "Manque de formateurs")
        boards.add_card(s, made[2], "levers", "Des stages dès le collège")
    assert shown == [("speedboat", f"Sous-groupe {n}") for n in range(1, 5)]
    combined = load_combined(store, workshop_id, "speedboat")
    assert sorted((c.text, c.subgroup) for c in combined.cards) == [
        ("Des stages dès le collège", "Sous-groupe 3"),
        ("Manque de formateurs", "Sous-groupe 1"),
    ]
    # Again: every table has its board already.
    assert page.preparation.boards_for_tables() is None
    assert "déjà son tableau" in ctx.extras["messages"][-1]
    # A table added later gets one, the others are left as they are.
    with store.write() as s:
        tables.add_table(s, workshop_id, "Sous-groupe 5")
    assert len(page.preparation.boards_for_tables()) == 1
    ctx.undo_stack.undo()
    ctx.undo_stack.undo()  # the four boards go, their post-its with them…
    with store.read() as s:
        assert boards.list_boards(s, workshop_id) == []
    ctx.undo_stack.redo()  # …and come back with them
    combined = load_combined(store, workshop_id, "speedboat")
    assert len(combined.cards) == 2
