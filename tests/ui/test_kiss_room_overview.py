"""Seen on the room screen at 1024×768 after the KISS run (#22 « done when »): the overview of
the KISS board drew « ▸… (2) ✓ fiche action 1 » and « Un c… ✓ fiche action 2 »: the mark of a
fiche action ate the sous-thématique's name and the post-it's words. Then, with post-its
whole and wrapped, the KISS board's four tiles went into one row too narrow for their words
(« On / commen / ce · », « ✓ fich / e action 1 »). Every word stays whole; the marks too."""

from __future__ import annotations

import pytest

from kitcop_desktop.storage import actions, boards, boards_actions
from kitcop_desktop.storage import boards_clusters as clusters
from tests.tools.boards.test_boards_room_overview import _open

KEEP = ("Le café du matin", "Les binômes", "Le tour de table du lundi", "Les fiches navette")
STOP = ("Les réunions trop longues", "Les comptes rendus tardifs", "Le tableur partagé")
IMPROVE = ("Le minutage et les pauses", "La salle du deuxième étage", "Les invitations")
START = ("Un comité de pilotage", "Un comité des usagers", "Un forum des métiers")


@pytest.fixture
def kiss_with_fiches(store, workshop_id):
    with store.write() as s:
        board = boards.create_board(s, workshop_id, "kiss", "Rétrospective KISS")
        for zone, texts in (("keep", KEEP), ("stop", STOP), ("improve", IMPROVE)):
            for text in texts:
                boards.add_card(s, board.id, zone, text)
        loose, *grouped = (boards.add_card(s, board.id, "start", t).id for t in START)
        group = clusters.create_cluster(s, board.id, "start", "Instances", grouped)
    with store.write() as s:
        boards_actions.start_to_actions(s, workshop_id, board.id, [loose], [group["cluster_id"]])
        assert len(actions.list_for(s, workshop_id)) == 2
    return board.id


def _words(*texts: str) -> set[str]:
    return {w for t in texts for w in t.replace("\u00a0", " ").split()}


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)])
def test_the_fiche_marks_and_the_words_stay_whole_on_the_room(qtbot, ctx, kiss_with_fiches, size):
    _editor, room, _window = _open(qtbot, ctx, kiss_with_fiches, size)
    qtbot.waitUntil(lambda: room.summary.isVisible())
    room.summary.grab()
    drawn = room.summary.drawn
    frame = room.summary.rect()
    for text in drawn:
        assert text.pixel_size >= size[1] / 20, text
        assert frame.contains(text.rect.toRect()), text
    # Every word drawn is a whole word of the board (none cut across two lines).
    known = _words(
        "Rétrospective KISS On garde On jette On améliore On commence · post-its post-it",
        *KEEP,
        *STOP,
        *IMPROVE,
        *START,
        "▸ Instances (2) ✓ fiche action 1 2 + autre autres 3 4 Page suivante : zone par",
    )
    for text in drawn:
        assert _words(text.text) <= known, text.text
    start = "\n".join(t.text.replace("\u00a0", " ") for t in drawn if t.zone == "start")
    marks = [t.text for t in drawn if "✓" in t.text]
    for mark in marks:  # a mark shown is whole, with its number
        assert "✓ fiche action " in mark.replace("\u00a0", " "), marks
    if size[1] >= 1080:  # room for both: the sous-thématique, the loose post-it, their marks
        assert "Instances" in start and "Un comité de" in start and "pilotage" in start
        assert "fiche action 1" in start and "fiche action 2" in start, start
