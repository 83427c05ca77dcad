"""#24: the cafés of the seeds prepared in the app. The CNFPT pro-action café (seed 003): six
ateliers with their porteurs (the sixth an open table) on the déroulé's three rotations,
hosts at home every round. The France Travail world café (seed 004): four tables, four
questions, its four rounds added to a déroulé that had none. Each is one undo step."""

from __future__ import annotations

import pytest

from kitcop_desktop.storage import agenda, participants, tables, tables_seating
from kitcop_desktop.tools.tables import editor as table_editor
from kitcop_desktop.tools.tables.spec import SPEC

# Seed 003: the five topics, their porteurs, and the open space (Cécile Joly).
ATELIERS = (
    ("Pérenniser le « hors-norme »", "Martin Préaud"),
    ("Le Grand Switch", "Lina Hamed"),
    ("Implanter le collaboratif", "Anne Berlemont"),
    ("Nouveau rôle du manager public", "Thierry Ambrosini"),
    ("AudeTTE – Aude Transition Territoriale", "Joël Aubé"),
    ("Espace de réflexion ouvert", "Cécile Joly"),
)
# Seed 004: the four questions.
QUESTIONS = (
    "Comment garantir une bonne orientation des publics en demande d'emploi ?",
    "Comment faciliter l'accès aux solutions d'insertion et d'emploi d'un territoire ?",
    "Comment mieux organiser la réponse publique aux besoins en recrutement ?",
    "Comment favoriser l'engagement des entreprises dans France Travail ?",
)


def editor_for(ctx, qtbot):
    widget = SPEC.make_editor(ctx)
    qtbot.addWidget(widget)
    widget.resize(1024, 700)
    widget.show()
    return widget


def type_in(page, row: int, column: int, text: str) -> None:
    page.table.item(row, column).setText(text)


def sequences(store, workshop_id):
    with store.read() as s:
        return [(q.title, q.kind, q.tool_key) for q in agenda.list_sequences(s, workshop_id)]


def test_the_cnfpt_pro_action_cafe_of_seed_003(ctx, qtbot, store, workshop_id):
    with store.write() as s:
        agenda.apply_template(s, workshop_id, "world_cafe")  # the afternoon: three rotations
        for _topic, host in ATELIERS:
            participants.add(s, workshop_id, host, "CNFPT", "public")
        for n in range(24):
            participants.add(s, workshop_id, f"Agent {n:02d}", f"Collectivité {n % 8}", "public")
    before = sequences(store, workshop_id)
    page = editor_for(ctx, qtbot)
    assert page.preparation.add_template("pro_action")
    assert sequences(store, workshop_id) == before  # its three rotations were there already
    assert page.table.rowCount() == 6
    for row, (topic, host) in enumerate(ATELIERS):
        type_in(page, row, table_editor.COL_TOPIC, topic)
        type_in(page, row, table_editor.COL_HOST, host.upper())  # a name of the list
    assert page.seating_commands.assign()
    with store.read() as s:
        rows = [
            (t.id, t.name, t.host_name, t.host_participant_id)
            for t in tables.list_tables(s, workshop_id)
        ]
        rounds = tables_seating.list_rounds(s, workshop_id)
        titles = [q.title for q in tables_seating.rotations(s, workshop_id)]
    assert [r[2] for r in rows] == [h for _t, h in ATELIERS]
    assert rows[-1][1] == "Table ouverte"
    assert [r.label for r in rounds] == titles  # never « Tour 1 — Rotation 1 — … »
    assert titles == [
        "Rotation 1 — Le sens, les finalités",
        "Rotation 2 — Les besoins",
        "Rotation 3 — Les actions à mettre en place",
    ]
    for plan in rounds:  # hosts stay at their table in every round
        for table_id, _name, _host, host_id in rows:
            assert host_id is not None and plan.seated[table_id][0] == host_id
        assert sorted(len(p) for p in plan.seated.values()) == [5] * 6
    # Undo the seating, the hosts and topics, then the café itself: nothing left.
    while ctx.undo_stack.canUndo():
        ctx.undo_stack.undo()
    assert page.table.rowCount() == 0
    assert sequences(store, workshop_id) == before


def test_the_france_travail_world_cafe_of_seed_004(ctx, qtbot, store, workshop_id):
    with store.write() as s:
        agenda.add_sequence(s, workshop_id, title="Accueil et cadre", duration_minutes=15)
        for n in range(40):
            category = ("public", "private", "para_public")[n % 3]
            participants.add(s, workshop_id, f"Personne {n:02d}", f"Structure {n % 9}", category)
    page = editor_for(ctx, qtbot)
    assert page.preparation.add_template("world_cafe")
    assert "4 tables et 4 tours" in ctx.extras["messages"][-1]
    added = sequences(store, workshop_id)[1:]
    assert [k for _t, k, _tool in added] == ["rotation"] * 4
    assert {tool for _t, _k, tool in added} == {"tables"}  # the live run shows the map
    for row, question in enumerate(QUESTIONS):
        type_in(page, row, table_editor.COL_TOPIC, question)
    assert page.seating_commands.assign()
    assert page.seating.tabs.count() == 4
    with store.read() as s:
        topics = [t.topic for t in tables.list_tables(s, workshop_id)]
        rounds = tables_seating.list_rounds(s, workshop_id)
    assert topics == list(QUESTIONS)
    assert len(rounds) == 4
    for plan in rounds:
        assert sorted(len(p) for p in plan.seated.values()) == [10] * 4
    ctx.undo_stack.undo()  # the seating
    ctx.undo_stack.undo()
    ctx.undo_stack.undo()
    ctx.undo_stack.undo()
    ctx.undo_stack.undo()  # the four questions, then the café
    ctx.undo_stack.undo()
    assert sequences(store, workshop_id) == [("Accueil et cadre", "", "")]
    assert page.table.rowCount() == 0


@pytest.mark.parametrize("key", ["world_cafe", "pro_action"])
def test_a_cafe_template_twice_refuses_past_the_limits(ctx, qtbot, store, workshop_id, key):
    page = editor_for(ctx, qtbot)
    for _ in range(9):
        page.preparation.add_template(key)
    count = page.table.rowCount()
    assert count <= tables.MAX_TABLES
    assert page.preparation.add_template(key) is None or page.table.rowCount() <= tables.MAX_TABLES
