"""The fishbowl tab as a facilitator uses it: a short fishbowl, the empty-chair rule, undo,
keys, private notes kept off the room screen until revealed. Real store, real widgets."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent

from kitcop_desktop.domain.clock import FakeClock
from kitcop_desktop.storage import fishbowl, participants
from kitcop_desktop.tools.fishbowl.spec import SPEC
from tests.model_tester import assert_model_sound, model_tester

PEOPLE = (
    "Claire Dubois\t\tpublic\nThomas Girard\t\tprivé\nNadia Haddad\nLéa Fontaine\nKarim Benali\n"
)


def key(k, text=""):
    return QKeyEvent(QEvent.Type.KeyPress, k, Qt.KeyboardModifier.NoModifier, text)


@pytest.fixture
def tool(ctx, qtbot):
    with ctx.store.write() as s:
        participants.paste(s, ctx.workshop_id, PEOPLE)
    clock = ctx.extras["clock"] = FakeClock()
    editor = SPEC.make_editor(ctx)
    room = SPEC.make_room_view(ctx)
    qtbot.addWidget(editor)
    qtbot.addWidget(room)
    room.resize(1024, 768)
    editor.bowl.new_item()
    return editor, room, clock


def circle_row(panel, name):
    circle = panel.centre.circle
    for row in range(circle.count()):
        if circle.row_text(row).startswith(name):
            return circle.model().index(row, 0)
    raise AssertionError(f"{name} not in the circle")


def seat(panel, name):
    panel.centre.circle.activated.emit(circle_row(panel, name))


def test_spec_is_the_fourth_tool():
    assert (SPEC.key, SPEC.title, SPEC.icon, SPEC.order) == (
        "fishbowl",
        "Bocal & tours",
        "fishbowl",
        4,
    )


def test_a_new_fishbowl_shows_the_2030_question_and_four_empty_chairs(tool):
    editor, room, _ = tool
    assert editor.bowl.question.toPlainText().startswith("Nous sommes en 2030")
    assert [c.name.full_text() for c in editor.bowl.centre.cards] == ["Chaise vide"] * 4
    assert room.bowl.question.text().startswith("Nous sommes en 2030")
    assert room.bowl.circle.names == {}


def test_a_short_fishbowl_seats_marks_the_speaker_counts_time_and_undoes(tool, qtbot):
    editor, room, clock = tool
    panel = editor.bowl
    seat(panel, "Claire")
    seat(panel, "Thomas")
    assert panel.centre.cards[0].name.full_text() == "Claire Dubois"
    assert room.bowl.circle.names == {0: "Claire Dubois", 1: "Thomas Girard"}
    qtbot.mouseClick(panel.centre.cards[1].speak, Qt.MouseButton.LeftButton)
    assert panel.status.text() == "Parle : Thomas Girard"
    assert room.bowl.circle.speaking_chair == 1
    clock.advance(75)
    panel._tick()
    assert panel.stats.model.text(0, 0) == "Thomas Girard"
    assert panel.stats.model.text(0, 1) == "1\u00a0min\u00a015\u00a0s"
    assert "Claire Dubois" in panel.stats.silent.text()
    assert panel.countdown.text() == "33:45"  # the timebox started with the first seat
    panel.ctx.undo_stack.undo()  # the speaker mark
    assert panel.status.text() == "Personne ne parle."
    assert room.bowl.circle.speaking_chair is None
    panel.ctx.undo_stack.redo()
    assert room.bowl.circle.speaking_chair == 1


def test_taking_the_last_free_chair_asks_who_leaves_proposing_the_longest_seated(tool):
    editor, room, clock = tool
    panel = editor.bowl
    for name in ("Claire", "Thomas", "Nadia"):
        seat(panel, name)
        clock.advance(20)
    asked = []

    def choose(newcomer, options, proposed):
        asked.append((newcomer, [n for _, n in options], panel.data.name(proposed)))
        return proposed

    panel.commands.choose_leaver = choose
    seat(panel, "Léa")
    assert asked == [
        ("Léa Fontaine", ["Claire Dubois", "Thomas Girard", "Nadia Haddad"], "Claire Dubois")
    ]
    assert sorted(room.bowl.circle.names.values()) == [
        "Léa Fontaine",
        "Nadia Haddad",
        "Thomas Girard",
    ]
    assert [c.name.full_text() for c in panel.centre.cards].count("Chaise vide") == 1


def test_cancelling_who_leaves_changes_nothing(tool):
    editor, _room, _clock = tool
    panel = editor.bowl
    for name in ("Claire", "Thomas", "Nadia"):
        seat(panel, name)
    panel.commands.choose_leaver = lambda *args: None
    count = panel.ctx.undo_stack.count()
    seat(panel, "Léa")
    assert panel.ctx.undo_stack.count() == count
    assert "Léa Fontaine" not in [c.name.full_text() for c in panel.centre.cards]


def test_digit_keys_mark_who_speaks_and_zero_stops(tool):
    editor, _room, _clock = tool
    panel = editor.bowl
    seat(panel, "Claire")
    seat(panel, "Karim")
    assert editor.handle_room_key(key(Qt.Key.Key_2, "2"))
    assert panel.status.text() == "Parle : Karim Benali"
    assert editor.handle_room_key(key(Qt.Key.Key_1, "1"))
    assert panel.status.text() == "Parle : Claire Dubois"
    assert editor.handle_room_key(key(Qt.Key.Key_0, "0"))
    assert panel.status.text() == "Personne ne parle."
    assert not editor.handle_room_key(key(Qt.Key.Key_4, "4"))  # an empty chair


def test_space_pauses_the_timebox_and_plus_adds_a_minute(tool):
    editor, _room, clock = tool
    panel = editor.bowl
    assert editor.handle_room_key(key(Qt.Key.Key_Space, " "))
    clock.advance(60)
    assert panel.countdown.text() == "34:00"
    editor.handle_room_key(key(Qt.Key.Key_Space, " "))
    clock.advance(600)
    editor.handle_room_key(key(Qt.Key.Key_Plus, "+"))
    assert panel.countdown.text() == "35:00"


def test_private_notes_stay_off_the_room_screen_until_revealed(tool):
    editor, room, _clock = tool
    panel = editor.bowl
    panel.notes.entries["levers"].setText("Un guichet unique <rénovation> & 🌱")
    panel.notes.entries["levers"].returnPressed.emit()
    assert panel.notes.lists["levers"].item(0).text() == "Un guichet unique <rénovation> & 🌱"
    assert room.bowl.middle.currentWidget() is room.bowl.circle
    panel.commands.confirm_reveal = lambda count: True
    panel.notes.reveal_all.click()
    assert room.bowl.middle.currentWidget() is room.bowl.notes
    assert room.bowl.notes.pages() == [("levers", ["Un guichet unique <rénovation> & 🌱"])]
    panel.notes.hide_all.click()  # a reveal is outside undo: « Tout masquer » takes it back
    assert room.bowl.middle.currentWidget() is room.bowl.circle


def test_statistics_reach_the_room_only_when_chosen(tool):
    editor, room, clock = tool
    panel = editor.bowl
    seat(panel, "Claire")
    panel.commands.speak(panel.data.centre.seated[0])
    clock.advance(30)
    assert room.bowl.stats.isHidden() or room.bowl.middle.currentWidget() is not room.bowl.stats
    panel.show_stats.setChecked(True)
    assert room.bowl.middle.currentWidget() is room.bowl.stats
    assert "Claire Dubois — 30\u00a0s (100\u00a0%)" in room.bowl.stats.text()


def test_bad_setup_says_why_in_french_and_keeps_the_stored_value(tool):
    editor, _room, _clock = tool
    panel = editor.bowl
    for name in ("Claire", "Thomas", "Nadia"):
        seat(panel, name)
    panel.chairs.setValue(3)
    panel.chairs.editingFinished.emit()
    assert "chaise doit rester vide" in panel.ctx.extras["messages"][-1]
    assert "Rien n'a été modifié" in panel.ctx.extras["messages"][-1]
    assert panel.chairs.value() == 4


def test_a_latecomer_joins_the_circle_and_can_sit(tool, ctx):
    editor, _room, _clock = tool
    panel = editor.bowl
    panel.centre.latecomer.setText("Émilie Vasseur")
    panel.centre.latecomer.returnPressed.emit()
    seat(panel, "Émilie")
    assert panel.centre.cards[0].name.full_text() == "Émilie Vasseur"
    with ctx.store.read() as s:
        assert "Émilie Vasseur" in [p.name for p in participants.list_for(s, ctx.workshop_id)]


def test_after_finishing_the_room_shows_no_countdown_and_clicks_are_refused(tool):
    editor, room, _clock = tool
    panel = editor.bowl
    seat(panel, "Claire")
    panel.commands.finish()
    assert room.bowl.countdown.isHidden()
    assert not panel.centre.isEnabled()
    assert not panel.play.isEnabled()  # no « Démarrer » on a finished bowl
    panel.commands.seat(panel.data.members[1].id)
    assert "terminé" in panel.ctx.extras["messages"][-1]
    with panel.ctx.store.read() as s:
        assert fishbowl.centre(s, panel.fishbowl_id).seated == {}


def test_room_sizes_follow_the_screen_height(tool, qtbot):
    editor, room, _clock = tool
    room.show()
    qtbot.waitExposed(room)
    room.bowl.show_bowl(editor.bowl.data)
    assert room.bowl.question.font().pixelSize() >= 768 // 20
    assert room.bowl.kicker.font().pixelSize() >= 768 // 20
    assert room.bowl.countdown.height() >= 768 / 4


def test_clicks_after_the_timebox_still_count_and_the_room_shows_the_overrun(tool):
    editor, room, clock = tool
    panel = editor.bowl
    seat(panel, "Claire")
    clock.advance(35 * 60 + 5)
    panel.commands.speak(panel.data.centre.seated[0])
    clock.advance(20)
    room.bowl.countdown.refresh()
    assert room.bowl.countdown.text() == "+00:25"
    assert room.bowl.countdown.label() == "Dépassement"
    panel._tick()
    assert panel.stats.model.text(0, 1) == "20\u00a0s"


def test_a_new_window_after_a_kill_shows_the_same_centre_and_speaker(tool, ctx, qtbot):
    editor, _room, clock = tool
    seat(editor.bowl, "Nadia")
    editor.bowl.commands.speak(editor.bowl.data.centre.seated[0])
    clock.advance(90)
    again = SPEC.make_editor(ctx)  # what the shell builds when the app is reopened
    qtbot.addWidget(again)
    assert again.bowl.status.text() == "Parle : Nadia Haddad"
    assert again.bowl.stats.model.text(0, 1) == "1\u00a0min\u00a030\u00a0s"


def test_a_long_question_keeps_whole_sentences_that_fit_above_the_circle(tool, qtbot):
    editor, room, _clock = tool
    panel = editor.bowl
    room.show()
    qtbot.waitExposed(room)
    long_question = " ".join(
        f"Question numéro {i} sur ce que nous avons fait en 2030 ?" for i in range(12)
    )
    panel.commands.save_setup("question", long_question)
    qtbot.wait(50)  # the layout settles
    question = room.bowl.question
    assert question.text().endswith("…")
    assert question.text().startswith("Question numéro 0")
    assert question.font().pixelSize() >= 768 // 20
    needed = question.heightForWidth(question.width())
    assert needed <= question.height() + 2  # nothing cut
    assert room.bowl.countdown.height() >= 768 / 4


def test_notes_are_corrected_in_place_and_deleted_with_the_delete_key(tool, qtbot):
    editor, _room, _clock = tool
    panel = editor.bowl
    for text in ("Former 200 artisans", "Un CFA mobile"):
        panel.notes.entries["actions"].setText(text)
        panel.notes.entries["actions"].returnPressed.emit()
    notes = panel.notes.lists["actions"]
    notes.item(0).setText("Former 2 000 artisans")
    assert [n.text for n in panel.data.notes] == ["Former 2 000 artisans", "Un CFA mobile"]
    notes.setCurrentRow(1)
    qtbot.keyClick(notes, Qt.Key.Key_Delete)
    assert [n.text for n in panel.data.notes] == ["Former 2 000 artisans"]
    panel.ctx.undo_stack.undo()
    assert [n.text for n in panel.data.notes] == ["Former 2 000 artisans", "Un CFA mobile"]


def test_a_deleted_fishbowl_comes_back_whole_with_ctrl_z(tool):
    editor, room, clock = tool
    panel = editor.bowl
    seat(panel, "Claire")
    panel.commands.speak(panel.data.centre.seated[0])
    clock.advance(40)
    bowl_id = panel.fishbowl_id
    panel.commands.delete_current()
    assert panel.data is None and not panel.empty.isHidden()
    assert room.bowl.circle.names == {}
    panel.ctx.undo_stack.undo()
    assert panel.fishbowl_id == bowl_id
    assert panel.data.stats(clock.wall()).people[0].seconds == 40
    assert room.bowl.circle.names == {0: "Claire Dubois"}


def test_focus_item_opens_the_fishbowl_asked_for(tool, ctx):
    editor, _room, _clock = tool
    first = editor.bowl.fishbowl_id
    editor.bowl.new_item()
    assert editor.bowl.fishbowl_id != first
    editor.tabs.setCurrentWidget(editor.rounds)
    editor.focus_item(first)
    assert editor.tabs.currentWidget() is editor.bowl
    assert editor.bowl.fishbowl_id == first
    assert editor.bowl.picker.currentData() == first


def test_revealed_notes_turn_page_by_page_and_a_huge_note_never_overflows(tool, qtbot):
    editor, room, _clock = tool
    panel = editor.bowl
    room.show()
    qtbot.waitExposed(room)
    huge = " ".join(["levier"] * 280)  # about 2 000 characters, the most a note may hold
    for heading, text in (("actions", "Un CFA mobile"), ("levers", huge), ("brakes_overcome", "x")):
        panel.commands.add_note(heading, text)
    panel.commands.confirm_reveal = lambda count: True
    panel.commands.reveal(True)
    pager = room.bowl.notes
    pages = pager.pages()
    assert [heading for heading, _ in pages] == ["actions", "levers", "brakes_overcome"]
    assert pages[1][1][0].endswith("…") and len(pages[1][1][0]) < len(huge)
    assert pager.page == 0
    assert editor.handle_room_key(key(Qt.Key.Key_PageDown))
    assert pager.page == 1
    for _ in range(5):
        editor.handle_room_key(key(Qt.Key.Key_PageDown))
    assert pager.page == 2  # the last page, however many clicks
    editor.handle_room_key(key(Qt.Key.Key_PageUp))
    assert pager.page == 1


def test_someone_who_leaves_the_workshop_is_greyed_cannot_sit_and_undo_brings_them_back(
    tool, ctx, qtbot
):
    editor, _room, clock = tool
    panel = editor.bowl
    seat(panel, "Claire")
    qtbot.mouseClick(panel.centre.cards[0].speak, Qt.MouseButton.LeftButton)
    clock.advance(30)
    panel.centre.circle.setCurrentIndex(circle_row(panel, "Léa"))
    assert panel.centre.depart_button.text() == "Quitte l'atelier"
    assert "Suppr" in panel.centre.depart_button.toolTip()
    qtbot.mouseClick(panel.centre.depart_button, Qt.MouseButton.LeftButton)

    assert ctx.undo_stack.undoText() == "Départ de Léa Fontaine"
    row = circle_row(panel, "Léa")
    assert row.data() == "Léa Fontaine (parti·e)  —  pas encore"
    assert row.row() == panel.centre.circle.count() - 1  # at the end
    assert row.data(Qt.ItemDataRole.ForegroundRole).color().name() == "#6b7385"
    names = [panel.stats.model.text(r, 0) for r in range(panel.stats.model.rowCount())]
    assert "Léa Fontaine (parti·e)" in names
    assert "Léa" not in panel.stats.silent.text()
    assert "Thomas Girard" in panel.stats.silent.text()
    # Selected again, she can come back but not sit: Enter says why and changes nothing.
    panel.centre.circle.setCurrentIndex(row)
    assert panel.centre.depart_button.text() == "Revient dans l'atelier"
    assert not panel.centre.seat_button.isEnabled()
    count = ctx.undo_stack.count()
    seat(panel, "Léa")
    assert ctx.extras["messages"][-1] == "Léa Fontaine a quitté l'atelier. Rien n'a été modifié."
    assert ctx.undo_stack.count() == count
    assert [c.name.full_text() for c in panel.centre.cards].count("Léa Fontaine") == 0

    # Suppr in the circle is the same action, for someone else.
    panel.centre.circle.setCurrentIndex(circle_row(panel, "Thomas"))
    qtbot.keyClick(panel.centre.circle, Qt.Key.Key_Delete)
    assert circle_row(panel, "Thomas").data().startswith("Thomas Girard (parti·e)")
    ctx.undo_stack.undo()
    ctx.undo_stack.undo()  # Ctrl+Z twice: both are back, Léa where she was
    assert circle_row(panel, "Léa").data() == "Léa Fontaine  —  pas encore"
    assert "Léa Fontaine" in panel.stats.silent.text()
    assert panel.status.text() == "Parle : Claire Dubois"  # the centre was never touched
    seat(panel, "Léa")
    assert panel.centre.cards[1].name.full_text() == "Léa Fontaine"


def test_someone_seated_who_quits_the_workshop_leaves_chair_and_bowl_in_one_step(tool, ctx, qtbot):
    editor, _room, clock = tool
    panel = editor.bowl
    seat(panel, "Claire")
    card = panel.centre.cards[0]
    qtbot.mouseClick(card.speak, Qt.MouseButton.LeftButton)
    clock.advance(40)
    count = ctx.undo_stack.count()
    card.depart_clicked.emit(card.member_id)  # the chair's right-click « Quitte l'atelier »
    assert ctx.undo_stack.count() == count + 1
    assert panel.centre.cards[0].name.full_text() == "Chaise vide"
    assert circle_row(panel, "Claire").data().startswith("Claire Dubois (parti·e)")
    assert panel.status.text() == "Personne ne parle."
    ctx.undo_stack.undo()
    assert panel.centre.cards[0].name.full_text() == "Claire Dubois"
    assert panel.centre.cards[0].speak.isChecked()  # she is speaking again, as before


def test_speaking_times_are_a_sound_model_updated_cell_by_cell(tool, qtlog):
    editor, _room, clock = tool
    panel = editor.bowl
    tester = model_tester(panel.stats.model)
    changed: list[tuple[int, int, int, int]] = []
    panel.stats.model.dataChanged.connect(
        lambda a, b: changed.append((a.row(), a.column(), b.row(), b.column()))
    )
    seat(panel, "Claire")
    seat(panel, "Thomas")
    panel.centre.cards[1].speak.click()
    clock.advance(2)
    panel._tick()  # Thomas has spoken: first in the table
    changed.clear()
    clock.advance(1)
    panel._tick()
    # One second more: Thomas's time, not every cell of the table.
    assert changed == [(0, 1, 0, 1)]
    clock.advance(75)
    panel._tick()
    assert panel.stats.model.text(0, 0) == "Thomas Girard"
    panel.ctx.undo_stack.undo()
    panel.ctx.undo_stack.undo()
    assert tester is not None
    assert_model_sound(qtlog)


def test_the_circle_is_a_sound_model_and_the_next_one_is_chosen_after_a_seat(
    tool, ctx, qtbot, qtlog
):
    editor, _room, _clock = tool
    panel = editor.bowl
    circle = panel.centre.circle
    tester = model_tester(circle.model())
    circle.setCurrentIndex(circle_row(panel, "Nadia"))
    below = circle.row_text(circle.currentRow() + 1)
    panel.centre._seat_selected()  # « Asseoir au centre »: Nadia leaves the circle
    assert not any(circle.row_text(r).startswith("Nadia") for r in range(circle.count()))
    assert circle.row_text(circle.currentRow()) == below  # the next one, for Enter
    circle.setCurrentIndex(circle_row(panel, "Karim"))
    qtbot.keyClick(circle, Qt.Key.Key_Delete)  # Karim leaves the workshop: greyed at the end
    assert circle.row_text(circle.count() - 1).startswith("Karim Benali (parti·e)")
    ctx.undo_stack.undo()
    ctx.undo_stack.undo()
    assert tester is not None
    assert_model_sound(qtlog)
