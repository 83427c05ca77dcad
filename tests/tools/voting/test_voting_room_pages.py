"""#13 item 4: long vote proposals were cut with « … » on the room screen. Now each is shown
whole at 1/20 of the height, and when they do not all fit they are paged on the clicker."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent

from kitcop_desktop.storage import voting
from kitcop_desktop.tools.voting.spec import SPEC

PROPOSALS = [
    "Créer un guichet unique de l'emploi et des compétences de la transition écologique, "
    "ouvert aux entreprises comme aux personnes en reconversion, dans chaque bassin d'emploi",
    "Des chantiers-écoles partagés entre CFA, lycées professionnels et entreprises du bâtiment "
    "pour former sur de vrais chantiers de rénovation énergétique",
    "Un observatoire régional des métiers de la transition qui publie chaque année les besoins "
    "à cinq ans, secteur par secteur, pour orienter les formations",
    "Mentorat entre anciens et nouveaux",
    "Former les formateurs aux nouvelles techniques de rénovation et aux matériaux biosourcés",
    "Valoriser les métiers verts auprès des collégiens avec des stages et des visites",
    "Mutualiser les formations entre petites entreprises voisines",
]


def test_long_proposals_are_whole_large_and_paged(ctx, qtbot, store, workshop_id):
    with store.write() as s:
        vote = voting.create_vote_from_texts(s, workshop_id, [(t, None) for t in PROPOSALS], "Vote")
    editor = SPEC.make_editor(ctx)
    qtbot.addWidget(editor)
    editor.focus_item(vote.id)
    room = SPEC.make_room_view(ctx)
    qtbot.addWidget(room)
    room.resize(1024, 768)
    room.show()
    room.grab()
    pages = room.pager.count
    assert pages > 1
    seen: list[str] = []
    page_down = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_PageDown, Qt.KeyboardModifier.NoModifier)
    for page in range(pages):
        room.grab()
        assert room.item_pixel_size >= 768 // 20
        seen += room.shown_items
        assert editor.handle_room_key(page_down) == (page + 1 < pages)
    assert seen == PROPOSALS  # each proposal once, whole, in order: none cut, none left out
