"""The live run driven by keyboard and clicker; the room view; restart; sound; footer."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

from kitcop_desktop.domain.clock import FakeClock
from kitcop_desktop.storage import agenda, agenda_run
from kitcop_desktop.tools.agenda.live import AgendaLive
from kitcop_desktop.tools.agenda.spec import SPEC
from tests.model_tester import assert_model_sound, model_tester
from tests.tools.agenda.conftest import Recorder


@pytest.fixture
def editor(run_ctx, qtbot):
    widget = SPEC.make_editor(run_ctx)
    qtbot.addWidget(widget)
    widget.resize(1024, 700)
    widget.show()
    widget.tabs.setCurrentWidget(widget.run_view)
    widget.activated()
    return widget


# Modèle 1's first slot: the kit's « Accueil café » and « Introduction » in one 15 minutes.
WELCOME = "Accueil café / Introduction"


def key(widget, k, mods=Qt.KeyboardModifier.NoModifier, text="") -> bool:
    return widget.handle_room_key(QKeyEvent(QKeyEvent.Type.KeyPress, k, mods, text))


def test_space_starts_and_pauses_pagedown_and_pageup_move(editor, clock):
    live = editor.live
    assert key(editor, Qt.Key.Key_Space)
    assert live.runner.current.title == WELCOME and live.runner.running
    assert editor.run_view.toggle_button.text() == "Pause"
    clock.advance(90)
    live._arm()
    assert editor.run_view.countdown.text() == "13:30"
    assert key(editor, Qt.Key.Key_Space)
    assert live.runner.state() == "paused"
    clock.advance(600)
    assert editor.run_view.countdown.text() == "13:30"
    assert key(editor, Qt.Key.Key_PageDown)
    assert live.runner.current.title == "Brise-glace" and not live.runner.running
    assert key(editor, Qt.Key.Key_Right)
    assert live.runner.current.title == "Diagnostic"
    assert key(editor, Qt.Key.Key_PageUp) and key(editor, Qt.Key.Key_Left)
    assert live.runner.current.title == WELCOME
    assert live.runner.countdown().text() == "13:30"  # where it stopped


def test_plus_minus_and_shift_plus_change_the_current_sequence(editor, clock):
    key(editor, Qt.Key.Key_Space)
    key(editor, Qt.Key.Key_Plus)
    assert editor.live.countdown().text() == "16:00"
    key(editor, Qt.Key.Key_Minus)
    key(editor, Qt.Key.Key_Minus)
    assert editor.live.countdown().text() == "14:00"
    mods = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
    key(editor, Qt.Key.Key_Plus, mods)
    assert editor.live.countdown().text() == "19:00"
    assert "+4" in editor.run_view.planned.text()
    # A laptop's « + » needs Shift: still one minute. « * » is five on every keyboard.
    key(editor, Qt.Key.Key_Plus, Qt.KeyboardModifier.ShiftModifier, "+")
    assert editor.live.countdown().text() == "20:00"
    key(editor, Qt.Key.Key_Asterisk, text="*")
    assert editor.live.countdown().text() == "25:00"


def test_keys_are_left_to_the_table_while_preparing(editor):
    editor.tabs.setCurrentIndex(0)
    editor.ctx.room.visible = False
    assert not key(editor, Qt.Key.Key_Space)
    assert not key(editor, Qt.Key.Key_Right)
    assert key(editor, Qt.Key.Key_PageDown)  # the clicker always reaches the run
    assert not key(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def test_buttons_drive_the_run_too(editor, clock):
    view = editor.run_view
    view.toggle_button.click()
    view.plus5_button.click()
    assert editor.live.countdown().text() == "20:00"
    view.next_button.click()
    assert editor.live.runner.current.title == "Brise-glace" and editor.live.runner.running
    view.previous_button.click()
    view.finish_button.click()
    assert editor.live.runner.state() == "finished"
    assert view.position.text() == "Atelier terminé"


def test_restart_of_the_app_resumes_exactly(editor, run_ctx, clock, qtbot, store, workshop_id):
    key(editor, Qt.Key.Key_Space)
    clock.advance(200)
    key(editor, Qt.Key.Key_Plus)
    clock.advance(100)
    key(editor, Qt.Key.Key_PageDown)
    clock.advance(42)
    # The app dies; another process opens the same file later with a new clock origin.
    later = FakeClock(clock.wall())
    later.advance(18)
    run_ctx.extras.clear()
    run_ctx.extras.update(clock=later, sound=Recorder())
    again = SPEC.make_editor(run_ctx)
    qtbot.addWidget(again)
    assert again.live.runner.current.title == "Brise-glace"
    assert again.live.countdown().text() == "14:00"  # 15 min - 60 s
    assert again.live.runner.countdown(again.live.runner.sequences[0].id).text() == "11:00"


def test_linked_tool_opens_when_its_sequence_starts(editor, run_ctx):
    for _ in range(3):  # the first PageDown enters « Accueil café / Introduction »
        key(editor, Qt.Key.Key_PageDown)
    assert editor.live.runner.current.title == "Diagnostic"
    # Not linked to a board: a fresh one is made and linked (never the last one selected).
    with run_ctx.store.read() as s:
        board_id = agenda.get(s, editor.live.runner.current_id).tool_ref
    assert board_id is not None and ("boards", board_id) in run_ctx.extras["activated"]


def test_room_view_shows_title_consignes_and_countdown(run_ctx, editor, qtbot, clock):
    room = SPEC.make_room_view(run_ctx)
    qtbot.addWidget(room)
    room.resize(1024, 768)
    room.show()
    assert room.pages.currentWidget() is room.programme
    assert "Accueil café" in room.programme_body.text()
    for _ in range(6):  # the clicker: through the Introduction's pages, to the Brise-glace
        key(editor, Qt.Key.Key_PageDown)
        if editor.live.runner.current.title == "Brise-glace":
            break
    key(editor, Qt.Key.Key_Space)
    assert room.pages.currentWidget() is room.sequence_page
    assert room.title.text() == "Brise-glace" and "2030" in room.instructions.text()
    assert room.counter.text() == "2 / 7"
    room.grab()  # paint: sizes are measured while painting
    assert room.instructions.pixel_size >= 768 // 20
    assert room.countdown.time_pixel_size >= 768 // 4
    # the room never sees the intention nor the materials
    assert "Créer un climat" not in room.instructions.text()


def _squeezed(text: str) -> str:
    return "".join(text.split())


def test_consignes_are_paged_never_cut_and_the_clicker_turns_the_pages(
    run_ctx, editor, qtbot, store
):
    """#13 item 4: the kit's cadre des échanges ended « on partage le temps de … »."""
    room = SPEC.make_room_view(run_ctx)
    qtbot.addWidget(room)
    room.resize(1024, 768)
    room.show()
    intro = next(s for s in editor.live.runner.sequences if s.title == WELCOME)
    editor.live.go_to(intro.id)
    with store.read() as s:
        consignes = agenda.get(s, intro.id).instructions
    text = room.instructions
    count = text.page_count()
    assert count >= 2 and editor.live.page_count == count
    pages = []
    for page in range(count):
        room.grab()
        assert text.pixel_size >= 768 // 20  # never shrunk below the room's body size
        assert "…" not in text.shown_text
        assert text.page_indicator().startswith(f"{page + 1}/{count}")
        pages.append(text.shown_text)
        assert room.title.text() == WELCOME
        key(editor, Qt.Key.Key_PageDown)
    # Every word of the consignes is on one of the pages, in order: nothing is cut.
    assert _squeezed("".join(pages)) == _squeezed(consignes)
    assert editor.live.runner.current.title == "Brise-glace"
    assert text.page_indicator() == ""  # the Brise-glace fits on one page
    key(editor, Qt.Key.Key_PageUp)  # back to the Introduction, its first page
    assert editor.live.runner.current.title == WELCOME and text.page() == 0


def test_very_long_consignes_are_paged_at_the_body_size(run_ctx, editor, qtbot, store):
    words = " ".join(f"mot{i}" for i in range(900))
    with store.write() as s:
        first = agenda.list_sequences(s, run_ctx.workshop_id)[0]
        agenda.update_sequence(s, first.id, instructions=words)
    run_ctx.hub.notify("agenda", run_ctx.workshop_id)
    room = SPEC.make_room_view(run_ctx)
    qtbot.addWidget(room)
    room.resize(1024, 768)
    room.show()
    key(editor, Qt.Key.Key_Space)
    text = room.instructions
    assert text.page_count() > 3
    seen = []
    for page in range(text.page_count()):
        text.set_page(page)
        room.grab()
        assert text.pixel_size >= 768 // 20
        seen.append(text.shown_text)
    assert _squeezed("".join(seen)) == _squeezed(words)


def test_break_screen_says_when_we_resume(run_ctx, editor, qtbot, clock):
    room = SPEC.make_room_view(run_ctx)
    qtbot.addWidget(room)
    room.resize(1024, 768)
    live = editor.live
    pause = next(s for s in live.runner.sequences if s.kind == "break")
    live.go_to(pause.id)
    live.start()
    clock.advance(60)
    room.reload()
    assert room.pages.currentWidget() is room.break_page
    assert room.break_title.text() == "Pause — reprise\u00a0à\u00a09\u00a0h\u00a010"


def test_end_screen(run_ctx, editor, qtbot):
    room = SPEC.make_room_view(run_ctx)
    qtbot.addWidget(room)
    editor.live.start()
    editor.live.finish()
    assert room.pages.currentWidget() is room.end_page


def test_sound_at_one_minute_and_zero_when_on_and_m_toggles(editor, run_ctx, clock):
    live = editor.live
    sound = run_ctx.extras["sound"]
    alerts: list[str] = []
    live.alert.connect(alerts.append)
    assert not live.sound_on  # off until asked
    assert key(editor, Qt.Key.Key_M)
    assert live.sound_on and run_ctx.settings.value("agenda/sound_on") in (True, "true")
    key(editor, Qt.Key.Key_Space)
    for _ in range(15 * 60 + 3):
        clock.advance(live.countdown().ms_until_next_change() / 1000)
        live._on_second()
    assert alerts == ["one_minute", "zero"] and sound.played == ["one_minute", "zero"]
    key(editor, Qt.Key.Key_M)
    assert not live.sound_on
    # remembered by the next session
    again = AgendaLive(run_ctx, clock)
    assert not again.sound_on


def test_no_sound_for_a_value_found_after_a_restart(run_ctx, clock, store, workshop_id):
    with store.write() as s:
        runner = agenda_run.load_runner(s, workshop_id, clock)
        agenda_run.append_events(s, workshop_id, runner.start())
    clock.advance(15 * 60 + 30)  # overrun already when the app comes back
    live = AgendaLive(run_ctx, clock)
    live.set_sound_on(True)
    alerts: list[str] = []
    live.alert.connect(alerts.append)
    clock.advance(1)
    live._on_second()
    assert alerts == [] and live.countdown().text() == "+00:31"


def test_footer_on_the_room_while_another_tool_is_shown(editor, run_ctx):
    room = run_ctx.room
    key(editor, Qt.Key.Key_Space)
    assert room.footer() is None  # the agenda itself is on screen
    editor.deactivated()
    assert isinstance(room.footer(), QWidget)
    assert room.footer().title_text() == WELCOME
    editor.activated()
    assert room.footer() is None


def test_restart_is_undoable(editor, run_ctx, clock):
    key(editor, Qt.Key.Key_Space)
    clock.advance(30)
    editor.run_view.restart_button.click()
    assert editor.live.runner.state() == "not_started"
    run_ctx.undo_stack.undo()
    assert editor.live.runner.current.title == WELCOME


def test_linked_item_is_passed_to_the_tool(run_ctx, qtbot, store, workshop_id):
    from kitcop_desktop.storage import boards

    with store.write() as s:
        board = boards.create_board(s, workshop_id, "speedboat", "Speedboat")
        first = agenda.list_sequences(s, workshop_id)[0]
    widget = SPEC.make_editor(run_ctx)
    qtbot.addWidget(widget)
    widget.select(first.id)
    detail = widget.detail
    detail.tool.setCurrentIndex(detail.tool.findData("boards"))
    detail.tool.activated.emit(detail.tool.currentIndex())
    assert detail.tool_item.isEnabled() and detail.tool_item.count() == 2
    detail.tool_item.setCurrentIndex(1)
    detail.tool_item.activated.emit(1)
    widget.live.start()
    assert run_ctx.extras["activated"][-1] == ("boards", board.id)


def test_world_cafe_rotation_tells_the_room_to_move(run_ctx, qtbot, store, workshop_id, clock):
    with store.write() as s:
        agenda.apply_template(s, workshop_id, "world_cafe")
    run_ctx.hub.notify("agenda", workshop_id)
    widget = SPEC.make_editor(run_ctx)
    qtbot.addWidget(widget)
    room = SPEC.make_room_view(run_ctx)
    qtbot.addWidget(room)
    live = widget.live
    rotation = next(s for s in live.runner.sequences if s.kind == "rotation")
    live.go_to(rotation.id)
    live.start()
    assert room.title.text().startswith("Rotation 1")
    assert room.countdown._caption == "Puis changez de table"
    clock.advance(20 * 60 + 2)
    live._on_second()
    assert room.countdown._caption == "Changez de table !"


def test_restart_before_the_run_changes_nothing(editor, run_ctx):
    editor.run_view.restart_button.click()
    assert run_ctx.undo_stack.count() == 0
    assert "pas encore commencé" in run_ctx.extras["messages"][-1]


def test_facilitator_sees_the_delay_and_who_can_absorb_it(editor, clock):
    key(editor, Qt.Key.Key_Space)
    clock.advance(25 * 60)  # the first slot, planned 15 min, still going after 25
    editor.live._arm()
    view = editor.run_view
    drift = view.drift.text().replace("\u00a0", " ")
    assert drift == "En retard de 10 min, fin prévue 11 h 40\n(déroulé : fin à 11 h 30)"
    absorbers = view.absorbers.text().replace("\u00a0", " ")
    assert "Diagnostic : 50 min → 40 min (−10 min)" in absorbers
    assert "Pause" not in absorbers
    assert "Brise-glace (15 min)" in view.next_label.text().replace("\u00a0", " ")


def test_break_screen_keeps_reprise_and_its_time_on_one_line(run_ctx, editor, qtbot, clock):
    """At 1024×768 the title broke as « Pause — reprise à » / « 9 h 10 »: the time alone."""
    room = SPEC.make_room_view(run_ctx)
    qtbot.addWidget(room)
    room.resize(1024, 768)
    room.show()
    live = editor.live
    live.go_to(next(s for s in live.runner.sequences if s.kind == "break").id)
    live.start()
    room.reload()
    room.grab()
    lines = room.break_title.page_text().split("\n")
    assert "reprise\u00a0à\u00a09\u00a0h\u00a010" in [line.strip(" —") for line in lines], lines
    assert room.break_title.pixel_size >= 768 // 20


@pytest.mark.parametrize("size", [(324, 243), (1024, 768)])
def test_the_thanks_never_end_a_line_on_a(run_ctx, editor, qtbot, size):
    """« Merci à / toutes et à / tous ! »: each « à » stays with the word it introduces."""
    room = SPEC.make_room_view(run_ctx)
    qtbot.addWidget(room)
    room.resize(*size)
    room.show()
    editor.live.start()
    editor.live.finish()
    room.grab()
    lines = room.end_text.page_text().split("\n")
    assert not any(line.rstrip().endswith(" à") for line in lines), lines
    assert room.end_text.pixel_size >= size[1] // 20


def test_the_run_s_list_is_a_sound_model_and_enter_goes_to_a_sequence(editor, clock, qtbot, qtlog):
    view = editor.run_view
    tester = model_tester(view.sequences.model())
    redrawn: list[int] = []
    view.sequences.model().dataChanged.connect(lambda a, _b: redrawn.append(a.row()))
    key(editor, Qt.Key.Key_Space)
    assert view.sequences.row_text(0).startswith("▶")
    redrawn.clear()
    key(editor, Qt.Key.Key_PageDown)  # the ▶ moves on: the two lines concerned are redrawn
    assert view.sequences.row_text(1).startswith("▶") and not view.sequences.row_text(0).startswith(
        "▶"
    )
    assert 0 in redrawn and 1 in redrawn
    view.sequences.setFocus()
    view.sequences.setCurrentRow(3)
    qtbot.keyClick(view.sequences, Qt.Key.Key_Return)  # Entrée: go to the chosen séquence
    assert editor.live.runner.current.title == "Pause"
    assert view.sequences.row_text(3).startswith("▶")
    assert tester is not None
    assert_model_sound(qtlog)
