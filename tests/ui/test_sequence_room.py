"""#13 items 5 and 6, in the real main window: a séquence always shows the room something
useful, opens a fresh item of its tool (or the one it is linked to), and the room shows one
countdown at a time."""

from __future__ import annotations

from datetime import UTC, datetime

from kitcop_desktop.app import load_tool_specs
from kitcop_desktop.storage import agenda, boards, fishbowl, participants
from kitcop_desktop.tools.agenda.room_view import AgendaRoomView
from kitcop_desktop.ui.main_window import MainWindow
from kitcop_desktop.ui.widgets.big_countdown import BigCountdown


def open_run(qtbot, store, workshop_id):
    """Modèle 1 in the real main window, room screen up at 1024×768: (window, live run)."""
    with store.write() as s:
        agenda.apply_template(s, workshop_id, "modele_1")
        for name in ("Awa Diallo", "Jean Martin", "Léa Roux"):
            participants.add(s, workshop_id, name)
    window = MainWindow(store, specs=load_tool_specs())
    qtbot.addWidget(window)
    window.resize(1024, 740)
    window.show()
    assert window.open_workshop(workshop_id)
    window.activate_tool("agenda")
    window.room.show()
    window.room.resize(1024, 768)
    return window, window.current_editor().live


def sequence(live, title):
    return next(s for s in live.runner.sequences if s.title == title)


def run_to(live, title):
    live.go_to(sequence(live, title).id)
    if not live.runner.running:
        live.start()


def shown_countdowns(window) -> list[BigCountdown]:
    """The countdowns the room actually shows (visible in the room window, with a time)."""
    return [
        c
        for c in window.room.findChildren(BigCountdown)
        if c.countdown() is not None and c.isVisibleTo(window.room) and c.height() > 0
    ]


def test_an_empty_tool_keeps_the_sequences_consignes_on_the_room(qtbot, store, workshop_id):
    window, live = open_run(qtbot, store, workshop_id)
    run_to(live, "Brise-glace")
    assert window.workshop_view.current_key == "fishbowl"  # the facilitator gets the round
    shown = window.room.shown_stage()
    assert isinstance(shown, AgendaRoomView)  # not an empty « Tour de parole » slide
    assert shown.title.text() == "Brise-glace" and "2030" in shown.instructions.text()
    assert len(shown_countdowns(window)) == 1

    run_to(live, "Diagnostic")
    assert window.workshop_view.current_key == "boards"
    shown = window.room.shown_stage()
    assert isinstance(shown, AgendaRoomView)  # not a black screen with only the timer
    assert "freins" in shown.instructions.text()
    # The first post-it: the room now shows the board, with the one countdown strip.
    with store.write() as s:
        board_id = agenda.get(s, sequence(live, "Diagnostic").id).tool_ref
        boards.add_card(s, board_id, "brakes", "Manque de formateurs")
    window.hub.notify("boards", workshop_id)
    assert window.room.shown_stage() is window.workshop_view.room_view("boards")
    assert window.room.footer() is not None and window.room.footer().isVisibleTo(window.room)
    assert len(shown_countdowns(window)) == 1
    window.room.close()


def test_a_sequence_opens_a_fresh_bowl_never_a_finished_one(qtbot, store, workshop_id):
    with store.write() as s:
        old = fishbowl.create(s, workshop_id, title="Bocal de la veille")
        fishbowl.finish(s, old.id, datetime.now(UTC))
    window, live = open_run(qtbot, store, workshop_id)
    window.activate_tool("fishbowl", old.id)  # the last bowl the facilitator looked at
    window.activate_tool("agenda")
    run_to(live, "Projection 2030")
    tool = window.current_editor()
    assert window.workshop_view.current_key == "fishbowl"
    assert tool.bowl.fishbowl_id != old.id
    with store.read() as s:
        linked = agenda.get(s, sequence(live, "Projection 2030").id).tool_ref
        assert linked == tool.bowl.fishbowl_id
        assert fishbowl.get(s, linked).state == "setup"
    room_bowl = window.workshop_view.room_view("fishbowl").bowl
    assert "terminé" not in room_bowl.ended.text() or not room_bowl.ended.isVisibleTo(window.room)
    # One undo step (on the déroulé's stack: the facilitator acted there) takes the new bowl
    # and the link away again.
    window.workshop_view.undo_stack("agenda").undo()
    with store.read() as s:
        assert agenda.get(s, sequence(live, "Projection 2030").id).tool_ref is None
        assert [b.id for b in fishbowl.list_fishbowls(s, workshop_id)] == [old.id]
    window.room.close()


def test_a_sequence_opens_the_item_it_is_linked_to(qtbot, store, workshop_id):
    with store.write() as s:
        agenda.apply_template(s, workshop_id, "modele_1")
        first = boards.create_board(s, workshop_id, "speedboat", "Sous-groupe 1")
        chosen = boards.create_board(s, workshop_id, "speedboat", "Sous-groupe 2")
        boards.add_card(s, chosen.id, "levers", "Des stages en entreprise")
        diagnostic = next(
            q for q in agenda.list_sequences(s, workshop_id) if q.title == "Diagnostic"
        )
        agenda.update_sequence(s, diagnostic.id, tool_ref=chosen.id)
    window = MainWindow(store, specs=load_tool_specs())
    qtbot.addWidget(window)
    window.show()
    assert window.open_workshop(workshop_id)
    window.activate_tool("boards", first.id)
    window.activate_tool("agenda")
    live = window.current_editor().live
    window.room.show()
    run_to(live, "Diagnostic")
    assert window.current_editor().data.board_id == chosen.id
    assert window.room.shown_stage() is window.workshop_view.room_view("boards")  # content
    window.room.close()


def test_one_countdown_on_the_room_during_the_fishbowl(qtbot, store, workshop_id):
    """The bowl's 35:00 and the séquence's 34:42 were side by side."""
    window, live = open_run(qtbot, store, workshop_id)
    run_to(live, "Projection 2030")
    with store.write() as s:
        bowl_id = agenda.get(s, sequence(live, "Projection 2030").id).tool_ref
        fishbowl.toggle_timebox(s, bowl_id, datetime.now(UTC))  # the bowl starts
    window.hub.notify("fishbowl", workshop_id)
    assert window.room.shown_stage() is window.workshop_view.room_view("fishbowl")
    shown = shown_countdowns(window)
    assert len(shown) == 1
    assert shown[0] is window.workshop_view.room_view("fishbowl").bowl.countdown
    # Back to a tool without a countdown of its own: the séquence's strip comes back.
    window.activate_tool("printing")
    shown = shown_countdowns(window)
    assert len(shown) == 1 and shown[0] is window.room.footer().countdown
    window.room.close()
