"""The « Tours de parole » tab: a déclusion driven by the clicker, words captured and kept."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest

from kitcop_desktop.domain.clock import FakeClock
from kitcop_desktop.storage import participants, rounds
from kitcop_desktop.tools.fishbowl.spec import SPEC


def key(k, text=""):
    return QKeyEvent(QEvent.Type.KeyPress, k, Qt.KeyboardModifier.NoModifier, text)


@pytest.fixture
def tab(ctx, qtbot):
    with ctx.store.write() as s:
        participants.paste(s, ctx.workshop_id, "Claire\nThomas\nNadia\n")
    clock = ctx.extras["clock"] = FakeClock()
    editor = SPEC.make_editor(ctx)
    room = SPEC.make_room_view(ctx)
    qtbot.addWidget(editor)
    qtbot.addWidget(room)
    room.resize(1024, 768)
    editor.tabs.setCurrentWidget(editor.rounds)
    editor.rounds.create_round("closing")
    return editor, room, clock


def test_the_room_follows_the_rounds_tab(tab):
    editor, room, _clock = tab
    assert room.stack.currentWidget() is room.round_page
    assert room.round.kicker.text() == "Déclusion · 0 sur 3"
    assert room.round.upcoming.text() == "On commence par\u00a0: Claire"
    editor.tabs.setCurrentWidget(editor.bowl)
    assert room.stack.currentWidget() is room.bowl


def test_a_declusion_round_with_the_clicker(tab, ctx):
    editor, room, clock = tab
    panel = editor.rounds
    assert editor.handle_room_key(key(Qt.Key.Key_PageDown))  # start
    assert room.round.speaker.text() == "Claire"
    assert room.round.upcoming.text() == "Ensuite\u00a0: Thomas"
    assert room.round.countdown.text() == "01:00"
    clock.advance(42)
    assert room.round.countdown.text() == "00:18"
    panel.word.setText("Confiante")
    panel.involved.setCurrentIndex(1)  # Oui
    panel.word.returnPressed.emit()  # Enter stores the word and gives Thomas the floor
    assert room.round.speaker.text() == "Thomas"
    assert editor.handle_room_key(key(Qt.Key.Key_L, "l"))  # Thomas: plus tard
    assert room.round.speaker.text() == "Nadia"
    panel.word.setText("Fatiguée mais contente")
    editor.handle_room_key(key(Qt.Key.Key_PageDown))  # the word is saved on the way
    assert room.round.speaker.text() == "Thomas"
    editor.handle_room_key(key(Qt.Key.Key_PageDown))
    assert room.round.speaker.text() == "Merci à toutes et à tous\u00a0!"
    assert room.round.words.text() == "Confiante · Fatiguée mais contente"
    assert room.round.countdown.isHidden()
    with ctx.store.read() as s:
        listed = rounds.list_rounds(s, ctx.workshop_id)
    words = [(e.name, e.word, e.stay_involved, e.status) for e in listed[0].entries]
    assert words == [
        ("Claire", "Confiante", True, "done"),
        ("Thomas", "", None, "done"),
        ("Nadia", "Fatiguée mais contente", None, "done"),
    ]
    assert listed[0].entries[0].spoken_seconds == 42


def test_undo_gives_the_floor_back(tab):
    editor, room, _clock = tab
    editor.handle_room_key(key(Qt.Key.Key_PageDown))
    editor.handle_room_key(key(Qt.Key.Key_PageDown))
    assert room.round.speaker.text() == "Thomas"
    editor.rounds.ctx.undo_stack.undo()
    assert room.round.speaker.text() == "Claire"
    assert editor.handle_room_key(key(Qt.Key.Key_PageUp)) is True


def test_pause_with_space_freezes_the_speaker_countdown(tab):
    editor, room, clock = tab
    editor.handle_room_key(key(Qt.Key.Key_PageDown))
    clock.advance(10)
    editor.handle_room_key(key(Qt.Key.Key_Space, " "))
    clock.advance(100)
    assert room.round.countdown.text() == "00:50"
    assert editor.rounds.pause_button.text() == "Reprendre"


def test_a_word_typed_in_the_table_is_corrected_and_undoable(tab, ctx):
    editor, _room, _clock = tab
    table = editor.rounds.table
    item = table.item(1, 4)
    item.setText("Motivé <3 & 🌱")
    with ctx.store.read() as s:
        assert rounds.entries(s, editor.rounds.round_id)[1].word == "Motivé <3 & 🌱"
    ctx.undo_stack.undo()
    with ctx.store.read() as s:
        assert rounds.entries(s, editor.rounds.round_id)[1].word == ""


def test_bad_time_per_speaker_is_refused_in_french(tab, ctx):
    editor, _room, _clock = tab
    editor.rounds._save("seconds_per_speaker", -5)
    assert ctx.extras["messages"][-1].endswith("Rien n'a été modifié.")
    assert editor.rounds.seconds.value() == 60


def test_room_sizes_follow_the_screen_height(tab, qtbot):
    editor, room, _clock = tab
    room.show()
    qtbot.waitExposed(room)
    editor.handle_room_key(key(Qt.Key.Key_PageDown))
    assert room.round.speaker.font().pixelSize() >= 768 // 10
    assert room.round.prompt.font().pixelSize() >= 768 // 20
    assert room.round.countdown.height() >= 768 / 4


def test_pagedown_from_the_word_field_saves_it_and_gives_the_next_person_an_empty_field(
    tab, ctx, qtbot
):
    editor, _room, _clock = tab
    panel = editor.rounds
    editor.show()
    qtbot.waitExposed(editor)
    editor.handle_room_key(key(Qt.Key.Key_PageDown))
    panel.word.setFocus()
    panel.word.setText("Sereine")
    editor.handle_room_key(key(Qt.Key.Key_PageDown))
    assert panel.word_label.text() == "Mot de Thomas\u00a0:"
    assert panel.word.text() == ""
    with ctx.store.read() as s:
        assert rounds.entries(s, panel.round_id)[0].word == "Sereine"


def test_ctrl_p_preselects_the_part_of_the_tab_in_front(tab):
    editor, _room, _clock = tab
    assert editor.print_part() == "rounds"
    editor.tabs.setCurrentWidget(editor.bowl)
    assert editor.print_part() == "fishbowl"


def test_a_link_to_a_round_opens_that_round(tab):
    editor, room, _clock = tab
    round_id = editor.rounds.round_id
    editor.rounds.create_round("check_in")
    editor.tabs.setCurrentWidget(editor.bowl)
    editor.focus_kind("rounds", round_id)
    assert editor.tabs.currentWidget() is editor.rounds
    assert editor.rounds.round_id == round_id
    assert room.round.kicker.text().startswith("Déclusion")


def test_a_word_being_typed_is_stored_after_a_pause_without_enter(tab, ctx, qtbot):
    editor, room, _clock = tab
    panel = editor.rounds
    editor.handle_room_key(key(Qt.Key.Key_PageDown))  # Claire speaks
    panel.word.setFocus()
    QTest.keyClicks(panel.word, "Confiante")  # typed, no Enter: then the battery dies

    def stored():
        with ctx.store.read() as s:
            return rounds.entries(s, panel.round_id)[0].word

    qtbot.waitUntil(lambda: stored() == "Confiante", timeout=3000)
    assert panel.word.text() == "Confiante"  # the field was not reset under the cursor
    QTest.keyClick(panel.word, Qt.Key.Key_Return)  # Enter afterwards changes nothing more
    assert stored() == "Confiante"


def test_enter_in_the_word_field_stores_the_word_and_gives_the_floor_to_the_next_person(
    tab, ctx, qtbot
):
    """Issue #22 item 1: Enter kept the word in the field, the next word was glued onto it
    (« MotivéeConfiante… » for one person)."""
    editor, room, _clock = tab
    panel = editor.rounds
    editor.show()
    editor.windowHandle().requestActivate()
    qtbot.waitUntil(editor.isActiveWindow)
    editor.handle_room_key(key(Qt.Key.Key_PageDown))  # Claire speaks
    panel.word.setFocus()
    assert panel.word.hasFocus()
    before = ctx.undo_stack.count()
    for word in ("Motivée", "Confiant"):
        panel.word.insert(word)  # typed (keyClicks aborts on « é »)
        QTest.keyClick(panel.word, Qt.Key.Key_Return)
        assert panel.word.text() == ""  # a fresh field for the next person
        assert panel.word.hasFocus()
    assert ctx.undo_stack.count() == before + 2  # one undo step per Enter
    assert panel.word_label.text() == "Mot de Nadia\u00a0:"
    assert room.round.speaker.text() == "Nadia"

    def words():
        with ctx.store.read() as s:
            return [(e.name, e.word) for e in rounds.entries(s, panel.round_id)]

    assert words() == [("Claire", "Motivée"), ("Thomas", "Confiant"), ("Nadia", "")]
    ctx.undo_stack.undo()  # the last Enter: Thomas has the floor again, as before it
    assert room.round.speaker.text() == "Thomas"
    assert words()[:2] == [("Claire", "Motivée"), ("Thomas", "")]
    ctx.undo_stack.redo()
    assert words()[1] == ("Thomas", "Confiant")
    assert room.round.speaker.text() == "Nadia"


def test_at_a_declusion_alt_o_and_alt_n_say_whether_they_stay_involved(tab, ctx, qtbot):
    """The kit's déclusion asks each person's « envie de continuer d'être impliqué·e » too:
    said from the word field, without the mouse."""
    editor, _room, _clock = tab
    panel = editor.rounds
    editor.show()
    editor.windowHandle().requestActivate()
    qtbot.waitUntil(editor.isActiveWindow)
    editor.handle_room_key(key(Qt.Key.Key_PageDown))  # Claire speaks
    panel.word.setFocus()
    panel.word.insert("Motivée")
    QTest.keyClick(panel.word, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    assert panel.involved.currentIndex() == 1 and panel.word.text() == "Motivée"
    QTest.keyClick(panel.word, Qt.Key.Key_Return)
    panel.word.insert("Fatigué")
    QTest.keyClick(panel.word, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    QTest.keyClick(panel.word, Qt.Key.Key_Return)
    with ctx.store.read() as s:
        said = [(e.name, e.word, e.stay_involved) for e in rounds.entries(s, panel.round_id)]
    assert said[:2] == [("Claire", "Motivée", True), ("Thomas", "Fatigué", False)]


@pytest.mark.parametrize("width", [630, 824])
def test_the_round_controls_fit_a_narrow_window(app_look, tab, qtbot, width):
    """One screen: the room screen takes the right of the laptop and the tool gets 630 px.
    « Précédent », « Plus tard », « Terminer » were cut and « Mot » was 45 px wide."""
    from tests.layout_checks import cut_widgets, narrow_fields

    editor, _room, _clock = tab
    editor.resize(width, 640)
    editor.show()
    qtbot.waitExposed(editor)
    editor.handle_room_key(key(Qt.Key.Key_PageDown))  # Claire speaks: the word field is up
    qtbot.wait(20)
    panel = editor.rounds
    # In the main window the tool cannot grow: what it needs must fit what it is given.
    assert editor.minimumSizeHint().width() <= width
    assert editor.width() == width
    assert cut_widgets(panel.body) == []
    assert narrow_fields(panel.body, 220) == []
    assert panel.word.width() >= 220


def test_once_the_round_is_over_suivant_no_longer_looks_pressable(app_look, tab, qtbot):
    """Seen beside the room screen: « Suivant » stayed bright blue after « Tour terminé »
    although it does nothing any more."""
    editor, _room, _clock = tab
    editor.resize(824, 640)
    editor.show()
    qtbot.waitExposed(editor)
    button = editor.rounds.next_button

    def fill() -> tuple[int, int, int]:
        colour = button.grab().toImage().pixelColor(8, button.height() // 2)
        return colour.red(), colour.green(), colour.blue()

    live = fill()
    assert live[2] > live[0] + 80  # the app's blue
    editor.rounds.finish()
    assert not button.isEnabled()
    done = fill()
    assert done[2] - done[0] < 40  # greyed: no longer the call to action


def test_latecomers_signed_in_since_join_the_round_in_words_a_reader_expects(tab, ctx):
    editor, _room, _clock = tab

    def arrive(names: str) -> None:
        with ctx.store.write() as s:
            for pid in participants.paste(s, ctx.workshop_id, names)[0]:
                participants.update(s, pid, present=True)

    arrive("Awa\nJean\n")
    editor.rounds.order.sync_entries()
    assert ctx.extras["messages"][-1] == "2 personnes ajoutées au tour."
    arrive("Lucas\n")
    editor.rounds.order.sync_entries()
    assert ctx.extras["messages"][-1] == "1 personne ajoutée au tour."
    editor.rounds.order.sync_entries()
    assert ctx.extras["messages"][-1] == "Tout le monde est déjà dans ce tour."


def test_the_word_field_says_whose_word_in_french(ctx, qtbot):
    """Seen at 1024×768 during Modèle 1: « Mot de / Amina Benali / : », a lone colon on its own
    line and no elision. Now « Mot d'Amina Benali : », the colon kept with the name."""
    with ctx.store.write() as s:
        participants.paste(s, ctx.workshop_id, "Amina Benali\nBruno Caron\nÉlise Fournier\n")
    ctx.extras["clock"] = FakeClock()
    editor = SPEC.make_editor(ctx)
    qtbot.addWidget(editor)
    editor.tabs.setCurrentWidget(editor.rounds)
    editor.rounds.create_round("closing")
    panel = editor.rounds
    said = []
    for _ in range(3):
        editor.handle_room_key(key(Qt.Key.Key_PageDown))
        said.append(panel.word_label.text())
    assert said == [
        "Mot d'Amina Benali\u00a0:",
        "Mot de Bruno Caron\u00a0:",
        "Mot d'Élise Fournier\u00a0:",
    ]
