"""#24: seed 004's world café on the room screen, its four teams named at their tables. Each
team reads « Équipe N » on a line of its own under its table's question, at 1024×768 and at
1920×1080; no separator is ever painted alone (a lone « · » stood at the start or the end of a
question's last line when the team's number was wrapped with it)."""

from __future__ import annotations

import pytest

from kitcop_desktop.storage import tables, tables_room, tables_seating
from kitcop_desktop.tools.tables.room_view import RotationMapView
from tests.storage.test_tables_teams import world_cafe_in_teams

QUESTIONS = (
    "Comment garantir une bonne orientation des publics en demande d'emploi ?",
    "Comment faciliter l'accès aux solutions d'insertion et d'emploi d'un territoire ?",
    "Comment mieux organiser la réponse publique aux besoins en recrutement ?",
    "Comment favoriser l'engagement des entreprises dans France Travail ?",
)


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080), (1000, 768), (700, 768)])
def test_each_team_reads_its_number_under_its_question_never_a_lone_dot(
    qtbot, store, workshop_id, size
):
    world_cafe_in_teams(store, workshop_id, 30)
    with store.write() as s:
        for table, question in zip(tables.list_tables(s, workshop_id), QUESTIONS, strict=True):
            tables.update_table(s, table.id, topic=question)
    with store.read() as s:
        rounds = tables_seating.list_rounds(s, workshop_id)
        maps = [tables_room.rotation_map(s, workshop_id, r.id) for r in rounds]
    view = RotationMapView()
    qtbot.addWidget(view)
    view.resize(*size)
    for number, rotation in enumerate(maps):
        view.set_map(rotation)
        painted: list[str] = []
        for page in range(view.page_count()):
            view.set_page(page)
            view.grab()
            painted += [text for text, _size, _rect in view.drawn]
        teams = sorted(line for line in painted if line.startswith("Équipe"))
        assert teams == [f"Équipe\u00a0{n}" for n in (1, 2, 3, 4)], (number, painted)
        for line in painted:
            assert line.strip() not in ("·", "—"), (number, size, painted)  # nothing alone
            assert not line.strip().startswith("·"), (number, size, line)
            assert not line.strip().endswith("·"), (number, size, line)
        # The team under its own table's question: the line before it ends that question.
        for n, line in enumerate(painted):
            if line.startswith("Équipe"):
                assert painted[n - 1].endswith(("?", "\u202f?")), painted[n - 1]
