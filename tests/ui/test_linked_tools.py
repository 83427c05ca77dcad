"""A séquence linked to a speaking round opens that round when the déroulé reaches it."""

from __future__ import annotations

from kitcop_desktop.app import load_tool_specs
from kitcop_desktop.storage import agenda, rounds
from kitcop_desktop.ui.main_window import MainWindow


def open_agenda(qtbot, store, workshop_id):
    """The real main window on the workshop, its déroulé in front: (window, live runner)."""
    window = MainWindow(store, specs=load_tool_specs())
    qtbot.addWidget(window)
    window.resize(1024, 740)
    window.show()
    assert window.open_workshop(workshop_id)
    window.activate_tool("agenda")
    return window, window.current_editor().live


def test_running_into_the_declusion_opens_its_round_on_both_screens(qtbot, store, workshop_id):
    with store.write() as s:
        agenda.apply_template(s, workshop_id, "modele_1")
        rounds.create_round(s, workshop_id, "check_in")
        closing = rounds.create_round(s, workshop_id, "closing")
        declusion = next(q for q in agenda.list_sequences(s, workshop_id) if q.title == "Déclusion")
        assert declusion.tool_key == "rounds"  # the kit's template links it already
        agenda.update_sequence(s, declusion.id, tool_ref=closing.id)
    window, live = open_agenda(qtbot, store, workshop_id)
    live.go_to(declusion.id)
    live.start()
    bowl_tool = window.current_editor()
    assert window.workshop_view.current_key == "fishbowl"
    assert bowl_tool.tabs.currentWidget() is bowl_tool.rounds
    assert bowl_tool.rounds.round_id == closing.id  # not the météo created after it
    room = window.workshop_view.room_view("fishbowl")
    assert room.round.kicker.text().startswith("Déclusion")
    window.room.close()


def test_an_unknown_link_key_says_so_and_changes_nothing(qtbot, store, workshop_id):
    window = MainWindow(store, specs=load_tool_specs())
    qtbot.addWidget(window)
    window.show()
    assert window.open_workshop(workshop_id)
    window.activate_tool("agenda")
    window.activate_tool("nothing_like_this", 3)
    assert window.workshop_view.current_key == "agenda"
    assert "pas disponible" in window.statusBar().currentMessage()
    window.room.close()


def test_once_the_round_is_over_the_clicker_moves_the_deroule_on(qtbot, store, workshop_id):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from kitcop_desktop.storage import participants

    with store.write() as s:
        agenda.apply_template(s, workshop_id, "modele_1")
        participants.add(s, workshop_id, "Awa Diallo")
        participants.add(s, workshop_id, "Jean Martin")
        icebreaker = rounds.create_round(s, workshop_id, "icebreaker")
        seq = next(q for q in agenda.list_sequences(s, workshop_id) if q.title == "Brise-glace")
        agenda.update_sequence(s, seq.id, tool_ref=icebreaker.id)
    window, live = open_agenda(qtbot, store, workshop_id)
    live.go_to(seq.id)
    live.start()
    assert window.workshop_view.current_key == "fishbowl"
    window.setFocus()
    for _ in range(3):  # the round starts, Jean speaks, then the round is over
        QTest.keyClick(window, Qt.Key.Key_PageDown)
    with store.read() as s:
        assert rounds.get(s, icebreaker.id).state == "finished"
    assert live.runner.sequence(live.runner.current_id).title == "Brise-glace"
    rounds_tab = window.current_editor().rounds
    assert not rounds_tab.next_button.isEnabled()  # « Suivant » cannot look like it does something
    QTest.keyClick(window, Qt.Key.Key_PageDown)
    assert live.runner.sequence(live.runner.current_id).title == "Diagnostic"
    assert window.workshop_view.current_key == "boards"
    window.room.close()


def test_a_workshop_made_from_modele_kiss_runs_into_its_own_tools(qtbot, store):
    """Issue #22 item 10: the welcome screen's « Nouvel atelier » on Modèle KISS makes the
    chemin, the KISS board and the déclusion round with it; running the déroulé opens each."""
    from datetime import date

    window = MainWindow(store, specs=load_tool_specs())
    qtbot.addWidget(window)
    window.resize(1024, 740)
    window.show()
    workshop_id = window.welcome.create_workshop("Bilan KISS", date(2026, 5, 4), "modele_kiss")
    assert window.open_workshop(workshop_id)
    window.activate_tool("agenda")
    live = window.current_editor().live
    with store.read() as s:
        steps = {q.title: q.id for q in agenda.list_sequences(s, workshop_id)}
    for title, kind in (("Rétrospective", "retro_path"), ("La méthode KISS", "kiss")):
        live.go_to(steps[title])
        live.start()
        assert window.workshop_view.current_key == "boards"
        board = window.current_editor()
        assert board.data is not None and board.data.kind == kind, title
        room = window.workshop_view.room_view("boards")
        qtbot.waitUntil(lambda r=room, k=kind: r.scene.data is not None and r.scene.data.kind == k)
    live.go_to(steps["Déclusion"])
    live.start()
    assert window.workshop_view.current_key == "fishbowl"
    tab = window.current_editor().rounds
    with store.read() as s:
        assert rounds.get(s, tab.round_id).kind == "closing"
    assert window.workshop_view.room_view("fishbowl").round.kicker.text().startswith("Déclusion")
    window.room.close()
