"""#22 item 2 on paper: the printed KISS board marks what became a fiche action, as the screen
does (« ✓ fiche action 1 » on the sous-thématique once, « ✓ fiche action 2 » under a loose
post-it); before, only the « Décisions KISS » page said so."""

from __future__ import annotations

from kitcop_desktop.printing.parts import render_pdf
from kitcop_desktop.storage import boards, boards_actions
from kitcop_desktop.storage import boards_clusters as clusters
from tests.printing.test_boards_printed_readable import _drawing_pages
from tests.printing.test_restitution_sizes import small_text


def test_the_printed_kiss_board_marks_its_fiches_actions(store, workshop_id):
    with store.write() as s:
        board = boards.create_board(s, workshop_id, "kiss", "Rétrospective KISS")
        boards.add_card(s, board.id, "keep", "Le café du matin")
        loose = boards.add_card(s, board.id, "start", "Un comité de pilotage").id
        grouped = [
            boards.add_card(s, board.id, "start", text).id
            for text in ("Un comité des usagers", "Un forum des métiers")
        ]
        group = clusters.create_cluster(s, board.id, "start", "Instances", grouped)
    with store.write() as s:
        boards_actions.start_to_actions(s, workshop_id, board.id, [loose], [group["cluster_id"]])
    with store.read() as s:
        data = render_pdf(s, workshop_id, ["boards"])
    assert small_text(data) == []
    drawn = " ".join(_drawing_pages(data))
    assert drawn.count("✓ fiche action 1") == 1  # on the sous-thématique, not on each post-it
    assert drawn.count("✓ fiche action 2") == 1  # under the loose post-it
    assert "Instances ✓ fiche action 1" in drawn
