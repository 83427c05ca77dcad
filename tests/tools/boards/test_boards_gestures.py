"""Dragging cards between zones and into clusters, editing in place, each one undo."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QPushButton

from kitcop_desktop.storage import actions, boards
from kitcop_desktop.storage import boards_clusters as clusters
from tests.tools.boards.conftest import drag


def _card(store, card_id):
    with store.read() as s:
        c = boards.get_card(s, card_id)
        return c.zone, c.cluster_id, c.text, c.colour


def test_drag_a_card_into_a_cluster_then_undo(qtbot, editor, store, speedboat, ctx):
    card_id = speedboat["cards"]["Des binômes artisan-apprenti"]
    cluster_id = speedboat["cluster_id"]
    item = editor.scene.cards[card_id]
    target = editor.scene.clusters[cluster_id]
    start = item.sceneBoundingRect().center()
    end = target.mapRectToScene(target.header_rect()).center()
    drag(editor.view, start, end)
    assert _card(store, card_id)[:2] == ("levers", cluster_id)
    assert ctx.undo_stack.count() == 1  # the whole drag is one command
    assert "sous-thématique" in ctx.undo_stack.text(0)
    # Laid out inside the cluster's frame.
    frame = editor.scene.clusters[cluster_id].sceneBoundingRect()
    assert frame.contains(editor.scene.cards[card_id].sceneBoundingRect().center())
    ctx.undo_stack.undo()
    assert _card(store, card_id)[:2] == ("levers", None)
    assert not frame.contains(editor.scene.cards[card_id].sceneBoundingRect().center())


def test_drag_a_card_to_the_other_zone(qtbot, editor, store, speedboat, ctx):
    card_id = speedboat["cards"]["Formations trop longues"]
    item = editor.scene.cards[card_id]
    zone = editor.scene.zones["levers"].rect
    # Released on the zone itself, away from its cards (its bottom-right corner).
    drag(editor.view, item.sceneBoundingRect().center(), zone.bottomRight() - QPointF(30, 30))
    assert _card(store, card_id)[0] == "levers"
    ctx.undo_stack.undo()
    assert _card(store, card_id)[0] == "brakes"


def test_drag_onto_a_loose_card_makes_a_cluster(qtbot, editor, store, speedboat, ctx):
    a = speedboat["cards"]["Formations trop longues"]
    b = speedboat["cards"]["Manque d'attractivité des métiers"]
    start = editor.scene.cards[a].sceneBoundingRect().center()
    end = editor.scene.cards[b].sceneBoundingRect().center()
    drag(editor.view, start, end)
    za, ca, *_ = _card(store, a)
    zb, cb, *_ = _card(store, b)
    assert ca is not None and ca == cb and za == zb == "brakes"
    ctx.undo_stack.undo()
    assert _card(store, a)[1] is None and _card(store, b)[1] is None


def test_a_drag_that_goes_nowhere_changes_nothing(qtbot, editor, store, speedboat, ctx):
    card_id = speedboat["cards"]["Formations trop longues"]
    item = editor.scene.cards[card_id]
    home = item.pos()
    outside = editor.scene.sceneRect().bottomRight() - QPointF(5, 5)  # below every zone
    drag(editor.view, item.sceneBoundingRect().center(), outside)
    assert ctx.undo_stack.count() == 0
    assert item.pos() == home


def test_edit_in_place_and_cancel(qtbot, editor, store, speedboat, ctx):
    card_id = speedboat["cards"]["Le label RGE"]
    editor.edit_card(card_id)
    box = editor.view.editor
    assert box.isVisible()
    box.setPlainText("Le label RGE, mieux connu")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert _card(store, card_id)[2] == "Le label RGE, mieux connu"
    editor.edit_card(card_id)
    box.setPlainText("")
    qtbot.keyClick(box, Qt.Key.Key_Return)  # empty: refused, the card keeps its text
    assert _card(store, card_id)[2] == "Le label RGE, mieux connu"
    assert ctx.extras["messages"][-1].endswith("Rien n'a été modifié.")
    editor.edit_card(card_id)
    box.setPlainText("autre chose")
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert _card(store, card_id)[2] == "Le label RGE, mieux connu"


def test_rename_collapse_and_dissolve_a_cluster(qtbot, editor, store, speedboat, ctx):
    cluster_id = speedboat["cluster_id"]
    editor.edit_cluster(cluster_id)
    editor.view.editor.setPlainText("Former & qualifier")
    qtbot.keyClick(editor.view.editor, Qt.Key.Key_Return)
    assert editor.scene.clusters[cluster_id].cluster.title == "Former & qualifier"
    editor.toggle_cluster(cluster_id)
    hidden = list(editor.scene.cards_in_cluster(cluster_id))
    assert hidden and not any(i.isVisible() for i in hidden)
    editor.toggle_cluster(cluster_id)
    assert all(i.isVisible() for i in editor.scene.cards_in_cluster(cluster_id))
    editor.scene.clusters[cluster_id].setSelected(True)
    editor.dissolve_selected()
    with store.read() as s:
        assert clusters.clusters_of(s, speedboat["board_id"]) == []
        assert all(c.cluster_id is None for c in boards.cards_of(s, speedboat["board_id"]))
    ctx.undo_stack.undo()
    with store.read() as s:
        assert [c.title for c in clusters.clusters_of(s, speedboat["board_id"])] == [
            "Former & qualifier"
        ]


def test_group_recolour_delete_the_selection(qtbot, editor, store, speedboat, ctx):
    a = speedboat["cards"]["Formations trop longues"]
    b = speedboat["cards"]["Manque d'attractivité des métiers"]
    for cid in (a, b):
        editor.scene.cards[cid].setSelected(True)
    editor.recolour_selected("#CC79A7")
    assert _card(store, a)[3] == _card(store, b)[3] == "#CC79A7"
    assert ctx.undo_stack.count() == 1
    for cid in (a, b):
        editor.scene.cards[cid].setSelected(True)
    cluster_id = editor.group_selected("Attractivité")
    assert _card(store, a)[1] == cluster_id
    editor.view.editor.hide()  # the title editor opened for naming; leave it
    for cid in (a, b):
        editor.scene.cards[cid].setSelected(True)
    editor.view.setFocus()
    qtbot.keyClick(editor.view, Qt.Key.Key_Delete)
    with store.read() as s:
        assert {c.id for c in boards.cards_of(s, speedboat["board_id"])}.isdisjoint({a, b})
    ctx.undo_stack.undo()
    assert _card(store, a)[1] == cluster_id  # back, in its cluster


def test_kiss_start_cards_become_action_cards_once(qtbot, ctx, store, workshop_id):
    from kitcop_desktop.tools.boards.spec import SPEC

    with store.write() as s:
        kiss = boards.create_board(s, workshop_id, "kiss", "KISS")
        boards.add_card(s, kiss.id, "start", "Un forum des métiers au lycée")
        boards.add_card(s, kiss.id, "keep", "Les visites de chantier")
    editor = SPEC.make_editor(ctx)
    qtbot.addWidget(editor)
    editor.focus_item(kiss.id)
    assert editor.actions_bar.to_actions.isVisibleTo(editor)
    zones = [b.text().split(" · ")[0] for b in editor.entry.zone_buttons.buttons()]
    assert zones == ["On garde", "On jette", "On améliore", "On commence"]  # the kit's words
    shown = editor.entry.findChildren(QPushButton)
    assert not any("Leviers" in b.text() and b.isVisibleTo(editor) for b in shown)
    editor.start_to_actions()
    with store.read() as s:
        made = [(a.origin, a.action) for a in actions.list_for(s, workshop_id)]
    assert made == [("kiss", "Un forum des métiers au lycée")]
    editor.start_to_actions()  # again: no second card
    with store.read() as s:
        assert len(actions.list_for(s, workshop_id)) == 1
    assert "déjà" in ctx.extras["messages"][-1]


def test_send_to_vote_needs_a_selection(qtbot, editor, ctx):
    assert editor.send_selected_to_vote() is None
    assert "Choisissez" in ctx.extras["messages"][-1]


def test_send_cards_and_a_cluster_to_a_dot_vote(qtbot, editor, store, speedboat, ctx):
    from kitcop_desktop.storage import voting

    editor.scene.clusters[speedboat["cluster_id"]].setSelected(True)
    editor.scene.cards[speedboat["cards"]["Formations trop longues"]].setSelected(True)
    vote_id = editor.send_selected_to_vote()
    assert vote_id is not None
    assert ctx.extras["activated"][-1] == ("voting", vote_id)
    with store.read() as s:
        vote = voting.get(s, vote_id)
        items = [(i.text, i.source_card_id) for i in vote.items]
    assert items == [
        ("Formation", None),
        ("Formations trop longues", speedboat["cards"]["Formations trop longues"]),
    ]
    ctx.undo_stack.undo()
    with store.read() as s:
        assert voting.list_for(s, ctx.workshop_id) == []
    ctx.undo_stack.redo()
    with store.read() as s:
        assert [v.id for v in voting.list_for(s, ctx.workshop_id)] == [vote_id]


def test_drag_a_cluster_to_the_other_zone_takes_its_cards(qtbot, editor, store, speedboat, ctx):
    cluster_id = speedboat["cluster_id"]
    frame = editor.scene.clusters[cluster_id]
    start = frame.mapRectToScene(frame.header_rect()).center()
    water = editor.scene.zones["brakes"].rect
    drag(editor.view, start, water.bottomRight() - QPointF(30, 30))
    with store.read() as s:
        assert clusters.get_cluster(s, cluster_id).zone == "brakes"
        zones = {c.zone for c in boards.cards_of(s, speedboat["board_id"]) if c.cluster_id}
    assert zones == {"brakes"}
    assert ctx.undo_stack.count() == 1
    ctx.undo_stack.undo()
    with store.read() as s:
        assert clusters.get_cluster(s, cluster_id).zone == "levers"


def test_new_rename_and_delete_boards_are_undoable(qtbot, editor, store, ctx, workshop_id):
    board_id = editor.new_board("astonishment")
    assert editor.data.board_id == board_id
    assert editor.entry.zone == "agree"
    assert editor.rename_board("Fiche étonnement <diagnostic> & co", "Table 3 🙂")
    assert editor.data.title == "Fiche étonnement <diagnostic> & co"
    assert not editor.rename_board("   ", "")  # an empty title is refused
    assert ctx.extras["messages"][-1].endswith("Rien n'a été modifié.")
    assert editor.delete_board()
    with store.read() as s:
        assert board_id not in [b.id for b in boards.list_boards(s, workshop_id)]
    ctx.undo_stack.undo()
    with store.read() as s:
        assert boards.get_board(s, board_id).subgroup == "Table 3 🙂"


def test_merge_chosen_cards_counts_them_and_undo_splits_them(qtbot, editor, store, speedboat, ctx):
    a = speedboat["cards"]["Formations trop longues"]
    b = speedboat["cards"]["Manque d'attractivité des métiers"]
    for cid in (a, b):
        editor.scene.cards[cid].setSelected(True)
    assert editor.actions_bar.merge.isEnabled()
    assert editor.merge_selected()
    with store.read() as s:
        kept = boards.get_card(s, a)
        assert (kept.weight, kept.author) == (2, "Table 1")
        assert b not in [c.id for c in boards.cards_of(s, speedboat["board_id"])]
    ctx.undo_stack.undo()
    with store.read() as s:
        assert boards.get_card(s, a).weight == 1
        assert boards.get_card(s, b).text == "Manque d'attractivité des métiers"


def test_the_group_button_names_the_new_cluster_not_false(qtbot, editor, store, speedboat, ctx):
    """Issue #13 item 13: « Regrouper » pre-filled the sous-thématique's name with « False »."""
    chosen = [
        speedboat["cards"]["Des binômes artisan-apprenti"],
        speedboat["cards"]["Formations trop longues"],
        speedboat["cards"]["Manque d'attractivité des métiers"],
    ]
    for cid in chosen:
        editor.scene.cards[cid].setSelected(True)
    assert editor.actions_bar.group.isEnabled()
    qtbot.mouseClick(editor.actions_bar.group, Qt.MouseButton.LeftButton)
    cluster_id = _card(store, chosen[0])[1]
    assert cluster_id is not None
    with store.read() as s:
        title = clusters.get_cluster(s, cluster_id).title
    assert title == "Sous-thématique"
    # The name editor opens on that word, ready to be typed over; the room never says False.
    assert editor.view.editor.toPlainText() == "Sous-thématique"
    assert "False" not in editor.scene.clusters[cluster_id]._title_text()


def test_a_kiss_group_becomes_one_fiche_and_the_board_marks_it(qtbot, ctx, store, workshop_id):
    """Issue #22 item 2: a sous-thématique became one fiche per post-it, and nothing on the
    board said which post-its already had their fiche."""
    from kitcop_desktop.tools.boards.spec import SPEC

    with store.write() as s:
        kiss = boards.create_board(s, workshop_id, "kiss", "KISS")
        a = boards.add_card(s, kiss.id, "start", "Un comité de suivi").id
        b = boards.add_card(s, kiss.id, "start", "Un comité des entreprises").id
        loose = boards.add_card(s, kiss.id, "start", "Un forum des métiers").id
        group = clusters.create_cluster(s, kiss.id, "start", "Comité", [a, b])["cluster_id"]
    editor = SPEC.make_editor(ctx)
    qtbot.addWidget(editor)
    editor.focus_item(kiss.id)
    assert not any("fiche" in i._footer for i in editor.scene.cards.values())
    editor.scene.cards[a].setSelected(True)  # one post-it of the group chosen: the group goes
    qtbot.mouseClick(editor.actions_bar.to_actions, Qt.MouseButton.LeftButton)
    with store.read() as s:
        made = [(f.origin_ref, f.action) for f in actions.list_for(s, workshop_id)]
    assert made == [(f"cluster:{group}", "Comité")]
    assert ctx.undo_stack.count() == 1
    # The group's frame says it became a fiche (its post-its need not repeat it).
    assert "fiche action 1" in editor.scene.clusters[group]._title_text()
    assert not any("fiche" in editor.scene.cards[c]._footer for c in (a, b, loose))
    editor.scene.clearSelection()
    editor.start_to_actions()  # nothing chosen: the rest of « on commence »
    with store.read() as s:
        assert len(actions.list_for(s, workshop_id)) == 2
    assert "fiche action 2" in editor.scene.cards[loose]._footer
    ctx.undo_stack.undo()
    ctx.undo_stack.undo()
    assert not any("fiche" in i._footer for i in editor.scene.cards.values())
    assert "fiche" not in editor.scene.clusters[group]._title_text()


def test_a_workshop_from_modele_kiss_opens_on_its_boards_and_offers_kiss_first(
    qtbot, ctx, store, workshop_id
):
    """Issue #22 item 10: Modèle KISS made no board and « Tableaux » offered the speedboat."""
    from kitcop_desktop.storage import agenda
    from kitcop_desktop.tools.boards.spec import SPEC

    with store.write() as s:
        agenda.apply_template(s, workshop_id, "modele_kiss")
    editor = SPEC.make_editor(ctx)
    qtbot.addWidget(editor)
    editor.activated()
    assert editor.data is not None and not editor.empty.isVisibleTo(editor)
    chooser = [editor.bar.chooser.itemText(i) for i in range(editor.bar.chooser.count())]
    assert chooser[:2] == ["Chemin de la rétrospective", "Rétrospective KISS"]
    offered = [a.text() for a in editor.bar.new_menu.actions()]
    assert offered[0] == "Rétrospective KISS" and offered[-1] != "Rétrospective KISS"
    assert offered.index("Speedboat") > offered.index("Chemin de la rétrospective")


def test_the_fiche_marker_of_a_group_never_leaves_its_number_alone_on_a_line(
    qtbot, ctx, store, workshop_id
):
    """Seen at 1920 px: « ✓ fiche action » ended a line and « 1 » sat alone on the next."""
    from kitcop_desktop.storage import boards_clusters
    from kitcop_desktop.tools.boards.spec import SPEC

    with store.write() as s:
        board = boards.create_board(s, workshop_id, "kiss", "KISS")
        a = boards.add_card(s, board.id, "start", "Un comité de suivi mensuel").id
        b = boards.add_card(s, board.id, "start", "Un comité avec les entreprises").id
        group = boards_clusters.create_cluster(s, board.id, "start", "Comité de pilotage", [a, b])
    editor = SPEC.make_editor(ctx)
    qtbot.addWidget(editor)
    editor.focus_item(board.id)
    editor.scene.clearSelection()
    editor.scene.clusters[group["cluster_id"]].setSelected(True)
    editor.start_to_actions()
    item = editor.scene.clusters[group["cluster_id"]]
    for width in range(150, 420, 6):
        item.header_height(width, 2)
        text = item._title.text()
        lines = [item._title.lineAt(i) for i in range(item._title.lineCount())]
        words = [text[ln.textStart() : ln.textStart() + ln.textLength()].split() for ln in lines]
        assert all(w != ["1"] for w in words), (width, words)
